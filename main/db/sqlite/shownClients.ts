import { prepared, type Db, type RawDb } from '../database';

/**
 * SQLite only: which access-log entries are about a client, now that a search or list is one entry
 * naming every client it showed (`access_log.client_ids`, migration 0023).
 *
 * The per-client index of those lists (`access_log_getoond`) is filled behind the log, when the
 * store is quiet: written at the call, its random index pages were the largest cost of a busy
 * server. Until an entry is indexed it is found by reading the log's tail past `tot_seq`, so a
 * client's history is complete at any moment; the index only keeps that tail short.
 */

/** Entries per transaction of the indexing: ~10 ms each (measured at 100,000 clients), so a call arriving meanwhile hardly waits. */
export const INDEX_SLICE = 200;
/** Entries behind after which the index is filled even while calls keep coming: reading a tail of 100,000 took 0.17 s at 100,000 clients. */
export const MAX_UNINDEXED = 20_000;

/**
 * A query-builder condition on the log's `seq` column: the entry names one of `:...clientIds`,
 * as its client or among the clients a list showed (indexed, or still in the tail).
 */
export function aboutClients(seqColumn: string): string {
  return `${seqColumn} IN (
    SELECT seq FROM access_log WHERE client_id IN (:...clientIds)
    UNION ALL SELECT seq FROM access_log_getoond WHERE client_id IN (:...clientIds)
    UNION ALL SELECT t.seq FROM access_log t, json_each(t.client_ids) j
      WHERE t.seq > (SELECT tot_seq FROM access_log_getoond_stand WHERE id = 1) AND t.client_ids IS NOT NULL AND j.value IN (:...clientIds))`;
}

/** The index's mark and the log's head: entries past the mark are not indexed yet. */
function behind(raw: RawDb): { tot: number; head: number } | undefined {
  const mark = prepared(raw, 'SELECT tot_seq AS tot FROM access_log_getoond_stand WHERE id = 1').get() as { tot: number } | undefined;
  if (!mark) return undefined;
  return { tot: mark.tot, head: (prepared(raw, 'SELECT coalesce(max(seq), 0) AS head FROM access_log').get() as { head: number }).head };
}

/** Whether to index now: anything behind, and while calls keep coming only past MAX_UNINDEXED. */
export function shownIndexDue(raw: RawDb, busy: boolean): boolean {
  const b = behind(raw);
  return b !== undefined && b.head > b.tot && (!busy || b.head - b.tot >= MAX_UNINDEXED);
}

/** Indexes up to `maxEntries` list entries past the mark, in one transaction of the caller's. Returns whether more remains. */
export function indexShownClients(raw: RawDb, maxEntries = INDEX_SLICE): boolean {
  const b = behind(raw);
  if (!b || b.head <= b.tot) return false;
  const rows = prepared(raw, 'SELECT seq, client_ids AS ids FROM access_log WHERE seq > ? AND client_ids IS NOT NULL ORDER BY seq LIMIT ?')
    .all(b.tot, maxEntries) as { seq: number; ids: string }[];
  // In index order: neighbouring rows share pages, so a slice dirties fewer of them.
  const pairs = rows.flatMap((r) => (JSON.parse(r.ids) as number[]).map((clientId) => [clientId, r.seq] as const))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const insert = prepared(raw, 'INSERT OR IGNORE INTO access_log_getoond (client_id, seq) VALUES (?, ?)');
  for (const [clientId, seq] of pairs) insert.run(clientId, seq);
  const more = rows.length === maxEntries;
  prepared(raw, 'UPDATE access_log_getoond_stand SET tot_seq = ? WHERE id = 1').run(more ? rows.at(-1)!.seq : b.head);
  return more;
}

/** Lets the store fill the index whenever it is quiet (see `Db.quietWork`). */
export function keepShownIndex(db: Db): void {
  db.quietWork = { due: shownIndexDue, slice: (raw) => indexShownClients(raw) };
}
