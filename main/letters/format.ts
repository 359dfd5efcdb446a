// Dutch formatting for letters. Hand-written (no Intl) so the output is byte-identical on every
// machine, whatever ICU version Node or Electron ships.

const MAANDEN = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

function parseIso(iso: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Ongeldige datum: ${iso}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** "2026-04-27" → "27 april 2026" */
export function datumNl(iso: string): string {
  const { y, m, d } = parseIso(iso);
  if (m < 1 || m > 12) throw new Error(`Ongeldige datum: ${iso}`);
  return `${d} ${MAANDEN[m - 1]} ${y}`;
}

/** ISO date → Date at 00:00 UTC (for PDF metadata). */
export function isoToUtcDate(iso: string): Date {
  const { y, m, d } = parseIso(iso);
  return new Date(Date.UTC(y, m - 1, d, 0, 0, 0));
}

/** 436800 → "€ 4.368,00" */
export function euro(cents: number): string {
  const neg = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = (abs % 100).toString().padStart(2, '0');
  return `${neg ? '- ' : ''}€ ${euros},${rest}`;
}

/** 1.5 → "1,5"; 3 → "3" */
export function getalNl(n: number): string {
  return String(n).replace('.', ',');
}

/** { volume: 3, eenheidLabel: 'uur', frequentieLabel: 'per week' } → "3 uur per week" */
export function omvangNl(o: { volume: number; eenheidLabel: string; frequentieLabel: string }): string {
  return [getalNl(o.volume), o.eenheidLabel, o.frequentieLabel].filter((s) => s !== '').join(' ');
}

/** Joins a list Dutch style: "a, b en c". */
export function opsomming(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

export function isBlank(s: string | undefined | null): boolean {
  return s === undefined || s === null || s.trim() === '';
}

/** The contact sentence's e-mail addition, when the contactpersoon has an address. */
export function mailZin(contactpersoon: { email?: string | null }): string {
  return isBlank(contactpersoon.email) ? '' : ` U kunt ook mailen naar ${contactpersoon.email}.`;
}
