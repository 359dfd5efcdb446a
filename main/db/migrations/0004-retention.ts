import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (Archiefwet, Selectielijst gemeenten 2020) and citizens' rights (AVG art. 16–18):
 * - `zaak_archief`: per closed melding its resultaat, the selectielijst class and the
 *   archiefactiedatum (afsluitdatum + bewaartermijn). Deleted together with the case.
 * - `vernietiging_voorstellen` / `vernietiging_items`: the destruction list, proposed by one
 *   person and approved by a second. The items survive the destruction as the
 *   verklaring van vernietiging: internal ids and the class only, never a name or BSN.
 * - `rechten_verzoeken`: requests for destruction, rectification and restriction, their decision
 *   and reason. Free text is cleared when the client is destroyed.
 * - `clients.verwerking_beperkt`: restriction of processing (AVG art. 18).
 * No table is rebuilt, so foreign keys stay untouched.
 */
export class Retention0004 implements MigrationInterface {
  name = 'Retention0000000000004';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE clients ADD COLUMN verwerking_beperkt INTEGER NOT NULL DEFAULT 0`,
      `CREATE TABLE zaak_archief (
        melding_id INTEGER PRIMARY KEY REFERENCES meldingen(id),
        resultaat TEXT NOT NULL CHECK (resultaat IN ('verstrekt', 'geweigerd', 'beeindigd', 'afgebroken')),
        selectielijst_uuid TEXT NOT NULL,
        selectielijst_nummer TEXT NOT NULL,
        selectielijst_naam TEXT NOT NULL,
        bewaartermijn TEXT NOT NULL,
        brondatum TEXT NOT NULL,
        afsluitdatum TEXT NOT NULL,
        archiefactiedatum TEXT NOT NULL,
        afgesloten_door INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX idx_zaak_archief_actie ON zaak_archief(archiefactiedatum)`,
      `CREATE TABLE vernietiging_voorstellen (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        status TEXT NOT NULL CHECK (status IN ('voorgesteld', 'goedgekeurd', 'afgewezen', 'uitgevoerd')),
        grond TEXT NOT NULL CHECK (grond IN ('selectielijst', 'verzoek')),
        verzoek_id INTEGER,
        toelichting TEXT,
        voorgesteld_door INTEGER NOT NULL REFERENCES users(id),
        voorgesteld_op TEXT NOT NULL,
        beoordeeld_door INTEGER REFERENCES users(id),
        beoordeeld_op TEXT,
        beoordeling TEXT,
        uitgevoerd_door INTEGER REFERENCES users(id),
        uitgevoerd_op TEXT
      )`,
      // No foreign key to meldingen: the row outlives the case it names.
      `CREATE TABLE vernietiging_items (
        voorstel_id INTEGER NOT NULL REFERENCES vernietiging_voorstellen(id),
        melding_id INTEGER NOT NULL,
        client_id INTEGER NOT NULL,
        wet TEXT NOT NULL,
        selectielijst_nummer TEXT NOT NULL,
        archiefactiedatum TEXT NOT NULL,
        client_vernietigd INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (voorstel_id, melding_id)
      )`,
      `CREATE INDEX idx_vernietiging_items_melding ON vernietiging_items(melding_id)`,
      `CREATE TABLE rechten_verzoeken (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL,
        soort TEXT NOT NULL CHECK (soort IN ('vernietiging', 'rectificatie', 'beperking', 'opheffing_beperking')),
        ontvangen_op TEXT NOT NULL,
        uiterlijk_op TEXT NOT NULL,
        toelichting TEXT,
        melding_ids TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL CHECK (status IN ('ontvangen', 'toegewezen', 'afgewezen', 'uitgevoerd')),
        besluit_op TEXT,
        besluit_door INTEGER REFERENCES users(id),
        reden TEXT,
        wijziging TEXT,
        uitgevoerd_op TEXT,
        geregistreerd_door INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX idx_rechten_client ON rechten_verzoeken(client_id)`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
