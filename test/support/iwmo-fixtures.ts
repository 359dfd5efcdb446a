// Shared inputs for the iWmo/iJw tests (not a test file itself).
import type { ToegewezenProductInput, ToewijzingInput } from '../../main/export/iwmo/types';
import type { Wet } from '../../main/export/iwmo/standaarden';

export const VANDAAG = '2026-03-02';

export function product(over: Partial<ToegewezenProductInput> = {}, wet: Wet = 'wmo'): ToegewezenProductInput {
  return {
    toewijzingNummer: 5001,
    leveringsvorm: 'ZIN',
    product: wet === 'wmo' ? { categorie: '02', code: '02A01' } : { categorie: '45', code: '45A53' },
    toewijzingsdatum: '2026-03-02',
    toewijzingstijd: '09:30:00',
    ingangsdatum: '2026-03-09',
    einddatum: '2027-03-08',
    omvang: { volume: 4, eenheid: '04', frequentie: '2' },
    referentieAanbieder: 'REF-2026-0042',
    ...over,
  };
}

export function bericht(wet: Wet = 'wmo', over: Partial<ToewijzingInput> = {}): ToewijzingInput {
  return {
    wet,
    gemeentecode: '0363',
    aanbiederAgb: '42420001',
    berichtIdentificatie: 'TW2026000001',
    dagtekening: '2026-03-02',
    client: {
      bsn: '999993847',
      geboortedatum: '1948-07-21',
      geslacht: '2',
      naam: { geslachtsnaam: 'Jansen', voornamen: 'Maria Johanna', voorletters: 'M.J.', naamgebruik: '1' },
      adres: { huisnummer: 12, postcode: '1011 AB', straatnaam: 'Dorpsstraat', plaatsnaam: 'Amsterdam', landcode: 'NL' },
    },
    toewijzingen: [product({}, wet)],
    ...over,
  };
}

/** A WMO315 verzoek om toewijzing from aanbieder 42420001 (begeleiding 02A01, 4 uur per week). */
export function wmo315Xml(o: { bsn: string; identificatie: string } = { bsn: '999990482', identificatie: 'VOT-000123' }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<wmo315:Bericht xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" xmlns:wmo315="http://www.istandaarden.nl/iwmo/3_2/wmo315/schema">
  <wmo315:Header><wmo315:BerichtCode>444</wmo315:BerichtCode><wmo315:BerichtVersie>3</wmo315:BerichtVersie><wmo315:BerichtSubversie>2</wmo315:BerichtSubversie>
    <wmo315:Afzender>42420001</wmo315:Afzender><wmo315:Ontvanger>9999</wmo315:Ontvanger>
    <wmo315:BerichtIdentificatie><iwmo:Identificatie>${o.identificatie}</iwmo:Identificatie><iwmo:Dagtekening>2026-04-20</iwmo:Dagtekening></wmo315:BerichtIdentificatie>
    <wmo315:XsdVersie><iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie><iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie></wmo315:XsdVersie></wmo315:Header>
  <wmo315:Client><wmo315:Bsn>${o.bsn}</wmo315:Bsn><wmo315:Geboortedatum><iwmo:Datum>1948-07-01</iwmo:Datum><iwmo:DatumGebruik>1</iwmo:DatumGebruik></wmo315:Geboortedatum>
    <wmo315:Geslacht>2</wmo315:Geslacht><wmo315:Naam><iwmo:Geslachtsnaam><iwmo:Achternaam>Berg</iwmo:Achternaam><iwmo:Voorvoegsel>van den</iwmo:Voorvoegsel></iwmo:Geslachtsnaam><iwmo:Voorletters>MJ</iwmo:Voorletters></wmo315:Naam>
    <wmo315:AangevraagdeProducten><wmo315:AangevraagdProduct><wmo315:ReferentieAanbieder>REF-A-001</wmo315:ReferentieAanbieder>
      <wmo315:Product><iwmo:Categorie>02</iwmo:Categorie><iwmo:Code>02A01</iwmo:Code></wmo315:Product>
      <wmo315:ToewijzingIngangsdatum>2026-05-01</wmo315:ToewijzingIngangsdatum><wmo315:ToewijzingEinddatum>2027-04-30</wmo315:ToewijzingEinddatum>
      <wmo315:Omvang><iwmo:Volume>4</iwmo:Volume><iwmo:Eenheid>04</iwmo:Eenheid><iwmo:Frequentie>2</iwmo:Frequentie></wmo315:Omvang>
      <wmo315:Verwijzer><iwmo:Type>02</iwmo:Type><iwmo:Naam>Huisartsenpraktijk Centrum</iwmo:Naam></wmo315:Verwijzer></wmo315:AangevraagdProduct></wmo315:AangevraagdeProducten>
  </wmo315:Client></wmo315:Bericht>`;
}
