import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every database gets an id of its own: key slots bind it (AAD), anchors of the access log name
 * it, and restore refuses a backup of another database. New databases get it at init; this gives
 * existing ones theirs. Draft keys are keyed per user as before.
 */
export class DatabaseId0011 implements MigrationInterface {
  name = 'DatabaseId0000000000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO settings (key, value)
      SELECT 'database.id', json_quote(lower(hex(randomblob(16))))
      WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'database.id')`);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
