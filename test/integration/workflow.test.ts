import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../../main/auditlog';
import { createRouter, type Router } from '../../main/router';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/channels';
import { freshVault, TEST_KDF, USER_PASSWORD } from '../support/vault';

/** A whole case through the router, on a real encrypted database, as four different people. */

let dbFile: string;
const routers: Router[] = [];

async function as(username: string, today = '2026-04-13'): Promise<Router> {
  const r = createRouter({ dbFile, route: 'test', kdf: TEST_KDF, today: () => today });
  const res = await r.call('session.unlock', { username, password: USER_PASSWORD });
  if (!res.ok) throw new Error(res.error.message);
  routers.push(r);
  return r;
}

async function ok<C extends ChannelName>(r: Router, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const res = await r.call(channel, input);
  if (!res.ok) throw new Error(`${channel}: ${res.error.message}`);
  return res.value;
}

async function refused<C extends ChannelName>(r: Router, channel: C, input: ChannelInput<C>) {
  const res = await r.call(channel, input);
  if (res.ok) throw new Error(`${channel} should have been refused`);
  return res.error;
}

beforeAll(async () => {
  const v = await freshVault([
    { username: 'anna', roles: ['consulent'] },
    { username: 'bram', roles: ['besluitbevoegd'], mandaat: 'Mandaatbesluit sociaal domein 2026' },
    { username: 'bea', roles: ['besluitbevoegd'] },
    { username: 'carla', roles: ['administratie'] },
    { username: 'dirk', roles: ['auditor'] },
  ]);
  dbFile = v.file;
  const { lock } = await import('../../main/vault');
  await lock(v.admin);
});

afterAll(async () => {
  for (const r of routers) await r.close();
});

describe('a case from melding to beschikking through the router', () => {
  it('runs melding → onderzoek → aanvraag → indicatie → beschikking → vier-ogen, and logs each step', async () => {
    const anna = await as('anna', '2026-03-02');
    const client = await ok(anna, 'client.create', {
      bsn: '999993847', voornamen: 'Wilhelmina Johanna', voorletters: 'W.J.', voorvoegsel: 'van', geslachtsnaam: 'Dijk',
      geboortedatum: '1941-05-00', geslacht: '2', straat: 'Kerkstraat', huisnummer: 12, postcode: '1234ab', woonplaats: 'Voorbeeldstad',
      wijk: 'Centrum', vertegenwoordigers: [],
    });
    expect(client.postcode).toBe('1234 AB');
    const dup = await refused(anna, 'client.create', { bsn: '999993847', voornamen: 'X', geslachtsnaam: 'Y', geboortedatum: '1950-01-01' });
    expect(dup.message).toContain('Dijk');
    expect(dup.field).toBe('bsn');

    const found = await ok(anna, 'client.search', { query: 'dijk' });
    expect(found.results.map((c) => c.id)).toContain(client.id);
    // A typo still finds her: the name search falls back to the fuzzy search.
    expect((await ok(anna, 'client.search', { query: 'Djik' })).results.map((c) => c.id)).toContain(client.id);
    expect((await ok(anna, 'client.search', { query: 'Wilhelmnia', kind: 'fuzzy' })).results.map((c) => c.id)).toContain(client.id);

    // Melding on Monday 2 March 2026: onderzoek due 13 April (6 weeks).
    const melding = await ok(anna, 'melding.create', {
      clientId: client.id, datum: '2026-03-02', kanaal: 'telefoon', wet: 'wmo',
      hulpvraag: 'Ik kan mijn huis niet meer zelf schoonhouden sinds mijn heupoperatie.',
      toestemming: true, clientondersteuningAangeboden: true,
    });
    expect(melding.termijnen[0]).toMatchObject({ soort: 'onderzoek', uiterlijk: '2026-04-13' });
    expect(melding.melding.persoonlijkPlanUiterlijk).toBe('2026-03-09');

    const anna2 = await as('anna', '2026-04-13');
    await ok(anna2, 'onderzoek.save', {
      meldingId: melding.melding.id, datum: '2026-04-10', aanwezigen: 'Mevrouw Van Dijk, dochter (mantelzorger), consulent',
      behoeften: 'Wil zelfstandig thuis blijven wonen.', eigenKracht: 'Kan licht huishoudelijk werk zelf.',
      netwerk: 'Dochter komt eens per week, kan niet meer.', mantelzorgOndersteuning: 'Dochter gewezen op respijtzorg.',
      algemeneVoorzieningen: 'Geen algemene voorziening voor zwaar huishoudelijk werk in de wijk.',
      benodigdeOndersteuning: 'Hulp bij het huishouden, 3 uur per week.', pgbUitgelegd: true, bijdrageUitgelegd: true,
      conclusies: 'Maatwerkvoorziening hulp bij het huishouden is nodig.',
    });
    const aanvraag = await ok(anna2, 'aanvraag.create', { meldingId: melding.melding.id, ontvangenOp: '2026-04-13', omschrijving: 'Hulp bij het huishouden' });
    const indicatie = await ok(anna2, 'indicatie.create', {
      aanvraagId: aanvraag.id, productcategorie: '01', productcode: null, omvang: { volume: 3, eenheid: '04', frequentie: '2' },
      leveringsvorm: 'ZIN', aanbiederAgb: '12345678', aanbiederNaam: 'Thuiszorg De Linde', ingangsdatum: '2026-05-01',
      einddatum: '2027-04-30', motivering: 'Mevrouw kan het zware huishoudelijke werk niet zelf en haar netwerk kan het niet overnemen.',
    });
    expect(indicatie.omvangTekst).toMatch(/3 uur per week/i);

    const detail = await ok(anna2, 'melding.get', { id: melding.melding.id });
    // Aanvraag 13 April → 27 April is Koningsdag → Tuesday 28 April (Algemene termijnenwet).
    expect(detail.termijnen.find((t) => t.soort === 'beschikking')).toMatchObject({ uiterlijk: '2026-04-28' });
    // The onderzoek term is met when the written verslag is sent, not by the gesprek itself.
    expect(detail.termijnen.find((t) => t.soort === 'onderzoek')).toMatchObject({ afgerondOp: null });

    const b = await ok(anna2, 'beschikking.create', {
      aanvraagId: aanvraag.id, soort: 'toekenning', indicatieIds: [indicatie.id],
      besluitTekst: 'U krijgt hulp bij het huishouden, 3 uur per week.',
      motivering: 'Uit het onderzoek blijkt dat u het zware huishoudelijke werk niet zelf kunt doen.',
      wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'],
    });
    expect(b.status).toBe('concept');
    await ok(anna2, 'beschikking.submit', { id: b.id });

    // Vier-ogen: the author cannot approve; no mandate, no approval; the auditor cannot write.
    expect((await refused(anna2, 'beschikking.approve', { id: b.id })).code).toBe('geen_toegang');
    const bea = await as('bea', '2026-04-20');
    expect((await refused(bea, 'beschikking.approve', { id: b.id })).message).toMatch(/mandaat/);
    const dirk = await as('dirk', '2026-04-20');
    expect((await refused(dirk, 'beschikking.update', { id: b.id, aanvraagId: aanvraag.id, soort: 'afwijzing', besluitTekst: 'x'.repeat(20), motivering: 'y'.repeat(30), wettelijkeGrondslag: ['Awb 4:5'] })).code).toBe('geen_toegang');

    const bram = await as('bram', '2026-04-20');
    const vastgesteld = await ok(bram, 'beschikking.approve', { id: b.id });
    expect(vastgesteld).toMatchObject({ status: 'vastgesteld', accordeur: 'bram', vastgesteldOp: '2026-04-20' });
    expect(vastgesteld.indicaties[0]!.toewijzingNummer).toBe(1);

    // Immutable once vastgesteld: through the service and through the database itself.
    const change = await refused(anna2, 'beschikking.update', {
      id: b.id, aanvraagId: aanvraag.id, soort: 'toekenning', indicatieIds: [indicatie.id],
      besluitTekst: 'U krijgt hulp bij het huishouden, 4 uur per week.', motivering: 'z'.repeat(30), wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'],
    });
    expect(change.message).toMatch(/nieuwe beschikking/);
    expect(() => bram.session!.db.raw.prepare(`UPDATE beschikkingen SET besluit_tekst = 'x' WHERE id = ?`).run(b.id)).toThrow(/onveranderlijk/);

    const finalDetail = await ok(bram, 'melding.get', { id: melding.melding.id });
    // Vastgesteld is not bekendgemaakt: the beschikking term runs until the letter is sent (Awb 3:41).
    expect(finalDetail.termijnen.find((t) => t.soort === 'beschikking')).toMatchObject({ afgerondOp: null, uiterlijk: '2026-04-28' });

    // The access log shows each step, and its chain holds.
    const log = bram.session!.db.raw.prepare(`SELECT actor, action, object_type, result FROM access_log WHERE client_id = ? ORDER BY seq`).all(client.id) as
      { actor: string; action: string; object_type: string; result: string }[];
    const steps = log.map((l) => `${l.actor}:${l.action}:${l.object_type}:${l.result}`);
    for (const expected of [
      'anna:aanmaken:client:gelukt', 'anna:aanmaken:melding:gelukt', 'anna:aanmaken:onderzoek:gelukt',
      'anna:aanmaken:aanvraag:gelukt', 'anna:aanmaken:indicatie:gelukt', 'anna:aanmaken:beschikking:gelukt',
      'bea:wijzigen:beschikking.approve:geweigerd', 'bram:wijzigen:beschikking:gelukt',
      'bram:lezen:melding:gelukt',
    ]) expect(steps).toContain(expected);
    // A refusal by role is logged by the router itself, before any client is looked up.
    expect(bram.session!.db.raw.prepare(`SELECT count(*) AS n FROM access_log WHERE actor = 'anna' AND object_type = 'beschikking.approve' AND result = 'geweigerd'`).get()).toEqual({ n: 1 });
    expect(verifyLog(bram.session!.db.raw).ok).toBe(true);
  });

  it('refuses a PGB while a ZIN toewijzing for the same product runs (iWmo OP043)', async () => {
    const anna = await as('anna', '2026-06-01');
    const client = await ok(anna, 'client.create', { bsn: '999993483', voornamen: 'Cornelis', geslachtsnaam: 'Zwanenburg', geboortedatum: '1950-02-03' });
    const melding = await ok(anna, 'melding.create', { clientId: client.id, datum: '2026-05-01', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Hulp bij het huishouden nodig.', toestemming: true, clientondersteuningAangeboden: true });
    const aanvraag = await ok(anna, 'aanvraag.create', { meldingId: melding.melding.id, ontvangenOp: '2026-05-10', omschrijving: 'Hulp bij het huishouden' });
    const zin = await ok(anna, 'indicatie.create', { aanvraagId: aanvraag.id, productcategorie: '01', omvang: { volume: 2, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN', aanbiederAgb: '12345678', ingangsdatum: '2026-06-01', einddatum: '2026-12-31', motivering: 'Nodig na onderzoek, zie verslag.' });
    const b = await ok(anna, 'beschikking.create', { aanvraagId: aanvraag.id, soort: 'toekenning', indicatieIds: [zin.id], besluitTekst: 'U krijgt hulp bij het huishouden.', motivering: 'Uit het onderzoek blijkt dat dit nodig is.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'] });
    await ok(anna, 'beschikking.submit', { id: b.id });
    await ok(await as('bram', '2026-06-01'), 'beschikking.approve', { id: b.id });
    const basis = { pgbZorgverlener: 'informeel' as const, pgbTariefCents: 2500 };
    const pgb = await refused(anna, 'indicatie.create', { aanvraagId: aanvraag.id, productcategorie: '01', budgetCents: 250000, leveringsvorm: 'PGB', ingangsdatum: '2026-09-01', einddatum: '2026-12-31', motivering: 'Cliënt wil zelf inkopen.', ...basis });
    expect(pgb).toMatchObject({ code: 'conflict', field: 'vervangtIndicatieId' });
    // A PGB without the basis of its amount (Wmo 2.3.6 lid 4) is refused.
    expect(await refused(anna, 'indicatie.create', { aanvraagId: aanvraag.id, productcategorie: '01', budgetCents: 250000, leveringsvorm: 'PGB', ingangsdatum: '2027-01-01', einddatum: '2027-12-31', motivering: 'Cliënt wil zelf inkopen.' }))
      .toMatchObject({ code: 'invoer', field: 'pgbTariefCents' });
    // A second ZIN for the same product at the same time is refused too (issue 14, item 12).
    expect(await refused(anna, 'indicatie.create', { aanvraagId: aanvraag.id, productcategorie: '01', omvang: { volume: 3, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN', aanbiederAgb: '12345678', ingangsdatum: '2026-10-01', einddatum: '2026-12-31', motivering: 'Meer uren nodig na onderzoek.' }))
      .toMatchObject({ code: 'conflict', field: 'vervangtIndicatieId' });
    // … unless it says which indicatie it replaces.
    const vervangend = await ok(anna, 'indicatie.create', { aanvraagId: aanvraag.id, productcategorie: '01', budgetCents: 250000, leveringsvorm: 'PGB', ingangsdatum: '2026-09-01', einddatum: '2026-12-31', motivering: 'Cliënt wil zelf inkopen.', ...basis, vervangtIndicatieId: zin.id });
    expect(vervangend.vervangtIndicatieId).toBe(zin.id);
    // After the ZIN period a PGB is fine.
    await ok(anna, 'indicatie.create', { aanvraagId: aanvraag.id, productcategorie: '01', budgetCents: 250000, leveringsvorm: 'PGB', ingangsdatum: '2027-01-01', einddatum: '2027-12-31', motivering: 'Cliënt wil zelf inkopen.', ...basis });
  });

  it('finds a client by a typo of her new name after a name change (fuzzy vocabulary follows renames)', async () => {
    const anna = await as('anna', '2026-06-01');
    const input = { bsn: '999990019', voornamen: 'Hendrika', geslachtsnaam: 'Bakkerink', geboortedatum: '1948-07-09', vertegenwoordigers: [] };
    const client = await ok(anna, 'client.create', input);
    const fuzzyIds = async (query: string) => (await ok(anna, 'client.search', { query, kind: 'fuzzy' })).results.map((c) => c.id);
    expect(await fuzzyIds('Bakkernik')).toContain(client.id);
    await ok(anna, 'client.update', { ...input, id: client.id, geslachtsnaam: 'Oosterwolde' });
    expect(await fuzzyIds('Oosterwodle')).toContain(client.id);
    expect(await fuzzyIds('Bakkernik')).not.toContain(client.id);
  });

  it('keeps the auditor to reading, and answers a locked session with a Dutch error', async () => {
    const dirk = await as('dirk');
    const search = await ok(dirk, 'client.search', { query: 'zwanenburg' });
    expect(search.results).toHaveLength(1);
    const write = await refused(dirk, 'client.create', { bsn: '999990482', voornamen: 'A', geslachtsnaam: 'B', geboortedatum: '1960-01-01' });
    expect(write.code).toBe('geen_toegang');
    expect((await ok(dirk, 'audit.verify', {})).ok).toBe(true);
    await ok(dirk, 'session.lock', {});
    expect((await refused(dirk, 'client.search', { query: 'x' })).message).toMatch(/niet ingelogd/);
  });
});
