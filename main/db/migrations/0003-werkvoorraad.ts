import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The werkvoorraad at 100k clients: open meldingen are a small share of all meldingen, so a
 * partial index on them (by consulent) keeps "my open cases" and "open cases without a running
 * deadline" from scanning the whole table.
 */
export class Werkvoorraad0003 implements MigrationInterface {
  name = 'Werkvoorraad0000000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX idx_meldingen_open ON meldingen(consulent_id) WHERE status = 'open'`);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
