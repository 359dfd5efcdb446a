import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The werkvoorraad's standing per open melding (phase, nearest running term, wijk, search name),
 * kept by triggers so that the worklist reads one narrow table instead of deriving the phase of
 * every open case on every call. At 100,000 clients (13,000 open cases) deriving it took about a
 * second per page and blocked every other desk; the table answers in milliseconds.
 *
 * Triggers, not application code: the phase changes in many operations (onderzoek, aanvraag,
 * every beschikking transition, terms, destruction) and a missed one would silently show a wrong
 * phase. The derivation below is the one the worklist used before, written once.
 */
/** Every open melding's row, derived from the case tables (exported for the consistency test). */
export const FILL = `INSERT INTO werkvoorraad_stand (melding_id, client_id, consulent_id, wet, wijk, zoeknaam, fase, termijn_id, uiterlijk)
  SELECT m.id, m.client_id, m.consulent_id, m.wet, c.wijk, c.zoeknaam,
    CASE WHEN NOT EXISTS (SELECT 1 FROM onderzoeken o WHERE o.melding_id = m.id) THEN 'onderzoek'
      WHEN NOT EXISTS (SELECT 1 FROM aanvragen a WHERE a.melding_id = m.id) THEN 'aanvraag'
      ELSE COALESCE((SELECT CASE b.status WHEN 'ter_accordering' THEN 'accordering' WHEN 'concept' THEN 'beschikking' ELSE 'verzending' END
        FROM aanvragen a JOIN beschikkingen b ON b.aanvraag_id = a.id WHERE a.melding_id = m.id ORDER BY b.id DESC LIMIT 1), 'beschikking')
    END,
    t.id, t.uiterlijk
  FROM meldingen m
    JOIN clients c ON c.id = m.client_id
    LEFT JOIN termijnen t ON t.id = (SELECT t2.id FROM termijnen t2 WHERE t2.melding_id = m.id AND t2.afgerond_op IS NULL ORDER BY t2.uiterlijk LIMIT 1)
  WHERE m.status = 'open'`;

/** A trigger's body: the melding's row again, or none once it is no longer open. */
const STAND = (meldingId: string) => `DELETE FROM werkvoorraad_stand WHERE melding_id = ${meldingId};
  ${FILL} AND m.id = ${meldingId};`;

const MELDING_OF_AANVRAAG = (aanvraagId: string) => `(SELECT melding_id FROM aanvragen WHERE id = ${aanvraagId})`;

function trigger(name: string, event: string, body: string): string {
  return `CREATE TRIGGER ${name} AFTER ${event} FOR EACH ROW BEGIN ${body} END`;
}

export class WerkvoorraadStand0020 implements MigrationInterface {
  name = 'WerkvoorraadStand0000000000020';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE werkvoorraad_stand (
        melding_id INTEGER PRIMARY KEY REFERENCES meldingen(id),
        client_id INTEGER NOT NULL,
        consulent_id INTEGER NOT NULL,
        wet TEXT NOT NULL,
        wijk TEXT,
        zoeknaam TEXT,
        fase TEXT NOT NULL,
        termijn_id INTEGER,
        uiterlijk TEXT
      )`,
      `CREATE INDEX idx_werkvoorraad_stand_client ON werkvoorraad_stand(client_id)`,
      `CREATE INDEX idx_werkvoorraad_stand_consulent ON werkvoorraad_stand(consulent_id)`,
      // The wijk filter's choices, without reading every row.
      `CREATE INDEX idx_werkvoorraad_stand_wijk ON werkvoorraad_stand(wijk)`,
      trigger('werkvoorraad_melding_ins', 'INSERT ON meldingen', STAND('NEW.id')),
      trigger('werkvoorraad_melding_upd', 'UPDATE OF status, client_id, consulent_id, wet ON meldingen', STAND('NEW.id')),
      trigger('werkvoorraad_melding_del', 'DELETE ON meldingen', 'DELETE FROM werkvoorraad_stand WHERE melding_id = OLD.id;'),
      trigger('werkvoorraad_onderzoek_ins', 'INSERT ON onderzoeken', STAND('NEW.melding_id')),
      trigger('werkvoorraad_onderzoek_del', 'DELETE ON onderzoeken', STAND('OLD.melding_id')),
      trigger('werkvoorraad_aanvraag_ins', 'INSERT ON aanvragen', STAND('NEW.melding_id')),
      trigger('werkvoorraad_aanvraag_del', 'DELETE ON aanvragen', STAND('OLD.melding_id')),
      trigger('werkvoorraad_beschikking_ins', 'INSERT ON beschikkingen', STAND(MELDING_OF_AANVRAAG('NEW.aanvraag_id'))),
      trigger('werkvoorraad_beschikking_upd', 'UPDATE OF status ON beschikkingen', STAND(MELDING_OF_AANVRAAG('NEW.aanvraag_id'))),
      trigger('werkvoorraad_beschikking_del', 'DELETE ON beschikkingen', STAND(MELDING_OF_AANVRAAG('OLD.aanvraag_id'))),
      trigger('werkvoorraad_termijn_ins', 'INSERT ON termijnen', STAND('NEW.melding_id')),
      trigger('werkvoorraad_termijn_upd', 'UPDATE OF uiterlijk, afgerond_op ON termijnen', STAND('NEW.melding_id')),
      trigger('werkvoorraad_termijn_del', 'DELETE ON termijnen', STAND('OLD.melding_id')),
      trigger('werkvoorraad_client_upd', 'UPDATE OF wijk, zoeknaam ON clients',
        'UPDATE werkvoorraad_stand SET wijk = NEW.wijk, zoeknaam = NEW.zoeknaam WHERE client_id = NEW.id;'),
    ];
    for (const s of statements) await q.query(s);
    // The standing of the cases already open.
    await q.query(FILL);
  }

  async down(): Promise<void> {
    throw new Error('Sociaal Loket migrates forward only.');
  }
}
