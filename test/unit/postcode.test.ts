import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidPostcode, normalizePostcode, postcodeProblem } from '../../shared/postcode';

describe('postcode', () => {
  it('accepts and normalizes', () => {
    expect(normalizePostcode('1234AB')).toBe('1234 AB');
    expect(normalizePostcode(' 1234 ab ')).toBe('1234 AB');
    expect(normalizePostcode('9999 ZZ')).toBe('9999 ZZ');
    expect(isValidPostcode('2511 CV')).toBe(true);
  });

  it('rejects a leading zero, wrong shapes and the unused letter pairs', () => {
    expect(postcodeProblem('0123 AB')).toContain('begint niet met 0');
    expect(postcodeProblem('123 AB')).toContain('4 cijfers en 2 letters');
    expect(postcodeProblem('1234 A1')).toContain('4 cijfers en 2 letters');
    expect(postcodeProblem('')).toBe('Vul de postcode in, bijvoorbeeld 1234 AB.');
    for (const pair of ['SA', 'SD', 'SS']) {
      expect(postcodeProblem(`1234 ${pair}`)).toBe(`Postcode 1234 ${pair} bestaat niet: de letters ${pair} worden niet gebruikt in postcodes. Controleer de letters.`);
      expect(normalizePostcode(`1234${pair.toLowerCase()}`)).toBeNull();
    }
    expect(isValidPostcode('1234 SB')).toBe(true);
  });

  it('property: normalizePostcode is idempotent and its output matches the official spelling', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{4} ?[a-zA-Z]{2}$/), (s) => {
      const n = normalizePostcode(s);
      if (n === null) return;
      expect(n).toMatch(/^[1-9][0-9]{3} [A-Z]{2}$/);
      expect(normalizePostcode(n)).toBe(n);
    }));
  });
});
