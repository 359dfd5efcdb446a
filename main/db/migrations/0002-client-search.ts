import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fast client search at 100k clients: a folded name column (Unicode-aware: ĳ/ij, ë/e, kept up to
 * date by triggers through the `loket_fold` SQL function that database.ts registers), a trigram
 * full-text index for fuzzy name search, and indexes for postcode + huisnummer and date of birth.
 */
export class ClientSearch0002 implements MigrationInterface {
  name = 'ClientSearch0000000000002';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE clients ADD COLUMN zoeknaam TEXT NOT NULL DEFAULT ''`,
      `UPDATE clients SET zoeknaam = loket_fold(geslachtsnaam, voorvoegsel, partner_geslachtsnaam, partner_voorvoegsel, voornamen)`,
      `CREATE TRIGGER clients_zoeknaam_insert AFTER INSERT ON clients BEGIN
        UPDATE clients SET zoeknaam = loket_fold(NEW.geslachtsnaam, NEW.voorvoegsel, NEW.partner_geslachtsnaam, NEW.partner_voorvoegsel, NEW.voornamen) WHERE id = NEW.id;
      END`,
      `CREATE TRIGGER clients_zoeknaam_update AFTER UPDATE OF geslachtsnaam, voorvoegsel, partner_geslachtsnaam, partner_voorvoegsel, voornamen ON clients BEGIN
        UPDATE clients SET zoeknaam = loket_fold(NEW.geslachtsnaam, NEW.voorvoegsel, NEW.partner_geslachtsnaam, NEW.partner_voorvoegsel, NEW.voornamen) WHERE id = NEW.id;
      END`,
      `CREATE INDEX idx_clients_zoeknaam ON clients(zoeknaam)`,
      `CREATE INDEX idx_clients_postcode ON clients(postcode, huisnummer)`,
      `CREATE INDEX idx_clients_geboortedatum ON clients(geboortedatum)`,
      `CREATE INDEX idx_clients_household ON clients(household_id)`,
      `CREATE VIRTUAL TABLE clients_fts USING fts5(zoeknaam, content='clients', content_rowid='id', tokenize='trigram')`,
      `INSERT INTO clients_fts(rowid, zoeknaam) SELECT id, zoeknaam FROM clients`,
      // A new row's zoeknaam goes from '' to its value: there is no old entry to delete then.
      `CREATE TRIGGER clients_fts_update AFTER UPDATE OF zoeknaam ON clients BEGIN
        INSERT INTO clients_fts(clients_fts, rowid, zoeknaam) SELECT 'delete', OLD.id, OLD.zoeknaam WHERE OLD.zoeknaam <> '';
        INSERT INTO clients_fts(rowid, zoeknaam) VALUES (NEW.id, NEW.zoeknaam);
      END`,
      `CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
        INSERT INTO clients_fts(clients_fts, rowid, zoeknaam) SELECT 'delete', OLD.id, OLD.zoeknaam WHERE OLD.zoeknaam <> '';
      END`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
