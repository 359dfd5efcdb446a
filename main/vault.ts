import { randomBytes } from 'node:crypto';
import { promises as fs, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoketError } from '../shared/errors';
import { roleCombinationProblem, ROLES, type Role } from '../shared/roles';
import { Anchor, anchorProblems, checkAnchors, hasAnchors, readAnchors, type AnchorConfig, type AnchorEvent } from './anchor';
import { appendLog, chainHead } from './auditlog';
import { openDatabase, openWithKey, type Db, type RawDb } from './db/database';
import { UserEntity, SettingEntity, type UserRow } from './db/entities';
import { tableCounts } from './db/sqlite/schema';
import { keepShownIndex } from './db/sqlite/shownClients';
import { backupCopyInWorker } from './store-jobs';
import {
  commitSealed, keysDir, newRecoveryKey, openSlot, openSlotFull, RECOVERY_SLOT, recoverySecret,
  sealNextKey, STRONG_KDF, writeSlot, type KdfParams,
} from './db/keyslots';
import { passwordStoreFor, SLOT_STORE, type PasswordStore } from './db/verifiers';
import { assertNotLockedOut, clearFailures, recordFailure } from './login-throttle';

/**
 * Opening and managing the encrypted store: init, unlock per user, passwords, users, rekey,
 * backup and restore. The database key lives only in this process's memory, in a Session.
 * Who may add users, back up or rekey is the router's question (the channel table's roles): these
 * operations check no role. Only restore, which runs without a router, checks for a beheerder.
 */

export interface Session {
  readonly db: Db;
  /** Re-read from the database at every router call (session-guard.ts): roles and mandate as they are now. */
  user: UserRow;
  /** Workstation and route, for the access log's "oorsprong". */
  readonly origin: string;
  /** @internal the database key, needed to write key slots; never leaves this process (a worker thread of it may copy it for one job). */
  readonly key: Buffer;
  readonly kdf: KdfParams;
  /** The id set at init (migration 0011 for older databases): slots and anchors name it. */
  readonly databaseId?: string;
  /** Where the access log's head is anchored outside the database (null: nowhere configured). */
  readonly anchor?: Anchor | null;
  /** Key slots (local mode) or verifiers in the database (team server); read from the database at unlock. */
  readonly passwords?: PasswordStore;
}

function passwordsOf(s: Session): PasswordStore {
  return s.passwords ?? SLOT_STORE;
}

/** The database id stored in the settings (set at init, or by migration 0011). */
export function databaseIdOf(raw: RawDb): string {
  const row = raw.prepare(`SELECT value FROM settings WHERE key = 'database.id'`).pluck().get() as string | undefined;
  if (!row) throw new LoketError('opslag', 'Deze database heeft geen database-id. Open hem eerst met de nieuwste versie van Sociaal Loket.');
  return JSON.parse(row) as string;
}

/**
 * The access log's upkeep on an open store: its per-client index of lists filled when quiet, and
 * its head anchored after every committed write. Returns the anchor for the other events.
 */
export function attachLog(db: Db, databaseId: string, config: AnchorConfig | undefined): Anchor | null {
  keepShownIndex(db);
  if (!hasAnchors(config)) return null;
  const anchor = new Anchor(config!);
  db.onCommit = () => {
    try {
      anchor.afterCommit({ chain: databaseId, ...chainHead(db.raw) });
    } catch (e) {
      // The write itself committed; a failing anchor must not look like a failed write.
      if (anchor.errors.length < 20) anchor.errors.push(`ankerbestand: ${(e as Error).message}`);
    }
  };
  return anchor;
}

/** Writes the current head for one event (lock, backup, export, restore, rekey); fsynced. */
export function anchorNow(s: Session, event: AnchorEvent, detail?: string): void {
  if (!s.anchor || !s.databaseId) return;
  s.anchor.write({ chain: s.databaseId, ...chainHead(s.db.raw) }, event, { durable: true, detail });
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
  anchor?: AnchorConfig;
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
  const db = await openDatabase(o.file, key, { create: true });
  try {
    // Migration 0011 gave the new database its id; the slots are bound to it.
    const databaseId = databaseIdOf(db.raw);
    await writeSlot(o.file, o.admin, o.password, key, kdf, { databaseId });
    await writeSlot(o.file, RECOVERY_SLOT, recoverySecret(recovery.text), key, kdf, { databaseId });
    const anchor = attachLog(db, databaseId, o.anchor);
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
    anchor?.write({ chain: databaseId, ...chainHead(db.raw) }, 'start', { durable: true });
    await anchor?.close();
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
  anchor?: AnchorConfig;
  /** Milliseconds since the epoch, for the lockout; tests move it. */
  now?: () => number;
}

/**
 * Opens the database with a slot: the slot's key (or, after an interrupted key rotation, its next
 * key), then checks that the slot belongs to this database. A version-1 slot (before migration
 * 0011) is rewritten as version 2 while the password is at hand.
 */
async function openWithSlot(file: string, slot: string, secret: string, kdf: KdfParams):
  Promise<{ db: Db; key: Buffer; databaseId: string }> {
  const opened = await openSlotFull(file, slot, secret);
  let db: Db | null = null;
  let key: Buffer | null = null;
  for (const candidate of opened.keys) {
    try {
      db = await openDatabase(file, candidate);
      key = candidate;
      break;
    } catch (e) {
      if (!(e instanceof LoketError) || e.code !== 'opslag') throw e;
      if (candidate === opened.keys[opened.keys.length - 1]) {
        throw new LoketError('wachtwoord', `De sleutel van ${slot === RECOVERY_SLOT ? 'de herstelsleutel' : `gebruiker ${slot}`} opent deze database niet (meer): de databasesleutel is vervangen of het bestand hoort niet bij deze sleutel. Vraag de beheerder om een nieuw wachtwoord.`);
      }
    }
  }
  const databaseId = databaseIdOf(db!.raw);
  if (opened.databaseId !== null && opened.databaseId !== databaseId) {
    await db!.close();
    throw new LoketError('wachtwoord', `De sleutel van ${slot === RECOVERY_SLOT ? 'de herstelsleutel' : `gebruiker ${slot}`} hoort bij een andere database en wordt geweigerd. Vraag de beheerder om een nieuw wachtwoord.`);
  }
  if (opened.version === 1) await writeSlot(file, slot, secret, key!, opened.kdf.N >= kdf.N ? opened.kdf : kdf, { databaseId });
  return { db: db!, key: key!, databaseId };
}

export async function unlock(o: UnlockOptions): Promise<Session> {
  if (!existsSync(o.file)) {
    throw new LoketError('opslag', `Databasebestand ${o.file} bestaat niet. Controleer het pad of maak een database met 'loket init'.`);
  }
  // The pattern users are made with; anything else (a path like ../) never reaches the key slots.
  check(usernameProblem(o.username), 'username');
  const now = o.now ?? Date.now;
  await assertNotLockedOut(o.file, o.username, now());
  const kdf = o.kdf ?? STRONG_KDF;
  let opened: Awaited<ReturnType<typeof openWithSlot>>;
  let user: UserRow | null;
  try {
    opened = await openWithSlot(o.file, o.username, o.password, kdf);
    user = await opened.db.ds.getRepository(UserEntity).findOneBy({ username: o.username, active: true });
    if (!user) {
      await opened.db.close();
      throw new LoketError('wachtwoord', 'Gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw of vraag de beheerder om hulp.');
    }
  } catch (e) {
    if (e instanceof LoketError && e.code === 'wachtwoord') await recordFailure(o.file, o.username, now());
    throw e;
  }
  await clearFailures(o.file, o.username);
  const { db, key, databaseId } = opened;
  const anchor = attachLog(db, databaseId, o.anchor);
  const session: Session = { db, user, origin: originFor(o.route ?? 'app'), key, kdf, databaseId, anchor, passwords: passwordStoreFor(db) };
  await logAdmin(session, 'inloggen', 'gebruiker', user.id, 'ontgrendeld');
  return session;
}

/** After every password is lost: the recovery key opens the database as a beheerder's tool. */
export async function unlockWithRecoveryKey(file: string, recoveryKey: string, route: Route = 'cli',
  kdf: KdfParams = STRONG_KDF, anchorConfig?: AnchorConfig): Promise<Session> {
  const { db, key, databaseId } = await openWithSlot(file, RECOVERY_SLOT, recoverySecret(recoveryKey), kdf);
  const user: UserRow = {
    id: 0, username: RECOVERY_SLOT, displayName: 'herstelsleutel', roles: ['beheerder'], mandaat: null,
    active: true, createdAt: new Date(0).toISOString(),
  };
  const anchor = attachLog(db, databaseId, anchorConfig);
  const session: Session = { db, user, origin: originFor(route), key, kdf, databaseId, anchor, passwords: passwordStoreFor(db) };
  await logAdmin(session, 'inloggen', 'database', null, 'geopend met de herstelsleutel');
  return session;
}

export async function lock(session: Session, reason: string | null = null): Promise<void> {
  if (!session.db.ds.isInitialized) return;
  await logAdmin(session, 'uitloggen', 'gebruiker', session.user.id, reason);
  anchorNow(session, 'vergrendelen');
  await session.db.close();
  await session.anchor?.close();
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

export async function changePassword(s: Session, oldPassword: string, newPassword: string): Promise<void> {
  check(passwordProblem(newPassword), 'newPassword');
  // Proves the person at the keyboard knows the current password, not just holds an open session.
  await passwordsOf(s).check(s, s.user, oldPassword);
  await passwordsOf(s).set(s, s.user, newPassword);
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
  check(usernameProblem(u.username), 'username');
  check(passwordProblem(u.password), 'password');
  for (const r of u.roles) {
    if (!ROLES.includes(r)) throw new LoketError('invoer', `Rol '${r}' bestaat niet. Kies uit: ${ROLES.join(', ')}.`, 'roles');
  }
  check(roleCombinationProblem(u.roles), 'roles');
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
  await passwordsOf(s).set(s, row, u.password);
  return row;
}

/**
 * Removes a user: her slot goes first (she can no longer unlock), her row is deactivated (the log
 * and old beschikkingen still name her) and her draft key deleted; then the database key is
 * rotated after a verified backup, so a slot she kept (or an old backup's) opens nothing live.
 */
export async function removeUser(s: Session, username: string, o: { backupTo?: string } = {}):
  Promise<{ backup: BackupResult | null; recoveryKey: string | null }> {
  if (username === s.user.username) {
    throw new LoketError('conflict', 'U kunt uzelf niet verwijderen. Laat een andere beheerder dat doen.', 'username');
  }
  const user = await s.db.ds.getRepository(UserEntity).findOneBy({ username, active: true });
  if (!user) throw new LoketError('niet_gevonden', `Gebruiker '${username}' bestaat niet of is al verwijderd.`, 'username');
  await passwordsOf(s).remove(s, user);
  await s.db.write(async (m) => {
    await m.update(UserEntity, { id: user.id }, { active: false });
    await m.delete(SettingEntity, { key: draftKeySetting(user.id) });
    logAdminNow(s, 'beheer', 'gebruiker', user.id, 'gebruiker verwijderd');
  });
  // Team server: she never held key material (only a verifier, now deleted), so nothing to rotate.
  if (passwordsOf(s).kind === 'verifiers') return { backup: null, recoveryKey: null };
  const rotated = await rotateKey(s, o.backupTo ?? defaultBackupPath(s.db.file, `voor-sleutelwissel-${username}`),
    `gebruiker ${username} verwijderd`);
  // A recovery slot from before migration 0011 cannot take the new key: it gets a new recovery key.
  let recoveryKey: string | null = null;
  if (rotated.removed.includes(RECOVERY_SLOT)) {
    const recovery = newRecoveryKey();
    await writeSlot(s.db.file, RECOVERY_SLOT, recoverySecret(recovery.text), s.key, s.kdf, { databaseId: rotated.databaseId });
    recoveryKey = recovery.text;
  }
  return { backup: rotated.backup, recoveryKey };
}

/** The settings key of a user's draft key (drafts in the renderer are encrypted with it). */
export function draftKeySetting(userId: number): string {
  return `concepten.sleutel.${userId}`;
}

/** Where a backup goes that the app makes by itself (before a key rotation): beside the database. */
export function defaultBackupPath(dbFile: string, label: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return path.join(path.dirname(dbFile), `${path.basename(dbFile)}.back-ups`, `${stamp}-${label}.db`);
}

export async function resetPassword(s: Session, username: string, newPassword: string): Promise<void> {
  check(passwordProblem(newPassword), 'password');
  const user = await s.db.ds.getRepository(UserEntity).findOneBy({ username, active: true });
  if (!user) throw new LoketError('niet_gevonden', `Gebruiker '${username}' bestaat niet.`, 'username');
  await passwordsOf(s).set(s, user, newPassword);
  await logAdmin(s, 'beheer', 'gebruiker', user.id, 'wachtwoord opnieuw ingesteld door beheerder');
}

export async function listUsers(s: Session): Promise<UserRow[]> {
  return s.db.ds.getRepository(UserEntity).find({ order: { username: 'ASC' } });
}

export interface BackupResult {
  file: string;
  counts: Record<string, number>;
  /** The access log's head in the backup (also in `<backup>.anker`). */
  head: { seq: number; head: string };
}

/**
 * A consistent, encrypted copy while the database is in use: VACUUM INTO reads one snapshot and
 * writes it encrypted with the same key. The key slots are copied beside it, so the backup opens
 * with the passwords (and recovery key) that were valid when it was made. The log's head goes
 * beside it (`<backup>.anker`) and to the anchors.
 */
export async function backup(s: Session, out: string): Promise<BackupResult> {
  if (existsSync(out)) throw new LoketError('conflict', `Er staat al een bestand op ${out}. Kies een nieuwe naam voor de back-up.`, 'out');
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true, mode: 0o700 });
  // Copied and read back on a worker thread: a large database takes seconds, and the team server's
  // desks go on meanwhile (the copy is a snapshot; writes after it are not in it).
  const { counts, head } = await backupCopyInWorker(s.db.file, s.key, out);
  await fs.cp(keysDir(s.db.file), keysDir(out), { recursive: true });
  await fs.writeFile(`${out}.anker`, JSON.stringify({ chain: s.databaseId ?? null, ...head, ts: new Date().toISOString() }) + '\n', { mode: 0o600, flag: 'wx' });
  await logAdmin(s, 'beheer', 'database', null, `back-up gemaakt (toegangslog tot regel ${head.seq})`);
  anchorNow(s, 'back-up', `back-up tot regel ${head.seq}`);
  return { file: out, counts, head };
}

export interface RestoreOptions {
  from: string;
  to: string;
  /** A beheerder of the live database (`to`); when there is none, a beheerder of the backup. */
  username?: string;
  password?: string;
  /** Instead of a beheerder: the recovery key (of the live database, or of the backup when none). */
  recoveryKey?: string;
  /** Replace a live database, and accept a backup older than the anchors: only with a reason. */
  force?: boolean;
  reason?: string;
  anchor?: AnchorConfig;
  kdf?: KdfParams;
  route?: Route;
}

async function credentialsOpen(file: string, o: RestoreOptions, kdf: KdfParams): Promise<{ db: Db; key: Buffer; databaseId: string; actor: string }> {
  if (o.recoveryKey) {
    return { ...(await openWithSlot(file, RECOVERY_SLOT, recoverySecret(o.recoveryKey), kdf)), actor: RECOVERY_SLOT };
  }
  if (!o.username || !o.password) throw new LoketError('invoer', 'Geef de gebruikersnaam en het wachtwoord van een beheerder, of de herstelsleutel.');
  const opened = await openWithSlot(file, o.username, o.password, kdf);
  const user = await opened.db.ds.getRepository(UserEntity).findOneBy({ username: o.username, active: true });
  if (!user?.roles.includes('beheerder')) {
    await opened.db.close();
    throw new LoketError('geen_toegang', `Alleen een beheerder van ${file} (of de herstelsleutel) mag een back-up terugzetten; ${o.username} is dat niet.`);
  }
  return { ...opened, actor: o.username };
}

/**
 * Puts a backup in place of (or beside) a database. Over a live database it needs a beheerder of
 * that live database (or its recovery key), a backup of that same database (database id), and
 * --force with a written reason; a backup whose access log ends before the anchors is refused
 * without them too. The restored database gets a fresh key sealed to the live database's slots
 * (so users removed since the backup stay out), logs the restore, and the anchors record it.
 */
export async function restore(o: RestoreOptions): Promise<{ counts: Record<string, number>; head: { seq: number; head: string } }> {
  const kdf = o.kdf ?? STRONG_KDF;
  const live = existsSync(o.to);
  const reason = o.reason?.trim() ?? '';
  const forced = o.force === true && reason.length >= 10;
  let liveKey: Buffer | null = null;
  let liveId: string | null = null;
  let actor: string;
  if (live) {
    let opened;
    try {
      opened = await credentialsOpen(o.to, o, kdf);
    } catch (e) {
      if (e instanceof LoketError && e.code === 'wachtwoord') {
        throw new LoketError('wachtwoord', `Terugzetten op ${o.to} kan alleen met het wachtwoord van een beheerder van die database of met de herstelsleutel. ${e.message}`);
      }
      throw e;
    }
    liveKey = Buffer.from(opened.key);
    liveId = opened.databaseId;
    actor = opened.actor;
    await opened.db.close();
  }
  // The backup's key: the live key when it was not rotated since, else the credentials against the backup's slots.
  let backupKey: Buffer | null = null;
  if (liveKey) {
    try {
      openWithKey(o.from, liveKey).close();
      backupKey = liveKey;
    } catch {
      backupKey = null;
    }
  }
  if (!backupKey) {
    const slot = o.recoveryKey ? RECOVERY_SLOT : o.username ?? '';
    const secret = o.recoveryKey ? recoverySecret(o.recoveryKey) : o.password ?? '';
    const opened = await openSlotFull(o.from, slot, secret).catch(() => {
      throw new LoketError('wachtwoord', `De back-up ${o.from} opent niet met deze gegevens (de sleutel is sindsdien vervangen). Gebruik het wachtwoord of de herstelsleutel van toen.`);
    });
    for (const k of opened.keys) {
      try {
        openWithKey(o.from, k).close();
        backupKey = k;
        break;
      } catch { /* the next key */ }
    }
    if (!backupKey) throw new LoketError('opslag', `De back-up ${o.from} opent niet met zijn eigen sleutel; het bestand is beschadigd of hoort niet bij deze sleutels.`);
  }
  const conn = openWithKey(o.from, backupKey);
  let counts: Record<string, number>;
  let backupHead: { seq: number; head: string };
  let backupId: string | null;
  let check;
  try {
    if (conn.pragma('integrity_check', { simple: true }) !== 'ok') {
      throw new LoketError('opslag', `De back-up ${o.from} is beschadigd en wordt niet teruggezet.`);
    }
    counts = tableCounts(conn);
    backupHead = chainHead(conn);
    backupId = (conn.prepare(`SELECT value FROM settings WHERE key = 'database.id'`).pluck().get() as string | undefined) ?? null;
    backupId = backupId ? (JSON.parse(backupId) as string) : null;
    if (live && backupId !== liveId) {
      throw new LoketError('conflict', backupId
        ? `De back-up ${o.from} hoort bij een andere database (id ${backupId}) dan ${o.to} (id ${liveId}) en wordt niet teruggezet.`
        : `De back-up ${o.from} is van vóór de database-id en kan niet aan ${o.to} worden gekoppeld; zet hem terug naast de database (een nieuw bestand) en neem over wat nodig is.`);
    }
    const chain = liveId ?? backupId;
    if (chain && o.anchor?.file) {
      const hashAt = conn.prepare('SELECT hash FROM access_log WHERE seq = ?').pluck();
      check = checkAnchors(readAnchors([o.anchor.file], chain).records, backupHead.seq, (seq) => hashAt.get(seq) as string | undefined);
    }
  } finally {
    conn.close();
  }
  const problems = check ? anchorProblems(check) : [];
  if (problems.length && !forced) {
    throw new LoketError('conflict', `De back-up is ouder dan het anker van het toegangslog (${problems.join('; ')}). Terugzetten maakt alles daarna ongedaan; doe het alleen met --force en een geschreven --reden.`);
  }
  if (live && !o.force) {
    throw new LoketError('conflict', `Er staat al een database op ${o.to}. Gebruik --force met --reden "waarom" om die te vervangen (maak eerst een back-up).`);
  }
  if (live && !forced) {
    throw new LoketError('invoer', 'Schrijf op waarom deze back-up de huidige database vervangt: --reden "…" (minstens 10 tekens). De reden komt in het toegangslog en het anker.', 'reason');
  }
  actor ??= o.recoveryKey ? RECOVERY_SLOT : o.username!;

  // Work on a copy; the live database is replaced only when everything below succeeded.
  const tmp = `${o.to}.restore-tmp`;
  await fs.rm(tmp, { force: true });
  await fs.rm(keysDir(tmp), { recursive: true, force: true });
  await fs.copyFile(o.from, tmp);
  await fs.chmod(tmp, 0o600);
  await fs.cp(keysDir(live ? o.to : o.from), keysDir(tmp), { recursive: true });
  const db = await openDatabase(tmp, backupKey);
  const newKey = randomBytes(32);
  let head: { seq: number; head: string };
  let databaseId: string;
  try {
    databaseId = databaseIdOf(db.raw);
    const detail = `back-up teruggezet uit ${path.basename(o.from)} (toegangslog tot regel ${backupHead.seq})` +
      (reason ? `; reden: ${reason}` : '') + (problems.length ? `; ouder dan het anker: ${problems.join('; ')}` : '');
    await db.write(async () => {
      appendLog(db.raw, { actor, role: 'beheerder', action: 'beheer', objectType: 'database', result: 'gelukt', origin: originFor(o.route ?? 'cli'), detail });
    });
    // A fresh key, sealed to the slots that are valid now: nobody removed since the backup gets back in.
    await db.write(async () => undefined);
    const { removed } = await sealNextKey(tmp, newKey, databaseId, () => true);
    db.raw.pragma('wal_checkpoint(TRUNCATE)');
    db.raw.pragma('journal_mode = DELETE');
    db.raw.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    db.raw.pragma('journal_mode = WAL');
    await commitSealed(tmp);
    if (o.recoveryKey && removed.includes(RECOVERY_SLOT)) {
      await writeSlot(tmp, RECOVERY_SLOT, recoverySecret(o.recoveryKey), newKey, kdf, { databaseId });
    } else if (o.username && o.password && removed.includes(o.username)) {
      await writeSlot(tmp, o.username, o.password, newKey, kdf, { databaseId });
    }
    head = chainHead(db.raw);
  } finally {
    await db.close();
    newKey.fill(0);
  }
  for (const suffix of ['-wal', '-shm']) await fs.rm(o.to + suffix, { force: true });
  const oldKeys = `${keysDir(o.to)}.oud`;
  await fs.rm(oldKeys, { recursive: true, force: true });
  if (existsSync(keysDir(o.to))) await fs.rename(keysDir(o.to), oldKeys);
  await fs.rename(keysDir(tmp), keysDir(o.to));
  await fs.rename(tmp, o.to);
  await fs.rm(oldKeys, { recursive: true, force: true });
  if (hasAnchors(o.anchor)) {
    const anchor = new Anchor(o.anchor!);
    anchor.write({ chain: databaseId, ...head }, 'herstel', { durable: true, detail: `${actor}: back-up tot regel ${backupHead.seq}${reason ? `; reden: ${reason}` : ''}` });
    await anchor.close();
  }
  return { counts, head };
}

/**
 * Rotates the database key: a verified backup (same rows, integrity ok) first, then the new key
 * sealed into every slot as its next key, PRAGMA rekey outside WAL mode, and the slots committed.
 * Draft keys are deleted (new ones are made at the next login), so old drafts open no more.
 */
async function rotateKey(s: Session, backupTo: string, why: string):
  Promise<{ backup: BackupResult; removed: string[]; databaseId: string }> {
  const before = tableCounts(s.db.raw);
  const bak = await backup(s, backupTo);
  for (const [table, n] of Object.entries(before)) {
    if (table !== 'access_log' && bak.counts[table] !== n) {
      throw new LoketError('opslag', `De back-up klopt niet (tabel ${table}); de sleutel is niet gewijzigd.`);
    }
  }
  const databaseId = s.databaseId ?? databaseIdOf(s.db.raw);
  const newKey = randomBytes(32);
  const raw = s.db.raw;
  await s.db.write(async () => undefined); // wait for queued writes
  // PRAGMA rekey needs the database to itself (out of WAL mode): another open connection stops it here.
  raw.pragma('wal_checkpoint(TRUNCATE)');
  let mode: unknown = 'wal';
  try {
    mode = raw.pragma('journal_mode = DELETE', { simple: true });
  } catch { /* reported below */ }
  if (mode !== 'delete') {
    throw new LoketError('conflict', `De databasesleutel is niet vervangen (${why}): de database is nog geopend op een andere werkplek of in een ander venster. Sluit Sociaal Loket overal en voer daarna 'loket rekey' uit.`);
  }
  const { removed } = await sealNextKey(s.db.file, newKey, databaseId, () => true);
  raw.pragma(`rekey="x'${newKey.toString('hex')}'"`);
  raw.pragma('journal_mode = WAL');
  await commitSealed(s.db.file);
  newKey.copy(s.key);
  newKey.fill(0);
  await s.db.write(async (m) => {
    await m.createQueryBuilder().delete().from(SettingEntity).where(`key LIKE 'concepten.sleutel.%'`).execute();
    logAdminNow(s, 'beheer', 'database', null, `databasesleutel vervangen (${why})`);
  });
  anchorNow(s, 'sleutel', why);
  return { backup: bak, removed, databaseId };
}

/**
 * Rotates the database key on request (after a verified backup) and issues a new recovery key.
 * Every version-2 slot gets the new key; version-1 slots (before migration 0011) cannot and are
 * removed: those users get a new password from the beheerder ('loket user reset').
 */
export async function rekey(s: Session, o: { backupTo: string; password: string }):
  Promise<{ recoveryKey: string; usersToReset: string[]; backup: BackupResult }> {
  await openSlot(s.db.file, s.user.username, o.password);
  const rotated = await rotateKey(s, o.backupTo, 'op verzoek van de beheerder');
  const recovery = newRecoveryKey();
  await writeSlot(s.db.file, RECOVERY_SLOT, recoverySecret(recovery.text), s.key, s.kdf, { databaseId: rotated.databaseId });
  return { recoveryKey: recovery.text, usersToReset: rotated.removed.filter((x) => x !== RECOVERY_SLOT), backup: rotated.backup };
}
