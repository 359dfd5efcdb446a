import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk's working day: why a concept was sent back (kept, shown on the concept), in-app
 * notifications for the people a decision concerns, and printed batches kept until someone says
 * they came out of the printer (only then are the letters verzonden). All of it lives in the
 * encrypted database; a batch's PDFs are deleted once it is confirmed (the letters table then holds
 * the same bytes) or discarded.
 */
export class Desk0013 implements MigrationInterface {
  name = 'Desk0000000000013';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE beschikking_terugzendingen (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        beschikking_id INTEGER NOT NULL REFERENCES beschikkingen(id),
        reden TEXT NOT NULL,
        door_id INTEGER NOT NULL REFERENCES users(id),
        op TEXT NOT NULL)`,
      `CREATE INDEX idx_terugzendingen_beschikking ON beschikking_terugzendingen(beschikking_id)`,
      `CREATE TABLE notificaties (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id INTEGER NOT NULL REFERENCES users(id),
        soort TEXT NOT NULL CHECK (soort IN ('teruggestuurd', 'vastgesteld')),
        tekst TEXT NOT NULL,
        melding_id INTEGER REFERENCES meldingen(id),
        beschikking_id INTEGER REFERENCES beschikkingen(id),
        aangemaakt_op TEXT NOT NULL,
        gelezen_op TEXT)`,
      `CREATE INDEX idx_notificaties_user ON notificaties(user_id, gelezen_op)`,
      `CREATE TABLE print_batches (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        status TEXT NOT NULL CHECK (status IN ('klaar', 'bevestigd', 'verworpen')),
        datum TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        afgehandeld_op TEXT)`,
      `CREATE TABLE print_batch_letters (
        batch_id INTEGER NOT NULL REFERENCES print_batches(id),
        beschikking_id INTEGER NOT NULL REFERENCES beschikkingen(id),
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        pages INTEGER NOT NULL,
        PRIMARY KEY (batch_id, beschikking_id))`,
      `CREATE INDEX idx_print_batch_letters_beschikking ON print_batch_letters(beschikking_id)`,
    ]) await q.query(sql);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
