import { isValidBsn } from '../../shared/bsn';
import { fromIstandaardDatum, toIstandaardDatum } from '../../shared/dates';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { LoketError } from '../../shared/errors';
import {
  ToewijzingRegelFout,
  buildToewijzingXml,
  leesXsdVersie,
  selectToewijzingenForMessage,
  type ToewijzingRecord,
} from '../../main/export/iwmo/toewijzing';
import { STANDAARDEN, type Wet } from '../../main/export/iwmo/standaarden';
import { LANDCODES } from '../../main/export/iwmo/landcodes';
import {
  type ToegewezenProductInput,
  type ToewijzingInput,
} from '../../main/export/iwmo/types';
import { validateMany, validateXml, xmllintStatus, xsdPath } from '../support/xmllint';
import { VANDAAG, bericht, product } from '../support/iwmo-fixtures';

const XSD = (wet: Wet) => xsdPath(STANDAARDEN[wet].specsFolder as 'iwmo-3.2' | 'ijw-3.2', STANDAARDEN[wet].toewijzing.xsd);
const build = (input: ToewijzingInput) => buildToewijzingXml(input, { vandaag: VANDAAG });

function verwachtGeldig(wet: Wet, xml: string) {
  const r = validateXml(xml, XSD(wet));
  expect(r.errors).toEqual([]);
  expect(r.ok).toBe(true);
}

function regelsVan(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ToewijzingRegelFout) return e.fouten.map((x) => x.regel);
    throw e;
  }
  return [];
}

// ---------------------------------------------------------------------------------------------

describe.each(['wmo', 'jeugdwet'] as const)('%s: generated toewijzing validates against the official XSD', (wet) => {
  const cat = wet === 'wmo' ? { specifiek: { categorie: '01', code: '01A02' }, aspecifiek: { categorie: '01' } } : { specifiek: { categorie: '45', code: '45A53' }, aspecifiek: { categorie: '43' } };

  it('specifiek, omvang per week, with root namespace and header codes', () => {
    const xml = build(bericht(wet));
    verwachtGeldig(wet, xml);
    const std = STANDAARDEN[wet];
    expect(xml).toContain(`xmlns:${std.toewijzing.bericht}="http://www.istandaarden.nl/${std.standaard}/3_2/${std.toewijzing.bericht}/schema"`);
    expect(xml).toContain(`<${std.toewijzing.bericht}:BerichtCode>${std.toewijzing.code}<`);
    expect(xml).toContain(`<${std.standaard}:BerichtXsdVersie>${std.toewijzing.berichtXsdVersie}<`);
    expect(xml).toContain('>0363</');
    expect(xml).toContain(`<${std.toewijzing.bericht}:Ontvanger>42420001<`);
  });

  it('aspecifiek (categorie only, no omvang)', () => {
    const xml = build(bericht(wet, { toewijzingen: [product({ product: cat.aspecifiek, omvang: undefined }, wet)] }));
    verwachtGeldig(wet, xml);
    expect(xml).not.toContain('Omvang');
  });

  it('generiek: budget with einddatum, no product', () => {
    const xml = build(bericht(wet, { toewijzingen: [product({ product: null, omvang: undefined, budgetCents: 250000, einddatum: '2026-12-31' }, wet)] }));
    verwachtGeldig(wet, xml);
    expect(xml).toMatch(/:Budget>250000</);
    expect(xml).not.toMatch(/<\w+:Product>/);
  });

  it('several toewijzingen, partly unknown birth date, voorvoegsel, partner name, relatie and contacts', () => {
    const input = bericht(wet, {
      client: {
        bsn: '999993483',
        geboortedatum: '1960-00-00',
        geslacht: '1',
        naam: { geslachtsnaam: 'Berg', voorvoegsel: 'van den', partnernaam: { achternaam: 'Vries', voorvoegsel: 'de' }, voorletters: 'P', naamgebruik: '4' },
        communicatie: { vorm: '1', taal: 'Turks' },
        wettelijkeVertegenwoordiging: '08',
        commentaar: 'Graag bellen vóór 10 uur & niet "s avonds".\nTweede regel <ok>.',
        relaties: [{
          nummer: 'R1', volgorde: 1, soort: '15', geboortedatum: '1975-04-00', geslacht: '2',
          naam: { geslachtsnaam: 'Bakker', voornamen: 'Anne', naamgebruik: '1' },
          contact: { soort: '02', adres: { huisnummer: 3, huisnummerToevoeging: 'bis', postcode: '3511 AA', plaatsnaam: 'Utrecht' }, telefoon: [{ telefoonnummer: '0301234567', landnummer: '0031' }], emailadres: 'anne@example.nl' },
        }],
        adres: { huisnummer: 7, huisletter: 'B', aanduidingWoonadres: 'BY', postcode: '1011AB', straatnaam: 'Kerkstraat', plaatsnaam: 'Amsterdam', landcode: 'NL' },
        telefoon: [{ telefoonnummer: '0201234567', landnummer: '0031' }, { telefoonnummer: '0612345678', landnummer: '0031' }],
        contacten: [{ soort: '04', organisatie: 'Zorghotel De Linde', periode: { begindatum: '2026-03-01', einddatum: '2026-04-01' } }],
      },
      toewijzingen: [
        product({ toewijzingNummer: 1 }, wet),
        product({ toewijzingNummer: 2, product: cat.aspecifiek, omvang: undefined, einddatum: undefined, commentaar: 'Aspecifiek' }, wet),
        product({ toewijzingNummer: 3, product: null, omvang: undefined, budgetCents: 99999999, einddatum: '2026-12-31' }, wet),
        product({ toewijzingNummer: 4, ingangsdatum: '2026-03-09', einddatum: '2026-03-09', redenWijziging: '13' }, wet),
        product({ toewijzingNummer: 5, toewijzingstijd: '23:59', omvang: { volume: 12, eenheid: '16', frequentie: '4' }, einddatum: undefined, redenWijziging: '04' }, wet),
      ],
    });
    const xml = build(input);
    verwachtGeldig(wet, xml);
    expect(xml).toMatch(/:Datum>1960-01-01<\/\w+:Datum>\s*<\w+:DatumGebruik>2</);
    expect(xml).toMatch(/:Voorvoegsel>van den</);
    expect(xml.match(/:ToegewezenProduct>/g)?.length).toBe(10); // 5 open + 5 close
    expect(xml).toContain('&amp; niet "s avonds"');
    expect(xml).toContain('&lt;ok&gt;');
  });
});

describe('the validator really validates', () => {
  const xml = build(bericht('wmo'));
  it('accepts the good message (exit 0)', () => {
    expect(xmllintStatus(xml, XSD('wmo'))).toBe(0);
  });
  it('rejects letters in Volume (exit non-zero)', () => {
    const kapot = xml.replace(/(:Volume>)4</, '$1vier<');
    expect(kapot).not.toBe(xml);
    expect(xmllintStatus(kapot, XSD('wmo'))).not.toBe(0);
    expect(validateXml(kapot, XSD('wmo')).errors.join('\n')).toMatch(/Volume/);
  });
  it('rejects a missing required element (Ingangsdatum)', () => {
    const kapot = xml.replace(/\s*<wmo301:Ingangsdatum>[^<]*<\/wmo301:Ingangsdatum>/, '');
    expect(kapot).not.toBe(xml);
    expect(xmllintStatus(kapot, XSD('wmo'))).not.toBe(0);
  });
  it('rejects a WMO301 against the JW301 schema (namespace and BerichtCode differ)', () => {
    expect(xmllintStatus(xml, XSD('jeugdwet'))).not.toBe(0);
  });
  it('rejects a basisschema element put in the message namespace', () => {
    const kapot = xml.replace(/iwmo:Identificatie/g, 'wmo301:Identificatie');
    expect(xmllintStatus(kapot, XSD('wmo'))).not.toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('constraints (each accepted and refused)', () => {
  const met = (p: Partial<ToegewezenProductInput>, wet: Wet = 'wmo') => bericht(wet, { toewijzingen: [product(p, wet)] });
  const geaccepteerd: ToewijzingInput[] = [];
  const accepteer = (i: ToewijzingInput) => {
    expect(() => build(i)).not.toThrow();
    geaccepteerd.push(i);
  };

  it('CD077/CD078: Omvang and Budget exclude each other', () => {
    expect(regelsVan(() => build(met({ budgetCents: 1000 })))).toContain('CD077/CD078');
    accepteer(met({ product: { categorie: '02' }, omvang: undefined, budgetCents: 1000 }));
  });
  it('CD075: Einddatum required with a Budget', () => {
    const fouten = regelsVan(() => build(met({ product: { categorie: '02' }, omvang: undefined, budgetCents: 1000, einddatum: undefined })));
    expect(fouten).toEqual(['CD075']);
    accepteer(met({ product: { categorie: '02' }, omvang: undefined, budgetCents: 1000, einddatum: '2026-06-30' }));
  });
  it('CD076: Einddatum required when Frequentie = 2 (per week)', () => {
    expect(regelsVan(() => build(met({ einddatum: undefined })))).toEqual(['CD076']);
    accepteer(met({ einddatum: undefined, omvang: { volume: 16, eenheid: '04', frequentie: '4' } }));
  });
  it('CD041: Omvang required when Product.Code is set', () => {
    expect(regelsVan(() => build(met({ omvang: undefined })))).toEqual(['CD041']);
    accepteer(met({}));
  });
  it('CD079: Product required when Budget is empty', () => {
    expect(regelsVan(() => build(met({ product: null, omvang: undefined })))).toEqual(['CD079']);
    accepteer(met({ product: null, omvang: undefined, budgetCents: 50000 }));
  });
  it('CD080: no Omvang without Product.Code (after 2020)', () => {
    expect(regelsVan(() => build(met({ product: { categorie: '02' } })))).toEqual(['CD080']);
    accepteer(met({ product: { categorie: '02' }, omvang: undefined }));
  });
  it('CS003: Einddatum not before Ingangsdatum', () => {
    expect(regelsVan(() => build(met({ einddatum: '2026-03-08' })))).toEqual(['CS003']);
    accepteer(met({ einddatum: '2026-03-09' }));
  });
  it('CS338: eenheid 14/16/83/84 needs frequentie 2, 4 or 6', () => {
    expect(regelsVan(() => build(met({ omvang: { volume: 1, eenheid: '14', frequentie: '1' } })))).toEqual(['CS338']);
    expect(regelsVan(() => build(met({ omvang: { volume: 1, eenheid: '84', frequentie: '1' } })))).toEqual(['CS338']);
    accepteer(met({ omvang: { volume: 1, eenheid: '14', frequentie: '2' } }));
    accepteer(met({ omvang: { volume: 30, eenheid: '01', frequentie: '1' } }));
  });
  it('CS335: RedenWijziging 13 only when Einddatum = Ingangsdatum', () => {
    expect(regelsVan(() => build(met({ redenWijziging: '13' })))).toEqual(['CS335']);
    accepteer(met({ redenWijziging: '13', einddatum: '2026-03-09' }));
  });
  it('CS336: RedenWijziging 01 is not used', () => {
    expect(regelsVan(() => build(met({ redenWijziging: '01' })))).toEqual(['CS336']);
    accepteer(met({ redenWijziging: '14' }));
  });
  it('Volume must be a whole number (Dutch message naming the field)', () => {
    let fout: unknown;
    try { build(met({ omvang: { volume: 2.5, eenheid: '04', frequentie: '2' } })); } catch (e) { fout = e; }
    expect(fout).toBeInstanceOf(LoketError);
    expect((fout as LoketError).field).toBe('toewijzingen[0].omvang.volume');
    expect((fout as LoketError).message).toMatch(/Volume moet een geheel getal zijn/);
    accepteer(met({ omvang: { volume: 3, eenheid: '04', frequentie: '2' } }));
  });
  it('OP043: a product granted as PGB gets no toewijzing', () => {
    let fout: unknown;
    try { build(met({ leveringsvorm: 'PGB' })); } catch (e) { fout = e; }
    expect(fout).toBeInstanceOf(ToewijzingRegelFout);
    expect((fout as ToewijzingRegelFout).message).toMatch(/PGB.*geen toewijzing.*\(OP043\)/);
    expect((fout as ToewijzingRegelFout).field).toBe('toewijzingen[0].leveringsvorm');
    accepteer(met({ leveringsvorm: 'ZIN' }));
  });
  it('TR135: Dagtekening not after today', () => {
    expect(regelsVan(() => build(bericht('wmo', { dagtekening: '2026-03-03' })))).toEqual(['TR135']);
    accepteer(bericht('wmo', { dagtekening: VANDAAG }));
  });
  it('productcategorie must belong to the wet (WMO020 / JZ020)', () => {
    expect(regelsVan(() => build(met({ product: { categorie: '45', code: '45A53' } }, 'wmo')))).toEqual(['WMO020']);
    expect(regelsVan(() => build(met({ product: { categorie: '02', code: '02A01' } }, 'jeugdwet')))).toEqual(['JZ020']);
    accepteer(met({}, 'jeugdwet'));
  });
  it('ToewijzingNummer unique within the message (retourcode 9332)', () => {
    const dubbel = bericht('wmo', { toewijzingen: [product({}), product({})] });
    expect(regelsVan(() => build(dubbel))).toEqual(['9332']);
  });
  it('lists every violation at once, each in Dutch with the field', () => {
    try {
      build(met({ budgetCents: 100, einddatum: undefined, leveringsvorm: 'PGB' }));
      expect.unreachable();
    } catch (e) {
      const f = e as ToewijzingRegelFout;
      expect(f.fouten.map((x) => x.regel).sort()).toEqual(['CD075', 'CD076', 'CD077/CD078', 'OP043']);
      for (const x of f.fouten) expect(x.melding).toMatch(/^Toewijzing 1 \(ToewijzingNummer 5001\): /);
      expect(f.code).toBe('invoer');
    }
  });
  it('format errors are Dutch and name the field (BSN, gemeentecode, voorletters, geboortedatum)', () => {
    const fout = (i: ToewijzingInput) => { try { build(i); } catch (e) { return e as LoketError; } throw new Error('no error'); };
    expect(fout(bericht('wmo', { client: { ...bericht().client, bsn: '123456789' } })).message).toMatch(/BSN klopt niet \(elfproef\)/);
    expect(fout(bericht('wmo', { gemeentecode: '363' })).field).toBe('gemeentecode');
    expect(fout(bericht('wmo', { client: { ...bericht().client, naam: { geslachtsnaam: 'X', voorletters: 'ABCDEFG', naamgebruik: '1' } } })).message).toMatch(/Voorletters/);
    expect(fout(bericht('wmo', { client: { ...bericht().client, geboortedatum: '1960-00-12' } })).field).toBe('client.geboortedatum');
    expect(fout(bericht('wmo', { client: { ...bericht().client, adres: undefined } })).field).toBe('client.adres');
    expect(fout(bericht('wmo', { berichtIdentificatie: 'DERTIENTEKENS' })).message).toMatch(/hoogstens 12 tekens/);
  });
  it('every accepted variant is schema-valid', () => {
    const perWet = (w: Wet) => geaccepteerd.filter((i) => i.wet === w).map(build);
    for (const w of ['wmo', 'jeugdwet'] as const) {
      const xmls = perWet(w);
      expect(xmls.length).toBeGreaterThan(0);
      const r = validateMany(xmls, XSD(w));
      expect(r.filter((x) => !x.ok)).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('OP087 selectToewijzingenForMessage', () => {
  type R = ToewijzingRecord & { id: string };
  const r = (id: string, over: Partial<R>): R => ({
    id, clientBsn: '999993847', aanbiederAgb: '42420001', ingangsdatum: '2026-01-01', einddatum: null, redenWijziging: null, gewijzigdOp: '2026-01-01T10:00:00Z', ...over,
  });
  const all: R[] = [
    r('open', {}),
    r('loopt-af-na', { einddatum: '2026-03-02' }),
    r('verlopen', { einddatum: '2026-02-28' }),
    r('verlopen-gewijzigd', { einddatum: '2026-02-28', gewijzigdOp: '2026-02-20T08:00:00Z' }),
    r('verwijderd-oud', { ingangsdatum: '2026-04-01', einddatum: '2026-04-01', redenWijziging: '13' }),
    r('verwijderd-nieuw', { ingangsdatum: '2026-04-01', einddatum: '2026-04-01', redenWijziging: '13', gewijzigdOp: '2026-03-01T12:00:00+01:00' }),
    r('andere-client', { clientBsn: '999993483' }),
    r('andere-aanbieder', { aanbiederAgb: '11111111', gewijzigdOp: '2026-03-01T00:00:00Z' }),
  ];
  it('all valid on/after the creation date plus those changed since the previous message', () => {
    const ids = selectToewijzingenForMessage(all, { clientBsn: '999993847', aanbiederAgb: '42420001', creationDate: '2026-03-02', changedSince: '2026-02-15T00:00:00Z' }).map((x) => x.id);
    expect(ids).toEqual(['open', 'loopt-af-na', 'verlopen-gewijzigd', 'verwijderd-nieuw']);
  });
  it('without a previous message only the valid ones', () => {
    const ids = selectToewijzingenForMessage(all, { clientBsn: '999993847', aanbiederAgb: '42420001', creationDate: '2026-03-02', changedSince: null }).map((x) => x.id);
    expect(ids).toEqual(['open', 'loopt-af-na']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the per-standard table matches the shipped XSDs', () => {
  it.each(['wmo', 'jeugdwet'] as const)('%s: XsdVersie from appinfo, BerichtCode, categories', (wet) => {
    const std = STANDAARDEN[wet];
    for (const def of [std.toewijzing, std.verzoekOmToewijzing]) {
      const pad = xsdPath(std.specsFolder as 'iwmo-3.2', def.xsd);
      expect(leesXsdVersie(pad)).toEqual({ basisschema: std.basisschemaXsdVersie, bericht: def.berichtXsdVersie });
      expect(readFileSync(pad, 'utf8')).toContain(`<xs:pattern value="${def.code}"/>`);
    }
    const basis = readFileSync(xsdPath(std.specsFolder as 'iwmo-3.2', 'basisschema.xsd'), 'utf8');
    const blok = (naam: string) => basis.slice(basis.indexOf(`name="${naam}"`), basis.indexOf('</xs:simpleType>', basis.indexOf(`name="${naam}"`)));
    const waarden = (naam: string) => [...blok(naam).matchAll(/enumeration value="([^"]+)"/g)].map((m) => m[1]);
    expect(waarden('LDT_ProductCategorie')).toEqual([...std.productcategorieen]);
    expect(waarden('LDT_LandCode')).toEqual([...LANDCODES]);
  });
});

describe('helpers', () => {
  it('geboortedatum with unknown parts (IV009)', () => {
    expect(toIstandaardDatum('1960-05-00')).toEqual({ datum: '1960-05-01', datumGebruik: '1' });
    expect(toIstandaardDatum('1960-00-00')).toEqual({ datum: '1960-01-01', datumGebruik: '2' });
    expect(toIstandaardDatum('0000-00-00')).toEqual({ datum: '1900-01-01', datumGebruik: '3' });
    expect(toIstandaardDatum('1960-05-17')).toEqual({ datum: '1960-05-17' });
    for (const d of ['1960-05-00', '1960-00-00', '0000-00-00', '1960-05-17']) {
      const g = toIstandaardDatum(d);
      expect(fromIstandaardDatum(g.datum, g.datumGebruik)).toBe(d);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random valid inputs always give schema-valid XML.

const cijfers = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const bsnArb = cijfers(8)
  .map((s) => {
    let som = 0;
    for (let i = 0; i < 8; i++) som += (9 - i) * Number(s[i]);
    return s + String(som % 11);
  })
  .filter((b) => b.length === 9 && isValidBsn(b));
const tekens = ['a', 'z', 'A', 'Ü', 'é', 'ĳ', ' ', '-', "'", '&', '<', '>', '"', '.', '1', '€'];
const tekst = (max: number) =>
  fc.string({ unit: fc.constantFrom(...tekens), minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);
const geboorteArb = fc.oneof(
  fc.date({ min: new Date('1920-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.integer({ min: 1920, max: 2020 }).map((y) => `${y}-00-00`),
  fc.tuple(fc.integer({ min: 1920, max: 2020 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}-00`),
  fc.constant('0000-00-00'),
);

function toewijzingArb(wet: Wet, nummer: number) {
  const cats = STANDAARDEN[wet].productcategorieen;
  return fc
    .record({
      soort: fc.constantFrom('specifiek', 'aspecifiek', 'generiek'),
      categorie: fc.constantFrom(...cats),
      code: fc.stringMatching(/^[0-9A-Z]{1,5}$/),
      start: fc.integer({ min: 0, max: 2000 }),
      duur: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
      volume: fc.integer({ min: 1, max: 99999999 }),
      eenheid: fc.constantFrom('01', '04', '14', '16', '82', '83', '84'),
      frequentie: fc.constantFrom('1', '2', '4', '6'),
      budget: fc.option(fc.integer({ min: 1, max: 99999999 }), { nil: undefined }),
      reden: fc.option(fc.constantFrom('02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '14'), { nil: undefined }),
      ref: fc.option(tekst(36), { nil: undefined }),
      commentaar: fc.option(fc.string({ unit: fc.constantFrom(...tekens, '\n'), minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0), { nil: undefined }),
      tijd: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    })
    .map((r): ToegewezenProductInput => {
      const ingang = new Date(Date.UTC(2021, 0, 1) + r.start * 86400000).toISOString().slice(0, 10);
      let eind = r.duur === undefined ? undefined : new Date(Date.UTC(2021, 0, 1) + (r.start + r.duur) * 86400000).toISOString().slice(0, 10);
      const basis = { toewijzingNummer: nummer, leveringsvorm: 'ZIN' as const, toewijzingsdatum: '2026-01-15', toewijzingstijd: r.tijd, ingangsdatum: ingang, redenWijziging: r.reden, referentieAanbieder: r.ref, commentaar: r.commentaar };
      if (r.soort === 'specifiek') {
        const frequentie = ['14', '16', '83', '84'].includes(r.eenheid) && r.frequentie === '1' ? '4' : r.frequentie;
        if (frequentie === '2' && !eind) eind = '2027-12-31' > ingang ? '2027-12-31' : ingang;
        return { ...basis, product: { categorie: r.categorie, code: r.code }, omvang: { volume: r.volume, eenheid: r.eenheid, frequentie }, einddatum: eind };
      }
      if (r.soort === 'aspecifiek') {
        return { ...basis, product: { categorie: r.categorie }, budgetCents: r.budget, einddatum: r.budget !== undefined ? (eind ?? ingang) : eind };
      }
      return { ...basis, product: null, budgetCents: r.budget ?? 1, einddatum: eind ?? ingang };
    });
}

function berichtArb(wet: Wet) {
  return fc
    .record({
      bsn: bsnArb,
      geboortedatum: geboorteArb,
      geslacht: fc.constantFrom('0', '1', '2'),
      achternaam: tekst(200),
      voorvoegsel: fc.option(tekst(10), { nil: undefined }),
      voorletters: fc.option(fc.stringMatching(/^[A-Za-zé]{1,6}$/), { nil: undefined }),
      naamgebruik: fc.constantFrom('1', '2', '3', '4', '5', '6'),
      huisnummer: fc.option(fc.integer({ min: 1, max: 99999 }), { nil: undefined }),
      straat: fc.option(tekst(24), { nil: undefined }),
      aantal: fc.integer({ min: 1, max: 4 }),
      id: fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/),
      gemeente: cijfers(4),
      agb: cijfers(8),
    })
    .chain((b) =>
      fc.tuple(...Array.from({ length: b.aantal }, (_, i) => toewijzingArb(wet, 100 + i))).map((toewijzingen): ToewijzingInput => ({
        wet,
        gemeentecode: b.gemeente,
        aanbiederAgb: b.agb,
        berichtIdentificatie: b.id,
        dagtekening: '2026-02-01',
        client: {
          bsn: b.bsn,
          geboortedatum: b.geboortedatum,
          geslacht: b.geslacht as '0',
          naam: { geslachtsnaam: b.achternaam, voorvoegsel: b.voorvoegsel, voorletters: b.voorletters, naamgebruik: b.naamgebruik as '1' },
          adres: { huisnummer: b.huisnummer, straatnaam: b.straat, plaatsnaam: 'Ons Dorp' },
        },
        toewijzingen,
      })),
    );
}

describe.each(['wmo', 'jeugdwet'] as const)('%s property: random valid inputs give schema-valid XML', (wet) => {
  it('builds without error (300 runs)', () => {
    fc.assert(fc.property(berichtArb(wet), (i) => { build(i); }), { numRuns: 300 });
  });
  it('60 random messages validate with xmllint (one batch run)', () => {
    const inputs = fc.sample(berichtArb(wet), 60);
    const xmls = inputs.map(build);
    const r = validateMany(xmls, XSD(wet));
    const fout = r.findIndex((x) => !x.ok);
    if (fout >= 0) throw new Error(`invalid: ${r[fout]!.errors.join('\n')}\n${xmls[fout]}`);
    expect(r.every((x) => x.ok)).toBe(true);
  });
});
