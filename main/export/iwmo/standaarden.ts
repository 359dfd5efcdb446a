/**
 * The per-standard table for iWmo 3.2 (Wmo 2015) and iJw 3.2 (Jeugdwet). Everything that
 * differs between the two message families lives here; the builders and parsers are shared.
 *
 * Source: the XSDs vendored in specs/{iwmo-3.2,ijw-3.2} (see specs/SOURCES.md). The structure
 * of WMO301/JW301 is element-for-element identical; JW315 adds Client/GezagsdragerBekend.
 * The XsdVersie values are copied from each XSD's appinfo; test/unit/iwmo-standaarden.test.ts
 * reads the shipped XSDs and fails when they drift.
 */

export type Wet = 'wmo' | 'jeugdwet';

export interface BerichtDef {
  /** Lower-case message name as in the namespace, e.g. `wmo301`. */
  readonly bericht: string;
  /** BerichtCode (COD002-VEKT), fixed per message by an xs:pattern in the XSD. */
  readonly code: string;
  /** File name of the XSD in the specs folder. */
  readonly xsd: string;
  /** `<standaard:BerichtXsdVersie>` from the message XSD's appinfo. */
  readonly berichtXsdVersie: string;
}

export interface StandaardDef {
  readonly wet: Wet;
  /** `iwmo` or `ijw`: the path segment in every namespace. */
  readonly standaard: 'iwmo' | 'ijw';
  /** Folder under the specs dir holding the XSDs. */
  readonly specsFolder: string;
  /** `<standaard:BasisschemaXsdVersie>` from the appinfo (the same in every message XSD). */
  readonly basisschemaXsdVersie: string;
  readonly toewijzing: BerichtDef;
  readonly verzoekOmToewijzing: BerichtDef;
  /** The retour of a 315 (WMO316/JW316), within 3 werkdagen (OP090). */
  readonly retourVerzoek: BerichtDef;
  /** Antwoordbericht on a 315 (WMO319/JW319), within 5 werkdagen per product when no 301 follows (OP274). */
  readonly antwoord: BerichtDef;
  /** LDT_ProductCategorie: WMO020 for iWmo, JZ020 for iJw (disjoint lists). */
  readonly productcategorieen: readonly string[];
  /** Element Client/GezagsdragerBekend exists in the 315 message (JW315 only). */
  readonly verzoekHeeftGezagsdragerBekend: boolean;
}

export const BERICHT_VERSIE = 3;
export const BERICHT_SUBVERSIE = 2;

export function namespaceVan(std: StandaardDef, bericht: string): string {
  return `http://www.istandaarden.nl/${std.standaard}/3_2/${bericht}/schema`;
}

export const STANDAARDEN: Readonly<Record<Wet, StandaardDef>> = {
  wmo: {
    wet: 'wmo',
    standaard: 'iwmo',
    specsFolder: 'iwmo-3.2',
    basisschemaXsdVersie: '1.0.0',
    toewijzing: { bericht: 'wmo301', code: '414', xsd: 'WMO301.xsd', berichtXsdVersie: '1.0.0' },
    verzoekOmToewijzing: { bericht: 'wmo315', code: '444', xsd: 'WMO315.xsd', berichtXsdVersie: '1.0.0' },
    // WMO316.xsd is not among the vendored specs: the element structure is that of JW316 without
    // Client/GezagsdragerBekend.
    retourVerzoek: { bericht: 'wmo316', code: '445', xsd: 'WMO316.xsd', berichtXsdVersie: '1.0.0' },
    antwoord: { bericht: 'wmo319', code: '482', xsd: 'WMO319.xsd', berichtXsdVersie: '1.0.0' },
    productcategorieen: [
      '01', '02', '03', '04', '05', '06', '07', '08', '09',
      '10', '11', '12', '13', '14', '15', '16', '17', '18',
    ],
    verzoekHeeftGezagsdragerBekend: false,
  },
  jeugdwet: {
    wet: 'jeugdwet',
    standaard: 'ijw',
    specsFolder: 'ijw-3.2',
    // The iJw 3.2 XSDs carry 0.1.0 (not 1.0.0 like iWmo) in their appinfo.
    basisschemaXsdVersie: '0.1.0',
    toewijzing: { bericht: 'jw301', code: '436', xsd: 'JW301.xsd', berichtXsdVersie: '0.1.0' },
    verzoekOmToewijzing: { bericht: 'jw315', code: '446', xsd: 'JW315.xsd', berichtXsdVersie: '0.1.0' },
    retourVerzoek: { bericht: 'jw316', code: '447', xsd: 'JW316.xsd', berichtXsdVersie: '0.1.0' },
    antwoord: { bericht: 'jw319', code: '488', xsd: 'JW319.xsd', berichtXsdVersie: '0.1.0' },
    productcategorieen: [
      '31', '32', '33', '34', '35', '36', '37', '38',
      '40', '41', '42', '43', '44', '45', '46', '47', '48', '49',
      '50', '51', '52', '53', '54', '55',
    ],
    verzoekHeeftGezagsdragerBekend: true,
  },
};

export const WET_NAAM: Readonly<Record<Wet, string>> = { wmo: 'Wmo', jeugdwet: 'Jeugdwet' };
