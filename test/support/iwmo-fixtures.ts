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
