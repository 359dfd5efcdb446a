import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Copies (afschriften) of a beschikking letter for a representative who gets one where the client
 * wants that (a beschermingsbewindvoerder): kept with the print batch next to the original, printed
 * with it, and stored as sent when the batch is confirmed.
 */
export class Afschriften0016 implements MigrationInterface {
  name = 'Afschriften0000000000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE print_batch_afschriften (
      batch_id INTEGER NOT NULL REFERENCES print_batches(id),
      beschikking_id INTEGER NOT NULL REFERENCES beschikkingen(id),
      volgnr INTEGER NOT NULL,
      aan TEXT NOT NULL,
      pdf BLOB NOT NULL,
      sha256 TEXT NOT NULL,
      pages INTEGER NOT NULL,
      PRIMARY KEY (batch_id, beschikking_id, volgnr))`);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
