import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LoketError } from '../../shared/errors';
import type { Db } from './database';
import {
  deriveKek, openSlot, openSlotContent, removeSlot, STRONG_KDF, writeSlot, type KdfParams, type SlotFile,
} from './keyslots';

/**
 * Where passwords are checked. Local mode: each user's key slot beside the database (the password
 * opens the database key). Team-server mode: a password verifier per user inside the encrypted
 * database, so no ordinary user holds anything that opens the file; only the unseal slots
 * (beheerders, recovery key) wrap the key.
 */

export interface StoreSession {
  readonly db: Db;
  readonly key: Buffer;
  readonly kdf: KdfParams;
}

export interface PasswordUser {
  id: number;
  username: string;
  roles: readonly string[];
}

export interface PasswordStore {
  readonly kind: 'slots' | 'verifiers';
  /** Sets (or replaces) a user's password. */
  set(s: StoreSession, user: PasswordUser, password: string): Promise<void>;
  /** Throws the 'wachtwoord' LoketError when the password is wrong. */
  check(s: StoreSession, user: PasswordUser, password: string): Promise<void>;
  remove(s: StoreSession, user: PasswordUser): Promise<void>;
}

export const WRONG_PASSWORD = 'Gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw of vraag de beheerder om hulp.';

export const SLOT_STORE: PasswordStore = {
  kind: 'slots',
  set: (s, u, pw) => writeSlot(s.db.file, u.username, pw, s.key, s.kdf),
  check: async (s, u, pw) => {
    (await openSlot(s.db.file, u.username, pw)).fill(0);
  },
  remove: (s, u) => removeSlot(s.db.file, u.username),
};

/** A scrypt hash, or (right after conversion) the user's former slot, upgraded at the next login. */
type Verifier =
  | { v: 1; kdf: 'scrypt'; N: number; r: number; p: number; salt: string; hash: string }
  | { v: 1; kdf: 'slot'; slot: SlotFile };

export async function makeVerifier(password: string, kdf: KdfParams): Promise<string> {
  const salt = randomBytes(16);
  const hash = await deriveKek(password, salt, kdf);
  return JSON.stringify({ v: 1, kdf: 'scrypt', ...kdf, salt: salt.toString('base64'), hash: hash.toString('base64') });
}

/** True when the password matches. A slot verifier proves the password by unwrapping. */
export async function checkVerifier(stored: string, username: string, password: string): Promise<boolean> {
  const v = JSON.parse(stored) as Verifier;
  if (v.kdf === 'slot') {
    try {
      for (const k of (await openSlotContent(v.slot, username, password)).keys) k.fill(0);
      return true;
    } catch {
      return false;
    }
  }
  const hash = await deriveKek(password, Buffer.from(v.salt, 'base64'), v);
  return timingSafeEqual(hash, Buffer.from(v.hash, 'base64'));
}

export function isLegacyVerifier(stored: string): boolean {
  return (JSON.parse(stored) as Verifier).kdf === 'slot';
}

/** Costs the same as checking a real verifier, for a username that does not exist (no timing oracle). */
const dummies = new Map<string, Promise<string>>();
export async function checkDummy(password: string, kdf: KdfParams = STRONG_KDF): Promise<false> {
  const id = `${kdf.N}/${kdf.r}/${kdf.p}`;
  if (!dummies.has(id)) dummies.set(id, makeVerifier(randomBytes(16).toString('hex'), kdf));
  await checkVerifier(await dummies.get(id)!, 'dummy', password);
  return false;
}

export interface CredentialRow {
  user_id: number;
  verifier: string;
  totp_secret: string | null;
  totp_confirmed_at: string | null;
  /** The TOTP time step of the last accepted code (replay protection); null before the first. */
  totp_last_step: number | null;
  recovery_codes: string;
}

export function credentialsOf(db: Db, userId: number): CredentialRow | undefined {
  return db.raw.prepare('SELECT * FROM user_credentials WHERE user_id = ?').get(userId) as CredentialRow | undefined;
}

/** Inside a running write (transaction). */
export function storeVerifier(db: Db, userId: number, verifier: string): void {
  db.raw.prepare(`INSERT INTO user_credentials (user_id, verifier, updated_at) VALUES (?, ?, ?)
    ON CONFLICT(user_id) DO UPDATE SET verifier = excluded.verifier, updated_at = excluded.updated_at`)
    .run(userId, verifier, new Date().toISOString());
}

export const VERIFIER_STORE: PasswordStore = {
  kind: 'verifiers',
  async set(s, u, pw) {
    const verifier = await makeVerifier(pw, s.kdf);
    await s.db.write(async () => storeVerifier(s.db, u.id, verifier));
    // A beheerder can unseal the server: her password also keeps a slot that wraps the key.
    if (u.roles.includes('beheerder')) await writeSlot(s.db.file, u.username, pw, s.key, s.kdf);
  },
  async check(s, u, pw) {
    const row = credentialsOf(s.db, u.id);
    if (!row || !(await checkVerifier(row.verifier, u.username, pw))) throw new LoketError('wachtwoord', WRONG_PASSWORD);
  },
  async remove(s, u) {
    await s.db.write(async () => {
      s.db.raw.prepare('DELETE FROM user_credentials WHERE user_id = ?').run(u.id);
    });
    await removeSlot(s.db.file, u.username);
  },
};

export const SERVER_MODE_SETTING = 'server.modus';

/** Team-server mode is a fact of the database, so the CLI on a converted file never writes user slots. */
export function isServerMode(db: Db): boolean {
  const row = db.raw.prepare('SELECT value FROM settings WHERE key = ?').get(SERVER_MODE_SETTING) as { value: string } | undefined;
  return row !== undefined && JSON.parse(row.value) === true;
}

export function passwordStoreFor(db: Db): PasswordStore {
  return isServerMode(db) ? VERIFIER_STORE : SLOT_STORE;
}

/** One-time recovery codes for the second factor, stored as SHA-256 (each has 50 random bits). */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/[^A-Z0-9]/g, ''), 'utf8').digest('hex');
}
