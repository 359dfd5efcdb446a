import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * iWmo/iJw decisions that the export reads from their own columns instead of the access log
 * (the log is only written):
 * - beschikkingen.vastgesteld_moment: the instant of vaststelling (Toewijzingstijd of the 301);
 * - beschikkingen.reden_einde: why a beëindiging ends the support (RedenWijziging 02, 06, 07, 08 …);
 * - indicaties.referentie_aanbieder: the aanbieder's reference from a 315, echoed in the 301 (IV097);
 * - iwmo_berichten: every incoming 315 with what it carries, its deadlines (retour 3 werkdagen,
 *   OP090; antwoord 5 werkdagen per product, OP274) and whether a person must look at it first;
 *   unique per berichtsoort, afzender and identificatie (TR056).
 */
export class Iwmo0009 implements MigrationInterface {
  name = 'Iwmo0000000000009';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      `ALTER TABLE beschikkingen ADD COLUMN vastgesteld_moment TEXT`,
      `ALTER TABLE beschikkingen ADD COLUMN reden_einde TEXT`,
      `ALTER TABLE indicaties ADD COLUMN referentie_aanbieder TEXT`,
      `CREATE TABLE iwmo_berichten (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        berichtsoort TEXT NOT NULL CHECK (berichtsoort IN ('WMO315', 'JW315')),
        afzender TEXT NOT NULL,
        identificatie TEXT NOT NULL,
        dagtekening TEXT NOT NULL,
        ontvangen_op TEXT NOT NULL,
        client_id INTEGER REFERENCES clients(id),
        melding_id INTEGER REFERENCES meldingen(id),
        status TEXT NOT NULL CHECK (status IN ('verwerkt', 'wacht_op_beoordeling', 'afgewezen')),
        reden_wacht TEXT,
        inhoud TEXT NOT NULL,
        antwoorden TEXT NOT NULL DEFAULT '{}',
        retour_uiterlijk TEXT NOT NULL,
        retour_identificatie TEXT,
        retour_op TEXT,
        antwoord_uiterlijk TEXT NOT NULL,
        UNIQUE (berichtsoort, afzender, identificatie))`,
      `CREATE INDEX idx_iwmo_berichten_status ON iwmo_berichten(status, antwoord_uiterlijk)`,
      // Beschikkingen vastgesteld before this migration: noon of the day, as the export assumed.
      `UPDATE beschikkingen SET vastgesteld_moment = vastgesteld_op || 'T12:00:00.000Z' WHERE vastgesteld_op IS NOT NULL`,
    ]) await q.query(sql);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
