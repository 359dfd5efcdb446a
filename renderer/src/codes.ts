import { EENHEDEN, FREQUENTIES, productcategorieen, type CodeList, type Wet } from '../../shared/codelists';

/** Picker options from the shared iWmo/iJw code lists (shared/codelists.ts): "01 Hulp bij het huishouden". */
export type Option = { value: string; label: string };

const options = (list: CodeList): Option[] => list.map((c) => ({ value: c.code, label: `${c.code} ${c.omschrijving}` }));

/** Wmo and Jeugdwet use different productcategorie lists (WMO020 vs JZ020). */
export function productcategorieOptions(wet: Wet): Option[] {
  return options(productcategorieen(wet));
}
export const EENHEID_OPTIONS: Option[] = options(EENHEDEN);
export const FREQUENTIE_OPTIONS: Option[] = options(FREQUENTIES);
