/**
 * iWmo 3.2 / iJw 3.2 code lists with typed helpers. The codes and descriptions come from
 * codelists.generated.ts, which build/gen-codelists.mjs writes from the official XSDs.
 */
import { IJW_CODELISTS, IWMO_CODELISTS } from './codelists.generated';

export { IJW_CODELISTS, IWMO_CODELISTS };
export type { GeneratedCodelist } from './codelists.generated';

export type Standaard = 'iwmo' | 'ijw';
export type CodelistNaam = keyof typeof IWMO_CODELISTS & keyof typeof IJW_CODELISTS;
/** Same union as shared/schemas/zaak.ts `Wet`. */
export type Wet = 'wmo' | 'jeugdwet' | 'participatiewet';

/** One entry of a code list; the lists are arrays in XSD order (fit for pickers). */
export interface Code {
  readonly code: string;
  readonly omschrijving: string;
}
export type CodeList = readonly Code[];
type CodeOf<L> = L extends readonly { readonly code: infer C }[] ? C : never;

/** The message standard for a law; Participatiewet has no iStandaard. */
export function standaardVoor(wet: Wet): Standaard | null {
  return wet === 'wmo' ? 'iwmo' : wet === 'jeugdwet' ? 'ijw' : null;
}

export function codelist(standaard: Standaard, naam: CodelistNaam): CodeList {
  return (standaard === 'iwmo' ? IWMO_CODELISTS : IJW_CODELISTS)[naam].codes;
}

/** WMO020 (iWmo). */
export const PRODUCTCATEGORIEEN = IWMO_CODELISTS.LDT_ProductCategorie.codes;
/** JZ020 (iJw): a different list from WMO020. */
export const PRODUCTCATEGORIEEN_JEUGD = IJW_CODELISTS.LDT_ProductCategorie.codes;
/** WJ756; identical in iWmo and iJw. */
export const EENHEDEN = IWMO_CODELISTS.LDT_Eenheid.codes;
/** WMO757; identical in iWmo and iJw. */
export const FREQUENTIES = IWMO_CODELISTS.LDT_Frequentie.codes;
export const REDENEN_WIJZIGING = IWMO_CODELISTS.LDT_RedenWijziging.codes;
export const REDENEN_BEEINDIGING = IWMO_CODELISTS.LDT_RedenBeeindiging.codes;
export const REDENEN_BEEINDIGING_JEUGD = IJW_CODELISTS.LDT_RedenBeeindiging.codes;
export const GESLACHTEN = IWMO_CODELISTS.LDT_Geslacht.codes;
export const NAAMGEBRUIKEN = IWMO_CODELISTS.LDT_NaamGebruik.codes;
export const DATUMGEBRUIKEN = IWMO_CODELISTS.LDT_DatumGebruik.codes;
export const WETTELIJKE_VERTEGENWOORDIGINGEN = IWMO_CODELISTS.LDT_WettelijkeVertegenwoordiging.codes;
export const STATUSSEN_AANLEVERING = IWMO_CODELISTS.LDT_StatusAanlevering.codes;
export const TYPEN_VERWIJZER = IWMO_CODELISTS.LDT_TypeVerwijzer.codes;
export const JURIDISCHE_STATUSSEN = IWMO_CODELISTS.LDT_JuridischeStatus.codes;

export type ProductcategorieWmo = CodeOf<typeof PRODUCTCATEGORIEEN>;
export type ProductcategorieJeugd = CodeOf<typeof PRODUCTCATEGORIEEN_JEUGD>;
export type EenheidCode = CodeOf<typeof EENHEDEN>;
export type FrequentieCode = CodeOf<typeof FREQUENTIES>;
export type RedenWijzigingCode = CodeOf<typeof REDENEN_WIJZIGING>;
export type GeslachtCode = CodeOf<typeof GESLACHTEN>;
export type NaamgebruikIwmoCode = CodeOf<typeof NAAMGEBRUIKEN>;
export type DatumGebruikCode = CodeOf<typeof DATUMGEBRUIKEN>;
export type WettelijkeVertegenwoordigingCode = CodeOf<typeof WETTELIJKE_VERTEGENWOORDIGINGEN>;
export type StatusAanleveringCode = CodeOf<typeof STATUSSEN_AANLEVERING>;

/** The codes of a list, e.g. for z.enum(codes(EENHEDEN)). */
export function codes<L extends CodeList>(list: L): [CodeOf<L>, ...CodeOf<L>[]] {
  return list.map((c) => c.code) as [CodeOf<L>, ...CodeOf<L>[]];
}

const maps = new WeakMap<CodeList, ReadonlyMap<string, string>>();
function lookup(list: CodeList, code: string): string | undefined {
  let m = maps.get(list);
  if (!m) maps.set(list, (m = new Map(list.map((c) => [c.code, c.omschrijving]))));
  return m.get(code);
}

/** Productcategorieën for a law; empty for the Participatiewet (no iStandaard). */
export function productcategorieen(wet: Wet): CodeList {
  return wet === 'wmo' ? PRODUCTCATEGORIEEN : wet === 'jeugdwet' ? PRODUCTCATEGORIEEN_JEUGD : [];
}

/** Description from WMO020/JZ020; unknown code → `fallback` (default: the code itself). */
export function productcategorieLabel(wet: Wet, code: string): string;
export function productcategorieLabel<F>(wet: Wet, code: string, fallback: F): string | F;
export function productcategorieLabel(wet: Wet, code: string, ...rest: unknown[]): unknown {
  const label = lookup(productcategorieen(wet), code);
  return label !== undefined ? label : rest.length ? rest[0] : code;
}

/** Unit words for running text ("3 uur per week"): [singular, plural]. The XSD only has labels. */
const EENHEID_WOORDEN: Record<EenheidCode, readonly [string, string]> = {
  '01': ['minuut', 'minuten'],
  '04': ['uur', 'uur'],
  '14': ['etmaal', 'etmalen'],
  '16': ['dagdeel', 'dagdelen'],
  '82': ['stuk', 'stuks'],
  '83': ['euro', 'euro'],
  '84': ['stuk', 'stuks'],
};

/**
 * The unit in running text, singular for volume 1: eenheidLabel('01', 90) → "minuten",
 * eenheidLabel('16', 1) → "dagdeel". Unknown code → `fallback` (default: the code itself).
 */
export function eenheidLabel(code: string, volume?: number): string;
export function eenheidLabel<F>(code: string, volume: number | undefined, fallback: F): string | F;
export function eenheidLabel(code: string, volume?: number, ...rest: unknown[]): unknown {
  if (lookup(EENHEDEN, code) === undefined) return rest.length ? rest[0] : code;
  const w = EENHEID_WOORDEN[code as EenheidCode];
  return volume === 1 ? w[0] : w[1];
}

const FREQUENTIE_WOORDEN: Record<FrequentieCode, string> = {
  '1': 'per dag',
  '2': 'per week',
  '4': 'per maand',
  '6': 'in totaal', // "Totaal binnen geldigheidsduur toewijzing"
};

/** The frequency in running text: "per week", "in totaal". Unknown → `fallback` (default: the code). */
export function frequentieLabel(code: string): string;
export function frequentieLabel<F>(code: string, fallback: F): string | F;
export function frequentieLabel(code: string, ...rest: unknown[]): unknown {
  if (lookup(FREQUENTIES, code) === undefined) return rest.length ? rest[0] : code;
  return FREQUENTIE_WOORDEN[code as FrequentieCode];
}

/** Description of any code in any list; null when unknown. */
export function codeLabel(standaard: Standaard, naam: CodelistNaam, code: string): string | null {
  return lookup(codelist(standaard, naam), code) ?? null;
}

export function isCode(standaard: Standaard, naam: CodelistNaam, code: string): boolean {
  return lookup(codelist(standaard, naam), code) !== undefined;
}

/**
 * The app stores naamgebruik as the BRP letters (E/P/V/N); iWmo/iJw COD700 uses digits:
 * 1 eigen naam, 2 naam partner, 3 partner gevolgd door eigen, 4 eigen gevolgd door partner.
 */
const NAAMGEBRUIK_NAAR_ISTANDAARD = { E: '1', P: '2', V: '3', N: '4' } as const satisfies Record<string, NaamgebruikIwmoCode>;

export function naamgebruikNaarIstandaard(code: 'E' | 'P' | 'V' | 'N'): '1' | '2' | '3' | '4' {
  return NAAMGEBRUIK_NAAR_ISTANDAARD[code];
}

/** COD700 digit → BRP letter; null for 5 (pseudoniem) and 6 (niet-natuurlijk persoon). */
export function naamgebruikVanIstandaard(code: string): 'E' | 'P' | 'V' | 'N' | null {
  const hit = (Object.entries(NAAMGEBRUIK_NAAR_ISTANDAARD) as ['E' | 'P' | 'V' | 'N', string][]).find(([, v]) => v === code);
  return hit ? hit[0] : null;
}
