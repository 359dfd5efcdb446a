import { promises as fs } from 'node:fs';
import os from 'node:os';
import { LoketError } from '../../shared/errors';
import { appendLog } from '../auditlog';
import { openDatabase, type Db } from '../db/database';
import { SettingEntity, UserCredentialEntity, UserEntity, type UserRow } from '../db/entities';
import {
  listSlots, openSlot, readSlotFile, RECOVERY_SLOT, recoverySecret, removeSlot, STRONG_KDF, writeFileAtomic,
  type KdfParams,
} from '../db/keyslots';
import { attachLog, databaseIdOf } from '../vault';
import type { Anchor, AnchorConfig } from '../anchor';
import { isServerMode, SERVER_MODE_SETTING, storeVerifier, WRONG_PASSWORD } from '../db/verifiers';

/**
 * The key stays with the service. The server starts sealed; a beheerder's password, the recovery
 * key or (unattended restarts) a key file readable only by the service account unseals it. The
 * first unseal puts the database under the server: users' passwords become verifiers inside the
 * encrypted database and every slot but the beheerders' and the recovery slot is removed.
 */

export interface Unsealed {
  readonly db: Db;
  readonly key: Buffer;
  readonly kdf: KdfParams;
  readonly databaseId: string;
  /** The access log's head, anchored outside the database after every write (file and/or syslog). */
  readonly anchor: Anchor | null;
}

export interface SealOptions {
  kdf?: KdfParams;
  anchor?: AnchorConfig;
}

function unsealed(db: Db, key: Buffer, o: SealOptions): Unsealed {
  const databaseId = databaseIdOf(db.raw);
  return { db, key, kdf: o.kdf ?? STRONG_KDF, databaseId, anchor: attachLog(db, databaseId, o.anchor) };
}

const SERVER_ORIGIN = `${os.hostname()}/server`;

function logSeal(db: Db, actor: string, detail: string): Promise<void> {
  return db.write(async () => {
    appendLog(db.raw, { actor, role: 'beheerder', action: 'beheer', objectType: 'server', result: 'gelukt', origin: SERVER_ORIGIN, detail });
  });
}

export async function unsealWithPassword(file: string, username: string, password: string, o: SealOptions = {}): Promise<Unsealed> {
  const key = await openSlot(file, username, password);
  const db = await openDatabase(file, key);
  const user = await db.ds.getRepository(UserEntity).findOneBy({ username, active: true });
  if (!user || !user.roles.includes('beheerder')) {
    await db.close();
    throw new LoketError('wachtwoord', WRONG_PASSWORD);
  }
  if (!isServerMode(db)) await convertToServer(db, file, user.username);
  await logSeal(db, user.username, 'server ontsloten met het wachtwoord van de beheerder');
  return unsealed(db, key, o);
}

export async function unsealWithRecoveryKey(file: string, recoveryKey: string, o: SealOptions = {}): Promise<Unsealed> {
  const key = await openSlot(file, RECOVERY_SLOT, recoverySecret(recoveryKey));
  const db = await openDatabase(file, key);
  if (!isServerMode(db)) await convertToServer(db, file, RECOVERY_SLOT);
  await logSeal(db, RECOVERY_SLOT, 'server ontsloten met de herstelsleutel');
  return unsealed(db, key, o);
}

/**
 * The key file trades protection for unattended restarts: whoever can read it (root, the service
 * account, a backup of the server's disk) holds the database key. It must be readable by its
 * owner only, and it only works on a database that is already under the server.
 */
export async function unsealWithKeyFile(file: string, keyFile: string, o: SealOptions = {}): Promise<Unsealed> {
  const st = await fs.stat(keyFile).catch(() => null);
  if (!st) throw new LoketError('opslag', `Sleutelbestand ${keyFile} bestaat niet.`);
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
    throw new LoketError('geen_toegang', `Sleutelbestand ${keyFile} is leesbaar voor anderen dan de eigenaar. Zet het op alleen-eigenaar: chmod 600 ${keyFile}.`);
  }
  const hex = (await fs.readFile(keyFile, 'utf8')).trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new LoketError('opslag', `Sleutelbestand ${keyFile} bevat geen databasesleutel.`);
  const key = Buffer.from(hex, 'hex');
  const db = await openDatabase(file, key);
  if (!isServerMode(db)) {
    await db.close();
    throw new LoketError('conflict', 'Deze database staat nog niet onder de server: ontsluit de eerste keer met een beheerder of de herstelsleutel.');
  }
  await logSeal(db, 'sleutelbestand', 'server ontsloten met het sleutelbestand');
  return unsealed(db, key, o);
}

export async function writeKeyFile(keyFile: string, key: Buffer): Promise<void> {
  if (await fs.stat(keyFile).catch(() => null)) throw new LoketError('conflict', `Er staat al een bestand op ${keyFile}.`);
  await writeFileAtomic(keyFile, `${key.toString('hex')}\n`);
  await fs.chmod(keyFile, 0o600);
}

/**
 * Users keep their passwords: a user's slot moves into the database as her verifier (it proves
 * the password by unwrapping, and is replaced by a plain scrypt verifier at her first login).
 * Then the slots of everyone who is not an active beheerder leave the key folder.
 */
export async function convertToServer(db: Db, file: string, actor: string): Promise<{ removed: string[] }> {
  const users = await db.ds.getRepository(UserEntity).find();
  const unsealers = new Set(users.filter((u) => u.active && u.roles.includes('beheerder')).map((u) => u.username));
  const verifiers: { user: UserRow; slot: string }[] = [];
  for (const user of users.filter((u) => u.active)) {
    const slot = await readSlotFile(file, user.username);
    if (slot) verifiers.push({ user, slot: JSON.stringify(slot) });
  }
  await db.write(async (m) => {
    for (const { user, slot } of verifiers) {
      if (await m.existsBy(UserCredentialEntity, { userId: user.id })) continue;
      storeVerifier(db, user.id, JSON.stringify({ v: 1, kdf: 'slot', slot: JSON.parse(slot) }));
    }
    await m.save(SettingEntity, { key: SERVER_MODE_SETTING, value: true });
    appendLog(db.raw, {
      actor, role: 'beheerder', action: 'beheer', objectType: 'database', result: 'gelukt', origin: SERVER_ORIGIN,
      detail: `onder de teamserver gebracht: ${verifiers.length} wachtwoorden als verificatie in de database`,
    });
  });
  const removed: string[] = [];
  for (const slot of await listSlots(file)) {
    if (slot === RECOVERY_SLOT || unsealers.has(slot)) continue;
    await removeSlot(file, slot);
    removed.push(slot);
  }
  return { removed };
}
