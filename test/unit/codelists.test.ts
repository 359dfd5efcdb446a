import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECS_DIR } from '../../specs/path.cjs';
import {
  codeLabel, codes, DATUMGEBRUIKEN, EENHEDEN, FREQUENTIES, GESLACHTEN, IJW_CODELISTS, IWMO_CODELISTS, NAAMGEBRUIKEN,
  eenheidLabel, frequentieLabel, naamgebruikNaarIstandaard, naamgebruikVanIstandaard, productcategorieen,
  productcategorieLabel, PRODUCTCATEGORIEEN, PRODUCTCATEGORIEEN_JEUGD, REDENEN_WIJZIGING, STATUSSEN_AANLEVERING,
  WETTELIJKE_VERTEGENWOORDIGINGEN,
} from '../../shared/codelists';

const repoRoot = resolve(__dirname, '../..');

describe('codelists', () => {
  it('shared/codelists.generated.ts is what the generator makes from the vendored XSDs', async () => {
    // @ts-expect-error plain .mjs build script without type declarations
    const gen = (await import('../../build/gen-codelists.mjs')) as { generateCodelists(dir: string): string };
    const committed = readFileSync(join(repoRoot, 'shared', 'codelists.generated.ts'), 'utf8');
    expect(gen.generateCodelists(SPECS_DIR)).toBe(committed);
  });

  it('has the lists an indicatie needs', () => {
    expect(codes(PRODUCTCATEGORIEEN)).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(PRODUCTCATEGORIEEN[0]).toEqual({ code: '01', omschrijving: 'Hulp bij het huishouden' });
    expect(codeLabel('iwmo', 'LDT_ProductCategorie', '15')).toBe('Beschermd wonen');
    expect(codeLabel('ijw', 'LDT_ProductCategorie', '45')).toBe('Jeugdhulp ambulant');
    expect(codes(PRODUCTCATEGORIEEN_JEUGD)).not.toContain('01');
    expect(codes(EENHEDEN)).toEqual(['01', '04', '14', '16', '82', '83', '84']);
    expect(codes(FREQUENTIES)).toEqual(['1', '2', '4', '6']);
    expect(codeLabel('iwmo', 'LDT_RedenWijziging', '13')).toBe('Verwijderd');
    expect(codes(REDENEN_WIJZIGING)).toHaveLength(14);
    expect(GESLACHTEN).toEqual([
      { code: '0', omschrijving: 'Onbekend' }, { code: '1', omschrijving: 'Mannelijk' }, { code: '2', omschrijving: 'Vrouwelijk' },
    ]);
    expect(codes(DATUMGEBRUIKEN)).toEqual(['1', '2', '3']);
    expect(codes(NAAMGEBRUIKEN)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(codes(WETTELIJKE_VERTEGENWOORDIGINGEN)).toEqual(['06', '07', '08', '09', '10']);
    expect(codes(STATUSSEN_AANLEVERING)).toEqual(['1', '2', '3', '9']);
    expect(IWMO_CODELISTS.LDT_ProductCategorie.id).toBe('WMO020');
    expect(IJW_CODELISTS.LDT_ProductCategorie.id).toBe('JZ020');
  });

  it('eenheid and frequentie lists are the same in iWmo and iJw', () => {
    expect(IJW_CODELISTS.LDT_Eenheid.codes).toEqual(IWMO_CODELISTS.LDT_Eenheid.codes);
    expect(IJW_CODELISTS.LDT_Frequentie.codes).toEqual(IWMO_CODELISTS.LDT_Frequentie.codes);
  });

  it('labels for running text, with fallback for unknown codes', () => {
    expect(eenheidLabel('04', 3)).toBe('uur');
    expect(eenheidLabel('01', 90)).toBe('minuten');
    expect(eenheidLabel('16', 1)).toBe('dagdeel');
    expect(eenheidLabel('99', 1)).toBe('99');
    expect(eenheidLabel('99', 1, null)).toBeNull();
    expect(frequentieLabel('2')).toBe('per week');
    expect(frequentieLabel('6')).toBe('in totaal');
    expect(frequentieLabel('3', null)).toBeNull();
    // Every code has a running-text word.
    for (const c of codes(EENHEDEN)) expect(eenheidLabel(c, 2, null)).not.toBeNull();
    for (const c of codes(FREQUENTIES)) expect(frequentieLabel(c, null)).not.toBeNull();
  });

  it('productcategorie per wet', () => {
    expect(productcategorieLabel('wmo', '02')).toBe('Begeleiding');
    expect(productcategorieLabel('jeugdwet', '02', null)).toBeNull();
    expect(productcategorieLabel('jeugdwet', '54')).toBe('Jeugd-ggz');
    expect(productcategorieLabel('participatiewet', '02', null)).toBeNull();
    expect(productcategorieen('participatiewet')).toEqual([]);
    expect(codeLabel('iwmo', 'LDT_RedenBeeindiging', '02')).toBe('Overlijden');
    expect(codeLabel('ijw', 'LDT_RedenBeeindiging', '02')).toBe('Overlijden');
    expect(codeLabel('iwmo', 'LDT_Eenheid', 'toString')).toBeNull();
  });

  it('naamgebruik: BRP letters ↔ COD700 digits', () => {
    expect(naamgebruikNaarIstandaard('E')).toBe('1');
    expect(naamgebruikNaarIstandaard('P')).toBe('2');
    expect(naamgebruikNaarIstandaard('V')).toBe('3');
    expect(naamgebruikNaarIstandaard('N')).toBe('4');
    expect(codeLabel('iwmo', 'LDT_NaamGebruik', '3')).toBe('Naam echtgenoot of geregistreerd partner gevolgd door eigen naam');
    expect(naamgebruikVanIstandaard('4')).toBe('N');
    expect(naamgebruikVanIstandaard('5')).toBeNull();
  });
});
