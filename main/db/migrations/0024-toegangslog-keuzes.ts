import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The users and actions that occur in the access log, for the auditor's filter lists: kept as the
 * log is written (main/auditlog.ts) instead of `SELECT DISTINCT` over the whole log on every view,
 * which took 35 ms per 100,000 entries per list, and a year of a team's log holds tens of millions.
 */
export class ToegangslogKeuzes0024 implements MigrationInterface {
  name = 'ToegangslogKeuzes0000000000024';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE access_log_keuzes (
      soort TEXT NOT NULL CHECK (soort IN ('actor', 'action')),
      waarde TEXT NOT NULL,
      PRIMARY KEY (soort, waarde)
    ) WITHOUT ROWID`);
    await q.query(`INSERT INTO access_log_keuzes (soort, waarde)
      SELECT DISTINCT 'actor', actor FROM access_log UNION SELECT DISTINCT 'action', action FROM access_log`);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
