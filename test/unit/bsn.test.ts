import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bsnProblem, elfproefSom, formatBsn, isTestBsn, isValidBsn, isValidRsin, normalizeBsn, passesElfproef, rsinProblem,
} from '../../shared/bsn';

const RVIG_TEST_BSNS = [
  '999993847', '999992077', '999993483', '999990482', '000009921', '999993653', '999995017',
  '999990408', '999994669', '999992806', '999993926', '999991905', '999993550', '999990421',
];

const weightedSum = (d: string) => [...d].reduce((s, c, i) => s + (i < 8 ? 9 - i : -1) * Number(c), 0);

describe('bsn', () => {
  it('accepts the examples of domain.md §3', () => {
    expect(elfproefSom('123456782')).toBe(154);
    expect(elfproefSom('249566758')).toBe(220);
    expect(bsnProblem('123456782')).toBeNull();
    expect(isValidBsn('249566758')).toBe(true);
  });

  it('accepts all RvIG test persons', () => {
    for (const b of RVIG_TEST_BSNS) expect(bsnProblem(b), b).toBeNull();
  });

  it('explains a failing elfproef in Dutch', () => {
    expect(bsnProblem('123456789')).toMatch(/^BSN 123456789 klopt niet: de elfproef faalt\./);
  });

  it('rejects 000000000, wrong lengths, letters and empty input', () => {
    expect(bsnProblem('000000000')).toContain('bestaat niet');
    expect(bsnProblem('1234567')).toContain('9 cijfers, dit zijn er 7');
    expect(bsnProblem('1234567890')).toContain('dit zijn er 10');
    expect(bsnProblem('12345678a')).toContain('alleen uit cijfers');
    expect(bsnProblem('  ')).toBe('Vul het BSN in (9 cijfers).');
  });

  it('left-pads 8-digit legacy numbers and strips typed separators', () => {
    expect(normalizeBsn('9921')).toBe('9921');
    expect(normalizeBsn('12345678')).toBe('012345678');
    expect(normalizeBsn(' 1234.56.782 ')).toBe('123456782');
    expect(normalizeBsn('123 456 782')).toBe('123456782');
    expect(bsnProblem('00009921')).toBeNull(); // 000009921 padded
    expect(formatBsn('123456782')).toBe('1234.56.782');
  });

  it('isTestBsn: only valid numbers in 999900006–999999990', () => {
    expect(isTestBsn('999900006')).toBe(true);
    expect(isTestBsn('999993847')).toBe(true);
    expect(isTestBsn('999999990')).toBe(true);
    expect(isTestBsn('999900007')).toBe(false); // fails the elfproef
    expect(isTestBsn('123456782')).toBe(false);
    expect(isTestBsn('000009921')).toBe(false); // RvIG test person, but outside the chain range
  });

  it('RSIN uses the same proef with its own wording', () => {
    expect(isValidRsin('002564440')).toBe(true);
    expect(rsinProblem('123456789')).toMatch(/^RSIN 123456789 klopt niet: de elfproef faalt/);
  });

  it('property: a 9-digit string is valid iff the weighted sum is 0 mod 11 (and not all zeros)', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{9}$/), (d) => {
      const expected = weightedSum(d) % 11 === 0 && d !== '000000000';
      expect(bsnProblem(d) === null).toBe(expected);
      expect(passesElfproef(d)).toBe(weightedSum(d) % 11 === 0);
    }), { numRuns: 2000 });
  });

  it('property: changing one digit of a valid BSN breaks it (single-error detection)', () => {
    const valid = fc.stringMatching(/^\d{9}$/).filter((d) => weightedSum(d) % 11 === 0 && d !== '000000000');
    fc.assert(fc.property(valid, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (d, pos, delta) => {
      const digit = (Number(d[pos]) + delta) % 10;
      const changed = d.slice(0, pos) + String(digit) + d.slice(pos + 1);
      expect(isValidBsn(changed)).toBe(false);
    }));
  });
});
