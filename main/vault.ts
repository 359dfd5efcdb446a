import { randomBytes } from 'node:crypto';
import { promises as fs, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoketError } from '../shared/errors';
import { ROLES, type Role } from '../shared/roles';
import { appendLog } from './auditlog';
import { applyKey, openConnection, openDatabase, type Db, type RawDb } from './db/database';
import { UserEntity, SettingEntity, type UserRow } from './db/entities';
import {
  keysDir, listSlots, newRecoveryKey, openSlot, RECOVERY_SLOT, recoverySecret, removeSlot,
  STRONG_KDF, writeSlot, type KdfParams,
} from './db/keyslots';

/**
 * Opening and managing the encrypted store: init, unlock per user, passwords, users, rekey,
 * backup and restore. The database key lives only in this process's memory, in a Session.
 */

export interface Session {
  readonly db: Db;
  /** Re-read from the database at every router call (session-guard.ts): roles and mandate as they are now. */
  user: UserRow;
  /** Workstation and route, for the access log's "oorsprong". */
  readonly origin: string;
  /** @internal the database key, needed to write key slots; never leaves the main process. */
  readonly key: Buffer;
  readonly kdf: KdfParams;
}

export type Route = 'app' | 'cli' | 'test';

export function originFor(route: Route): string {
  return `${os.hostname()}/${route}`;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export function usernameProblem(username: string): string | null {
  return USERNAME.test(username) ? null
    : `Gebruikersnaam '${username}' kan niet: gebruik 2 tot 32 kleine letters, cijfers, punt, streepje of liggend streepje.`;
}

export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'Het wachtwoord is te kort: gebruik minstens 12 tekens (een zin werkt goed).';
  return null;
}

function check(problem: string | null, field: string): void {
  if (problem) throw new LoketError('invoer', problem, field);
}

export interface InitOptions {
  file: string;
  gemeente: string;
  gemeentecode: string;
  admin: string;
  adminName?: string;
  password: string;
  route?: Route;
  kdf?: KdfParams;
}

/** Creates the database and the first beheerder. Returns the recovery key, to be shown once. */
export async function initVault(o: InitOptions): Promise<{ recoveryKey: string }> {
  check(usernameProblem(o.admin), 'admin');
  check(passwordProblem(o.password), 'password');
  if (!/^[0-9]{4}$/.test(o.gemeentecode)) {
    throw new LoketError('invoer', `Gemeentecode '${o.gemeentecode}' klopt niet: gebruik de 4 cijfers van het CBS, bijvoorbeeld 0363.`, 'gemeentecode');
  }
  if (existsSync(o.file) || existsSync(keysDir(o.file))) {
    throw new LoketError('conflict', `Er staat al een database op ${o.file}. Kies een ander bestand of gebruik 'loket restore'.`);
  }
  const kdf = o.kdf ?? STRONG_KDF;
  const key = randomBytes(32);
  const recovery = newRecoveryKey();
  await fs.mkdir(path.dirname(path.resolve(o.file)), { recursive: true });
  await writeSlot(o.file, o.admin, o.password, key, kdf);
  await writeSlot(o.file, RECOVERY_SLOT, recoverySecret(recovery.text), key, kdf);
  const db = await openDatabase(o.file, key, { create: true });
  try {
    const now = new Date().toISOString();
    await db.write(async (m) => {
      await m.insert(SettingEntity, [
        { key: 'gemeente.naam', value: o.gemeente },
        { key: 'gemeente.code', value: o.gemeentecode },
      ]);
      const res = await m.insert(UserEntity, {
        username: o.admin, displayName: o.adminName ?? o.admin, roles: ['beheerder'], mandaat: null,
        active: true, createdAt: now,
      });
      appendLog(db.raw, {
        actor: o.admin, role: 'beheerder', action: 'beheer', objectType: 'database',
        objectId: res.identifiers[0]?.id, result: 'gelukt', origin: originFor(o.route ?? 'cli'),
        detail: 'database aangemaakt',
      });
    });
  } finally {
    await db.close();
  }
  return { recoveryKey: recovery.text };
}

export interface UnlockOptions {
  file: string;
  username: string;
  password: string;
  route?: Route;
  kdf?: KdfParams;
}

export async function unlock(o: UnlockOptions): Promise<Session> {
  if (!existsSync(o.file)) {
    throw new LoketError('opslag', `Databasebestand ${o.file} bestaat niet. Controleer het pad of maak een database met 'loket init'.`);
  }
  const key = await openSlot(o.file, o.username, o.password);
  const db = await openDatabase(o.file, key);
  const user = await db.ds.getRepository(UserEntity).findOneBy({ username: o.username, active: true });
  if (!user) {
    await db.close();
    throw new LoketError('wachtwoord', 'Gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw of vraag de beheerder om hulp.');
  }
  const session: Session = { db, user, origin: originFor(o.route ?? 'app'), key, kdf: o.kdf ?? STRONG_KDF };
  await logAdmin(session, 'inloggen', 'gebruiker', user.id, 'ontgrendeld');
  return session;
}

/** After every password is lost: the recovery key opens the database as a beheerder's tool. */
export async function unlockWithRecoveryKey(file: string, recoveryKey: string, route: Route = 'cli',
  kdf: KdfParams = STRONG_KDF): Promise<Session> {
  const key = await openSlot(file, RECOVERY_SLOT, recoverySecret(recoveryKey));
  const db = await openDatabase(file, key);
  const user: UserRow = {
    id: 0, username: RECOVERY_SLOT, displayName: 'herstelsleutel', roles: ['beheerder'], mandaat: null,
    active: true, createdAt: new Date(0).toISOString(),
  };
  const session: Session = { db, user, origin: originFor(route), key, kdf };
  await logAdmin(session, 'inloggen', 'database', null, 'geopend met de herstelsleutel');
  return session;
}

export async function lock(session: Session, reason: string | null = null): Promise<void> {
  if (!session.db.ds.isInitialized) return;
  await logAdmin(session, 'uitloggen', 'gebruiker', session.user.id, reason);
  await session.db.close();
  session.key.fill(0);
}

/** Queued behind any running transaction, so log entries never interleave with one. */
function logAdmin(s: Session, action: 'inloggen' | 'uitloggen' | 'beheer', objectType: string,
  objectId: string | number | null, detail: string | null): Promise<void> {
  return s.db.write(async () => logAdminNow(s, action, objectType, objectId, detail));
}

/** For use inside a transaction that is already running. */
function logAdminNow(s: Session, action: 'inloggen' | 'uitloggen' | 'beheer', objectType: string,
  objectId: string | number | null, detail: string | null): void {
  appendLog(s.db.raw, {
    actor: s.user.username, role: s.user.roles.join(','), action, objectType, objectId,
    result: 'gelukt', origin: s.origin, detail,
  });
}

function requireBeheerder(s: Session): void {
  if (!s.user.roles.includes('beheerder')) {
    throw new LoketError('geen_toegang', 'Alleen een beheerder mag gebruikers en sleutels beheren.');
  }
}

export async function changePassword(s: Session, oldPassword: string, newPassword: string): Promise<void> {
  check(passwordProblem(newPassword), 'newPassword');
  // Proves the person at the keyboard knows the current password, not just holds an open session.
  await openSlot(s.db.file, s.user.username, oldPassword);
  await writeSlot(s.db.file, s.user.username, newPassword, s.key, s.kdf);
  await logAdmin(s, 'beheer', 'gebruiker', s.user.id, 'wachtwoord gewijzigd');
}

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  mandaat?: string | null;
  password: string;
}

export async function addUser(s: Session, u: NewUser): Promise<UserRow> {
  requireBeheerder(s);
  check(usernameProblem(u.username), 'username');
  check(passwordProblem(u.password), 'password');
  for (const r of u.roles) {
    if (!ROLES.includes(r)) throw new LoketError('invoer', `Rol '${r}' bestaat niet. Kies uit: ${ROLES.join(', ')}.`, 'roles');
  }
  const repo = s.db.ds.getRepository(UserEntity);
  if (await repo.findOneBy({ username: u.username })) {
    throw new LoketError('conflict', `Gebruiker '${u.username}' bestaat al.`, 'username');
  }
  const row = await s.db.write(async (m) => {
    const res = await m.insert(UserEntity, {
      username: u.username, displayName: u.displayName, roles: u.roles, mandaat: u.mandaat ?? null,
      active: true, createdAt: new Date().toISOString(),
    });
    const id = res.identifiers[0]!.id as number;
    logAdminNow(s, 'beheer', 'gebruiker', id, `gebruiker toegevoegd met rollen ${u.roles.join(',')}`);
    return (await m.findOneByOrFail(UserEntity, { id }));
  });
  await writeSlot(s.db.file, u.username, u.password, s.key, s.kdf);
  return row;
}

export async function removeUser(s: Session, username: string): Promise<void> {
  requireBeheerder(s);
  if (username === s.user.username) {
    throw new LoketError('conflict', 'U kunt uzelf niet verwijderen. Laat een andere beheerder dat doen.', 'username');
  }
  const user = await s.db.ds.getRepository(UserEntity).findOneBy({ username, active: true });
  if (!user) throw new LoketError('niet_gevonden', `Gebruiker '${username}' bestaat niet of is al verwijderd.`, 'username');
  // The slot goes first: once it is gone, the person can no longer unlock, whatever happens next.
  await removeSlot(s.db.file, username);
  await s.db.write(async (m) => {
    // The row stays (deactivated): the access log and old beschikkingen still name this person.
    await m.update(UserEntity, { id: user.id }, { active: false });
    logAdminNow(s, 'beheer', 'gebruiker', user.id, 'gebruiker verwijderd');
  });
}

export async function resetPassword(s: Session, username: string, newPassword: string): Promise<void> {
  requireBeheerder(s);
  check(passwordProblem(newPassword), 'password');
  const user = await s.db.ds.getRepository(UserEntity).findOneBy({ username, active: true });
  if (!user) throw new LoketError('niet_gevonden', `Gebruiker '${username}' bestaat niet.`, 'username');
  await writeSlot(s.db.file, username, newPassword, s.key, s.kdf);
  await logAdmin(s, 'beheer', 'gebruiker', user.id, 'wachtwoord opnieuw ingesteld door beheerder');
}

export async function listUsers(s: Session): Promise<UserRow[]> {
  return s.db.ds.getRepository(UserEntity).find({ order: { username: 'ASC' } });
}

function openRaw(file: string, key: Buffer, readonly = true): RawDb {
  const conn = openConnection(file, { readonly, fileMustExist: true });
  try {
    applyKey(conn, key);
  } catch (e) {
    conn.close();
    throw e;
  }
  return conn;
}

function tableCounts(conn: RawDb): Record<string, number> {
  const tables = conn.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'
    AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'clients_fts%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) =>
    [name, (conn.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

export interface BackupResult {
  file: string;
  counts: Record<string, number>;
}

/**
 * A consistent, encrypted copy while the database is in use: VACUUM INTO reads one snapshot and
 * writes it encrypted with the same key. The key slots are copied beside it, so the backup opens
 * with the passwords (and recovery key) that were valid when it was made.
 */
export async function backup(s: Session, out: string): Promise<BackupResult> {
  requireBeheerder(s);
  if (existsSync(out)) throw new LoketError('conflict', `Er staat al een bestand op ${out}. Kies een nieuwe naam voor de back-up.`, 'out');
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  s.db.raw.prepare('VACUUM INTO ?').run(out);
  await fs.cp(keysDir(s.db.file), keysDir(out), { recursive: true });
  const copy = openRaw(out, s.key);
  let counts: Record<string, number>;
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new LoketError('opslag', `De back-up ${out} is beschadigd (${String(integrity)}). Probeer het opnieuw.`);
    counts = tableCounts(copy);
  } finally {
    copy.close();
  }
  await logAdmin(s, 'beheer', 'database', null, 'back-up gemaakt');
  return { file: out, counts };
}

/**
 * Puts a backup in place of (or beside) a database. The backup must open with a password of
 * one of its users first, so a wrong or damaged file never replaces a working database.
 */
export async function restore(o: { from: string; to: string; username: string; password: string; force?: boolean }):
  Promise<{ counts: Record<string, number> }> {
  const key = await openSlot(o.from, o.username, o.password);
  const conn = openRaw(o.from, key);
  let counts: Record<string, number>;
  try {
    if (conn.pragma('integrity_check', { simple: true }) !== 'ok') {
      throw new LoketError('opslag', `De back-up ${o.from} is beschadigd en wordt niet teruggezet.`);
    }
    counts = tableCounts(conn);
  } finally {
    conn.close();
  }
  if (existsSync(o.to) && !o.force) {
    throw new LoketError('conflict', `Er staat al een database op ${o.to}. Gebruik --force om die te vervangen (maak eerst een back-up).`);
  }
  for (const suffix of ['-wal', '-shm']) await fs.rm(o.to + suffix, { force: true });
  const tmp = `${o.to}.restore-tmp`;
  await fs.copyFile(o.from, tmp);
  await fs.rename(tmp, o.to);
  await fs.rm(keysDir(o.to), { recursive: true, force: true });
  await fs.cp(keysDir(o.from), keysDir(o.to), { recursive: true });
  return { counts };
}

/**
 * Rotates the database key. First a verified backup (same rows, integrity ok); then PRAGMA rekey
 * outside WAL mode. Slots wrap the old key and cannot be re-wrapped without their passwords: the
 * beheerder's slot and the recovery slot are renewed here, every other user's slot is removed,
 * and the beheerder gives those users a new password ('loket user reset').
 */
export async function rekey(s: Session, o: { backupTo: string; password: string }):
  Promise<{ recoveryKey: string; usersToReset: string[]; backup: BackupResult }> {
  requireBeheerder(s);
  await openSlot(s.db.file, s.user.username, o.password);
  const before = tableCounts(s.db.raw);
  const bak = await backup(s, o.backupTo);
  for (const [table, n] of Object.entries(before)) {
    if (table !== 'access_log' && bak.counts[table] !== n) {
      throw new LoketError('opslag', `De back-up klopt niet (tabel ${table}); de sleutel is niet gewijzigd.`);
    }
  }
  const newKey = randomBytes(32);
  const raw = s.db.raw;
  await s.db.write(async () => undefined); // wait for queued writes
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.pragma('journal_mode = DELETE');
  raw.pragma(`rekey="x'${newKey.toString('hex')}'"`);
  raw.pragma('journal_mode = WAL');
  const recovery = newRecoveryKey();
  await writeSlot(s.db.file, s.user.username, o.password, newKey, s.kdf);
  await writeSlot(s.db.file, RECOVERY_SLOT, recoverySecret(recovery.text), newKey, s.kdf);
  const usersToReset: string[] = [];
  for (const slot of await listSlots(s.db.file)) {
    if (slot === RECOVERY_SLOT || slot === s.user.username) continue;
    await removeSlot(s.db.file, slot);
    usersToReset.push(slot);
  }
  newKey.copy(s.key);
  newKey.fill(0);
  await logAdmin(s, 'beheer', 'database', null, 'databasesleutel vervangen');
  return { recoveryKey: recovery.text, usersToReset, backup: bak };
}
