import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Vier-ogen that holds: everyone who wrote (opstellen, overnemen) or submitted a beschikking is
 * recorded, and the creator of each indicatie, so none of them can be the one who approves it.
 * Existing beschikkingen start with their author.
 */
export class VierOgen0010 implements MigrationInterface {
  name = 'VierOgen0000000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE beschikking_bewerkers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        beschikking_id INTEGER NOT NULL REFERENCES beschikkingen(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        rol TEXT NOT NULL CHECK (rol IN ('auteur', 'indiener')),
        op TEXT NOT NULL,
        reden TEXT,
        UNIQUE (beschikking_id, user_id, rol)
      )`);
    await q.query(`INSERT INTO beschikking_bewerkers (beschikking_id, user_id, rol, op)
        SELECT id, auteur_id, 'auteur', created_at FROM beschikkingen`);
    await q.query(`INSERT OR IGNORE INTO beschikking_bewerkers (beschikking_id, user_id, rol, op)
        SELECT id, auteur_id, 'indiener', ter_accordering_op FROM beschikkingen WHERE ter_accordering_op IS NOT NULL`);
    // The authors' names of each beschikking, the original author first: the one place the letter,
    // the screens and the exports read them from.
    await q.query(`CREATE VIEW beschikking_auteurs AS
      SELECT b.id AS beschikking_id, (SELECT group_concat(naam, ' en ') FROM (
          SELECT 0 AS k, u.display_name AS naam FROM users u WHERE u.id = b.auteur_id
          UNION ALL
          SELECT bw.id, u.display_name FROM beschikking_bewerkers bw JOIN users u ON u.id = bw.user_id
            WHERE bw.beschikking_id = b.id AND bw.rol = 'auteur' AND bw.user_id <> b.auteur_id
          ORDER BY k)) AS namen
      FROM beschikkingen b`);
    // Who made an indicatie; NULL for indicaties made before this migration (their beschikking's author made them).
    await q.query(`ALTER TABLE indicaties ADD COLUMN created_by INTEGER REFERENCES users(id)`);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
