import { existsSync, statSync } from 'node:fs';
import type { Db, RawDb } from '../database';

/** SQLite only: how deleted content leaves the file for good (secure_delete is on for every connection, database.ts). */

/** Foreign keys checked at commit instead of per statement, for this transaction only. */
export function deferForeignKeys(raw: RawDb): void {
  raw.pragma('defer_foreign_keys = ON');
}

/**
 * After the deleting transaction: no WAL frame and no free page may keep the old content.
 * secure_delete already zeroed the freed cells; the checkpoint moves everything into the file and
 * truncates the WAL, VACUUM rewrites the file without free pages, a second checkpoint empties the
 * WAL VACUUM wrote. Waits for queued writes; runs synchronously, so nothing interleaves.
 */
export async function purgeFreedPages(db: Db): Promise<boolean> {
  while (db.raw.inTransaction) await db.write(async () => undefined);
  const raw = db.raw;
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.exec('VACUUM');
  const [cp] = raw.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  const wal = `${db.file}-wal`;
  return cp !== undefined && cp.busy === 0 && (!existsSync(wal) || statSync(wal).size === 0);
}
