import { describe, expect, it } from 'vitest';
import { aanhefVoor, aanhefVoorNaam } from '../../shared/names';

const n = (over: Partial<Parameters<typeof aanhefVoor>[0]>) => ({
  voornamen: 'Johanna Maria', geslachtsnaam: 'Vermeulen', naamgebruik: 'E' as const, geslacht: '0', ...over,
});

describe('salutation from geslacht and naamgebruik (issue 14, item 4)', () => {
  it('uses heer/mevrouw and the surname as used, voorvoegsel capitalised without initials', () => {
    expect(aanhefVoor(n({ geslacht: '1', voornamen: 'Gerrit', geslachtsnaam: 'Mulder' }))).toBe('Beste heer Mulder');
    expect(aanhefVoor(n({ geslacht: '2', voorvoegsel: 'de', geslachtsnaam: 'Vries' }))).toBe('Beste mevrouw De Vries');
    expect(aanhefVoor(n({ geslacht: '2', voorvoegsel: 'de', geslachtsnaam: 'Vries', partnerVoorvoegsel: 'van', partnerGeslachtsnaam: 'Dijk', naamgebruik: 'V' })))
      .toBe('Beste mevrouw Van Dijk-de Vries');
    expect(aanhefVoor(n({ geslacht: '2', geslachtsnaam: 'Jansen', partnerGeslachtsnaam: 'Bakker', naamgebruik: 'P' }))).toBe('Beste mevrouw Bakker');
  });

  it('falls back to initials and surname only when the geslacht is unknown', () => {
    expect(aanhefVoor(n({}))).toBe('Beste J.M. Vermeulen');
  });

  it('a representative written as one name: titles and initials left out', () => {
    expect(aanhefVoorNaam('mr. A.B. van Dam', '1')).toBe('Geachte heer Van Dam');
    expect(aanhefVoorNaam('E. Smit', '2')).toBe('Geachte mevrouw Smit');
    expect(aanhefVoorNaam('Bewindvoering Noord', '0')).toBe('Geachte Bewindvoering Noord');
    expect(aanhefVoorNaam('mr. A.B.', '1')).toBe('Geachte mr. A.B.');
  });
});
