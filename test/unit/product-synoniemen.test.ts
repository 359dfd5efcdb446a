import { describe, expect, it } from 'vitest';
import { productcategorieen } from '../../shared/codelists';
import { PRODUCT_SYNONIEMEN, zoekProductcategorie } from '../../shared/productSynoniemen';

describe('the product picker finds a category by the words people use', () => {
  it('Wmo: everyday words lead to the iWmo category', () => {
    expect(zoekProductcategorie('wmo', 'douchen')[0]).toBe('03'); // Persoonlijke verzorging
    expect(zoekProductcategorie('wmo', 'boodschappen')[0]).toBe('01'); // Hulp bij het huishouden
    expect(zoekProductcategorie('wmo', 'Rolstoel')[0]).toBe('11');
    expect(zoekProductcategorie('wmo', 'traplift')[0]).toBe('13'); // Woonvoorzieningen
    expect(zoekProductcategorie('wmo', 'scootmobiel')[0]).toBe('12');
    expect(zoekProductcategorie('wmo', 'logeren')[0]).toBe('04');
  });

  it('a word that fits two categories offers both; the official name still works, and the code', () => {
    expect(zoekProductcategorie('wmo', 'vervoer').slice(0, 2).sort()).toEqual(['08', '12']);
    expect(zoekProductcategorie('wmo', 'huishouden')[0]).toBe('01');
    expect(zoekProductcategorie('wmo', '07')).toEqual(['07']);
    expect(zoekProductcategorie('wmo', 'hulp bij het huis')[0]).toBe('01');
    expect(zoekProductcategorie('wmo', 'dóuchen')[0]).toBe('03');
  });

  it('finds nothing for nonsense, and words of one law do not leak into the other', () => {
    expect(zoekProductcategorie('wmo', 'xyzzy')).toEqual([]);
    expect(zoekProductcategorie('jeugdwet', 'douchen')[0]).toBe('40');
    expect(zoekProductcategorie('jeugdwet', 'traplift')).toEqual([]);
    expect(zoekProductcategorie('participatiewet', 'douchen')).toEqual([]);
  });

  it('every synonym belongs to a category that exists in that law\'s code list', () => {
    for (const wet of ['wmo', 'jeugdwet'] as const) {
      const codes = new Set(productcategorieen(wet).map((c) => c.code));
      for (const code of Object.keys(PRODUCT_SYNONIEMEN[wet])) expect(codes.has(code), `${wet} ${code}`).toBe(true);
    }
  });
});
