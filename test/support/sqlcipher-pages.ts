import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Decrypts every page of a SQLCipher-4 file (and every frame of its WAL) on its own, without
 * SQLite: free pages, freeblocks inside pages and old WAL frames included. `PRAGMA rekey=''` cannot
 * show those — dropping the 80 reserved bytes per page makes it VACUUM the copy first.
 * Layout (cipher 'sqlcipher', legacy 4, raw key): page size 4096; per page the last 80 bytes are
 * the IV (16) and HMAC-SHA512 (64); AES-256-CBC over the rest; page 1 starts with a 16-byte salt.
 */

const PAGE = 4096;
const RESERVE = 80;

function decryptPage(page: Buffer, key: Buffer, first: boolean): Buffer {
  const start = first ? 16 : 0;
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const d = createDecipheriv('aes-256-cbc', key, iv);
  d.setAutoPadding(false);
  return Buffer.concat([d.update(page.subarray(start, PAGE - RESERVE)), d.final()]);
}

export function decryptDbFile(file: string, key: Buffer): Buffer {
  const buf = readFileSync(file);
  const out: Buffer[] = [];
  for (let off = 0; off + PAGE <= buf.length; off += PAGE) out.push(decryptPage(buf.subarray(off, off + PAGE), key, off === 0));
  return Buffer.concat(out);
}

export function decryptWalFile(file: string, key: Buffer): Buffer {
  if (!existsSync(file)) return Buffer.alloc(0);
  const buf = readFileSync(file);
  const out: Buffer[] = [];
  for (let off = 32; off + 24 + PAGE <= buf.length; off += 24 + PAGE) {
    const pgno = buf.readUInt32BE(off);
    out.push(decryptPage(buf.subarray(off + 24, off + 24 + PAGE), key, pgno === 1));
  }
  return Buffer.concat(out);
}
