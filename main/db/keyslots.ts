import {
  createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync,
  randomBytes, scrypt as scryptCb, type KeyObject,
} from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LoketError } from '../../shared/errors';

/**
 * Key slots: one small file per user in `<db>.keys/`, so changing a password rewrites exactly one
 * file and removing a user deletes exactly one file. Slots hold no client data.
 *
 * A slot (version 2) holds the user's own X25519 key pair: the private key wrapped (AES-256-GCM)
 * under a scrypt key from her password, the public key in the clear, and the database key sealed
 * to that public key. Rotating the database key therefore needs no passwords: the new key is
 * sealed to every remaining user's public key, and a removed user's old slot (from a backup or a
 * copy she kept) still opens only the old key, which opens nothing. The slot's owner, the database
 * id and the scrypt parameters are bound into every GCM tag (AAD), and scrypt parameters below
 * KDF_FLOOR are refused, so a slot cannot be weakened, moved to another user or another database.
 */

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** About 0.3 s and 128 MiB per unlock on a desk PC: expensive for a guesser, fine for a person. */
export const STRONG_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };
/** The weakest slot that opens (and the cap, so a planted slot cannot exhaust memory either). */
export const KDF_FLOOR: KdfParams = { N: 2 ** 14, r: 8, p: 1 };
const KDF_CAP: KdfParams = { N: 2 ** 20, r: 32, p: 16 };

export const RECOVERY_SLOT = '#herstelsleutel';

interface Sealed {
  epk: string;
  iv: string;
  tag: string;
  ct: string;
}

/** What every slot version has: the owner and the scrypt salt and parameters, and the wrapped secret. */
interface SlotFileBase {
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

/** Version 1: `wrapped` is the database key itself. */
interface SlotFileV1 extends SlotFileBase {
  version: 1;
}

/** Version 2: `wrapped` is the user's X25519 private key (PKCS#8 DER). */
interface SlotFileV2 extends SlotFileBase {
  version: 2;
  databaseId: string;
  /** Her public key (SPKI DER): anyone with the database key may seal a new key to it. */
  publicKey: string;
  /** The database key, sealed to publicKey. */
  sealed: Sealed;
  /** During a key rotation: the next database key, until the database itself is rekeyed. */
  next?: Sealed;
}

export type SlotFile = SlotFileV1 | SlotFileV2;

export function keysDir(dbFile: string): string {
  return `${dbFile}.keys`;
}

function slotFileName(slot: string): string {
  // Usernames are validated to [a-z0-9._-]; the recovery slot gets a fixed name.
  return slot === RECOVERY_SLOT ? 'herstelsleutel.slot' : `gebruiker-${slot}.slot`;
}

function slotPath(dbFile: string, slot: string): string {
  return path.join(keysDir(dbFile), slotFileName(slot));
}

function kdfProblem(kdf: KdfParams): string | null {
  const ok = (v: unknown, lo: number, hi: number) => Number.isSafeInteger(v) && (v as number) >= lo && (v as number) <= hi;
  if (!ok(kdf.N, KDF_FLOOR.N, KDF_CAP.N) || (kdf.N & (kdf.N - 1)) !== 0 || !ok(kdf.r, KDF_FLOOR.r, KDF_CAP.r) || !ok(kdf.p, KDF_FLOOR.p, KDF_CAP.p)) {
    return `scrypt N=${kdf.N}, r=${kdf.r}, p=${kdf.p}; minimaal N=${KDF_FLOOR.N}, r=${KDF_FLOOR.r}, p=${KDF_FLOOR.p}`;
  }
  return null;
}

export function deriveKek(secret: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(secret.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** v1: the slot's owner only. */
function aadV1(slot: string): Buffer {
  return Buffer.from(`sociaal-loket-keyslot-v1:${slot}`, 'utf8');
}

/** v2: owner, database, scrypt parameters and public key, so none of them can be swapped. */
function aadV2(f: Pick<SlotFileV2, 'slot' | 'databaseId' | 'N' | 'r' | 'p' | 'publicKey'>): Buffer {
  return Buffer.from(JSON.stringify(['sociaal-loket-keyslot-v2', f.slot, f.databaseId, 'scrypt', f.N, f.r, f.p, f.publicKey]), 'utf8');
}

function sealAad(slot: string, databaseId: string, publicKey: string): Buffer {
  return Buffer.from(JSON.stringify(['sociaal-loket-seal-v2', slot, databaseId, publicKey]), 'utf8');
}

function gcmEncrypt(key: Buffer, plain: Buffer, aad: Buffer): { iv: string; tag: string; ct: string } {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

/** Throws on a wrong key or any changed byte (GCM tag). */
function gcmDecrypt(key: Buffer, box: { iv: string; tag: string; ct: string }, aad: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
  d.setAAD(aad);
  d.setAuthTag(Buffer.from(box.tag, 'base64'));
  return Buffer.concat([d.update(Buffer.from(box.ct, 'base64')), d.final()]);
}

function sealKey(dbKey: Buffer, publicKeyDer: string, slot: string, databaseId: string): Sealed {
  const eph = generateKeyPairSync('x25519');
  const pub = createPublicKey({ key: Buffer.from(publicKeyDer, 'base64'), format: 'der', type: 'spki' });
  const epk = eph.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: pub });
  const k = Buffer.from(hkdfSync('sha256', shared, Buffer.from(epk + publicKeyDer), 'sociaal-loket-seal-v2', 32));
  return { epk, ...gcmEncrypt(k, dbKey, sealAad(slot, databaseId, publicKeyDer)) };
}

function unsealKey(s: Sealed, privateKey: KeyObject, f: SlotFileV2): Buffer {
  const epk = createPublicKey({ key: Buffer.from(s.epk, 'base64'), format: 'der', type: 'spki' });
  const shared = diffieHellman({ privateKey, publicKey: epk });
  const k = Buffer.from(hkdfSync('sha256', shared, Buffer.from(s.epk + f.publicKey), 'sociaal-loket-seal-v2', 32));
  return gcmDecrypt(k, s, sealAad(f.slot, f.databaseId, f.publicKey));
}

export interface WriteSlotOptions {
  /** The database id bound into the slot; by default the id the other slots carry. */
  databaseId?: string;
}

export async function writeSlot(dbFile: string, slot: string, secret: string, dbKey: Buffer,
  kdf: KdfParams = STRONG_KDF, options: WriteSlotOptions = {}): Promise<void> {
  if (dbKey.length !== 32) throw new Error('database key must be 32 bytes');
  const weak = kdfProblem(kdf);
  if (weak) throw new LoketError('invoer', `Deze sleutelinstelling is te zwak (${weak}). Gebruik de standaardinstelling.`);
  const databaseId = options.databaseId ?? (await slotsDatabaseId(dbFile));
  if (!databaseId) throw new Error('no database id for a new key slot');
  const pair = generateKeyPairSync('x25519');
  const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const salt = randomBytes(16);
  const kek = await deriveKek(secret, salt, kdf);
  const head = { slot, databaseId, N: kdf.N, r: kdf.r, p: kdf.p, publicKey };
  const box = gcmEncrypt(kek, pair.privateKey.export({ format: 'der', type: 'pkcs8' }), aadV2(head));
  const file: SlotFileV2 = {
    version: 2, slot, databaseId, kdf: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p,
    salt: salt.toString('base64'), iv: box.iv, tag: box.tag, wrapped: box.ct, publicKey,
    sealed: sealKey(dbKey, publicKey, slot, databaseId),
  };
  await fs.mkdir(keysDir(dbFile), { recursive: true, mode: 0o700 });
  await writeFileAtomic(slotPath(dbFile, slot), JSON.stringify(file, null, 2) + '\n');
}

export async function readSlotFile(dbFile: string, slot: string): Promise<SlotFile | null> {
  try {
    const f = JSON.parse(await fs.readFile(slotPath(dbFile, slot), 'utf8')) as SlotFile;
    return f && typeof f === 'object' ? f : null;
  } catch {
    return null;
  }
}

export interface OpenedSlot {
  /** The database key, then (during an unfinished rotation) the next one: try them in order. */
  keys: Buffer[];
  /** The database id the slot is bound to; null for a version-1 slot (before migration 0011). */
  databaseId: string | null;
  kdf: KdfParams;
  version: 1 | 2;
}

function wrongSecret(slot: string): LoketError {
  return new LoketError('wachtwoord',
    slot === RECOVERY_SLOT
      ? 'De herstelsleutel klopt niet. Controleer de sleutel en probeer het opnieuw.'
      : 'Gebruikersnaam of wachtwoord klopt niet. Probeer het opnieuw of vraag de beheerder om hulp.');
}

/** Opens a slot, or throws a Dutch error that does not reveal which part was wrong. */
export async function openSlotFull(dbFile: string, slot: string, secret: string): Promise<OpenedSlot> {
  const file = await readSlotFile(dbFile, slot);
  if (!file) {
    // An unknown user costs the same key derivation as a known one (the recovery slot's cost), so
    // the time of the answer does not tell which usernames exist.
    const like = await readSlotFile(dbFile, RECOVERY_SLOT);
    const kdf = like && !kdfProblem(like) ? { N: like.N, r: like.r, p: like.p } : STRONG_KDF;
    await deriveKek(secret, randomBytes(16), kdf);
  }
  return openSlotContent(file, slot, secret);
}

/** Opens a slot's content: from its file, or moved into the database as a password verifier (team server). */
export async function openSlotContent(file: SlotFile | null, slot: string, secret: string): Promise<OpenedSlot> {
  const wrong = wrongSecret(slot);
  if (!file || file.kdf !== 'scrypt' || file.slot !== slot || (file.version !== 1 && file.version !== 2)) throw wrong;
  const weak = kdfProblem(file);
  if (weak) {
    throw new LoketError('wachtwoord', `De sleutel van ${slot === RECOVERY_SLOT ? 'de herstelsleutel' : `gebruiker ${slot}`} is te zwak beveiligd (${weak}) en wordt geweigerd. Vraag de beheerder om een nieuw wachtwoord.`);
  }
  const kek = await deriveKek(secret, Buffer.from(file.salt, 'base64'), file);
  try {
    if (file.version === 1) {
      return { keys: [gcmDecrypt(kek, { iv: file.iv, tag: file.tag, ct: file.wrapped }, aadV1(slot))], databaseId: null, kdf: file, version: 1 };
    }
    const der = gcmDecrypt(kek, { iv: file.iv, tag: file.tag, ct: file.wrapped }, aadV2(file));
    const priv = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    der.fill(0);
    const keys = [unsealKey(file.sealed, priv, file)];
    if (file.next) keys.push(unsealKey(file.next, priv, file));
    return { keys, databaseId: file.databaseId, kdf: file, version: 2 };
  } catch {
    throw wrong;
  }
}

/** The database key a slot opens (the current one; see openSlotFull during a rotation). */
export async function openSlot(dbFile: string, slot: string, secret: string): Promise<Buffer> {
  return (await openSlotFull(dbFile, slot, secret)).keys[0]!;
}

/** The database id the version-2 slots beside a database carry (null before migration 0011). */
export async function slotsDatabaseId(dbFile: string): Promise<string | null> {
  for (const slot of await listSlots(dbFile)) {
    const f = await readSlotFile(dbFile, slot);
    if (f?.version === 2) return f.databaseId;
  }
  return null;
}

/**
 * Key rotation, step 1: seals `newKey` as `next` into every version-2 slot in `keep`, and removes
 * every other slot (a removed user's, and version-1 slots, which hold no public key). Step 2 is
 * the rekey of the database; step 3 `commitSealed` makes `next` the current key. A crash between
 * the steps leaves slots that open either key, so nobody is locked out.
 */
export async function sealNextKey(dbFile: string, newKey: Buffer, databaseId: string, keep: (slot: string) => boolean):
  Promise<{ resealed: string[]; removed: string[] }> {
  const resealed: string[] = [];
  const removed: string[] = [];
  for (const slot of await listSlots(dbFile)) {
    const f = await readSlotFile(dbFile, slot);
    if (!keep(slot) || f?.version !== 2 || f.databaseId !== databaseId) {
      await removeSlot(dbFile, slot);
      removed.push(slot);
      continue;
    }
    f.next = sealKey(newKey, f.publicKey, f.slot, f.databaseId);
    await writeFileAtomic(slotPath(dbFile, slot), JSON.stringify(f, null, 2) + '\n');
    resealed.push(slot);
  }
  return { resealed, removed };
}

export async function commitSealed(dbFile: string): Promise<void> {
  for (const slot of await listSlots(dbFile)) {
    const f = await readSlotFile(dbFile, slot);
    if (f?.version !== 2 || !f.next) continue;
    f.sealed = f.next;
    delete f.next;
    await writeFileAtomic(slotPath(dbFile, slot), JSON.stringify(f, null, 2) + '\n');
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
