import { LETTERHEAD } from './cases';
/** A realistic Wmo case export plan for the ZGW tests (test BSN 999993653 from the BRP test set range). */
import type { CaseExportPlan } from '../../main/export/zgw/caseExport';

export const ZGW_SECRET = 'test-secret-niet-voor-productie';
export const ZGW_CLIENT_ID = 'sociaal-loket-test';
export const ZGW_USER = { id: 'c.consulent@gemeente.example', representation: 'C. Consulent' };

const ZTC = 'https://catalogi.gemeente.example/catalogi/api/v1';
const pdf = Buffer.from('%PDF-1.4\n% test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');

export function makePlan(identificatie = 'SL-2026-000123'): CaseExportPlan {
  return {
    zaak: {
      bronorganisatie: '002220647',
      verantwoordelijkeOrganisatie: '002220647',
      zaaktype: `${ZTC}/zaaktypen/0c1b6a8e-3a52-4c1f-9f4a-6c5b7c1e0a01`,
      identificatie,
      omschrijving: 'Aanvraag Wmo-maatwerkvoorziening huishoudelijke ondersteuning',
      startdatum: '2026-03-02',
      registratiedatum: '2026-03-02',
      uiterlijkeEinddatumAfdoening: '2026-04-28',
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
    },
    rol: {
      roltype: `${ZTC}/roltypen/6f0e4c1e-0d1b-4d52-9d0a-2e0b4f7c1a11`,
      roltoelichting: 'Aanvrager',
      natuurlijkPersoon: {
        inpBsn: '999993653',
        geslachtsnaam: 'Vries',
        voorvoegsel: 'de',
        voorletters: 'J.',
        geboortedatum: '1948-05-17',
      },
    },
    statussen: [
      { statustype: `${ZTC}/statustypen/a1000000-0000-4000-8000-000000000001`, datumStatusGezet: '2026-03-02T09:00:00Z', toelichting: 'Melding ontvangen' },
      { statustype: `${ZTC}/statustypen/a1000000-0000-4000-8000-000000000002`, datumStatusGezet: '2026-04-13T10:00:00Z', toelichting: 'Aanvraag ontvangen' },
    ],
    documents: [
      {
        key: 'gespreksverslag', titel: 'Gespreksverslag keukentafelgesprek', bestandsnaam: 'gespreksverslag.pdf',
        pdfBase64: pdf, creatiedatum: '2026-03-20', informatieobjecttype: `${ZTC}/informatieobjecttypen/b1000000-0000-4000-8000-000000000001`,
        auteur: 'C. Consulent', taal: 'dut', indicatieGebruiksrecht: false, status: 'definitief', vertrouwelijkheidaanduiding: 'vertrouwelijk',
      },
      {
        key: 'beschikking', titel: 'Beschikking Wmo huishoudelijke ondersteuning', bestandsnaam: 'beschikking.pdf',
        pdfBase64: pdf, creatiedatum: '2026-04-28', informatieobjecttype: `${ZTC}/informatieobjecttypen/b1000000-0000-4000-8000-000000000002`,
        auteur: 'C. Consulent', taal: 'dut', indicatieGebruiksrecht: false, status: 'definitief', vertrouwelijkheidaanduiding: 'vertrouwelijk',
        verzenddatum: '2026-04-28',
      },
    ],
    besluit: {
      besluittype: `${ZTC}/besluittypen/c1000000-0000-4000-8000-000000000001`,
      datum: '2026-04-28',
      ingangsdatum: '2026-05-01',
      vervaldatum: '2027-04-30',
      vervalreden: 'tijdelijk',
      toelichting: 'Toekenning huishoudelijke ondersteuning, 3 uur per week',
      uiterlijkeReactiedatum: '2026-06-09',
      verzenddatum: '2026-04-28',
      documentKey: 'beschikking',
    },
    resultaat: { resultaattype: `${ZTC}/resultaattypen/d1000000-0000-4000-8000-000000000001`, toelichting: 'Toegekend' },
    eindstatus: { statustype: `${ZTC}/statustypen/a1000000-0000-4000-8000-000000000009`, datumStatusGezet: '2026-04-28T15:00:00Z', toelichting: 'Beschikking verzonden' },
  };
}

export const EXPECTED_COUNTS = {
  zaken: 1,
  rollen: 1,
  statussen: 3, // 2 + eindstatus
  zaakinformatieobjecten: 2,
  resultaten: 1,
  enkelvoudiginformatieobjecten: 2,
  besluiten: 1,
  besluitinformatieobjecten: 1,
};

const VOORBEELDSTAD_ZTC = 'https://catalogi.voorbeeldstad.example/catalogi/api/v1';
/** The statustype that ends a zaak in exportSettings (for the server's eindStatustypen). */
export const EIND_STATUSTYPE = `${VOORBEELDSTAD_ZTC}/statustypen/a9`;

/** Settings for a desk whose export goes to the given validating test server. */
export function exportSettings(s: { zakenUrl: string; documentenUrl: string; besluitenUrl: string }) {
  const ZTC = VOORBEELDSTAD_ZTC;
  return {
    ...LETTERHEAD,
    export: {
      zakenUrl: s.zakenUrl, documentenUrl: s.documentenUrl, besluitenUrl: s.besluitenUrl, clientId: ZGW_CLIENT_ID,
      rsin: '', zaaktype: `${ZTC}/zaaktypen/0c1b6a8e-3a52-4c1f-9f4a-6c5b7c1e0a01`,
      statustypen: { ontvangen: `${ZTC}/statustypen/a1`, aanvraag: `${ZTC}/statustypen/a2`, afgehandeld: EIND_STATUSTYPE },
      roltype: `${ZTC}/roltypen/r1`,
      informatieobjecttypen: { gespreksverslag: `${ZTC}/informatieobjecttypen/i1`, beschikking: `${ZTC}/informatieobjecttypen/i2` },
      besluittype: `${ZTC}/besluittypen/b1`,
      resultaattypen: { toegekend: `${ZTC}/resultaattypen/t1`, afgewezen: `${ZTC}/resultaattypen/t2` },
      iwmoOutDir: '',
    },
  };
}
