import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions that hold up (issue 14):
 * - a representative is modelled by what they act in (zorg / financieel), not by a free "ontvangt
 *   post" flag: a curator (BW 1:378) acts in both, a mentor (BW 1:450) in care, a
 *   beschermingsbewindvoerder (BW 1:431) in money only; the flag now means "gets a copy";
 *   plus the office (organisatie) for the envelope window and the geslacht for the salutation;
 * - a beschikking may stand on its own (ambtshalve, with the voornemen of Awb 4:8), and a
 *   gedeeltelijke toekenning says per item what is not granted and why;
 * - an indicatie records how a PGB amount was set (zorgverlener, tariff) and which indicatie for
 *   the same product it explicitly replaces;
 * - the verslag records how a persoonlijk plan was used;
 * - voornemens (Awb 4:8) with their zienswijze term and the zienswijze, recorded.
 */
export class Legal0008 implements MigrationInterface {
  name = 'Legal0000000000008';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      `ALTER TABLE representatives ADD COLUMN handelt_in TEXT NOT NULL DEFAULT '[]'`,
      `ALTER TABLE representatives ADD COLUMN organisatie TEXT`,
      `ALTER TABLE representatives ADD COLUMN geslacht TEXT NOT NULL DEFAULT '0'`,
      `UPDATE representatives SET handelt_in = CASE soort
          WHEN 'curator' THEN '["zorg","financieel"]'
          WHEN 'mentor' THEN '["zorg"]'
          WHEN 'bewindvoerder' THEN '["financieel"]'
          WHEN 'ouder_voogd' THEN '["zorg","financieel"]'
          ELSE CASE WHEN ontvangt_post = 1 THEN '["zorg"]' ELSE '[]' END END`,
      `CREATE TABLE voornemens (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        beschikking_id INTEGER NOT NULL REFERENCES beschikkingen(id),
        soort TEXT NOT NULL CHECK (soort IN ('beeindiging', 'herziening', 'terugvordering')),
        wat TEXT NOT NULL,
        reden TEXT NOT NULL,
        per_datum TEXT,
        verzonden_op TEXT NOT NULL,
        zienswijze_uiterlijk TEXT NOT NULL,
        zienswijze TEXT,
        zienswijze_op TEXT,
        letter_id INTEGER REFERENCES letters(id),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL)`,
      `CREATE INDEX idx_voornemens_beschikking ON voornemens(beschikking_id)`,
      `ALTER TABLE beschikkingen ADD COLUMN ambtshalve_aanleiding TEXT`,
      `ALTER TABLE beschikkingen ADD COLUMN niet_toegekend TEXT NOT NULL DEFAULT '[]'`,
      `ALTER TABLE beschikkingen ADD COLUMN voornemen_id INTEGER REFERENCES voornemens(id)`,
      `CREATE TRIGGER beschikkingen_immutable_0008 BEFORE UPDATE OF ambtshalve_aanleiding, niet_toegekend, voornemen_id ON beschikkingen
        WHEN OLD.status IN ('vastgesteld', 'verzonden') AND (
          NEW.ambtshalve_aanleiding IS NOT OLD.ambtshalve_aanleiding OR NEW.niet_toegekend IS NOT OLD.niet_toegekend
          OR NEW.voornemen_id IS NOT OLD.voornemen_id)
        BEGIN SELECT RAISE(ABORT, 'een vastgestelde beschikking is onveranderlijk'); END`,
      `ALTER TABLE indicaties ADD COLUMN pgb_zorgverlener TEXT CHECK (pgb_zorgverlener IN ('formeel', 'informeel'))`,
      `ALTER TABLE indicaties ADD COLUMN pgb_tarief_cents INTEGER`,
      `ALTER TABLE indicaties ADD COLUMN vervangt_indicatie_id INTEGER REFERENCES indicaties(id)`,
      `ALTER TABLE onderzoeken ADD COLUMN persoonlijk_plan_gebruik TEXT`,
    ]) {
      await q.query(sql);
    }
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
