import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { EENHEDEN, FREQUENTIES, productcategorieen, type CodeList, type Wet } from '../../shared/codelists';
import { zoekProductcategorie } from '../../shared/productSynoniemen';

/** Picker options from the shared iWmo/iJw code lists (shared/codelists.ts): "01 Hulp bij het huishouden". */
export type Option = { value: string; label: string };

const options = (list: CodeList): Option[] => list.map((c) => ({ value: c.code, label: `${c.code} ${c.omschrijving}` }));

/** Wmo and Jeugdwet use different productcategorie lists (WMO020 vs JZ020). */
export function productcategorieOptions(wet: Wet): Option[] {
  return options(productcategorieen(wet));
}
/** The picker's filter: finds a category by the words people use ("douchen" → persoonlijke verzorging), best first. */
export function productcategorieFilter(wet: Wet): OptionsFilter {
  return ({ options, search }) => {
    const items = options as ComboboxItem[];
    return zoekProductcategorie(wet, search).map((code) => items.find((o) => o.value === code)).filter((o): o is ComboboxItem => o !== undefined);
  };
}
export const EENHEID_OPTIONS: Option[] = options(EENHEDEN);
export const FREQUENTIE_OPTIONS: Option[] = options(FREQUENTIES);
