import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achternaam, foldForSearch, formatNaam, NaamSchema, voorlettersProblem, voorlettersVan } from '../../shared/names';

describe('foldForSearch', () => {
  it('folds IJ in all spellings alike', () => {
    expect(foldForSearch('Ĳzerman')).toBe('ijzerman');
    expect(foldForSearch('IJzerman')).toBe('ijzerman');
    expect(foldForSearch('ijzerman')).toBe('ijzerman');
    expect(foldForSearch('ĳzerman')).toBe('ijzerman');
  });

  it('strips diacritics, apostrophes and hyphens; collapses whitespace', () => {
    expect(foldForSearch('Müller')).toBe('muller');
    expect(foldForSearch('Zoë  Çelik ')).toBe('zoe celik');
    expect(foldForSearch("'s-Gravenhage")).toBe('s gravenhage');
    expect(foldForSearch('’s-Gravenhage')).toBe('s gravenhage');
    expect(foldForSearch("D'Ancona")).toBe('dancona');
    expect(foldForSearch('van Dijk-de Vries')).toBe('van dijk de vries');
    expect(foldForSearch('Straße Øster')).toBe('strasse oster');
    expect(foldForSearch('\tJan\n\nJansen ')).toBe('jan jansen');
  });

  it('property: idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
      const once = foldForSearch(s);
      expect(foldForSearch(once)).toBe(once);
    }), { numRuns: 3000 });
  });

  it('property: case-insensitive for Latin names', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-zÀ-ÿ' -]{0,20}$/), (s) => {
      expect(foldForSearch(s.toUpperCase())).toBe(foldForSearch(s.toLowerCase()));
    }));
  });
});

describe('formatNaam', () => {
  const base = { voornamen: 'Johanna Maria', voorvoegsel: 'de', geslachtsnaam: 'Vries', partnerVoorvoegsel: 'van', partnerGeslachtsnaam: 'Dijk' };

  it('follows naamgebruik (COD700)', () => {
    expect(formatNaam({ ...base, naamgebruik: 'E' })).toBe('J.M. de Vries');
    expect(formatNaam({ ...base, naamgebruik: 'P' })).toBe('J.M. van Dijk');
    expect(formatNaam({ ...base, naamgebruik: 'V' })).toBe('J.M. van Dijk-de Vries');
    expect(formatNaam({ ...base, naamgebruik: 'N' })).toBe('J.M. de Vries-van Dijk');
  });

  it('uses given voorletters, and the own name when the partner name is missing', () => {
    expect(formatNaam({ voornamen: 'Jan', voorletters: 'J.', geslachtsnaam: 'Vries', voorvoegsel: 'de', naamgebruik: 'E' })).toBe('J. de Vries');
    expect(formatNaam({ voornamen: 'Jan', geslachtsnaam: 'Bakker', naamgebruik: 'P', partnerGeslachtsnaam: null })).toBe('J. Bakker');
    expect(achternaam({ voornamen: 'Jan', geslachtsnaam: 'Bakker', naamgebruik: 'V', partnerGeslachtsnaam: 'Smit' })).toBe('Smit-Bakker');
  });

  it('voorletters: IJ is one letter', () => {
    expect(voorlettersVan('IJsbrand Pieter')).toBe('IJ.P.');
    expect(voorlettersVan('ĳsbrand')).toBe('IJ.');
    expect(voorlettersVan(' jan  pieter ')).toBe('J.P.');
  });
});

describe('NaamSchema', () => {
  it('accepts a full name and empties optional fields', () => {
    const r = NaamSchema.parse({ voornamen: ' Jan ', geslachtsnaam: 'Vries', voorvoegsel: 'de', partnerGeslachtsnaam: '' });
    expect(r).toEqual({ voornamen: 'Jan', geslachtsnaam: 'Vries', voorvoegsel: 'de', partnerGeslachtsnaam: undefined, voorletters: undefined, partnerVoorvoegsel: undefined, naamgebruik: 'E' });
  });

  it('gives Dutch messages', () => {
    const r = NaamSchema.safeParse({ voornamen: '', geslachtsnaam: '', naamgebruik: 'X' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain('Vul de voornamen in (zoals in de BRP).');
    expect(messages).toContain('Vul de achternaam (geslachtsnaam) in.');
    expect(messages.some((m) => m.startsWith('Kies het naamgebruik'))).toBe(true);
  });

  it('requires the partner name for naamgebruik P, V and N', () => {
    const r = NaamSchema.safeParse({ voornamen: 'Jan', geslachtsnaam: 'Vries', naamgebruik: 'V' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['partnerGeslachtsnaam'] });
    expect(r.error!.issues[0]!.message).toContain('Bij naamgebruik V hoort de achternaam van de partner');
  });
});

describe('voorletters from letters only, per grapheme', () => {
  it('skips emoji and digits and never splits a surrogate pair', () => {
    expect(voorlettersVan('Fatima 🙂 فاطمة')).toBe('F.ف.');
    expect(voorlettersVan('🙂Anna 2Piet')).toBe('A.P.');
    expect(voorlettersVan('élise Øystein')).toBe('É.Ø.');
    expect(voorlettersVan('Ĳsbrand')).toBe('IJ.');
  });
  it('refuses typed voorletters with anything but letters and dots, in Dutch', () => {
    expect(voorlettersProblem('J.M.')).toBeNull();
    expect(voorlettersProblem('IJ. É.')).toBeNull();
    expect(voorlettersProblem('F.🙂.')).toMatch(/alleen letters/);
    expect(voorlettersProblem('JM')).toMatch(/gevolgd door een punt/);
  });
});
