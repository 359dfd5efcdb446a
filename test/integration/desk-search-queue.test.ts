import { afterEach, describe, expect, it } from 'vitest';
import { validTestBsns } from '../../main/demo/generate';
import { SEARCH_COUNT_CAP } from '../../shared/schemas/client';
import type { Router } from '../../main/router';
import { conceptToekenning, Desk, ok } from '../support/cases';

/** Client search the way people type, and the besluitbevoegde's queue by deadline, on the real router. */

let desk: Desk | null = null;
afterEach(async () => {
  await desk?.close();
  desk = null;
});

const bsns = validTestBsns().filter((b) => b !== '999927243');
let next = 0;

async function client(r: Router, c: { voornamen: string; voorvoegsel?: string; geslachtsnaam: string; straat: string; huisnummer: number; huisletter?: string; postcode: string }) {
  return ok(r, 'client.create', { bsn: bsns[next++]!, geboortedatum: '1950-01-01', geslacht: '2', woonplaats: 'Voorbeeldstad', wijk: 'Centrum', ...c });
}

describe('client.search finds what people type', () => {
  it('counts up to SEARCH_COUNT_CAP and then says "more than", by name prefix and by name part', async () => {
    desk = await Desk.open({ letterhead: false });
    const anna = await desk.as('anna');
    for (let i = 0; i <= SEARCH_COUNT_CAP; i++) {
      await client(anna, { voornamen: 'Jan', geslachtsnaam: `Smitsen${String(i).padStart(4, '0')}`, straat: 'Dorpsweg', huisnummer: i + 1, postcode: '1234 AB' });
    }
    // One past the cap: the count stops and says so, never a wrong exact number.
    for (const query of ['smitsen', 'sm', 'itsen']) {
      const r = await ok(anna, 'client.search', { query });
      expect(r.results.length).toBeGreaterThan(0);
      expect(r, query).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
    }
    // Below the cap the count is exact.
    const few = await ok(anna, 'client.search', { query: 'smitsen00' });
    expect(few).toMatchObject({ total: 100, totalCapped: false });
  });

  it('first name + surname, street + number, postcode + number, and the real total beyond the limit', async () => {
    desk = await Desk.open({ letterhead: false });
    const anna = await desk.as('anna');
    const target = await client(anna, { voornamen: 'Anna Maria', voorvoegsel: 'van', geslachtsnaam: 'Vliet', straat: 'Hovenlaan', huisnummer: 37, postcode: '7423 AH' });
    const pieter = await client(anna, { voornamen: 'Pieter', voorvoegsel: 'van', geslachtsnaam: 'Vliet', straat: 'Hovenlaan', huisnummer: 39, postcode: '7423 AH' });
    const buur = await client(anna, { voornamen: 'Anna', geslachtsnaam: 'Bos', straat: 'Hovenlaan', huisnummer: 37, huisletter: 'a', postcode: '7423 AJ' });
    await client(anna, { voornamen: 'Anna', geslachtsnaam: 'Vlietstra', straat: 'Kerkstraat', huisnummer: 37, postcode: '1234 AB' });

    const ids = async (query: string) => (await ok(anna, 'client.search', { query })).results.map((r) => r.id);
    // Voornaam + achternaam, in the order people say it; the voorvoegsel may be left out.
    expect(await ids('Anna van Vliet')).toEqual([target.id]);
    expect(await ids('anna vliet')).toContain(target.id);
    expect(await ids('anna vliet')).not.toContain(pieter.id);
    expect(await ids('Pieter van Vliet')).toEqual([pieter.id]);
    // Straat + huisnummer (+ huisletter), any case; another street with the same number stays out.
    expect((await ids('Hovenlaan 37')).sort()).toEqual([target.id, buur.id].sort());
    expect(await ids('hovenlaan 37a')).toEqual([buur.id]);
    expect(await ids('Hovenlaan 39')).toEqual([pieter.id]);
    // Exact postcode + huisnummer, typed together, still works and the number counts.
    expect(await ids('7423ah37')).toEqual([target.id]);
    expect(await ids('7423 AH 39')).toEqual([pieter.id]);
    // A typo in the surname, typed in the order people say it (voorvoegsel first): both van Vliets.
    expect((await ids('van Vleit')).sort()).toEqual([target.id, pieter.id].sort());
    expect(await ids('Anna van Vleit')).toEqual([target.id]);
    // A BSN typed in groups, with spaces or dots.
    const bsnClient = await ok(anna, 'client.create', {
      bsn: '999927243', voornamen: 'Bea', geslachtsnaam: 'Bakker', geboortedatum: '1950-01-01', geslacht: '2',
      straat: 'Kerkstraat', huisnummer: 5, postcode: '1234 AB', woonplaats: 'Voorbeeldstad', wijk: 'Centrum',
    });
    expect(await ids('999 927 243')).toEqual([bsnClient.id]);
    expect(await ids('999.927.243')).toEqual([bsnClient.id]);

    // More than the limit: the real total, never a silent cap.
    for (let i = 0; i < 30; i++) await client(anna, { voornamen: `Jan${String.fromCharCode(97 + (i % 26))}`, geslachtsnaam: 'Jansen', straat: 'Dorpsweg', huisnummer: i + 1, postcode: '1234 AB' });
    const many = await ok(anna, 'client.search', { query: 'jansen' });
    expect(many.results).toHaveLength(25);
    expect(many.total).toBe(30);
    const street = await ok(anna, 'client.search', { query: 'Dorpsweg 7', limit: 25 });
    expect(street).toMatchObject({ total: 1 });
    const few = await ok(anna, 'client.search', { query: 'jansen', limit: 100 });
    expect(few).toMatchObject({ total: 30 });
    expect(few.results).toHaveLength(30);
    const postcode = await ok(anna, 'client.search', { query: '1234 AB', limit: 10 });
    expect(postcode.results).toHaveLength(10);
    expect(postcode.total).toBe(32);
  });
});

describe('accordering.queue', () => {
  it('lists the nearest beslistermijn first, with its date', async () => {
    desk = await Desk.open({ letterhead: false });
    const anna = await desk.as('anna', '2026-04-20');
    const submitted: { id: number; ontvangenOp: string }[] = [];
    // Submitted in this order; the aanvragen came in on other days.
    for (const [i, ontvangenOp] of ['2026-04-15', '2026-04-10', '2026-04-13'].entries()) {
      const c = await client(anna, { voornamen: 'Kees', geslachtsnaam: `Klant${i}`, straat: 'Kerkstraat', huisnummer: i + 1, postcode: '1234 AB' });
      const { beschikkingId: id } = await conceptToekenning(anna, c.id, ontvangenOp);
      await ok(anna, 'beschikking.submit', { id });
      submitted.push({ id, ontvangenOp });
    }
    const bram = await desk.as('bram', '2026-04-20');
    const { items, totaal } = await ok(bram, 'accordering.queue', {});
    expect(totaal).toBe(3);
    const byReceipt = [...submitted].sort((x, y) => x.ontvangenOp.localeCompare(y.ontvangenOp)).map((s) => s.id);
    expect(items.map((b) => b.id)).toEqual(byReceipt);
    const dates = items.map((b) => b.beslistermijn?.uiterlijk);
    expect(dates.every((d) => typeof d === 'string')).toBe(true);
    expect([...dates].sort()).toEqual(dates);
    // Wmo 2015 art. 2.3.5: two weeks after the aanvraag (15 April 2026 → 29 April 2026).
    expect(items.at(-1)!.beslistermijn).toMatchObject({ soort: 'beschikking', uiterlijk: '2026-04-29' });
  });
});
