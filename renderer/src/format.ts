import { formatDutchDate } from '../../shared/dates';

/** ISO date (YYYY-MM-DD, or a timestamp) shown as dd-mm-jjjj; empty shows a dash. */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  return formatDutchDate(iso.slice(0, 10));
}

export function fmtDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
  return `${fmtDate(day)} ${time}`;
}

export function fmtEuro(cents: number | null | undefined): string {
  if (cents == null) return '–';
  return new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}


/** A count with its noun in the right number: "1 zaak", "3 zaken" (never "1 zaken"). */
export function aantal(n: number, enkelvoud: string, meervoud: string): string {
  return `${n} ${n === 1 ? enkelvoud : meervoud}`;
}
