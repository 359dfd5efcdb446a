import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendLog, verifyLog } from '../../main/auditlog';
import { checkpointInBackground } from '../../main/db/checkpointer';
import { lock, type Session } from '../../main/vault';
import { freshVault } from '../support/vault';

/** The team server's checkpointer: a worker thread with its own connection copies the WAL into the database file. */

let admin: Session | null = null;
afterEach(async () => {
  if (admin) await lock(admin);
  admin = null;
});

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('checkpointInBackground', () => {
  it('copies committed pages into the database file while the serving connection only commits', async () => {
    const v = await freshVault();
    admin = v.admin;
    const db = admin.db;
    db.raw.pragma('wal_checkpoint(TRUNCATE)');
    const before = digest(db.file);
    // Without the worker a small write stays in the WAL: the automatic checkpoint waits for ~40 MB.
    await db.write(async () => { appendLog(db.raw, { actor: 'beheer', action: 'lezen', objectType: 'test', result: 'gelukt', origin: 'test' }); });
    await new Promise((r) => setTimeout(r, 300));
    expect(digest(db.file)).toBe(before);

    db.beforeClose = checkpointInBackground(db, admin.key);
    for (let i = 0; i < 50; i++) {
      await db.write(async () => { appendLog(db.raw, { actor: 'beheer', action: 'lezen', objectType: 'test', result: 'gelukt', origin: 'test', detail: `ronde ${i}` }); });
    }
    // The database file itself changes: only a checkpoint writes it.
    expect(await until(() => digest(db.file) !== before, 5000)).toBe(true);
    // Everything still reads back whole through the serving connection.
    expect(verifyLog(db.raw).ok).toBe(true);
    // close() stops the worker first, then checkpoints and closes.
  });
});
