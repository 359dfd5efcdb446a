import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LoketError } from '../../shared/errors';

/**
 * Key slots: the 256-bit database key, wrapped (AES-256-GCM) under a key derived from one user's
 * password with scrypt. One small file per slot in `<db>.keys/`, so changing a password rewrites
 * exactly one file and removing a user deletes exactly one file. Slots hold no client data.
 */

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** About 0.3 s and 128 MiB per unlock on a desk PC: expensive for a guesser, fine for a person. */
export const STRONG_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

export const RECOVERY_SLOT = '#herstelsleutel';

interface SlotFile {
  version: 1;
  slot: string;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  wrapped: string;
}

export function keysDir(dbFile: string): string {
  return `${dbFile}.keys`;
}

function slotPath(dbFile: string, slot: string): string {
  // Usernames are validated to [a-z0-9._-]; the recovery slot gets a fixed name.
  const name = slot === RECOVERY_SLOT ? 'herstelsleutel' : `gebruiker-${slot}`;
  return path.join(keysDir(dbFile), `${name}.slot`);
}

function deriveKek(secret: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(secret.normalize('NFC'), salt, 32, { ...kdf, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** The slot's owner, bound into the GCM tag so a slot file cannot be renamed to another user. */
function aad(slot: string): Buffer {
  return Buffer.from(`sociaal-loket-keyslot-v1:${slot}`, 'utf8');
}

export async function writeSlot(dbFile: string, slot: string, secret: string, dbKey: Buffer,
  kdf: KdfParams = STRONG_KDF): Promise<void> {
  if (dbKey.length !== 32) throw new Error('database key must be 32 bytes');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKek(secret, salt, kdf);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(slot));
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  const file: SlotFile = {
    version: 1, slot, kdf: 'scrypt', ...kdf,
    salt: salt.toString('base64'), iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64'),
  };
  await fs.mkdir(keysDir(dbFile), { recursive: true, mode: 0o700 });
  await writeFileAtomic(slotPath(dbFile, slot), JSON.stringify(file, null, 2) + '\n');
}

/** Returns the database key, or throws a Dutch 'wachtwoord' error that does not reveal which part was wrong. */
export async function openSlot(dbFile: string, slot: string, secret: string): Promise<Buffer> {
  const wrong = new LoketError('wachtwoord',
    slot === RECOVERY_SLOT
      ? 'De herstelsleutel klopt niet. Controleer de sleutel en probeer het opnieuw.'
      : 'Gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw of vraag de beheerder om hulp.');
  let raw: string;
  try {
    raw = await fs.readFile(slotPath(dbFile, slot), 'utf8');
  } catch {
    throw wrong;
  }
  const file = JSON.parse(raw) as SlotFile;
  if (file.version !== 1 || file.kdf !== 'scrypt' || file.slot !== slot) throw wrong;
  const kek = await deriveKek(secret, Buffer.from(file.salt, 'base64'), file);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(file.iv, 'base64'));
    decipher.setAAD(aad(slot));
    decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(file.wrapped, 'base64')), decipher.final()]);
  } catch {
    throw wrong;
  }
}

export async function removeSlot(dbFile: string, slot: string): Promise<void> {
  await fs.rm(slotPath(dbFile, slot), { force: true });
  await fsyncDir(keysDir(dbFile));
}

export async function listSlots(dbFile: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(keysDir(dbFile));
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.slot')).map((n) => {
    const base = n.slice(0, -'.slot'.length);
    return base === 'herstelsleutel' ? RECOVERY_SLOT : base.replace(/^gebruiker-/, '');
  }).sort();
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Write to a temp file, fsync it, rename over the target, fsync the folder: never a half slot. */
export async function writeFileAtomic(target: string, content: string | Buffer): Promise<void> {
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, target);
  await fsyncDir(path.dirname(target));
}

async function fsyncDir(dir: string): Promise<void> {
  try {
    const h = await fs.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Some platforms (Windows) cannot fsync a directory; the rename is still atomic there.
  }
}

/** A recovery key a person can write down: 256 bits as 13 groups of base32 (Crockford-like). */
export function newRecoveryKey(): { key: Buffer; text: string } {
  const key = randomBytes(32);
  return { key, text: formatRecoveryKey(key) };
}

const B32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function formatRecoveryKey(key: Buffer): string {
  let bits = '';
  for (const byte of key) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += B32[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out.match(/.{1,4}/g)!.join('-');
}

/** The secret a recovery slot is wrapped with: the normalized text, so dashes and case do not matter. */
export function recoverySecret(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
