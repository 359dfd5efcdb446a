/**
 * A second process that writes a stream of small transactions to an encrypted database and
 * prints each committed row id. Used by the crash-safety and live-backup tests.
 * Usage: node --import tsx writer-child.ts FILE [PAUSE_MS]  (the hex key on stdin, never in argv)
 */
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { applyKey, configureConnection } from '../../main/db/database';

let hex = '';
process.stdin.on('data', (d) => (hex += d.toString()));
process.stdin.on('end', () => {
  const conn = new Sqlite(process.argv[2]!, { fileMustExist: true });
  applyKey(conn, Buffer.from(hex.trim(), 'hex'));
  configureConnection(conn);
  const insert = conn.prepare(`INSERT INTO households (naam, created_at, updated_at) VALUES (?, ?, ?)`);
  const now = new Date().toISOString();
  // A pause between transactions lets other connections take the write lock now and then.
  const pauseMs = Number(process.argv[3] ?? 0);
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 1_000_000; i++) {
    const id = conn.transaction(() => insert.run(`huishouden ${i}`, now, now).lastInsertRowid)();
    process.stdout.write(`${id}\n`);
    if (pauseMs > 0) Atomics.wait(sleeper, 0, 0, pauseMs);
  }
});
