import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOutbox } from '../../main/export/outbox';
import type { Router } from '../../main/router';
import { BEPERKT_MELDING } from '../../main/services/beperking';
import { CHANNELS, type ChannelName } from '../../shared/ipc/channels';
import { Desk, ok, vastgesteldeToekenning, type CaseIds } from '../support/cases';
import { ADMIN_PASSWORD } from '../support/vault';
import { exportSettings } from '../support/zgw-fixtures';
import { wmo315Xml } from '../support/iwmo-fixtures';

/**
 * Issue 15 item 6: while a client's processing is restricted (AVG art. 18), every writing channel
 * refuses her data, and so does the export runner. The table below names every writing channel of
 * the app: a new one fails this test until it is walked here too.
 */

const BSN = '999990081';
let desk: Desk;
let ids: CaseIds;
let concept: number;
let terAccordering: number;
let batchId: number;
let termijnId: number;
let indicatieId: number;
let rectificatieId: number;
let voornemenId: number;


beforeAll(async () => {
  desk = await Desk.open();
  const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
  await ok(beheer, 'settings.update', exportSettings({ zakenUrl: 'https://zaken.invalid/api/v1', documentenUrl: 'https://drc.invalid/api/v1', besluitenUrl: 'https://brc.invalid/api/v1' }));
  await ok(beheer, 'export.setSecret', { secret: 'een geheim van minstens 32 tekens lang!!' });
  ids = await vastgesteldeToekenning(desk, { bsn: BSN, voornamen: 'Berta', geslachtsnaam: 'Beperkt' });
  const anna = await desk.as('anna');
  const m = await ok(anna, 'melding.create', { clientId: ids.clientId, datum: '2026-04-15', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Ook vervoer nodig.', toestemming: true, clientondersteuningAangeboden: true });
  termijnId = m.termijnen[0]!.id;
  const a = await ok(anna, 'aanvraag.create', { meldingId: m.melding.id, ontvangenOp: '2026-04-16', omschrijving: 'Vervoer' });
  const ind = (cat: string) => ok(anna, 'indicatie.create', { aanvraagId: a.id, productcategorie: cat, omvang: { volume: 2, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN', aanbiederAgb: '12345678', ingangsdatum: '2026-05-01', einddatum: '2026-12-31', motivering: 'Nodig volgens het onderzoek.' });
  const i1 = await ind('02');
  const i2 = await ind('03');
  indicatieId = i1.id;
  const tekst = { aanvraagId: a.id, soort: 'toekenning' as const, besluitTekst: 'U krijgt begeleiding.', motivering: 'Uit het onderzoek blijkt dat dit nodig is.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'] };
  concept = (await ok(anna, 'beschikking.create', { ...tekst, indicatieIds: [i1.id] })).id;
  terAccordering = (await ok(anna, 'beschikking.create', { ...tekst, indicatieIds: [i2.id] })).id;
  await ok(anna, 'beschikking.submit', { id: terAccordering });
  const carla = await desk.as('carla');
  batchId = (await ok(carla, 'print.generate', { beschikkingIds: [ids.beschikkingId] })).batch!.id;
  voornemenId = (await ok(anna, 'voornemen.send', voornemen())).voornemenId;
  rectificatieId = (await ok(anna, 'rechten.verzoek', { clientId: ids.clientId, soort: 'rectificatie', ontvangenOp: '2026-04-20', toelichting: 'Straat klopt niet.' })).id;
  // The client asks for restriction (AVG art. 18); a besluitbevoegde grants it.
  const verzoek = await ok(anna, 'rechten.verzoek', { clientId: ids.clientId, soort: 'beperking', ontvangenOp: '2026-04-20', toelichting: 'Cliënt betwist de indicatie.' });
  await ok(await desk.as('bram'), 'rechten.besluit', { verzoekId: verzoek.id, besluit: 'toegewezen', reden: 'Wordt onderzocht.' });
}, 120_000);
afterAll(() => desk.close());

type Walk = { as: string; input: () => Record<string, unknown> } | { geenClientgegevens: string };

const voornemen = () => ({ beschikkingId: ids.beschikkingId, soort: 'beeindiging' as const, wat: 'Wij zijn van plan de hulp te beëindigen.', reden: 'U woont niet meer in de gemeente, volgens de BRP.', zienswijzeUiterlijk: '2026-05-04' });
const client = () => ({ bsn: BSN, voornamen: 'Berta', geslachtsnaam: 'Beperkt', geboortedatum: '1941-05-12', straat: 'Elders' });
const tekst = () => ({ soort: 'toekenning', besluitTekst: 'U krijgt begeleiding.', motivering: 'Uit het onderzoek blijkt dat dit nodig is.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'] });

/** Every writing channel: how to aim it at the restricted client, or why it holds no client data. */
const WALK: Record<string, Walk> = {
  'client.create': { geenClientgegevens: 'a new client cannot be restricted yet (the BSN is unique: a second record is refused anyway)' },
  'client.update': { as: 'anna', input: () => ({ id: ids.clientId, ...client() }) },
  'household.create': { as: 'anna', input: () => ({ naam: 'Beperkt', memberIds: [ids.clientId] }) },
  'household.updatePlan': { geenClientgegevens: 'walked after household.create would have made one; refused per member in the service (clients.ts)' },
  'melding.create': { as: 'anna', input: () => ({ clientId: ids.clientId, datum: '2026-04-19', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Nog een vraag.', toestemming: true, clientondersteuningAangeboden: true }) },
  'onderzoek.save': { as: 'anna', input: () => ({ meldingId: ids.meldingId + 1, datum: '2026-04-19', aanwezigen: 'cliënt', behoeften: 'abc', eigenKracht: 'abc', netwerk: 'abc', mantelzorgOndersteuning: 'abc', algemeneVoorzieningen: 'abc', benodigdeOndersteuning: 'abc', pgbUitgelegd: true, bijdrageUitgelegd: true, conclusies: 'Conclusie.' }) },
  'aanvraag.create': { as: 'anna', input: () => ({ meldingId: ids.meldingId + 1, ontvangenOp: '2026-04-19', omschrijving: 'Nog een' }) },
  'indicatie.create': { as: 'anna', input: () => ({ aanvraagId: ids.aanvraagId + 1, productcategorie: '04', omvang: { volume: 1, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN', aanbiederAgb: '12345678', ingangsdatum: '2026-05-01', einddatum: '2026-12-31', motivering: 'Nodig volgens het onderzoek.' }) },
  'termijn.verleng': { as: 'anna', input: () => ({ termijnId, dagen: 7, reden: 'Advies nodig.' }) },
  'termijn.schortOp': { as: 'anna', input: () => ({ termijnId, van: '2026-04-19', reden: 'Wachten op gegevens.' }) },
  'termijn.hervat': { as: 'anna', input: () => ({ termijnId, tot: '2026-04-20' }) },
  'beschikking.create': { as: 'anna', input: () => ({ aanvraagId: ids.aanvraagId, ...tekst(), indicatieIds: [], soort: 'afwijzing' }) },
  'beschikking.update': { as: 'anna', input: () => ({ id: concept, aanvraagId: ids.aanvraagId + 1, ...tekst(), indicatieIds: [indicatieId] }) },
  'beschikking.submit': { as: 'anna', input: () => ({ id: concept }) },
  'beschikking.approve': { as: 'bram', input: () => ({ id: terAccordering }) },
  'beschikking.reject': { as: 'bram', input: () => ({ id: terAccordering, reden: 'Nog niet goed.' }) },
  'beschikking.overnemen': { as: 'bram', input: () => ({ id: concept, reden: 'Anna is met verlof.' }) },
  'print.send': { as: 'carla', input: () => ({ beschikkingIds: [ids.beschikkingId] }) },
  'print.generate': { as: 'carla', input: () => ({ beschikkingIds: [ids.beschikkingId] }) },
  'print.confirm': { as: 'carla', input: () => ({ id: batchId }) },
  'print.discard': { geenClientgegevens: 'throws a kept batch away; nothing about the client is processed' },
  'letter.melding': { as: 'anna', input: () => ({ meldingId: ids.meldingId, soort: 'ontvangstbevestiging' }) },
  'settings.update': { geenClientgegevens: 'municipality settings' },
  'keuzelijst.wijk.opslaan': { geenClientgegevens: "the beheerder's list of wijken; a rename carries the new name over to the clients of that wijk, a restricted one included (same wijk, new spelling)" },
  'keuzelijst.aanbieder.opslaan': { geenClientgegevens: "the beheerder's list of aanbieders" },
  'user.add': { geenClientgegevens: 'users' },
  'user.remove': { geenClientgegevens: 'users' },
  'user.resetPassword': { geenClientgegevens: 'users' },
  'export.run': { geenClientgegevens: 'runs the outbox: walked below with the runner itself' },
  'export.retry': { geenClientgegevens: 'puts a job back in the queue; the runner refuses it (below)' },
  'export.setSecret': { geenClientgegevens: 'the ZGW secret' },
  'iwmo.importVerzoek': { as: 'anna', input: () => ({ xml: wmo315Xml({ bsn: BSN, identificatie: 'VOT-000999' }) }) },
  'zaak.afsluiten': { as: 'anna', input: () => ({ meldingId: ids.meldingId, resultaat: 'verstrekt' }) },
  'vernietiging.voorstel': { geenClientgegevens: 'destruction is the beheerder\'s, under the Archiefwet, with its own four eyes' },
  'vernietiging.uitvoeren': { geenClientgegevens: 'as vernietiging.voorstel' },
  'rechten.verzoek': { geenClientgegevens: 'registering a request of the client is what a restricted client may still ask for' },
  'rechten.besluit': { geenClientgegevens: 'deciding on the client\'s request (AVG art. 12)' },
  'rechten.rectificatie': { as: 'anna', input: () => ({ verzoekId: rectificatieId, client: { id: ids.clientId, ...client() } }) },
  'rechten.beperkingOpheffen': { geenClientgegevens: 'lifts the restriction itself' },
  'rechten.inzageVerzoek': { geenClientgegevens: 'registering a request of the client (AVG art. 15 stays)' },
  'notificatie.gelezen': { geenClientgegevens: 'the user\'s own notifications' },
  'user.update': { geenClientgegevens: 'users' },
  'voornemen.send': { as: 'anna', input: voornemen },
  'voornemen.zienswijze': { as: 'anna', input: () => ({ voornemenId, ontvangenOp: '2026-04-20', zienswijze: 'De cliënt is het er niet mee eens.' }) },
  'letter.verdaging': { as: 'anna', input: () => ({ termijnId }) },
  'letter.aanvulverzoek': { as: 'anna', input: () => ({ meldingId: ids.meldingId, ontbreekt: ['Een medische verklaring'], hersteltermijnEinde: '2026-05-04' }) },
  'atw.gelijkgesteld.zet': { geenClientgegevens: 'days the Algemene termijnenwet equals to a holiday' },
  'iwmo.verzoek.antwoord': { geenClientgegevens: 'a 315 of a restricted client is refused at iwmo.importVerzoek, so none exists to answer; the service checks the client too' },
  'iwmo.verzoek.beoordeel': { geenClientgegevens: 'as iwmo.verzoek.antwoord; attaching goes through melding.create\'s check' },
  'database.rekey': { geenClientgegevens: 'a new key for the whole database file' },
};

describe('AVG art. 18 restriction everywhere', () => {
  it('the walk names every writing channel', () => {
    const writing = (Object.keys(CHANNELS) as ChannelName[]).filter((c) => CHANNELS[c].writes).sort();
    expect(Object.keys(WALK).sort()).toEqual(writing);
  });

  it('refuses every writing channel for the restricted client, in Dutch, and logs the refusal', async () => {
    const routers = new Map<string, Router>();
    const failures: string[] = [];
    const anna = await desk.as('anna', '2026-04-20');
    routers.set('anna', anna);
    const lettersBefore = anna.session!.db.raw.prepare(`SELECT count(*) AS n FROM letters l JOIN meldingen m ON m.id = l.melding_id WHERE m.client_id = ?`).get(ids.clientId);
    for (const [channel, walk] of Object.entries(WALK)) {
      if ('geenClientgegevens' in walk) continue;
      const r = routers.get(walk.as) ?? await desk.as(walk.as, '2026-04-20');
      routers.set(walk.as, r);
      const res = await r.call(channel as ChannelName, walk.input() as never);
      if (res.ok) {
        // print.send and print.generate report per letter instead of refusing the whole batch.
        const value = res.value as { failures?: { reason: string }[]; printed?: unknown[]; batch?: unknown };
        if (value.failures?.some((f) => f.reason === BEPERKT_MELDING) && !value.printed?.length && !value.batch) continue;
        failures.push(`${channel}: accepted`);
      } else if (res.error.code !== 'geen_toegang' || res.error.message !== BEPERKT_MELDING) {
        failures.push(`${channel}: ${res.error.code} ${res.error.message}`);
      }
    }
    expect(failures).toEqual([]);
    const raw = routers.get('anna')!.session!.db.raw;
    const logged = (raw.prepare(`SELECT DISTINCT object_type FROM access_log WHERE client_id = ? AND result = 'geweigerd'`).all(ids.clientId) as { object_type: string }[]).map((r) => r.object_type);
    expect(logged).toEqual(expect.arrayContaining(['letter.melding', 'client.update', 'beschikking.approve', 'print.confirm']));
    // No letter was stored for her during the walk (the voornemen letter is from before the restriction).
    expect(raw.prepare(`SELECT count(*) AS n FROM letters l JOIN meldingen m ON m.id = l.melding_id WHERE m.client_id = ?`).get(ids.clientId)).toEqual(lettersBefore);
  }, 120_000);

  it('the export runner sends nothing about the restricted client and says why', async () => {
    const anna = await desk.as('anna', '2026-04-21');
    const raw = anna.session!.db.raw;
    // A job queued before the restriction (a sent beschikking).
    raw.prepare(`INSERT INTO export_outbox (kind, subject_id, status, steps, attempts, created_by, created_at, updated_at)
      VALUES ('zgw', ?, 'wachtend', '{}', 0, 1, '2026-04-19T10:00:00Z', '2026-04-19T10:00:00Z')`).run(ids.beschikkingId);
    let requests = 0;
    const fetch = (async () => { requests++; throw new Error('no request may leave'); }) as unknown as typeof globalThis.fetch;
    const res = await runOutbox(anna.session!.db, anna.session!, { kinds: ['zgw'], fetch, today: () => '2026-04-21' });
    expect(requests).toBe(0);
    expect(res.jobs).toEqual([expect.objectContaining({ subjectId: ids.beschikkingId, status: 'fout', error: { message: expect.stringMatching(/beperkt \(AVG art\. 18\): de export is gestopt/) } })]);
    expect(raw.prepare(`SELECT result FROM access_log WHERE object_type = 'zgw-zaak' AND client_id = ? ORDER BY seq DESC LIMIT 1`).get(ids.clientId)).toEqual({ result: 'geweigerd' });
  }, 60_000);
});
