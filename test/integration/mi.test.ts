import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDb } from '../../main/db/database';
import type { Router } from '../../main/router';
import type { MiOverzicht } from '../../shared/schemas/beheer';
import { CaseBuilder } from '../support/beheer-cases';
import { Desk, LETTERHEAD, ok } from '../support/cases';
import { ADMIN_PASSWORD } from '../support/vault';

/**
 * Management information against an independent recount: several cases go through the router,
 * then every figure of mi.overzicht is compared with plain SQL written here, separately, over the
 * raw rows — and with the numbers the scenario was built to produce.
 */

const VAN = '2026-01-01';
const TOT = '2026-06-30';
const PEILDATUM = '2026-07-01';
const PEOPLE = [
  { bsn: '999990056', voornamen: 'Adriana', geslachtsnaam: 'Kuipers', wijk: 'Centrum' },
  { bsn: '999990068', voornamen: 'Bartholomeus', geslachtsnaam: 'Slingerland', wijk: 'Centrum' },
  { bsn: '999990081', voornamen: 'Cornelia', geslachtsnaam: 'Wagenaar', wijk: 'Noord' },
  { bsn: '999990093', voornamen: 'Daan', geslachtsnaam: 'Verschoor', geboortedatum: '2012-05-05' },
  { bsn: '999990111', voornamen: 'Evi', geslachtsnaam: 'Roodenburg', geboortedatum: '2015-09-09', wijk: 'Noord' },
];

let desk: Desk;
let raw: RawDb;
let beheer: Router;
let o: MiOverzicht;

beforeAll(async () => {
  desk = await Desk.open();
  // Jeugdwet letters go out under a sender of their own (a Wmo-loket sender is refused for them).
  await ok(await desk.as('beheer', '2026-04-20', ADMIN_PASSWORD), 'settings.update', {
    ...LETTERHEAD,
    afzenderPerWet: {
      wmo: { afdeling: '', email: '', functie: '' },
      jeugdwet: { afdeling: 'Team Jeugd en Gezin', email: 'jeugd@voorbeeldstad.nl', functie: 'teamleider Jeugd en Gezin' },
      participatiewet: { afdeling: 'Werk en Inkomen', email: 'werkeninkomen@voorbeeldstad.nl', functie: 'teamleider Werk en Inkomen' },
    },
  });
  const cb = new CaseBuilder(desk, TOT, { verzenden: true });
  const ids: number[] = [];
  for (const p of PEOPLE) ids.push(await cb.client(p));
  const [c1, c2, c3, c4, c5] = ids;
  // Sequential on purpose: one router per user, one write at a time.
  await cb.build({ clientId: c1!, wet: 'wmo', melding: '2026-01-05', onderzoek: '2026-02-10', aanvraag: '2026-02-12',
    indicaties: [{ productcategorie: '01', leveringsvorm: 'ZIN', ingangsdatum: '2026-03-01', einddatum: '2026-09-30' }],
    beschikking: { soort: 'toekenning', vastgesteld: '2026-02-20' } });
  await cb.build({ clientId: c2!, wet: 'wmo', melding: '2026-02-02', onderzoek: '2026-04-01', aanvraag: '2026-04-01',
    indicaties: [{ productcategorie: '05', leveringsvorm: 'PGB', budgetCents: 500000, ingangsdatum: '2026-05-01', einddatum: '2026-11-30' }],
    beschikking: { soort: 'toekenning', vastgesteld: '2026-04-30' } });
  await cb.build({ clientId: c3!, wet: 'wmo', melding: '2026-03-10', onderzoek: '2026-03-30', aanvraag: '2026-04-01',
    beschikking: { soort: 'afwijzing', vastgesteld: '2026-04-10' } });
  await cb.build({ clientId: c4!, wet: 'jeugdwet', melding: '2026-02-16', onderzoek: '2026-03-02', aanvraag: '2026-03-02',
    indicaties: [{ productcategorie: '45', leveringsvorm: 'ZIN', ingangsdatum: '2026-03-15', einddatum: '2026-08-31' }],
    beschikking: { soort: 'toekenning', vastgesteld: '2026-03-20' } });
  await cb.build({ clientId: c5!, wet: 'jeugdwet', melding: '2026-04-01', onderzoek: '2026-04-20', aanvraag: '2026-04-21',
    indicaties: [
      { productcategorie: '45', leveringsvorm: 'PGB', budgetCents: 300000, ingangsdatum: '2026-05-01', einddatum: '2026-12-31' },
      { productcategorie: '40', leveringsvorm: 'PGB', budgetCents: 120000, ingangsdatum: '2026-05-01', einddatum: '2027-04-30' },
    ],
    beschikking: { soort: 'toekenning', vastgesteld: '2026-05-11' } });
  // Before the period: its voorziening still runs into it; its melding and besluit do not count.
  await cb.build({ clientId: c1!, wet: 'wmo', melding: '2025-11-03', onderzoek: '2025-11-20', aanvraag: '2025-11-21',
    indicaties: [{ productcategorie: '02', leveringsvorm: 'ZIN', ingangsdatum: '2025-12-01', einddatum: '2026-02-28' }],
    beschikking: { soort: 'toekenning', vastgesteld: '2025-12-01' } });
  // Open cases: a melding only; an indicatie without a besluit (not a voorziening).
  await cb.build({ clientId: c2!, wet: 'wmo', melding: '2026-06-15' });
  await cb.build({ clientId: c3!, wet: 'wmo', melding: '2026-05-04', onderzoek: '2026-05-11', aanvraag: '2026-05-11',
    indicaties: [{ productcategorie: '01', leveringsvorm: 'ZIN', ingangsdatum: '2026-06-01', einddatum: '2026-10-31' }] });

  beheer = await desk.as('beheer', PEILDATUM, ADMIN_PASSWORD);
  raw = beheer.session!.db.raw;
  o = await ok(beheer, 'mi.overzicht', { van: VAN, tot: TOT, maanden: 6 });
});
afterAll(async () => { await desk.close(); });

/** Rows as comparable strings, order-independent. */
const norm = (rows: object[]) => rows.map((r) => JSON.stringify(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort();

describe('mi.overzicht equals an independent recount from the raw rows', () => {
  it('meldingen per wijk and wet', () => {
    const expected = raw.prepare(`SELECT IFNULL(c.wijk, 'onbekend') AS wijk, m.wet AS wet, COUNT(m.id) AS aantal
      FROM clients c, meldingen m WHERE m.client_id = c.id AND m.datum >= ? AND m.datum <= ? GROUP BY IFNULL(c.wijk, 'onbekend'), m.wet`).all(VAN, TOT) as object[];
    expect(norm(o.meldingen)).toEqual(norm(expected));
    expect(o.meldingen.reduce((s, r) => s + r.aantal, 0)).toBe(7);
    expect(o.meldingen.find((r) => r.wijk === 'Centrum' && r.wet === 'wmo')?.aantal).toBe(3);
    expect(o.meldingen.find((r) => r.wijk === 'onbekend' && r.wet === 'jeugdwet')?.aantal).toBe(1);
  });

  it('doorlooptijd melding → first vastgestelde beschikking (mean, median)', () => {
    const perMelding = raw.prepare(`SELECT IFNULL(c.wijk, 'onbekend') AS wijk, m.wet AS wet,
        CAST(julianday((SELECT MIN(b.vastgesteld_op) FROM beschikkingen b, aanvragen a WHERE b.aanvraag_id = a.id AND a.melding_id = m.id))
          - julianday(m.datum) AS INTEGER) AS dagen
      FROM meldingen m, clients c WHERE m.client_id = c.id
        AND (SELECT MIN(b.vastgesteld_op) FROM beschikkingen b, aanvragen a WHERE b.aanvraag_id = a.id AND a.melding_id = m.id) BETWEEN ? AND ?`)
      .all(VAN, TOT) as { wijk: string; wet: string; dagen: number }[];
    const groups = new Map<string, number[]>();
    for (const r of perMelding) groups.set(`${r.wijk}|${r.wet}`, [...(groups.get(`${r.wijk}|${r.wet}`) ?? []), r.dagen]);
    const expected = [...groups].map(([k, d]) => {
      const [wijk, wet] = k.split('|');
      const s = [...d].sort((a, b) => a - b);
      const mediaan = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
      return { wijk, wet, aantal: d.length, gemiddeldDagen: Math.round((d.reduce((a, b) => a + b, 0) / d.length) * 10) / 10, mediaanDagen: mediaan };
    });
    expect(norm(o.doorlooptijd)).toEqual(norm(expected));
    // Centrum/wmo: 5 Jan → 20 Feb = 46 days, 2 Feb → 30 Apr = 87 days.
    expect(o.doorlooptijd.find((r) => r.wijk === 'Centrum')).toMatchObject({ aantal: 2, gemiddeldDagen: 66.5, mediaanDagen: 66.5 });
  });

  it('legal deadlines met (termijnen.behaald)', () => {
    const expected = (raw.prepare(`SELECT IFNULL(c.wijk, 'onbekend') AS wijk, m.wet AS wet, t.soort AS soort, COUNT(*) AS afgerond,
        TOTAL(t.behaald) AS behaald FROM termijnen t, meldingen m, clients c
      WHERE t.melding_id = m.id AND m.client_id = c.id AND t.afgerond_op >= ? AND t.afgerond_op <= ?
      GROUP BY 1, 2, 3`).all(VAN, TOT) as { wijk: string; wet: string; soort: string; afgerond: number; behaald: number }[])
      .map((r) => ({ ...r, behaald: Math.round(r.behaald), percentage: Math.round((1000 * r.behaald) / r.afgerond) / 10 }));
    expect(norm(o.termijnen)).toEqual(norm(expected));
    // Centrum: the second case was late twice (onderzoek after 6 weeks, beschikking after 2 weeks).
    expect(o.termijnen.find((r) => r.wijk === 'Centrum' && r.soort === 'onderzoek')).toMatchObject({ afgerond: 2, behaald: 1, percentage: 50 });
  });

  it('decisions by soort', () => {
    const expected = raw.prepare(`SELECT IFNULL(c.wijk, 'onbekend') AS wijk, m.wet AS wet, b.soort AS soort, COUNT(*) AS aantal
      FROM beschikkingen b, aanvragen a, meldingen m, clients c
      WHERE b.aanvraag_id = a.id AND a.melding_id = m.id AND m.client_id = c.id AND b.vastgesteld_op >= ? AND b.vastgesteld_op <= ?
      GROUP BY 1, 2, 3`).all(VAN, TOT) as object[];
    expect(norm(o.besluiten)).toEqual(norm(expected));
    expect(o.besluiten.reduce((s, r) => s + r.aantal, 0)).toBe(5);
    expect(o.besluiten.find((r) => r.soort === 'afwijzing')).toMatchObject({ wijk: 'Noord', wet: 'wmo', aantal: 1 });
  });

  it('voorzieningen by category and leveringsvorm, with PGB amounts', () => {
    const granted = raw.prepare(`SELECT DISTINCT l.indicatie_id FROM beschikking_indicaties l, beschikkingen b
      WHERE l.beschikking_id = b.id AND b.vastgesteld_op IS NOT NULL AND b.soort IN ('toekenning', 'gedeeltelijke_toekenning', 'wijziging')`).pluck().all() as number[];
    const rows = raw.prepare(`SELECT i.id, IFNULL(c.wijk, 'onbekend') AS wijk, i.wet, i.productcategorie, i.leveringsvorm, i.budget_cents
      FROM indicaties i, aanvragen a, meldingen m, clients c
      WHERE i.aanvraag_id = a.id AND a.melding_id = m.id AND m.client_id = c.id AND i.ingangsdatum <= ? AND IFNULL(i.einddatum, '9999-12-31') >= ?`)
      .all(TOT, VAN) as { id: number; wijk: string; wet: string; productcategorie: string; leveringsvorm: string; budget_cents: number | null }[];
    const expected = new Map<string, { wijk: string; wet: string; productcategorie: string; leveringsvorm: string; aantal: number; budgetCents: number }>();
    for (const r of rows.filter((x) => granted.includes(x.id))) {
      const k = `${r.wijk}|${r.wet}|${r.productcategorie}|${r.leveringsvorm}`;
      const e = expected.get(k) ?? { wijk: r.wijk, wet: r.wet, productcategorie: r.productcategorie, leveringsvorm: r.leveringsvorm, aantal: 0, budgetCents: 0 };
      e.aantal++;
      e.budgetCents += r.budget_cents ?? 0;
      expected.set(k, e);
    }
    expect(norm(o.voorzieningen.map(({ productcategorieLabel: _l, ...r }) => r))).toEqual(norm([...expected.values()]));
    expect(o.voorzieningen.filter((r) => r.leveringsvorm === 'PGB').reduce((s, r) => s + r.budgetCents, 0)).toBe(920000);
    expect(o.voorzieningen.reduce((s, r) => s + r.aantal, 0)).toBe(6);
  });

  it('herindicatielijst counts per month (coming 6 months), and the named list is a separate, logged channel', async () => {
    const expected = raw.prepare(`SELECT strftime('%Y-%m', i.einddatum) AS maand, IFNULL(c.wijk, 'onbekend') AS wijk, i.wet AS wet, COUNT(*) AS aantal
      FROM indicaties i JOIN aanvragen a ON i.aanvraag_id = a.id JOIN meldingen m ON a.melding_id = m.id JOIN clients c ON m.client_id = c.id
      WHERE i.id IN (SELECT l.indicatie_id FROM beschikking_indicaties l JOIN beschikkingen b ON b.id = l.beschikking_id
        WHERE b.vastgesteld_op IS NOT NULL AND b.soort <> 'afwijzing')
        AND i.einddatum >= ? AND i.einddatum <= ? GROUP BY 1, 2, 3`).all(PEILDATUM, '2026-12-31') as object[];
    expect(norm(o.herindicatie)).toEqual(norm(expected));
    expect(o.herindicatie.map((r) => r.maand)).toEqual(['2026-08', '2026-09', '2026-11', '2026-12']);

    const anna = await desk.as('anna', PEILDATUM);
    const before = raw.prepare(`SELECT count(*) FROM access_log WHERE object_type = 'herindicatielijst' AND client_id IS NOT NULL`).pluck().get() as number;
    const lijst = await ok(anna, 'mi.herindicatie', { maanden: 6 });
    expect(lijst.items.map((i) => i.clientNaam).sort()).toEqual(['A. Kuipers', 'B. Slingerland', 'D. Verschoor', 'E. Roodenburg'].sort());
    const logged = raw.prepare(`SELECT count(*) FROM access_log WHERE object_type = 'herindicatielijst' AND client_id IS NOT NULL`).pluck().get() as number;
    expect(logged - before).toBe(4);
    // Aggregates never name anyone.
    expect(JSON.stringify(o)).not.toMatch(new RegExp(PEOPLE.flatMap((p) => [p.bsn, p.voornamen, p.geslachtsnaam]).join('|')));
    // Roles: the consulent gets no management information, the beheerder no names.
    expect((await anna.call('mi.overzicht', { van: VAN, tot: TOT })).ok).toBe(false);
    expect((await beheer.call('mi.herindicatie', { maanden: 6 })).ok).toBe(false);
    expect((await (await desk.as('dirk', PEILDATUM)).call('mi.overzicht', { van: VAN, tot: TOT })).ok).toBe(true);
  });

  it('filters by wijk and wet', async () => {
    const centrum = await ok(beheer, 'mi.overzicht', { van: VAN, tot: TOT, wijk: 'Centrum' });
    expect(centrum.meldingen).toEqual(o.meldingen.filter((r) => r.wijk === 'Centrum'));
    expect(centrum.voorzieningen).toEqual(o.voorzieningen.filter((r) => r.wijk === 'Centrum'));
    const jeugd = await ok(beheer, 'mi.overzicht', { van: VAN, tot: TOT, wet: 'jeugdwet' });
    expect(jeugd.besluiten).toEqual(o.besluiten.filter((r) => r.wet === 'jeugdwet'));
    expect(jeugd.herindicatie).toEqual(o.herindicatie.filter((r) => r.wet === 'jeugdwet'));
    expect((await beheer.call('mi.overzicht', { van: TOT, tot: VAN })).ok).toBe(false);
  });
});

describe('mi.export', () => {
  it('writes CSV with a UTF-8 BOM and semicolons, and XLSX with one sheet per part, with the same figures', async () => {
    const csv = await ok(beheer, 'mi.export', { query: { van: VAN, tot: TOT, maanden: 6 }, formaat: 'csv' });
    const bytes = Buffer.from(csv.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('onderdeel;wijk;wet;categorie;leveringsvorm;maand;kengetal;waarde');
    for (const r of o.meldingen) expect(lines).toContain(`meldingen;${r.wijk};${r.wet};;;;aantal;${r.aantal}`);
    expect(lines).toContain('doorlooptijd;Centrum;wmo;;;;gemiddeld_dagen;66,5');
    const pgb = o.voorzieningen.find((r) => r.leveringsvorm === 'PGB' && r.wet === 'wmo')!;
    expect(lines).toContain(`voorzieningen;${pgb.wijk};wmo;${pgb.productcategorie};PGB;;budget_euro;${pgb.budgetCents / 100}`);
    expect(bytes.toString('utf8')).not.toMatch(/Kuipers|999990056/);

    const xlsx = await ok(beheer, 'mi.export', { query: { van: VAN, tot: TOT }, formaat: 'xlsx' });
    expect(xlsx.bestandsnaam).toBe(`managementinformatie-${VAN}-${TOT}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Meldingen')!;
    const values = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual(o.meldingen.map((r) => [r.wijk, r.wet, r.aantal]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Toelichting', 'Meldingen', 'Doorlooptijd', 'Termijnen', 'Besluiten', 'Voorzieningen', 'Herindicatie']);
    expect(raw.prepare(`SELECT count(*) FROM access_log WHERE action = 'exporteren' AND object_type = 'managementinformatie'`).pluck().get()).toBe(2);
  });
});
