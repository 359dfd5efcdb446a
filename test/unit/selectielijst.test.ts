import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specPath } from '../../specs/path.cjs';
import { addIsoDuration, klasseVoor } from '../../main/beheer/retention';
import { SELECTIELIJST_2020 } from '../../main/beheer/selectielijst';
import { WETTEN } from '../../shared/schemas/zaak';
import { ZAAK_RESULTATEN } from '../../shared/schemas/beheer';

/** The committed copy of the Selectielijst 2020 results must match the shipped fixture, field by field. */


interface Fixture<F> { model: string; pk: number; fields: F }
type Resultaat = Fixture<{ uuid: string; proces_type: number; nummer: number; naam: string; omschrijving: string; waardering: string;
  procestermijn: string; bewaartermijn: string; generiek_resultaat?: number | null }>;
type Procestype = Fixture<{ uuid: string; nummer: number }>;

const resultaten = JSON.parse(readFileSync(specPath('selectielijst-2020', 'resultaten.json'), 'utf8')) as Resultaat[];
const procestypen = JSON.parse(readFileSync(specPath('selectielijst-2020', 'procestypen.json'), 'utf8')) as Procestype[];

describe('Selectielijst 2020 copy', () => {
  it.each(SELECTIELIJST_2020.map((k) => [k.volledigNummer, k] as const))('%s matches resultaten.json', (_n, k) => {
    const r = resultaten.find((x) => x.fields.uuid === k.uuid);
    expect(r, `uuid ${k.uuid} in fixture`).toBeDefined();
    const f = r!.fields;
    const proc = procestypen.find((p) => p.pk === f.proces_type)!;
    const generiek = f.generiek_resultaat ? resultaten.find((x) => x.pk === f.generiek_resultaat)! : null;
    expect({
      procestypeUuid: proc.fields.uuid, procestypeNummer: proc.fields.nummer, nummer: f.nummer, naam: f.naam, omschrijving: f.omschrijving,
      waardering: f.waardering, procestermijn: f.procestermijn, bewaartermijn: f.bewaartermijn, generiekResultaatUuid: generiek?.fields.uuid ?? null,
    }).toEqual({
      procestypeUuid: k.procestypeUuid, procestypeNummer: k.procestypeNummer, nummer: k.nummer, naam: k.naam, omschrijving: k.omschrijving,
      waardering: k.waardering, procestermijn: k.procestermijn, bewaartermijn: k.bewaartermijn, generiekResultaatUuid: k.generiekResultaatUuid,
    });
    // volledigNummer is procestype.generiek(.specifiek)
    const expected = generiek ? `${proc.fields.nummer}.${generiek.fields.nummer}.${f.nummer}` : `${proc.fields.nummer}.${f.nummer}`;
    expect(k.volledigNummer).toBe(expected);
  });

  it('maps every wet × resultaat to a class to destroy, with the terms of domain.md §4.4', () => {
    const terms: Record<string, string> = {};
    for (const wet of WETTEN) for (const r of ZAAK_RESULTATEN) {
      const k = klasseVoor(wet, r);
      expect(k.waardering).toBe('vernietigen');
      terms[`${wet}:${r}`] = `${k.volledigNummer} ${k.bewaartermijn}`;
    }
    expect(terms).toMatchObject({
      'wmo:verstrekt': '8.1.1 P15Y', 'jeugdwet:verstrekt': '8.1.2 P20Y', 'wmo:geweigerd': '8.2 P5Y', 'jeugdwet:geweigerd': '8.2 P5Y',
      'wmo:beeindigd': '8.3.1 P15Y', 'jeugdwet:beeindigd': '8.3.2 P20Y', 'wmo:afgebroken': '8.4.1 P42D', 'participatiewet:verstrekt': '8.1 P10Y',
    });
  });
});

describe('addIsoDuration', () => {
  it('adds years, months, weeks and days as the calendar does', () => {
    expect(addIsoDuration('2026-04-20', 'P15Y')).toBe('2041-04-20');
    expect(addIsoDuration('2026-04-20', 'P42D')).toBe('2026-06-01');
    expect(addIsoDuration('2028-02-29', 'P5Y')).toBe('2033-02-28');
    expect(addIsoDuration('2026-01-31', 'P1M')).toBe('2026-02-28');
    expect(addIsoDuration('2026-11-30', 'P3M')).toBe('2027-02-28');
    expect(addIsoDuration('2026-12-31', 'P1Y2M3D')).toBe('2028-03-03');
    expect(addIsoDuration('2026-01-01', 'P2W')).toBe('2026-01-15');
    expect(() => addIsoDuration('2026-01-01', 'P')).toThrow();
    expect(() => addIsoDuration('2026-01-01', '15Y')).toThrow();
  });
});
