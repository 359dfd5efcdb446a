/**
 * Burgerservicenummer (BSN) and RSIN: 9 digits passing the 11-proef (elfproef) with weights
 * 9, 8, 7, 6, 5, 4, 3, 2, −1 (domain.md §3). The RSIN uses the same proef.
 */

/** Weighted 11-proef sum of exactly 9 digits (BSN variant: last weight −1). */
export function elfproefSom(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  return sum - (digits.charCodeAt(8) - 48);
}

export function passesElfproef(digits: string): boolean {
  return /^\d{9}$/.test(digits) && elfproefSom(digits) % 11 === 0;
}

/**
 * Strips spaces, dots and hyphens people type ("123.456.782") and left-pads an 8-digit legacy
 * number with a zero, as the BRP does. Input that is not 8 or 9 digits is returned stripped only,
 * so bsnProblem can say what is wrong with it.
 */
export function normalizeBsn(input: string): string {
  const s = input.trim().replace(/[\s.\-]/g, '');
  return /^\d{8}$/.test(s) ? `0${s}` : s;
}

function nummerProblem(input: string, soort: 'BSN' | 'RSIN'): string | null {
  const raw = input.trim();
  if (raw === '') return `Vul het ${soort} in (9 cijfers).`;
  const s = normalizeBsn(raw);
  if (!/^\d+$/.test(s)) return `${soort} "${raw}" klopt niet: een ${soort} bestaat alleen uit cijfers.`;
  if (s.length !== 9) {
    return `${soort} ${s} klopt niet: een ${soort} heeft 9 cijfers, dit zijn er ${s.length}. Controleer of u een cijfer bent vergeten of te veel hebt getypt.`;
  }
  if (/^0+$/.test(s)) return `${soort} 000000000 bestaat niet. Vul het echte ${soort} in.`;
  if (elfproefSom(s) % 11 !== 0) {
    return `${soort} ${s} klopt niet: de elfproef faalt. Controleer of u een cijfer verkeerd hebt overgetypt.`;
  }
  return null;
}

/** Dutch sentence saying what is wrong with this BSN, or null when it is valid. */
export function bsnProblem(input: string): string | null {
  return nummerProblem(input, 'BSN');
}

export function isValidBsn(input: string): boolean {
  return bsnProblem(input) === null;
}

/** RSIN (e.g. ZGW `bronorganisatie`): same format and 11-proef as the BSN. */
export function rsinProblem(input: string): string | null {
  return nummerProblem(input, 'RSIN');
}

export function isValidRsin(input: string): boolean {
  return rsinProblem(input) === null;
}

export const TEST_BSN_MIN = '999900006';
export const TEST_BSN_MAX = '999999990';

/**
 * The iWmo/iJw chain test range 999900006–999999990 (Ketenbureau convention, KTO): such numbers
 * must not reach production messages. Only valid BSNs count.
 */
export function isTestBsn(input: string): boolean {
  const s = normalizeBsn(input);
  return isValidBsn(s) && s >= TEST_BSN_MIN && s <= TEST_BSN_MAX;
}

/** "123456782" → "1234.56.782", the way the BRP and letters print a BSN. */
export function formatBsn(bsn: string): string {
  const s = normalizeBsn(bsn);
  return /^\d{9}$/.test(s) ? `${s.slice(0, 4)}.${s.slice(4, 6)}.${s.slice(6)}` : bsn;
}
