import { describe, expect, it } from 'vitest';
import { buildAntwoordXml, buildRetourVerzoekXml, RETOUR_DUBBEL_BERICHT } from '../../main/export/iwmo/antwoord';
import { parseVerzoekOmToewijzing } from '../../main/export/iwmo/verzoek';
import { readMessage, verzoek315Xml, type Verzoek315 } from '../support/verzoek315';
import { validateXml, xsdPath } from '../support/xmllint';

/** A JW315 from a huisarts who gave only his AGB code, with everything else a 315 can carry. */
const VOLLEDIG: Verzoek315 = {
  wet: 'jeugdwet', id: 'JW-77', bsn: '999993483', geboortedatum: '2014-05-09', achternaam: 'Yilmaz', voornamen: 'Emre',
  gezagsdragerBekend: true, commentaar: 'Spoed: school meldt uitval.',
  producten: [
    { ref: 'REF-1', categorie: '45', code: '45A53', ingang: '2026-03-09', eind: '2026-09-06', beschikkingNummer: 4711, beschikkingIngangsdatum: '2026-03-01',
      omvang: { volume: 120, eenheid: '01', frequentie: '2' }, verwijzer: { type: '02', agb: '01012345' }, raamcontract: false, commentaar: 'Intake al gedaan.' },
    { ref: 'REF-2', categorie: '40', ingang: '2026-03-09', verwijzer: { type: '03', naam: 'JGZ Voorbeeldstad' } },
  ],
};

describe('WMO316/JW316 retour of a 315 (OP090)', () => {
  it('JW316 validates against JW316.xsd and echoes every element of the 315 with RetourCodes', () => {
    const v = parseVerzoekOmToewijzing(verzoek315Xml(VOLLEDIG));
    const xml = buildRetourVerzoekXml({ verzoek: v, identificatieRetour: 'RT0000000001', dagtekeningRetour: '2026-03-03' });
    expect(validateXml(xml, xsdPath('ijw-3.2', 'JW316.xsd'))).toEqual({ ok: true, errors: [] });
    const b = readMessage(xml);
    expect(b.Header).toMatchObject({
      BerichtCode: '447', Afzender: '87654321', Ontvanger: '9999', BerichtIdentificatie: { Identificatie: 'JW-77', Dagtekening: '2026-03-02' },
      IdentificatieRetour: 'RT0000000001', DagtekeningRetour: '2026-03-03', XsdVersieRetour: { BerichtXsdVersie: '0.1.0' },
    });
    expect(b.Header.RetourCodes).toBeUndefined();
    expect(b.Client).toMatchObject({ Bsn: '999993483', GezagsdragerBekend: '1', Commentaar: 'Spoed: school meldt uitval.', RetourCodes: { RetourCode: ['0200'] } });
    const [p1, p2] = b.Client.AangevraagdeProducten.AangevraagdProduct;
    expect(p1).toEqual({
      ReferentieAanbieder: 'REF-1', BeschikkingNummer: '4711', Product: { Categorie: '45', Code: '45A53' }, BeschikkingIngangsdatum: '2026-03-01',
      ToewijzingIngangsdatum: '2026-03-09', ToewijzingEinddatum: '2026-09-06', Omvang: { Volume: '120', Eenheid: '01', Frequentie: '2' },
      Verwijzer: { Type: '02', ZorgverlenerCode: '01012345' }, Raamcontract: '2', Commentaar: 'Intake al gedaan.', RetourCodes: { RetourCode: ['0200'] },
    });
    expect(p2.Verwijzer).toEqual({ Type: '03', Naam: 'JGZ Voorbeeldstad' });
  });

  it('a duplicate message is returned with 9056 on the header (TR056)', () => {
    const v = parseVerzoekOmToewijzing(verzoek315Xml(VOLLEDIG));
    const xml = buildRetourVerzoekXml({ verzoek: v, identificatieRetour: 'RT2', dagtekeningRetour: '2026-03-03', headerCodes: [RETOUR_DUBBEL_BERICHT] });
    expect(validateXml(xml, xsdPath('ijw-3.2', 'JW316.xsd')).ok).toBe(true);
    expect(readMessage(xml).Header.RetourCodes.RetourCode).toEqual(['9056']);
  });

  // WMO316.xsd is not vendored in specs/ (see specs/SOURCES.md): the WMO316 is checked element by
  // element here, in the order and shape of JW316 (which xmllint validates above), minus what the
  // iWmo does not have (GezagsdragerBekend).
  it('WMO316: BerichtCode 445, the iWmo namespaces, no GezagsdragerBekend; every element of the 315 echoed', () => {
    const v = parseVerzoekOmToewijzing(verzoek315Xml({ ...VOLLEDIG, wet: 'wmo', gezagsdragerBekend: undefined,
      producten: [{ ...VOLLEDIG.producten[0]!, categorie: '02', code: '02A01' }] }));
    const xml = buildRetourVerzoekXml({ verzoek: v, identificatieRetour: 'RT3', dagtekeningRetour: '2026-03-03' });
    expect(xml).toContain('xmlns:wmo316="http://www.istandaarden.nl/iwmo/3_2/wmo316/schema"');
    expect(xml).toContain('xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"');
    expect(xml).not.toMatch(/ijw|jw316/);
    const b = readMessage(xml);
    expect(Object.keys(b)).toEqual(['Header', 'Client']);
    expect(b.Header).toMatchObject({
      BerichtCode: '445', BerichtVersie: '3', BerichtSubversie: '2', Afzender: '87654321', Ontvanger: '9999',
      BerichtIdentificatie: { Identificatie: 'JW-77', Dagtekening: '2026-03-02' },
      IdentificatieRetour: 'RT3', DagtekeningRetour: '2026-03-03',
    });
    expect(b.Header.RetourCodes).toBeUndefined();
    expect(b.Client.GezagsdragerBekend).toBeUndefined();
    expect(b.Client).toMatchObject({ Bsn: '999993483', Commentaar: 'Spoed: school meldt uitval.', RetourCodes: { RetourCode: ['0200'] } });
    expect(b.Client.AangevraagdeProducten.AangevraagdProduct).toEqual([{
      ReferentieAanbieder: 'REF-1', BeschikkingNummer: '4711', Product: { Categorie: '02', Code: '02A01' }, BeschikkingIngangsdatum: '2026-03-01',
      ToewijzingIngangsdatum: '2026-03-09', ToewijzingEinddatum: '2026-09-06', Omvang: { Volume: '120', Eenheid: '01', Frequentie: '2' },
      Verwijzer: { Type: '02', ZorgverlenerCode: '01012345' }, Raamcontract: '2', Commentaar: 'Intake al gedaan.', RetourCodes: { RetourCode: ['0200'] },
    }]);
  });
});

describe('WMO319/JW319 antwoord on a 315 (OP274)', () => {
  const base = { gemeentecode: '9999', aanbiederAgb: '87654321', berichtIdentificatie: 'AW0000000001', dagtekening: '2026-03-05', referentieAanbieder: 'REF-2' };

  it('JW319 afwijzing with woonplaatsbeginsel validates and carries the reference of the 315 product', () => {
    const xml = buildAntwoordXml({ ...base, wet: 'jeugdwet', verzoekAntwoord: '1', redenAfwijzing: '8', woonplaatsbeginselGemeente: '0363' });
    expect(validateXml(xml, xsdPath('ijw-3.2', 'JW319.xsd'))).toEqual({ ok: true, errors: [] });
    expect(readMessage(xml)).toMatchObject({
      Header: { BerichtCode: '488', Afzender: '9999', Ontvanger: '87654321' },
      Antwoord: { ReferentieAanbieder: 'REF-2', VerzoekAntwoord: '1', RedenAfwijzingVerzoek: '8', Woonplaatsbeginsel: { Gemeente: '0363' } },
    });
  });

  it('WMO319 "aanvraag in onderzoek" validates; an afwijzing needs a reden', () => {
    const xml = buildAntwoordXml({ ...base, wet: 'wmo', verzoekAntwoord: '2' });
    expect(validateXml(xml, xsdPath('iwmo-3.2', 'WMO319.xsd'))).toEqual({ ok: true, errors: [] });
    expect(readMessage(xml).Antwoord).toEqual({ ReferentieAanbieder: 'REF-2', VerzoekAntwoord: '2' });
    expect(() => buildAntwoordXml({ ...base, wet: 'wmo', verzoekAntwoord: '1' })).toThrow(/reden/);
    expect(() => buildAntwoordXml({ ...base, wet: 'wmo', verzoekAntwoord: '1', redenAfwijzing: '8', woonplaatsbeginselGemeente: '0363' })).toThrow(/JW319/);
  });
});
