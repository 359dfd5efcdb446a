/**
 * Telephone numbers as people type them ("06-12345678", "020 123 45 67", "+31 (0)6 1234 5678").
 * A Dutch number has 10 digits with the leading 0 (ACM numbering plan); 0800/0900-type service
 * numbers 8 to 11. A foreign number is "+" or "00", a country code and at most 15 digits (ITU E.164).
 */

/** Only the digits and a leading "+": spaces, dashes, dots, brackets and a "(0)" after +31 are dropped. */
export function compactTelefoon(input: string): string {
  const s = input.trim().replace(/\(0\)/g, '');
  return (s.startsWith('+') ? '+' : '') + s.replace(/[^\d]/g, '');
}

/** Dutch sentence saying what is wrong with this phone number, or null when it can be dialled. */
export function telefoonProblem(input: string): string | null {
  const raw = input.trim();
  if (raw === '') return null;
  if (/[^\d\s+().\-/]/.test(raw)) {
    return `Telefoonnummer "${raw}" klopt niet: gebruik alleen cijfers (spaties, streepjes en haakjes mogen), bijvoorbeeld 06-12345678.`;
  }
  const c = compactTelefoon(raw);
  const intl = /^(?:\+|00)(\d+)$/.exec(c);
  if (intl) {
    const digits = intl[1]!;
    if (digits.startsWith('31')) {
      const national = digits.slice(2).replace(/^0/, '');
      if (national.length !== 9) {
        return `Telefoonnummer ${raw} klopt niet: na +31 komen 9 cijfers (zonder de 0), dit zijn er ${national.length}. Bijvoorbeeld +31 6 12345678.`;
      }
      return null;
    }
    if (digits.length < 8 || digits.length > 15) {
      return `Telefoonnummer ${raw} klopt niet: een buitenlands nummer heeft met landnummer 8 tot 15 cijfers, dit zijn er ${digits.length}.`;
    }
    return null;
  }
  if (c.startsWith('+')) return `Telefoonnummer ${raw} klopt niet: na de + komt het landnummer, bijvoorbeeld +31 6 12345678.`;
  if (!c.startsWith('0')) {
    return `Telefoonnummer ${raw} klopt niet: een Nederlands nummer begint met 0 (netnummer of 06), bijvoorbeeld 020-1234567.`;
  }
  if (/^0[89]0\d/.test(c)) {
    if (c.length < 8 || c.length > 11) return `Telefoonnummer ${raw} klopt niet: een 0800- of 0900-nummer heeft 8 tot 11 cijfers, dit zijn er ${c.length}.`;
    return null;
  }
  if (c.length !== 10) {
    return `Telefoonnummer ${raw} klopt niet: een Nederlands nummer heeft 10 cijfers (bijvoorbeeld 06-12345678 of 020-1234567), dit zijn er ${c.length}.`;
  }
  return null;
}
