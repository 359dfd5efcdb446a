import type { RawDb } from '../database';

/**
 * SQLite only: the FTS5 trigram index of client search (migration 0002, kept by its triggers).
 * The queries that read it live in main/services/clients.ts and fuzzy.ts (to move here).
 */

/** FTS5 keeps deleted terms in older segments until they merge: after a destruction, rebuild from the content table. */
export function rebuildClientSearch(raw: RawDb): void {
  raw.prepare(`INSERT INTO clients_fts(clients_fts) VALUES ('rebuild')`).run();
}
