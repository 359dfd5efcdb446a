import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A search or list is one access-log entry that names every client it showed (`client_ids`, a JSON
 * array covered by the entry's hash), instead of one entry per client: 22 entries per werkvoorraad
 * page each dirtied a random page of the log's client index, the largest cost of a busy server.
 *
 * A client's history still finds those lists: `access_log_getoond` maps client to entry and is
 * filled behind the log when the store is quiet (main/db/sqlite/shownClients.ts); entries past
 * `access_log_getoond_stand.tot_seq` are read from the log itself. Both tables are derived from
 * the log and can be rebuilt from it.
 */
export class ToegangslogGetoond0023 implements MigrationInterface {
  name = 'ToegangslogGetoond0000000000023';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE access_log ADD COLUMN client_ids TEXT');
    await q.query(`CREATE TABLE access_log_getoond (
      client_id INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      PRIMARY KEY (client_id, seq)
    ) WITHOUT ROWID`);
    await q.query('CREATE TABLE access_log_getoond_stand (id INTEGER PRIMARY KEY CHECK (id = 1), tot_seq INTEGER NOT NULL)');
    // Entries written before this migration name no list of clients: nothing to index behind them.
    await q.query('INSERT INTO access_log_getoond_stand (id, tot_seq) SELECT 1, coalesce(max(seq), 0) FROM access_log');
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
