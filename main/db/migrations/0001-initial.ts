import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The case model of domain.md: users, settings, households, clients, the case chain, letters, outbox. */
export class Initial0001 implements MigrationInterface {
  // TypeORM orders migrations by the 13 digits at the end of the name.
  name = 'Initial0000000000001';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE users (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        roles TEXT NOT NULL,
        mandaat TEXT,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      )`,
      `CREATE TABLE households (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        naam TEXT NOT NULL,
        regisseur_id INTEGER REFERENCES users(id),
        plan_doelen TEXT NOT NULL DEFAULT '[]',
        plan_afspraken TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE TABLE clients (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        bsn TEXT NOT NULL UNIQUE,
        voornamen TEXT NOT NULL,
        voorletters TEXT,
        voorvoegsel TEXT,
        geslachtsnaam TEXT NOT NULL,
        partner_voorvoegsel TEXT,
        partner_geslachtsnaam TEXT,
        naamgebruik TEXT NOT NULL DEFAULT 'E',
        geslacht TEXT NOT NULL DEFAULT '0',
        geboortedatum TEXT NOT NULL,
        straat TEXT,
        huisnummer INTEGER,
        huisletter TEXT,
        huisnummer_toevoeging TEXT,
        postcode TEXT,
        woonplaats TEXT,
        telefoon TEXT,
        email TEXT,
        wijk TEXT,
        geheimhouding INTEGER NOT NULL DEFAULT 0,
        overleden INTEGER NOT NULL DEFAULT 0,
        niet_ingezetene INTEGER NOT NULL DEFAULT 0,
        household_id INTEGER REFERENCES households(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE TABLE representatives (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        soort TEXT NOT NULL,
        naam TEXT NOT NULL,
        adresregels TEXT NOT NULL DEFAULT '[]',
        telefoon TEXT,
        email TEXT,
        ontvangt_post INTEGER NOT NULL DEFAULT 0
      )`,
      `CREATE TABLE meldingen (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_id INTEGER NOT NULL REFERENCES clients(id),
        consulent_id INTEGER NOT NULL REFERENCES users(id),
        datum TEXT NOT NULL,
        kanaal TEXT NOT NULL,
        wet TEXT NOT NULL,
        hulpvraag TEXT NOT NULL,
        toestemming INTEGER NOT NULL,
        clientondersteuning_aangeboden INTEGER NOT NULL,
        persoonlijk_plan_ontvangen_op TEXT,
        mantelzorger TEXT,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE onderzoeken (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        melding_id INTEGER NOT NULL UNIQUE REFERENCES meldingen(id),
        datum TEXT NOT NULL,
        aanwezigen TEXT NOT NULL,
        behoeften TEXT NOT NULL,
        eigen_kracht TEXT NOT NULL,
        netwerk TEXT NOT NULL,
        mantelzorg_ondersteuning TEXT NOT NULL,
        algemene_voorzieningen TEXT NOT NULL,
        benodigde_ondersteuning TEXT NOT NULL,
        pgb_uitgelegd INTEGER NOT NULL,
        bijdrage_uitgelegd INTEGER NOT NULL,
        conclusies TEXT NOT NULL,
        verslag_verzonden_op TEXT,
        opmerkingen_client TEXT,
        updated_at TEXT NOT NULL
      )`,
      `CREATE TABLE aanvragen (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        melding_id INTEGER NOT NULL UNIQUE REFERENCES meldingen(id),
        ontvangen_op TEXT NOT NULL,
        omschrijving TEXT NOT NULL
      )`,
      `CREATE TABLE indicaties (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        aanvraag_id INTEGER NOT NULL REFERENCES aanvragen(id),
        wet TEXT NOT NULL,
        productcategorie TEXT NOT NULL,
        productcode TEXT,
        volume INTEGER,
        eenheid TEXT,
        frequentie TEXT,
        budget_cents INTEGER,
        leveringsvorm TEXT NOT NULL CHECK (leveringsvorm IN ('ZIN', 'PGB')),
        aanbieder_agb TEXT,
        aanbieder_naam TEXT,
        ingangsdatum TEXT NOT NULL,
        einddatum TEXT,
        motivering TEXT NOT NULL,
        toewijzing_nummer INTEGER,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE beschikkingen (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        aanvraag_id INTEGER NOT NULL REFERENCES aanvragen(id),
        kenmerk TEXT NOT NULL UNIQUE,
        soort TEXT NOT NULL,
        besluit_tekst TEXT NOT NULL,
        motivering TEXT NOT NULL,
        wettelijke_grondslag TEXT NOT NULL,
        status TEXT NOT NULL,
        auteur_id INTEGER NOT NULL REFERENCES users(id),
        accordeur_id INTEGER REFERENCES users(id),
        ter_accordering_op TEXT,
        vastgesteld_op TEXT,
        verzonden_op TEXT,
        vervangt_id INTEGER REFERENCES beschikkingen(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      // Awb: a vastgestelde beschikking does not change; a change is a new beschikking that references it.
      `CREATE TRIGGER beschikkingen_immutable BEFORE UPDATE ON beschikkingen
        WHEN OLD.status IN ('vastgesteld', 'verzonden') AND (
          NEW.soort IS NOT OLD.soort OR NEW.besluit_tekst IS NOT OLD.besluit_tekst
          OR NEW.motivering IS NOT OLD.motivering OR NEW.wettelijke_grondslag IS NOT OLD.wettelijke_grondslag
          OR NEW.aanvraag_id IS NOT OLD.aanvraag_id OR NEW.kenmerk IS NOT OLD.kenmerk
          OR NEW.auteur_id IS NOT OLD.auteur_id OR NEW.accordeur_id IS NOT OLD.accordeur_id
          OR NEW.vastgesteld_op IS NOT OLD.vastgesteld_op OR NEW.vervangt_id IS NOT OLD.vervangt_id
          OR NEW.status NOT IN ('vastgesteld', 'verzonden'))
        BEGIN SELECT RAISE(ABORT, 'een vastgestelde beschikking is onveranderlijk'); END`,
      `CREATE TABLE beschikking_indicaties (
        beschikking_id INTEGER NOT NULL REFERENCES beschikkingen(id),
        indicatie_id INTEGER NOT NULL REFERENCES indicaties(id),
        PRIMARY KEY (beschikking_id, indicatie_id)
      )`,
      `CREATE TRIGGER beschikking_indicaties_immutable BEFORE DELETE ON beschikking_indicaties
        WHEN (SELECT status FROM beschikkingen WHERE id = OLD.beschikking_id) IN ('vastgesteld', 'verzonden')
        BEGIN SELECT RAISE(ABORT, 'een vastgestelde beschikking is onveranderlijk'); END`,
      `CREATE TRIGGER beschikking_indicaties_immutable_insert BEFORE INSERT ON beschikking_indicaties
        WHEN (SELECT status FROM beschikkingen WHERE id = NEW.beschikking_id) IN ('vastgesteld', 'verzonden')
        BEGIN SELECT RAISE(ABORT, 'een vastgestelde beschikking is onveranderlijk'); END`,
      `CREATE TABLE termijnen (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        melding_id INTEGER NOT NULL REFERENCES meldingen(id),
        soort TEXT NOT NULL,
        wet TEXT NOT NULL,
        startdatum TEXT NOT NULL,
        verlengingen TEXT NOT NULL DEFAULT '[]',
        opschortingen TEXT NOT NULL DEFAULT '[]',
        uiterlijk TEXT,
        afgerond_op TEXT,
        behaald INTEGER,
        UNIQUE (melding_id, soort)
      )`,
      `CREATE TABLE letters (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        soort TEXT NOT NULL,
        melding_id INTEGER REFERENCES meldingen(id),
        beschikking_id INTEGER REFERENCES beschikkingen(id),
        pdf BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id)
      )`,
      // A sent letter is a legal act: its bytes never change (destruction under the Archiefwet deletes the row).
      `CREATE TRIGGER letters_immutable BEFORE UPDATE ON letters
        BEGIN SELECT RAISE(ABORT, 'letters zijn onveranderlijk'); END`,
      `CREATE TABLE export_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        subject_id INTEGER NOT NULL,
        status TEXT NOT NULL,
        steps TEXT NOT NULL DEFAULT '{}',
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE TABLE access_log (
        seq INTEGER PRIMARY KEY,
        ts TEXT NOT NULL,
        actor TEXT NOT NULL,
        on_behalf_of TEXT,
        role TEXT,
        action TEXT NOT NULL,
        object_type TEXT NOT NULL,
        object_id TEXT,
        client_id INTEGER,
        result TEXT NOT NULL,
        origin TEXT NOT NULL,
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      )`,
      // Append-only: the database itself refuses edits; the hash chain catches edits made around it.
      `CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
        BEGIN SELECT RAISE(ABORT, 'het toegangslog is alleen aan te vullen'); END`,
      `CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
        BEGIN SELECT RAISE(ABORT, 'het toegangslog is alleen aan te vullen'); END`,
      `CREATE INDEX idx_meldingen_client ON meldingen(client_id)`,
      `CREATE INDEX idx_meldingen_consulent ON meldingen(consulent_id, status)`,
      `CREATE INDEX idx_indicaties_aanvraag ON indicaties(aanvraag_id)`,
      `CREATE INDEX idx_beschikkingen_aanvraag ON beschikkingen(aanvraag_id)`,
      `CREATE INDEX idx_beschikkingen_status ON beschikkingen(status)`,
      `CREATE INDEX idx_letters_beschikking ON letters(beschikking_id)`,
      `CREATE INDEX idx_termijnen_open ON termijnen(afgerond_op, uiterlijk)`,
      `CREATE INDEX idx_outbox_status ON export_outbox(status, next_attempt_at)`,
      `CREATE INDEX idx_access_log_client ON access_log(client_id)`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
