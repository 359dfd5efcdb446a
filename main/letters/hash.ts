import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of the bytes (e.g. to store with an archived letter). */
export function sha256Hex(buf: Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex');
}
