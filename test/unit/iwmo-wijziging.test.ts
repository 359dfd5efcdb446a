import { describe, expect, it } from 'vitest';
import { iwmoClient, iwmoTelefoon } from '../../main/export/iwmo/clientgegevens';
import { buildToewijzingXml } from '../../main/export/iwmo/toewijzing';
import { beeindigVervangen, overlapt, redenVoorBeeindiging, type Toewijzing } from '../../main/export/iwmo/wijziging';
import type { ClientRow, RepresentativeRow } from '../../main/db/entities';
import { bericht, product } from '../support/iwmo-fixtures';
import { readMessage } from '../support/verzoek315';
import { validateXml, xsdPath } from '../support/xmllint';

const tw = (over: Partial<Toewijzing>): Toewijzing => ({
  volgorde: over.toewijzingNummer ?? 1, gewijzigdDoor: over.beschikkingId ?? 1, toewijzingNummer: 1, aanbiederAgb: '42420001', leveringsvorm: 'ZIN', productcategorie: '02', productcode: '02A01',
  ingangsdatum: '2026-01-01', einddatum: '2026-12-31', beschikkingId: 1, gewijzigdOp: '2026-01-01T09:00:00Z', redenWijziging: null, ...over,
});

describe('a wijziging ends the old toewijzing (IV093)', () => {
  it('same aanbieder: Einddatum = new start − 1, RedenWijziging 05, changed at the wijziging', () => {
    const out = beeindigVervangen([tw({}), tw({ toewijzingNummer: 2, beschikkingId: 2, ingangsdatum: '2026-06-15', gewijzigdOp: '2026-06-10T10:00:00Z' })],
      [{ beschikkingId: 2, vervangtId: 1, moment: '2026-06-10T10:00:00Z' }]);
    expect(out[0]).toMatchObject({ toewijzingNummer: 1, einddatum: '2026-06-14', redenWijziging: '05', gewijzigdOp: '2026-06-10T10:00:00Z', gewijzigdDoor: 2 });
    expect(out[1]).toMatchObject({ toewijzingNummer: 2, einddatum: '2026-12-31', redenWijziging: null });
    expect(overlapt(out[0]!, out[1]!)).toBe(false);
  });

  it('another aanbieder: 09; a PGB for the product: 08 (and no ZIN toewijzing for the PGB)', () => {
    const overstap = beeindigVervangen([tw({}), tw({ toewijzingNummer: 2, beschikkingId: 2, aanbiederAgb: '42420002', ingangsdatum: '2026-05-01' })],
      [{ beschikkingId: 2, vervangtId: 1, moment: '2026-04-20T10:00:00Z' }]);
    expect(overstap[0]).toMatchObject({ einddatum: '2026-04-30', redenWijziging: '09' });
    const pgb = beeindigVervangen([tw({}), tw({ toewijzingNummer: null, volgorde: 2, beschikkingId: 2, leveringsvorm: 'PGB', aanbiederAgb: null, ingangsdatum: '2026-05-01' })],
      [{ beschikkingId: 2, vervangtId: 1, moment: '2026-04-20T10:00:00Z' }]);
    expect(pgb).toHaveLength(1);
    expect(pgb[0]).toMatchObject({ einddatum: '2026-04-30', redenWijziging: '08' });
  });

  it('a replacement from the first day withdraws the old one (13, Einddatum = Ingangsdatum); other products are left alone', () => {
    const out = beeindigVervangen([tw({}), tw({ toewijzingNummer: 2, productcategorie: '03', productcode: '03A01' }),
      tw({ toewijzingNummer: 3, beschikkingId: 2, ingangsdatum: '2026-01-01' })], [{ beschikkingId: 2, vervangtId: 1, moment: '2026-01-05T08:00:00Z' }]);
    expect(out.find((t) => t.toewijzingNummer === 1)).toMatchObject({ einddatum: '2026-01-01', redenWijziging: '13' });
    expect(out.find((t) => t.toewijzingNummer === 2)).toMatchObject({ einddatum: '2026-12-31', redenWijziging: null });
  });

  it('without a wijziging, a later overlapping toewijzing for the same product and aanbieder still ends the earlier one', () => {
    const out = beeindigVervangen([tw({ einddatum: null }), tw({ toewijzingNummer: 2, beschikkingId: 5, ingangsdatum: '2026-09-01', gewijzigdOp: '2026-08-20T12:00:00Z' })], []);
    expect(out[0]).toMatchObject({ einddatum: '2026-08-31', redenWijziging: '05', gewijzigdOp: '2026-08-20T12:00:00Z' });
  });

  it('RedenWijziging of a beëindiging follows what happened', () => {
    expect(redenVoorBeeindiging('overleden', false)).toBe('02');
    expect(redenVoorBeeindiging('ander_domein', false)).toBe('06');
    expect(redenVoorBeeindiging('verhuizing', false)).toBe('07');
    expect(redenVoorBeeindiging('pgb', false)).toBe('08');
    expect(redenVoorBeeindiging(null, true)).toBe('02');
    expect(redenVoorBeeindiging(null, false)).toBe('05');
  });
});

const CLIENT = {
  id: 7, bsn: '999993847', voornamen: 'Gerda', voorletters: 'G.', voorvoegsel: null, geslachtsnaam: 'Mulder', partnerVoorvoegsel: null,
  partnerGeslachtsnaam: null, naamgebruik: 'E', geslacht: '2', geboortedatum: '1941-02-03', straat: 'Dorpsstraat', huisnummer: 4, huisletter: null,
  huisnummerToevoeging: null, postcode: '9999 AA', woonplaats: 'Voorbeeldstad', telefoon: '06-12345678', email: null, wijk: null,
  geheimhouding: false, overleden: false, nietIngezetene: false, householdId: null, createdAt: '', updatedAt: '',
} satisfies ClientRow;
const rep = (over: Partial<RepresentativeRow>): RepresentativeRow => ({
  id: 3, clientId: 7, soort: 'curator', naam: 'mr. P. de Boer', adresregels: ['Bewindkantoor De Boer', 'Stationsplein 12 b', '9999 ZZ Voorbeeldstad'],
  telefoon: '+31 20 123 4567', email: 'boer@example.nl', ontvangtPost: true, handeltIn: ['zorg', 'financieel'], organisatie: null, geslacht: '0', ...over,
});

describe('the 301 carries what the app knows: WettelijkeVertegenwoordiging, Relaties, phone', () => {
  it('phone numbers as CDT_Telefoon', () => {
    expect(iwmoTelefoon('06-12345678')).toEqual({ telefoonnummer: '0612345678', landnummer: '0031' });
    expect(iwmoTelefoon('+31 (0)20 1234567')).toEqual({ telefoonnummer: '0201234567', landnummer: '0031' });
    expect(iwmoTelefoon('+31 20 123 4567')).toEqual({ telefoonnummer: '0201234567', landnummer: '0031' });
    expect(iwmoTelefoon('0032 2 123 45 67')).toEqual({ telefoonnummer: '21234567', landnummer: '0032' });
    expect(iwmoTelefoon('bel de buurvrouw')).toBeNull();
  });

  it('a curator and a mentor: WettelijkeVertegenwoordiging 09, two Relaties with soort, address and phone; valid WMO301', () => {
    const client = iwmoClient(CLIENT, [rep({}), rep({ id: 4, soort: 'mentor', naam: 'J. Visser', adresregels: ['Postbus 5', '9999 AB Voorbeeldstad'], telefoon: null, email: null })]);
    const xml = buildToewijzingXml(bericht('wmo', { client, toewijzingen: [product()] }), { vandaag: '2026-03-02' });
    expect(validateXml(xml, xsdPath('iwmo-3.2', 'WMO301.xsd'))).toEqual({ ok: true, errors: [] });
    const c = readMessage(xml).Client;
    expect(c.WettelijkeVertegenwoordiging).toBe('09');
    expect(c.Relaties.Relatie).toHaveLength(2);
    expect(c.Relaties.Relatie[0]).toMatchObject({
      Nummer: 'V3', Volgorde: '1', Soort: '03', Naam: { Geslachtsnaam: { Achternaam: 'mr. P. de Boer' } },
      Contact: [{ Soort: '02', Adres: { Huis: { Huisnummer: '12', Huisletter: 'b' }, Postcode: '9999ZZ', Straatnaam: 'Stationsplein', Plaatsnaam: 'Voorbeeldstad', LandCode: 'NL' },
        Organisatie: 'Bewindkantoor De Boer', Telefoon: { Telefoon01: { Telefoonnummer: '0201234567', Landnummer: '0031' } }, Emailadres: 'boer@example.nl' }],
    });
    expect(c.Relaties.Relatie[1]).toMatchObject({ Soort: '15', Contact: [{ Soort: '02', Adres: { Postcode: '9999AB', Plaatsnaam: 'Voorbeeldstad' } }] });
    expect(c.Contactgegevens.Contact[0].Telefoon.Telefoon01).toEqual({ Telefoonnummer: '0612345678', Landnummer: '0031' });
  });

  it('a bewindvoerder only: 07; a gemachtigde is a Relatie but no WettelijkeVertegenwoordiging', () => {
    expect(iwmoClient(CLIENT, [rep({ soort: 'bewindvoerder' })]).wettelijkeVertegenwoordiging).toBe('07');
    const g = iwmoClient(CLIENT, [rep({ soort: 'gemachtigde' })]);
    expect(g.wettelijkeVertegenwoordiging).toBeUndefined();
    expect(g.relaties?.[0]?.soort).toBe('09');
  });
});
