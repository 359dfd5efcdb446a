import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * AVG art. 15: a registered request for inzage, before anyone exports a client's dossier
 * (least privilege, issue 15). Second part of migration number 0010.
 */
export class InzageVerzoeken0010 implements MigrationInterface {
  name = 'InzageVerzoeken0000000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE inzage_verzoeken (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
        ontvangen_op TEXT NOT NULL,
        uiterlijk_op TEXT NOT NULL,
        toelichting TEXT NOT NULL,
        geregistreerd_door INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        uitgevoerd_op TEXT,
        uitgevoerd_door INTEGER REFERENCES users(id)
      )`);
    await q.query(`CREATE INDEX idx_inzage_verzoeken_client ON inzage_verzoeken(client_id)`);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
