import { describe, expect, it } from 'vitest';
import { LoketError } from '../../shared/errors';
import { parseVerzoekOmToewijzing } from '../../main/export/iwmo/verzoek';
import { buildToewijzingXml } from '../../main/export/iwmo/toewijzing';
import { validateXml, xsdPath } from '../support/xmllint';
import { VANDAAG, bericht } from '../support/iwmo-fixtures';

// A realistic WMO315, written like the official sample messages (prefixed namespaces).
const WMO315 = `<?xml version="1.0" encoding="UTF-8"?>
<wmo315:Bericht xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" xmlns:wmo315="http://www.istandaarden.nl/iwmo/3_2/wmo315/schema">
  <wmo315:Header>
    <wmo315:BerichtCode>444</wmo315:BerichtCode>
    <wmo315:BerichtVersie>3</wmo315:BerichtVersie>
    <wmo315:BerichtSubversie>2</wmo315:BerichtSubversie>
    <wmo315:Afzender>42420001</wmo315:Afzender>
    <wmo315:Ontvanger>0363</wmo315:Ontvanger>
    <wmo315:BerichtIdentificatie>
      <iwmo:Identificatie>VOT-000123</iwmo:Identificatie>
      <iwmo:Dagtekening>2026-02-27</iwmo:Dagtekening>
    </wmo315:BerichtIdentificatie>
    <wmo315:XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </wmo315:XsdVersie>
  </wmo315:Header>
  <wmo315:Client>
    <wmo315:Bsn>999993847</wmo315:Bsn>
    <wmo315:Geboortedatum>
      <iwmo:Datum>1948-07-01</iwmo:Datum>
      <iwmo:DatumGebruik>1</iwmo:DatumGebruik>
    </wmo315:Geboortedatum>
    <wmo315:Geslacht>2</wmo315:Geslacht>
    <wmo315:Naam>
      <iwmo:Geslachtsnaam>
        <iwmo:Achternaam>Berg</iwmo:Achternaam>
        <iwmo:Voorvoegsel>van den</iwmo:Voorvoegsel>
      </iwmo:Geslachtsnaam>
      <iwmo:Voorletters>MJ</iwmo:Voorletters>
    </wmo315:Naam>
    <wmo315:Commentaar>Cliënt is doorverwezen door de huisarts &amp; wil snel starten.</wmo315:Commentaar>
    <wmo315:AangevraagdeProducten>
      <wmo315:AangevraagdProduct>
        <wmo315:ReferentieAanbieder>REF-A-001</wmo315:ReferentieAanbieder>
        <wmo315:Product>
          <iwmo:Categorie>02</iwmo:Categorie>
          <iwmo:Code>02A01</iwmo:Code>
        </wmo315:Product>
        <wmo315:ToewijzingIngangsdatum>2026-03-16</wmo315:ToewijzingIngangsdatum>
        <wmo315:ToewijzingEinddatum>2027-03-15</wmo315:ToewijzingEinddatum>
        <wmo315:Omvang>
          <iwmo:Volume>4</iwmo:Volume>
          <iwmo:Eenheid>04</iwmo:Eenheid>
          <iwmo:Frequentie>2</iwmo:Frequentie>
        </wmo315:Omvang>
        <wmo315:Verwijzer>
          <iwmo:Type>02</iwmo:Type>
          <iwmo:Naam>Huisartsenpraktijk Centrum</iwmo:Naam>
          <iwmo:ZorgverlenerCode>01012345</iwmo:ZorgverlenerCode>
        </wmo315:Verwijzer>
        <wmo315:Raamcontract>2</wmo315:Raamcontract>
      </wmo315:AangevraagdProduct>
      <wmo315:AangevraagdProduct>
        <wmo315:ReferentieAanbieder>REF-A-002</wmo315:ReferentieAanbieder>
        <wmo315:BeschikkingNummer>20260042</wmo315:BeschikkingNummer>
        <wmo315:Product>
          <iwmo:Categorie>07</iwmo:Categorie>
        </wmo315:Product>
        <wmo315:BeschikkingIngangsdatum>2026-03-01</wmo315:BeschikkingIngangsdatum>
        <wmo315:ToewijzingIngangsdatum>2026-03-16</wmo315:ToewijzingIngangsdatum>
        <wmo315:ToewijzingEinddatum>2026-12-31</wmo315:ToewijzingEinddatum>
        <wmo315:Budget>125050</wmo315:Budget>
        <wmo315:Verwijzer>
          <iwmo:Type>01</iwmo:Type>
        </wmo315:Verwijzer>
        <wmo315:Commentaar>Dagbesteding twee dagdelen</wmo315:Commentaar>
      </wmo315:AangevraagdProduct>
    </wmo315:AangevraagdeProducten>
  </wmo315:Client>
</wmo315:Bericht>
`;

// JW315 with a default namespace for the message elements (also legal XML), one product.
const JW315 = `<?xml version="1.0" encoding="UTF-8"?>
<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/jw315/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
  <Header>
    <BerichtCode>446</BerichtCode>
    <BerichtVersie>3</BerichtVersie>
    <BerichtSubversie>2</BerichtSubversie>
    <Afzender>87654321</Afzender>
    <Ontvanger>0599</Ontvanger>
    <BerichtIdentificatie>
      <ijw:Identificatie>JW-9</ijw:Identificatie>
      <ijw:Dagtekening>2026-02-20</ijw:Dagtekening>
    </BerichtIdentificatie>
    <XsdVersie>
      <ijw:BasisschemaXsdVersie>0.1.0</ijw:BasisschemaXsdVersie>
      <ijw:BerichtXsdVersie>0.1.0</ijw:BerichtXsdVersie>
    </XsdVersie>
  </Header>
  <Client>
    <Bsn>999993483</Bsn>
    <Geboortedatum>
      <ijw:Datum>2014-05-09</ijw:Datum>
    </Geboortedatum>
    <Geslacht>1</Geslacht>
    <Naam>
      <ijw:Geslachtsnaam>
        <ijw:Achternaam>Yilmaz</ijw:Achternaam>
      </ijw:Geslachtsnaam>
      <ijw:Voornamen>Emre</ijw:Voornamen>
    </Naam>
    <GezagsdragerBekend>1</GezagsdragerBekend>
    <AangevraagdeProducten>
      <AangevraagdProduct>
        <ReferentieAanbieder>JZ-REF-77</ReferentieAanbieder>
        <Product>
          <ijw:Categorie>45</ijw:Categorie>
          <ijw:Code>45A53</ijw:Code>
        </Product>
        <ToewijzingIngangsdatum>2026-03-01</ToewijzingIngangsdatum>
        <ToewijzingEinddatum>2026-08-31</ToewijzingEinddatum>
        <Omvang>
          <ijw:Volume>120</ijw:Volume>
          <ijw:Eenheid>01</ijw:Eenheid>
          <ijw:Frequentie>2</ijw:Frequentie>
        </Omvang>
        <Verwijzer>
          <ijw:Type>03</ijw:Type>
          <ijw:Naam>JGZ Rotterdam</ijw:Naam>
        </Verwijzer>
      </AangevraagdProduct>
    </AangevraagdeProducten>
  </Client>
</Bericht>
`;

const fout = (xml: string): LoketError => {
  try {
    parseVerzoekOmToewijzing(xml);
  } catch (e) {
    expect(e).toBeInstanceOf(LoketError);
    return e as LoketError;
  }
  throw new Error('expected an error');
};

describe('fixtures are real messages', () => {
  it('WMO315 fixture validates against WMO315.xsd', () => {
    expect(validateXml(WMO315, xsdPath('iwmo-3.2', 'WMO315.xsd'))).toEqual({ ok: true, errors: [] });
  });
  it('JW315 fixture validates against JW315.xsd', () => {
    expect(validateXml(JW315, xsdPath('ijw-3.2', 'JW315.xsd'))).toEqual({ ok: true, errors: [] });
  });
});

describe('parseVerzoekOmToewijzing', () => {
  it('reads a WMO315', () => {
    const v = parseVerzoekOmToewijzing(WMO315);
    expect(v).toMatchObject({
      wet: 'wmo', bericht: 'WMO315', berichtCode: '444', berichtIdentificatie: 'VOT-000123', dagtekening: '2026-02-27',
      aanbiederAgb: '42420001', gemeentecode: '0363', xsdVersie: { basisschema: '1.0.0', bericht: '1.0.0' },
      client: {
        bsn: '999993847', geboortedatum: '1948-07-00', geslacht: '2',
        naam: { geslachtsnaam: 'Berg', voorvoegsel: 'van den', voorletters: 'MJ' },
        commentaar: 'Cliënt is doorverwezen door de huisarts & wil snel starten.',
      },
    });
    expect(v.client.gezagsdragerBekend).toBeUndefined();
    expect(v.producten).toHaveLength(2);
    expect(v.producten[0]).toMatchObject({
      referentieAanbieder: 'REF-A-001', product: { categorie: '02', code: '02A01' }, ingangsdatum: '2026-03-16', einddatum: '2027-03-15',
      omvang: { volume: 4, eenheid: '04', frequentie: '2' }, verwijzer: { type: '02', naam: 'Huisartsenpraktijk Centrum', zorgverlenerCode: '01012345' },
      raamcontract: false,
    });
    expect(v.producten[0]!.budgetCents).toBeUndefined();
    expect(v.producten[1]).toMatchObject({
      referentieAanbieder: 'REF-A-002', beschikkingNummer: 20260042, product: { categorie: '07' }, beschikkingIngangsdatum: '2026-03-01',
      budgetCents: 125050, verwijzer: { type: '01' }, commentaar: 'Dagbesteding twee dagdelen',
    });
    expect(v.producten[1]!.omvang).toBeUndefined();
  });

  it('reads a JW315 (default namespace, GezagsdragerBekend)', () => {
    const v = parseVerzoekOmToewijzing(JW315);
    expect(v).toMatchObject({
      wet: 'jeugdwet', bericht: 'JW315', berichtCode: '446', aanbiederAgb: '87654321', gemeentecode: '0599',
      client: { bsn: '999993483', geboortedatum: '2014-05-09', geslacht: '1', naam: { geslachtsnaam: 'Yilmaz', voornamen: 'Emre' }, gezagsdragerBekend: true },
      producten: [{ referentieAanbieder: 'JZ-REF-77', product: { categorie: '45', code: '45A53' }, omvang: { volume: 120, eenheid: '01', frequentie: '2' }, verwijzer: { type: '03', naam: 'JGZ Rotterdam' } }],
    });
  });

  it('a single AangevraagdProduct still gives an array', () => {
    expect(Array.isArray(parseVerzoekOmToewijzing(JW315).producten)).toBe(true);
  });

  it('malformed XML → Dutch error', () => {
    expect(fout(WMO315.replace('</wmo315:Header>', '')).message).toMatch(/geen geldige XML \(regel \d+, kolom \d+\)/);
    expect(fout('').message).toMatch(/leeg/);
    expect(fout('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Bericht/>').message).toMatch(/DOCTYPE/);
  });

  it('another message type → Dutch error naming it', () => {
    const wmo301 = buildToewijzingXml(bericht('wmo'), { vandaag: VANDAAG });
    expect(fout(wmo301).message).toMatch(/WMO301.*geen verzoek om toewijzing/);
    expect(fout('<root/>').message).toMatch(/<root>.*geen iWmo\/iJw-bericht/);
  });

  it('BerichtCode that does not fit the namespace', () => {
    expect(fout(WMO315.replace('>444<', '>446<')).field).toBe('Header.BerichtCode');
  });

  it('missing or invalid fields → Dutch error naming the XML element', () => {
    const zonderVerwijzer = WMO315.replace(/<wmo315:Verwijzer>\s*<iwmo:Type>01<\/iwmo:Type>\s*<\/wmo315:Verwijzer>/, '');
    const e1 = fout(zonderVerwijzer);
    expect(e1.field).toBe('Client.AangevraagdeProducten.AangevraagdProduct[1].Verwijzer');
    expect(e1.message).toMatch(/WMO315.*Verwijzer ontbreekt/);

    const e2 = fout(WMO315.replace('<wmo315:Bsn>999993847<', '<wmo315:Bsn>999993846<'));
    expect(e2.field).toBe('Client.Bsn');
    expect(e2.message).toMatch(/elfproef/);

    const e3 = fout(WMO315.replace('<iwmo:Volume>4<', '<iwmo:Volume>vier<'));
    expect(e3.message).toMatch(/Volume moet een geheel getal zijn/);

    const e4 = fout(JW315.replace('<ijw:Categorie>45<', '<ijw:Categorie>02<'));
    expect(e4.message).toMatch(/Productcategorie 02 bestaat niet in de Jeugdwet/);

    const e5 = fout(WMO315.replace(/<wmo315:ToewijzingIngangsdatum>2026-03-16<\/wmo315:ToewijzingIngangsdatum>\s*<wmo315:ToewijzingEinddatum>2027-03-15/, '<wmo315:ToewijzingEinddatum>2027-03-15'));
    expect(e5.field).toBe('Client.AangevraagdeProducten.AangevraagdProduct[0].ToewijzingIngangsdatum');
    expect(e5.message).toMatch(/ToewijzingIngangsdatum: vul een datum in/);
  });
});
