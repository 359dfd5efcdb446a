import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk, ok } from '../support/cases';

/** The legal clocks through the router: extension (Awb 4:14), suspension (4:15), werkvoorraad queries. */

let desk: Desk;
beforeAll(async () => { desk = await Desk.open(); });
afterAll(() => desk.close());

async function melding(bsn: string, naam: string, datum: string, wet: 'wmo' | 'jeugdwet' | 'participatiewet', wijk: string, today: string) {
  const anna = await desk.as('anna', today);
  const c = await ok(anna, 'client.create', { bsn, voornamen: 'Test', geslachtsnaam: naam, geboortedatum: '1980-01-01', wijk });
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
    const ext = await ok(anna, 'termijn.verleng', { termijnId, dagen: 14, reden: 'Advies van de ergotherapeut is nodig.' });
    expect(ext.uiterlijk).toBe('2026-04-28'); // 13 April + 14 = 27 April (Koningsdag) → 28 April
    const susp = await ok(anna, 'termijn.schortOp', { termijnId, van: '2026-04-02', reden: 'Cliënt levert medische gegevens aan.' });
    expect(susp).toMatchObject({ uiterlijk: null, opgeschort: true, status: 'opgeschort' });
    const resumed = await ok(anna, 'termijn.hervat', { termijnId, tot: '2026-04-09' });
    expect(resumed.opgeschort).toBe(false);
    expect(resumed.uiterlijk).toBe('2026-05-04'); // 27 April + 7 days suspension = 4 May (no holiday)
    const late = await desk.as('anna', '2026-06-01');
    const refused = await late.call('termijn.verleng', { termijnId, dagen: 7, reden: 'Te laat aangevraagde verlenging.' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('lists due and overdue cases per consultant and per wijk', async () => {
    const anna = await desk.as('anna', '2026-04-10');
    const all = await ok(anna, 'werkvoorraad.list', {});
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    const noord = await ok(anna, 'werkvoorraad.list', { wijk: 'Noord' });
    expect(noord.items.every((i) => i.wijk === 'Noord')).toBe(true);
    const dueThisWeek = await ok(anna, 'werkvoorraad.list', { binnenDagen: 7 });
    expect(dueThisWeek.items.map((i) => i.termijn?.uiterlijk)).toContain('2026-04-13');
    expect(dueThisWeek.items.find((i) => i.termijn?.uiterlijk === '2026-04-13')?.termijn?.status).toBe('deze_week');
    const overdue = await ok(anna, 'werkvoorraad.list', { alleenVerlopen: true, vandaag: '2026-04-14' });
    expect(overdue.items.map((i) => i.termijn?.uiterlijk)).toEqual(['2026-04-13']);
    expect(overdue.items[0]!.termijn!.status).toBe('verlopen');
    const annaId = (await ok(anna, 'session.current', {})).user!.id;
    expect((await ok(anna, 'werkvoorraad.list', { consulentId: annaId })).items.length).toBe(all.items.length);
    expect((await ok(anna, 'werkvoorraad.list', { consulentId: 9999 })).items).toEqual([]);
  });
});
