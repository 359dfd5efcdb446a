import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDb } from '../../main/db/database';
import type { Router } from '../../main/router';
import type { ChannelInput, ChannelName } from '../../shared/ipc/channels';
import { CaseBuilder } from '../support/beheer-cases';
import { Desk, ok, vastgesteldeToekenning } from '../support/cases';
import { verzoek315Xml } from '../support/verzoek315';
import { ADMIN_PASSWORD } from '../support/vault';
import { exportSettings } from '../support/zgw-fixtures';

/**
 * Composed operations run in one transaction. A real failure is injected in the last statement of
 * each (a temporary SQLite trigger on the calling connection that aborts it) and the database must
 * be exactly as before the call, with exactly one entry for the failed call in the access log. Without the
 * trigger the same call then succeeds and changes the tables the earlier steps write, which shows
 * the failure came after them.
 */

let desk: Desk;
let cb: CaseBuilder;

beforeAll(async () => {
  desk = await Desk.open();
  cb = new CaseBuilder(desk, '2026-04-20');
}, 60_000);
afterAll(() => desk.close());

type Snapshot = Record<string, unknown[]>;

/** Every row of every table except the access log and its derived per-client index, in rowid order (blobs as hex). */
function snapshot(raw: RawDb): Snapshot {
  const tables = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'access_log%' ORDER BY name`).pluck().all() as string[];
  const out: Snapshot = {};
  for (const t of tables) {
    const rows = raw.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[];
    out[t] = rows.map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  return out;
}

function changedTables(a: Snapshot, b: Snapshot): string[] {
  return Object.keys(b).filter((t) => JSON.stringify(a[t]) !== JSON.stringify(b[t])).sort();
}

/**
 * Calls `channel` with a trigger that aborts `lastStep` (a trigger body condition on the calling
 * connection), checks the call left nothing behind but one log entry, then calls it again for real.
 * Returns the tables the successful call changed.
 */
async function failsAtLastStep<C extends ChannelName>(r: Router, channel: C, input: ChannelInput<C>, lastStep: string): Promise<string[]> {
  const raw = r.session!.db.raw;
  const before = snapshot(raw);
  const seq = raw.prepare('SELECT max(seq) FROM access_log').pluck().get() as number;
  raw.exec(`CREATE TEMP TRIGGER inject_failure ${lastStep} BEGIN SELECT RAISE(ABORT, 'ingespoten fout'); END`);
  let res;
  try {
    res = await r.call(channel, input);
  } finally {
    raw.exec('DROP TRIGGER temp.inject_failure');
  }
  expect(res.ok ? 'gelukt' : res.error.code).toBe('intern');
  expect(snapshot(raw)).toEqual(before);
  // Exactly one entry, for the call as a whole: none of the steps' own entries survive. A failure
  // is logged as `mislukt`, not `geweigerd`: a refusal (role, restriction, vier-ogen) is a security
  // event the auditor reviews, a failure a defect; counting one as the other would hide both.
  const log = raw.prepare(`SELECT actor, role, action, object_type, object_id, client_id, result, origin, detail
    FROM access_log WHERE seq > ? ORDER BY seq`).all(seq);
  const s = r.session!;
  expect(log).toEqual([{
    actor: s.user.username, role: s.user.roles.join(','), action: 'wijzigen', object_type: channel, object_id: null, client_id: null,
    result: 'mislukt', origin: s.origin, detail: 'mislukt door een interne fout; niets opgeslagen',
  }]);

  const again = await r.call(channel, input);
  if (!again.ok) throw new Error(`${channel}: ${again.error.message}`);
  return changedTables(before, snapshot(raw));
}

describe('a composed call that fails in its last step leaves nothing behind', () => {
  it('iWmo verzoek import: client, melding and clock roll back with the final log entry', async () => {
    const anna = await cb.as('anna', '2026-04-23');
    const xml = verzoek315Xml({ wet: 'wmo', id: 'ATOM-0001', bsn: '999990482', geboortedatum: '1948-07-01', achternaam: 'Berg', voornamen: 'Maria', gemeentecode: '9999',
      producten: [{ ref: 'REF-1', categorie: '02', ingang: '2026-05-01', eind: '2027-04-30', verwijzer: { type: '02', naam: 'Huisarts' } }] });
    const changed = await failsAtLastStep(anna, 'iwmo.importVerzoek', { xml },
      `BEFORE INSERT ON access_log WHEN NEW.object_type = 'iwmo-verzoek'`);
    expect(changed).toEqual(expect.arrayContaining(['clients', 'meldingen', 'termijnen']));
  }, 60_000);

  it('rectificatie: the client change rolls back with the request', async () => {
    const anna = await cb.as('anna');
    const c = await ok(anna, 'client.create', { bsn: '999990044', voornamen: 'Jan', geslachtsnaam: 'Smit', geboortedatum: '1960-02-02', straat: 'Dorpsstraat', huisnummer: 4 });
    const v = await ok(anna, 'rechten.verzoek', { clientId: c.id, soort: 'rectificatie', ontvangenOp: '2026-04-20', toelichting: 'Huisnummer klopt niet.' });
    const { id: _id, naam: _naam, householdId: _h, createdAt: _c, updatedAt: _u, ...fields } = c;
    const client = { ...fields, id: c.id, huisnummer: 42 } as ChannelInput<'rechten.rectificatie'>['client'];
    const changed = await failsAtLastStep(anna, 'rechten.rectificatie', { verzoekId: v.id, client },
      `BEFORE INSERT ON access_log WHEN NEW.object_type = 'verzoek-rectificatie'`);
    expect(changed).toEqual(expect.arrayContaining(['clients', 'rechten_verzoeken']));
  }, 60_000);

  it('AVG decisions: a granted vernietiging (with its proposal) and a granted beperking roll back whole; a refused rectificatie leaves one refusal', async () => {
    const anna = await cb.as('anna');
    const bram = await cb.as('bram');
    const c = await cb.client({ bsn: '999990019', voornamen: 'Piet', geslachtsnaam: 'Klaassen' });
    const zaak = await cb.build({ clientId: c, wet: 'wmo', melding: '2026-03-02' });
    await ok(anna, 'zaak.afsluiten', { meldingId: zaak.meldingId, resultaat: 'afgebroken', afsluitdatum: '2026-04-01' });
    const v = await ok(anna, 'rechten.verzoek', { clientId: c, soort: 'vernietiging', ontvangenOp: '2026-04-20', toelichting: 'Wil alles laten vernietigen.' });
    const changed = await failsAtLastStep(bram, 'rechten.besluit', { verzoekId: v.id, besluit: 'toegewezen', reden: 'Niets verzet zich ertegen.' },
      `BEFORE INSERT ON access_log WHEN NEW.object_type = 'verzoek-vernietiging' AND NEW.action = 'wijzigen'`);
    expect(changed).toEqual(expect.arrayContaining(['rechten_verzoeken', 'vernietiging_items', 'vernietiging_voorstellen']));

    const b = await ok(anna, 'rechten.verzoek', { clientId: c, soort: 'beperking', ontvangenOp: '2026-04-20', toelichting: 'Betwist het adres.' });
    const changedB = await failsAtLastStep(bram, 'rechten.besluit', { verzoekId: b.id, besluit: 'toegewezen', reden: 'Adres wordt onderzocht.' },
      `BEFORE INSERT ON access_log WHEN NEW.object_type = 'verzoek-beperking'`);
    expect(changedB).toEqual(expect.arrayContaining(['clients', 'rechten_verzoeken']));

    // A composed call the service refuses (the client's processing is now restricted, AVG art. 18)
    // leaves nothing either, and exactly one refusal naming the client.
    const rect = await ok(anna, 'rechten.verzoek', { clientId: c, soort: 'rectificatie', ontvangenOp: '2026-04-20', toelichting: 'Naam klopt niet.' });
    const raw = anna.session!.db.raw;
    const before = snapshot(raw);
    const seq = raw.prepare('SELECT max(seq) FROM access_log').pluck().get() as number;
    const row = raw.prepare('SELECT bsn, voornamen, geslachtsnaam, geboortedatum FROM clients WHERE id = ?').get(c) as Record<string, string>;
    const res = await anna.call('rechten.rectificatie', { verzoekId: rect.id, client: { id: c, ...row, geslachtsnaam: 'Klaasen' } as ChannelInput<'rechten.rectificatie'>['client'] });
    expect(res.ok ? 'gelukt' : res.error.code).toBe('geen_toegang');
    expect(snapshot(raw)).toEqual(before);
    expect(raw.prepare('SELECT actor, action, object_type, client_id, result, detail FROM access_log WHERE seq > ? ORDER BY seq').all(seq)).toEqual([
      { actor: 'anna', action: 'wijzigen', object_type: 'rechten.rectificatie', client_id: c, result: 'geweigerd', detail: 'geweigerd door de dienst' },
    ]);
  }, 60_000);

  it('destruction: every deleted row comes back when the last update fails', async () => {
    const anna = await cb.as('anna');
    const c = await cb.client({ bsn: '999990056', voornamen: 'Kees', geslachtsnaam: 'Vermeulen' });
    const zaak = await cb.build({ clientId: c, wet: 'wmo', melding: '2026-03-02', onderzoek: '2026-03-10', aanvraag: '2026-03-11' });
    await ok(anna, 'zaak.afsluiten', { meldingId: zaak.meldingId, resultaat: 'afgebroken', afsluitdatum: '2026-04-01' });
    const v = await ok(anna, 'rechten.verzoek', { clientId: c, soort: 'vernietiging', ontvangenOp: '2026-04-20', toelichting: 'Vernietig mijn dossier.' });
    const besluit = await ok(await cb.as('bram'), 'rechten.besluit', { verzoekId: v.id, besluit: 'toegewezen', reden: 'Geen bezwaar.' });
    await ok(await cb.as('dirk'), 'vernietiging.goedkeuren', { voorstelId: besluit.voorstelId!, akkoord: true });
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    const changed = await failsAtLastStep(beheer, 'vernietiging.uitvoeren', { voorstelId: besluit.voorstelId! },
      `BEFORE UPDATE ON rechten_verzoeken WHEN NEW.status = 'uitgevoerd'`);
    expect(changed).toEqual(expect.arrayContaining(['aanvragen', 'clients', 'meldingen', 'onderzoeken', 'rechten_verzoeken', 'vernietiging_voorstellen', 'zaak_archief']));
  }, 60_000);

  it('print.send: letter, status and export jobs roll back with the last log entry', async () => {
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    const zgw = 'https://zgw.invalid/api/v1';
    await ok(beheer, 'settings.update', exportSettings({ zakenUrl: `${zgw}/zaken`, documentenUrl: `${zgw}/documenten`, besluitenUrl: `${zgw}/besluiten` }));
    await ok(beheer, 'export.setSecret', { secret: 'een-geheim-van-minstens-32-tekens-lang!!' });
    const ids = await vastgesteldeToekenning(desk, { bsn: '999990068', voornamen: 'Truus', geslachtsnaam: 'Bakker' });
    const carla = await desk.as('carla', '2026-04-21');
    const changed = await failsAtLastStep(carla, 'print.send', { beschikkingIds: [ids.beschikkingId] },
      `BEFORE INSERT ON access_log WHEN NEW.action = 'afdrukken' AND NEW.object_type = 'beschikking'`);
    expect(changed).toEqual(expect.arrayContaining(['beschikkingen', 'export_outbox', 'letters']));
  }, 120_000);
});
