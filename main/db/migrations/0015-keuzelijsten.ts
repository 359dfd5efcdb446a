import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The beheerder's pick lists (issue 16): wijken and aanbieders (name + AGB code). A client's wijk
 * and an indicatie's aanbieder are chosen from them, so a typo ("Centrun") never becomes a new
 * wijk. Clients keep the wijk's name (werkvoorraad, management information and the letters read
 * it as before); renaming a wijk renames it on its clients in the same transaction.
 * Existing data moves in: every wijk name already on a client, and every aanbieder already on an
 * indicatie (its most recent name), so nothing in use goes missing from the lists.
 * The address needed no move: clients have kept huisnummer (a number), huisletter and
 * huisnummer_toevoeging apart since 0001, as the BRP does.
 */
export class Keuzelijsten0015 implements MigrationInterface {
  name = 'Keuzelijsten0000000000015';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [
      `CREATE TABLE wijken (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        naam TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(naam)) > 0),
        actief INTEGER NOT NULL DEFAULT 1
      )`,
      `INSERT OR IGNORE INTO wijken (naam)
        SELECT DISTINCT trim(wijk) FROM clients WHERE wijk IS NOT NULL AND trim(wijk) <> '' ORDER BY 1`,
      `CREATE TABLE aanbieders (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        agb_code TEXT NOT NULL UNIQUE CHECK (length(agb_code) = 8 AND agb_code NOT GLOB '*[^0-9]*'),
        naam TEXT NOT NULL CHECK (length(trim(naam)) > 0),
        actief INTEGER NOT NULL DEFAULT 1
      )`,
      `INSERT OR IGNORE INTO aanbieders (agb_code, naam)
        SELECT i.aanbieder_agb,
          coalesce((SELECT j.aanbieder_naam FROM indicaties j WHERE j.aanbieder_agb = i.aanbieder_agb AND trim(coalesce(j.aanbieder_naam, '')) <> '' ORDER BY j.id DESC LIMIT 1),
                   'Aanbieder ' || i.aanbieder_agb)
        FROM indicaties i
        WHERE i.aanbieder_agb IS NOT NULL AND length(i.aanbieder_agb) = 8 AND i.aanbieder_agb NOT GLOB '*[^0-9]*'
        GROUP BY i.aanbieder_agb ORDER BY i.aanbieder_agb`,
    ]) await q.query(sql);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
