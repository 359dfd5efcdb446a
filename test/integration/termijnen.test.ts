import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk, ok, vastgesteldeToekenning } from '../support/cases';
import { ADMIN_PASSWORD } from '../support/vault';

/** The legal clocks through the router: extension (Awb 4:14), suspension (4:15), werkvoorraad queries. */

let desk: Desk;
beforeAll(async () => { desk = await Desk.open(); });
afterAll(() => desk.close());

async function melding(bsn: string, naam: string, datum: string, wet: 'wmo' | 'jeugdwet' | 'participatiewet', wijk: string, today: string) {
  const anna = await desk.as('anna', today);
  const c = await ok(anna, 'client.create', {
    bsn, voornamen: 'Test', geslachtsnaam: naam, geboortedatum: '1980-01-01', wijk, straat: 'Kerkstraat', huisnummer: 1, postcode: '1234 AB', woonplaats: 'Voorbeeldstad',
  });
  return ok(anna, 'melding.create', { clientId: c.id, datum, kanaal: 'balie', wet, hulpvraag: 'Ondersteuning nodig thuis.', toestemming: true, clientondersteuningAangeboden: true });
}

describe('legal clocks', () => {
  it('starts 6 weeks for Wmo and 8 weeks for Jeugdwet and Participatiewet, moved past holidays', async () => {
    const wmo = await melding('999990421', 'Wmo', '2026-03-02', 'wmo', 'Noord', '2026-03-02');
    expect(wmo.termijnen[0]!.uiterlijk).toBe('2026-04-13');
    // 8 weeks from Thursday 2026-03-05 is Thursday 2026-04-30: no holiday.
    const jw = await melding('999991905', 'Jeugd', '2026-03-05', 'jeugdwet', 'Zuid', '2026-03-05');
    expect(jw.termijnen[0]!.uiterlijk).toBe('2026-04-30');
    // 8 weeks from Friday 2026-10-30 is Friday 2026-12-25 (Kerstmis) → Monday 2026-12-28.
    const pw = await melding('999993550', 'Participatie', '2026-10-30', 'participatiewet', 'Zuid', '2026-10-30');
    expect(pw.termijnen[0]!.uiterlijk).toBe('2026-12-28');
  });

  it('extends before the end, not after; suspends and resumes with the days added', async () => {
    const m = await melding('999992806', 'Verlengd', '2026-03-02', 'wmo', 'Noord', '2026-03-02');
    const termijnId = m.termijnen[0]!.id;
    const anna = await desk.as('anna', '2026-04-01');
    const ext = await ok(anna, 'termijn.verleng', {
      termijnId, dagen: 14, reden: 'Advies van de ergotherapeut is nodig.', grond: 'instemming_client', grondTekst: 'telefonisch op 1 april 2026',
    });
    expect(ext.verlengingen[0]).toMatchObject({ grond: 'instemming_client', grondTekst: 'telefonisch op 1 april 2026' });
    expect(ext.uiterlijk).toBe('2026-04-28'); // 13 April + 14 = 27 April (Koningsdag) → 28 April
    const susp = await ok(anna, 'termijn.schortOp', {
      termijnId, van: '2026-04-02', reden: 'Cliënt levert medische gegevens aan.', grond: 'verordening', grondTekst: 'artikel 4, derde lid, Verordening Wmo 2026',
    });
    expect(susp).toMatchObject({ uiterlijk: null, opgeschort: true, status: 'opgeschort' });
    const resumed = await ok(anna, 'termijn.hervat', { termijnId, tot: '2026-04-09' });
    expect(resumed.opgeschort).toBe(false);
    expect(resumed.uiterlijk).toBe('2026-05-04'); // 27 April + 7 days suspension = 4 May (no holiday)
    const late = await desk.as('anna', '2026-06-01');
    const refused = await late.call('termijn.verleng', { termijnId, dagen: 7, reden: 'Te laat aangevraagde verlenging.', grond: 'instemming_client', grondTekst: 'mondeling' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('lists due and overdue cases per consultant and per wijk', async () => {
    const anna = await desk.as('anna', '2026-04-10');
    const all = await ok(anna, 'werkvoorraad.page', { perPagina: 100 });
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    const noord = await ok(anna, 'werkvoorraad.page', { wijk: 'Noord' });
    expect(noord.items.every((i) => i.wijk === 'Noord')).toBe(true);
    const dueThisWeek = await ok(anna, 'werkvoorraad.page', { termijn: 'deze_week' });
    expect(dueThisWeek.items.map((i) => i.termijn?.uiterlijk)).toContain('2026-04-13');
    expect(dueThisWeek.items.find((i) => i.termijn?.uiterlijk === '2026-04-13')?.termijn?.status).toBe('deze_week');
    const later = await desk.as('anna', '2026-04-14');
    const overdue = await ok(later, 'werkvoorraad.page', { termijn: 'verlopen' });
    expect(overdue.items.map((i) => i.termijn?.uiterlijk)).toEqual(['2026-04-13']);
    expect(overdue.items[0]!.termijn!.status).toBe('verlopen');
    const annaId = (await ok(anna, 'session.current', {})).user!.id;
    expect((await ok(anna, 'werkvoorraad.page', { consulentId: annaId, perPagina: 100 })).items.length).toBe(all.items.length);
    expect((await ok(anna, 'werkvoorraad.page', { consulentId: 9999 })).items).toEqual([]);
  });

  it('the Wmo onderzoek term is no beslistermijn: no Awb verdaging, only consent or the verordening, recorded', async () => {
    const m = await melding('999990408', 'Onderzoek', '2026-03-02', 'wmo', 'Noord', '2026-03-02');
    const t = m.termijnen[0]!;
    expect(t).toMatchObject({ grondslag: 'artikel 2.3.2, eerste lid, Wmo 2015', bron: 'wet', awbBeslistermijn: false });
    const anna = await desk.as('anna', '2026-04-01');
    const awb = await anna.call('termijn.verleng', { termijnId: t.id, dagen: 14, reden: 'Advies van de ergotherapeut is nodig.' });
    expect(awb).toMatchObject({ ok: false, error: { code: 'invoer' } });
    expect(!awb.ok && awb.error.message).toMatch(/geen beslistermijn.*instemming van de cliënt.*verordening/);
    const zonderTekst = await anna.call('termijn.verleng', { termijnId: t.id, dagen: 14, reden: 'Advies van de ergotherapeut is nodig.', grond: 'instemming_client' });
    expect(zonderTekst).toMatchObject({ ok: false, error: { code: 'invoer', field: 'grondTekst' } });
    const ja = await ok(anna, 'termijn.verleng', { termijnId: t.id, dagen: 14, reden: 'Advies van de ergotherapeut is nodig.', grond: 'instemming_client', grondTekst: 'cliënt stemde in per e-mail van 1 april 2026' });
    expect(ja.uiterlijk).toBe('2026-04-28');
    const log = anna.session!.db.raw.prepare(`SELECT detail FROM access_log WHERE object_type = 'termijn' AND object_id = ? ORDER BY seq DESC LIMIT 1`).get(String(t.id)) as { detail: string };
    expect(log.detail).toContain('met instemming van de cliënt');
    // Jeugdwet: the onderzoek term is set by the verordening; the beslistermijn by the Awb.
    const jw = await melding('999992077', 'Jeugd', '2026-03-02', 'jeugdwet', 'Zuid', '2026-03-02');
    expect(jw.termijnen[0]).toMatchObject({ bron: 'verordening', awbBeslistermijn: false });
    expect(jw.termijnen[0]!.grondslag).toContain('verordening jeugdhulp');
  });

  it('an opschorting after expiry is refused: the term stays overdue (Awb 4:15)', async () => {
    const m = await melding('999991292', 'Verlopen', '2026-03-02', 'participatiewet', 'Noord', '2026-03-02');
    const t = m.termijnen[0]!;
    expect(t.uiterlijk).toBe('2026-04-28');
    const late = await desk.as('anna', '2026-04-29');
    const refused = await late.call('termijn.schortOp', { termijnId: t.id, van: '2026-04-20', reden: 'Gegevens ontbreken nog.' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toMatch(/verlopen op 28-04-2026.*blijft verlopen/);
    const detail = await ok(late, 'melding.get', { id: m.melding.id });
    expect(detail.termijnen[0]).toMatchObject({ status: 'verlopen', uiterlijk: '2026-04-28', opschortingen: [] });
    // In time, but starting after the end: refused as well.
    const intime = await desk.as('anna', '2026-04-27');
    expect(await intime.call('termijn.schortOp', { termijnId: t.id, van: '2026-04-29', reden: 'Gegevens ontbreken nog.' })).toMatchObject({ ok: false });
  });

  it('the beheerder adds a day of a later koninklijk besluit; new deadlines skip it', async () => {
    const beheer = await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD);
    const lijst = await ok(beheer, 'atw.gelijkgesteld.lijst', {});
    expect(lijst.dagen.filter((d) => d.meegeleverd).map((d) => d.datum)).toEqual(['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26']);
    const anna = await desk.as('anna', '2026-04-20');
    expect((await anna.call('atw.gelijkgesteld.zet', { dagen: [] })).ok).toBe(false); // beheerder only
    const dag = { datum: '2026-06-05', naam: 'Proefdag', besluit: 'Besluit gelijkstelling proefdag 2026 met een algemeen erkende feestdag' };
    await ok(beheer, 'atw.gelijkgesteld.zet', { dagen: [dag] });
    expect((await beheer.call('atw.gelijkgesteld.zet', { dagen: [{ ...dag, datum: '2026-05-15' }] })).ok).toBe(false); // already shipped
    // Wmo onderzoek from Fri 2026-04-24: 6 weeks = Fri 5 June, now gelijkgesteld → Mon 8 June.
    const m = await melding('999993586', 'Gelijkgesteld', '2026-04-24', 'wmo', 'Noord', '2026-04-24');
    expect(m.termijnen[0]!.uiterlijk).toBe('2026-06-08');
    await ok(beheer, 'atw.gelijkgesteld.zet', { dagen: [] });
  });

  it('the onderzoek term is met when the written verslag is sent, not on the day of the gesprek', async () => {
    const m = await melding('999994785', 'Verslag', '2026-03-02', 'wmo', 'Noord', '2026-03-02');
    const anna = await desk.as('anna', '2026-04-10');
    await ok(anna, 'onderzoek.save', {
      meldingId: m.melding.id, datum: '2026-04-10', aanwezigen: 'cliënt, consulent', behoeften: 'Zelfstandig thuis wonen.',
      eigenKracht: 'Licht werk lukt zelf.', netwerk: 'Geen mantelzorg.', mantelzorgOndersteuning: 'Niet van toepassing.',
      algemeneVoorzieningen: 'Boodschappendienst besproken.', benodigdeOndersteuning: 'Hulp bij het huishouden.',
      pgbUitgelegd: true, bijdrageUitgelegd: true, conclusies: 'Maatwerkvoorziening is nodig.',
    });
    expect((await ok(anna, 'melding.get', { id: m.melding.id })).termijnen[0]).toMatchObject({ afgerondOp: null, status: 'deze_week' });
    const late = await desk.as('anna', '2026-04-15'); // deadline was 13 April
    await ok(late, 'letter.melding', { meldingId: m.melding.id, soort: 'gespreksverslag' });
    expect((await ok(late, 'melding.get', { id: m.melding.id })).termijnen[0]).toMatchObject({ afgerondOp: '2026-04-15', behaald: false });
  });

  it('the beschikking term is met at bekendmaking (sending), not at vaststelling', async () => {
    const c = await vastgesteldeToekenning(desk, { bsn: '999995352', voornamen: 'Bekend', geslachtsnaam: 'Making' });
    const anna = await desk.as('anna', '2026-04-20');
    const beschikkingTermijn = async (r: typeof anna) => (await ok(r, 'melding.get', { id: c.meldingId })).termijnen.find((t) => t.soort === 'beschikking')!;
    // Aanvraag 13 April: 2 weeks = Koningsdag 27 April → 28 April. Vastgesteld on 20 April: not yet met.
    expect(await beschikkingTermijn(anna)).toMatchObject({ uiterlijk: '2026-04-28', afgerondOp: null });
    const carla = await desk.as('carla', '2026-04-29');
    const gen = await ok(carla, 'print.generate', { beschikkingIds: [c.beschikkingId] });
    await ok(carla, 'print.confirm', { id: gen.batch!.id });
    expect(await beschikkingTermijn(await desk.as('anna', '2026-04-29'))).toMatchObject({ afgerondOp: '2026-04-29', behaald: false });
  });
});
