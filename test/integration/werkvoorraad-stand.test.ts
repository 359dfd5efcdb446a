import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/database';
import { openSlot } from '../../main/db/keyslots';
import { FILL } from '../../main/db/migrations/0020-werkvoorraad-stand';
import { createDemoDatabase } from '../../main/demo/setup';
import { createRouter } from '../../main/router';
import type { RawDb } from '../../main/db/database';
import { conceptToekenning, Desk, ok } from '../support/cases';
import { ADMIN_PASSWORD, tempDir, TEST_KDF } from '../support/vault';

/**
 * The werkvoorraad reads `werkvoorraad_stand`, kept by triggers. These tests hold it against a
 * derivation from scratch (the same rule, computed over all open meldingen at once), after a
 * demo import and after every step of a case, and check the phases the desk sees.
 */

const COLUMNS = 'melding_id, client_id, consulent_id, wet, wijk, zoeknaam, fase, termijn_id, uiterlijk';

function standAndDerivation(raw: RawDb): { stand: unknown[]; derived: unknown[] } {
  const stand = raw.prepare(`SELECT ${COLUMNS} FROM werkvoorraad_stand ORDER BY melding_id`).all();
  raw.exec('CREATE TEMP TABLE IF NOT EXISTS afgeleid AS SELECT * FROM werkvoorraad_stand WHERE 0; DELETE FROM temp.afgeleid;');
  raw.exec(FILL.replace('INSERT INTO werkvoorraad_stand', 'INSERT INTO temp.afgeleid'));
  const derived = raw.prepare(`SELECT ${COLUMNS} FROM temp.afgeleid ORDER BY melding_id`).all();
  return { stand, derived };
}

const desks: Desk[] = [];
afterAll(async () => { for (const d of desks) await d.close(); });

describe('werkvoorraad_stand', () => {
  it('equals the derivation after a demo import with every phase', async () => {
    const file = path.join(tempDir('loket-stand-'), 'demo.db');
    await createDemoDatabase({
      file, clients: 300, seed: 11, today: '2026-03-16', admin: 'beheer', adminPassword: 'demo beheer wachtwoord',
      demoPassword: 'demo gebruiker wachtwoord', kdf: TEST_KDF, route: 'test', letters: 0,
    });
    const db = await openDatabase(file, await openSlot(file, 'beheer', 'demo beheer wachtwoord'));
    try {
      const { stand, derived } = standAndDerivation(db.raw);
      expect(stand.length).toBeGreaterThan(20);
      // The import sets the triggers aside and derives the table once; they are all back after it.
      expect(db.raw.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'werkvoorraad_*'`).pluck().get()).toBe(14);
      expect(stand).toEqual(derived);
      const fasen = db.raw.prepare('SELECT DISTINCT fase FROM werkvoorraad_stand ORDER BY fase').pluck().all();
      expect(fasen).toEqual(expect.arrayContaining(['onderzoek', 'aanvraag', 'beschikking', 'accordering']));
      // The counts above the worklist, against the term rule applied to the derivation row by row.
      const expected = Object.fromEntries(db.raw.prepare(`SELECT CASE WHEN termijn_id IS NULL THEN 'geen' WHEN uiterlijk IS NULL THEN 'opgeschort'
          WHEN uiterlijk < '2026-03-16' THEN 'verlopen' WHEN uiterlijk <= '2026-03-23' THEN 'deze_week' ELSE 'op_tijd' END AS k, count(*) AS n
        FROM temp.afgeleid GROUP BY k`).all().map((r) => [(r as { k: string }).k, (r as { n: number }).n]));
      const r = createRouter({ dbFile: file, route: 'test', kdf: TEST_KDF, today: () => '2026-03-16' });
      try {
        await ok(r, 'session.unlock', { username: 'consulent01', password: 'demo gebruiker wachtwoord' });
        const { tellingen } = await ok(r, 'werkvoorraad.page', {});
        expect(tellingen.open).toBe(derived.length);
        for (const k of ['verlopen', 'deze_week', 'op_tijd', 'opgeschort', 'geen'] as const) expect(tellingen.termijn[k]).toBe(expected[k] ?? 0);
        expect(Object.values(tellingen.termijn).filter((n) => n > 0).length).toBeGreaterThan(2);
        // "Mijn zaken" (the screen's default): her own cases only, per phase and per term state.
        const me = db.raw.prepare(`SELECT id FROM users WHERE username = 'consulent01'`).pluck().get() as number;
        const own = db.raw.prepare(`SELECT a.fase, CASE WHEN a.termijn_id IS NULL THEN 'geen' WHEN a.uiterlijk IS NULL THEN 'opgeschort'
            WHEN a.uiterlijk < '2026-03-16' THEN 'verlopen' WHEN a.uiterlijk <= '2026-03-23' THEN 'deze_week' ELSE 'op_tijd' END AS k
          FROM temp.afgeleid a WHERE a.consulent_id = ?`).all(me) as { fase: string; k: string }[];
        expect(own.length).toBeGreaterThan(3);
        expect(own.length).toBeLessThan(derived.length);
        const mine = (await ok(r, 'werkvoorraad.page', { consulentId: me })).tellingen;
        expect(mine.open).toBe(own.length);
        for (const k of ['verlopen', 'deze_week', 'op_tijd', 'opgeschort', 'geen'] as const) expect(mine.termijn[k]).toBe(own.filter((o) => o.k === k).length);
        for (const f of ['onderzoek', 'aanvraag', 'beschikking', 'accordering', 'verzending'] as const) expect(mine.fase[f]).toBe(own.filter((o) => o.fase === f).length);
      } finally {
        await r.close();
      }
    } finally {
      await db.close();
    }
  });

  it('follows a case through every step, and drops it when the zaak is closed', async () => {
    const desk = await Desk.open();
    desks.push(desk);
    const anna = await desk.as('anna', '2026-04-13');
    const bram = await desk.as('bram', '2026-04-20');
    const db = await openDatabase(desk.dbFile, await openSlot(desk.dbFile, 'beheer', ADMIN_PASSWORD));
    const fase = (meldingId: number) => db.raw.prepare('SELECT fase FROM werkvoorraad_stand WHERE melding_id = ?').pluck().get(meldingId);
    const consistent = () => {
      const { stand, derived } = standAndDerivation(db.raw);
      expect(stand).toEqual(derived);
    };
    try {
      const client = {
        bsn: '999927243', voornamen: 'Anna', voorvoegsel: 'van', geslachtsnaam: 'Vliet', geboortedatum: '1941-05-12', geslacht: '2' as const,
        straat: 'Hovenlaan', huisnummer: 37, postcode: '7423 AH', woonplaats: 'Voorbeeldstad', wijk: 'Centrum',
      };
      const c = await ok(anna, 'client.create', client);
      const m = await ok(anna, 'melding.create', {
        clientId: c.id, datum: '2026-03-02', kanaal: 'telefoon', wet: 'wmo', hulpvraag: 'Hulp bij het schoonhouden van het huis.',
        toestemming: true, clientondersteuningAangeboden: true,
      });
      expect(fase(m.melding.id)).toBe('onderzoek');
      consistent();
      const ids = await conceptToekenning(anna, c.id);
      expect(fase(ids.meldingId)).toBe('beschikking');
      consistent();
      await ok(anna, 'beschikking.submit', { id: ids.beschikkingId });
      expect(fase(ids.meldingId)).toBe('accordering');
      await ok(bram, 'beschikking.reject', { id: ids.beschikkingId, reden: 'De motivering noemt de mantelzorg niet.' });
      expect(fase(ids.meldingId)).toBe('beschikking');
      await ok(anna, 'beschikking.submit', { id: ids.beschikkingId });
      await ok(bram, 'beschikking.approve', { id: ids.beschikkingId });
      expect(fase(ids.meldingId)).toBe('verzending');
      consistent();
      // A suspended onderzoekstermijn (with the client's consent) has no end date: the row shows the term without one.
      const detail = await ok(anna, 'melding.get', { id: m.melding.id });
      const termijn = detail.termijnen.find((t) => t.afgerondOp === null)!;
      await ok(anna, 'termijn.schortOp', { termijnId: termijn.id, van: '2026-04-13', reden: 'Wachten op gegevens van de huisarts.', grond: 'instemming_client', grondTekst: 'telefonisch op 12-04-2026' });
      expect(db.raw.prepare('SELECT termijn_id, uiterlijk FROM werkvoorraad_stand WHERE melding_id = ?').get(m.melding.id))
        .toEqual({ termijn_id: termijn.id, uiterlijk: null });
      consistent();
      // A name change reaches the search name of the open case.
      await ok(anna, 'client.update', { ...client, id: c.id, geslachtsnaam: 'Vlieth' });
      expect(db.raw.prepare('SELECT zoeknaam FROM werkvoorraad_stand WHERE melding_id = ?').pluck().get(m.melding.id)).toMatch(/vlieth/);
      consistent();
      await ok(anna, 'zaak.afsluiten', { meldingId: m.melding.id, resultaat: 'afgebroken', afsluitdatum: '2026-04-13' });
      expect(fase(m.melding.id)).toBeUndefined();
      consistent();
    } finally {
      await db.close();
    }
  });
});
