import { describe, expect, it } from 'vitest';
import type { ClientRow } from '../../main/db/entities';
import { iwmoClient } from '../../main/export/iwmo/clientgegevens';
import { buildToewijzingXml } from '../../main/export/iwmo/toewijzing';
import { adresRegels } from '../../main/services/clients';
import { ClientInputSchema } from '../../shared/schemas/client';
import { bericht, product } from '../support/iwmo-fixtures';
import { readMessage } from '../support/verzoek315';
import { validateXml, xsdPath } from '../support/xmllint';

/** The three BRP fields as typed on the form, and where the address goes out: the letter's window and the iWmo 301. */
describe('huisnummer, huisletter and toevoeging on the way out', () => {
  const typed = ClientInputSchema.parse({
    bsn: '999993847', voornamen: 'Gerda', geslachtsnaam: 'Mulder', geboortedatum: '1941-02-03',
    straat: 'Dorpsstraat', huisnummer: '12', huisletter: 'a', huisnummerToevoeging: '-2', postcode: '9999aa', woonplaats: 'Voorbeeldstad',
  });
  const row = {
    ...typed, id: 7, voorletters: 'G.', naamgebruik: 'E', geslacht: '2', householdId: null, createdAt: '', updatedAt: '',
  } as unknown as ClientRow;

  it('the letter prints them as one house number, 12a-2', () => {
    expect(adresRegels(row)).toEqual(['Dorpsstraat 12a-2', '9999 AA  VOORBEELDSTAD']);
  });

  it('the WMO301 carries them in Huisnummer, Huisletter and HuisnummerToevoeging, valid against the iWmo 3.2 XSD', () => {
    const xml = buildToewijzingXml(bericht('wmo', { client: iwmoClient(row), toewijzingen: [product()] }), { vandaag: '2026-03-02' });
    expect(validateXml(xml, xsdPath('iwmo-3.2', 'WMO301.xsd'))).toEqual({ ok: true, errors: [] });
    const c = readMessage(xml).Client;
    expect(c.Contactgegevens.Contact[0].Adres).toMatchObject({ Huis: { Huisnummer: '12', Huisletter: 'a', HuisnummerToevoeging: '2' }, Postcode: '9999AA', Straatnaam: 'Dorpsstraat' });
  });
});
