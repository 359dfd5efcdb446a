/**
 * Dutch postcode: 4 digits (no leading 0) and 2 capital letters, written "1234 AB". The letter
 * pairs SA, SD and SS are never issued (domain.md §3).
 */

const POSTCODE_RE = /^([1-9][0-9]{3})([A-Z]{2})$/;
const NOT_ISSUED = new Set(['SA', 'SD', 'SS']);

/** Uppercases and drops the spaces, dots and dashes people type ("1234 ab", "1234.AB", "12 34 AB"). Does not validate. */
function tidy(input: string): string {
  return input.trim().toUpperCase().replace(/[\s.\-]+/g, '');
}

/** Dutch sentence saying what is wrong, or null. Accepts lower case and a missing space. */
export function postcodeProblem(input: string): string | null {
  const s = input.trim().toUpperCase().replace(/\s+/g, ' ');
  if (s === '') return 'Vul de postcode in, bijvoorbeeld 1234 AB.';
  const m = POSTCODE_RE.exec(tidy(input));
  if (!m) {
    if (/^0/.test(s)) return `Postcode ${s} klopt niet: een postcode begint niet met 0. Schrijf hem als 1234 AB.`;
    return `Postcode ${s} klopt niet: een postcode is 4 cijfers en 2 letters, bijvoorbeeld 1234 AB.`;
  }
  if (NOT_ISSUED.has(m[2]!)) {
    return `Postcode ${m[1]} ${m[2]} bestaat niet: de letters ${m[2]} worden niet gebruikt in postcodes. Controleer de letters.`;
  }
  return null;
}

export function isValidPostcode(input: string): boolean {
  return postcodeProblem(input) === null;
}

/** "1234ab" → "1234 AB"; null when it is not a valid Dutch postcode. */
export function normalizePostcode(input: string): string | null {
  if (postcodeProblem(input)) return null;
  const m = POSTCODE_RE.exec(tidy(input))!;
  return `${m[1]} ${m[2]}`;
}
