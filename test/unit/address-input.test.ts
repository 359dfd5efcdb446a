import { describe, expect, it } from 'vitest';
import { normalizeBsn, bsnProblem } from '../../shared/bsn';
import { normalizePostcode, postcodeProblem } from '../../shared/postcode';
import { ClientInputSchema, HuisletterSchema, HuisnummerSchema, HuisnummerToevoegingSchema, TelefoonSchema } from '../../shared/schemas/client';
import { telefoonProblem } from '../../shared/telefoon';

const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('huisnummer, huisletter and toevoeging as the BRP has them', () => {
  it('reads the number typed as text or as a number', () => {
    expect(HuisnummerSchema.parse('12')).toBe(12);
    expect(HuisnummerSchema.parse(' 7 ')).toBe(7);
    expect(HuisnummerSchema.parse(12)).toBe(12);
    expect(HuisnummerSchema.parse('')).toBeNull();
    expect(HuisnummerSchema.parse(null)).toBeNull();
  });

  it('says which field the rest of "12a" or "12-2" belongs in, never "NaN"', () => {
    expect(message(HuisnummerSchema.safeParse('12a'))).toBe('Huisnummer "12a": de letter hoort in het veld Huisletter. Vul bij Huisnummer 12 in en bij Huisletter a.');
    expect(message(HuisnummerSchema.safeParse('12-2'))).toBe('Huisnummer "12-2": alleen het getal hoort hier. Vul bij Huisnummer 12 in en bij Toevoeging 2.');
    expect(message(HuisnummerSchema.safeParse('12 bis'))).toContain('Toevoeging bis');
    expect(message(HuisnummerSchema.safeParse('0'))).toContain('1 tot en met 99999');
    expect(message(HuisnummerSchema.safeParse('twaalf'))).toContain('vul alleen cijfers in');
    expect(message(HuisnummerSchema.safeParse(Number.NaN))).not.toContain('NaN');
  });

  it('huisletter is one letter; toevoeging up to 4 letters or digits, a typed dash dropped', () => {
    expect(HuisletterSchema.parse('a')).toBe('a');
    expect(message(HuisletterSchema.safeParse('1'))).toContain('één letter');
    expect(message(HuisletterSchema.safeParse('AB'))).toContain('één letter');
    expect(HuisnummerToevoegingSchema.parse('-2')).toBe('2');
    expect(HuisnummerToevoegingSchema.parse('bis')).toBe('bis');
    expect(message(HuisnummerToevoegingSchema.safeParse('hoog 2'))).toContain('hoogstens 4 letters of cijfers');
  });
});

describe('phone numbers that can be dialled', () => {
  it('accepts Dutch and foreign numbers as people write them', () => {
    for (const ok of ['06-12345678', '06 1234 5678', '020-1234567', '(020) 123 45 67', '+31 6 12345678', '+31 (0)20 1234567', '0031 6 12345678', '+32 2 123 45 67', '0800-1234']) {
      expect(telefoonProblem(ok), ok).toBeNull();
    }
  });

  it('refuses "06-1234" and other numbers that cannot be dialled, in Dutch', () => {
    expect(telefoonProblem('06-1234')).toBe('Telefoonnummer 06-1234 klopt niet: een Nederlands nummer heeft 10 cijfers (bijvoorbeeld 06-12345678 of 020-1234567), dit zijn er 6.');
    expect(telefoonProblem('+31 6 1234')).toContain('na +31 komen 9 cijfers');
    expect(telefoonProblem('6-12345678')).toContain('begint met 0');
    expect(telefoonProblem('06-1234567x')).toContain('alleen cijfers');
    expect(message(TelefoonSchema.safeParse('06-1234'))).toContain('10 cijfers');
    expect(TelefoonSchema.parse('')).toBeNull();
  });
});

describe('BSN and postcode typed with spaces or dots', () => {
  it('BSN: "999 927 243" and "999.927.243" are one BSN', () => {
    for (const s of ['999 927 243', '999.927.243', ' 9999.27.243 ']) {
      expect(bsnProblem(s), s).toBeNull();
      expect(normalizeBsn(s)).toBe('999927243');
    }
  });

  it('postcode: "1234ab", "1234 AB", "1234.AB" and "1234-ab" are 1234 AB', () => {
    for (const s of ['1234ab', '1234 AB', ' 1234  ab ', '1234.AB', '1234-ab']) {
      expect(postcodeProblem(s), s).toBeNull();
      expect(normalizePostcode(s)).toBe('1234 AB');
    }
    expect(postcodeProblem('1234 5B')).toContain('4 cijfers en 2 letters');
  });

  it('the client schema stores the normal form', () => {
    const c = ClientInputSchema.parse({
      bsn: '999.927.243', voornamen: 'Anna', geslachtsnaam: 'Vliet', geboortedatum: '1950-01-01',
      postcode: '1234.ab', huisnummer: '37', huisletter: 'A', huisnummerToevoeging: '-2', telefoon: '06 1234 5678',
    });
    expect(c).toMatchObject({ postcode: '1234 AB', huisnummer: 37, huisletter: 'A', huisnummerToevoeging: '2', telefoon: '06 1234 5678' });
  });
});
