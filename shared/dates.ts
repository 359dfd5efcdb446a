/**
 * Calendar dates as ISO `YYYY-MM-DD` strings (Dutch calendar dates, no time zone).
 *
 * All arithmetic goes through integer day numbers (days since 1970-01-01, proleptic Gregorian),
 * never through `Date`: a `Date` carries a time zone and a DST shift, which moves "+ 42 days" by
 * an hour and, near midnight, by a whole day.
 */

export interface CalendarDate {
  jaar: number;
  maand: number; // 1..12
  dag: number; // 1..31
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const MAANDEN = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;

/** ISO weekday order: index 1 = maandag … 7 = zondag (index 0 unused). */
export const WEEKDAGEN = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'] as const;

export function isLeapYear(jaar: number): boolean {
  return (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0;
}

export function daysInMonth(jaar: number, maand: number): number {
  return [31, isLeapYear(jaar) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][maand - 1] ?? 0;
}

/** Parses an existing calendar date; null for anything else (also "2026-02-30"). Year 0001–9999. */
export function parseIsoDate(s: string): CalendarDate | null {
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const jaar = Number(m[1]), maand = Number(m[2]), dag = Number(m[3]);
  if (jaar < 1 || maand < 1 || maand > 12 || dag < 1 || dag > daysInMonth(jaar, maand)) return null;
  return { jaar, maand, dag };
}

export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function formatIsoDate(d: CalendarDate): string {
  return `${pad(d.jaar, 4)}-${pad(d.maand, 2)}-${pad(d.dag, 2)}`;
}

function requireDate(s: string): CalendarDate {
  const d = parseIsoDate(s);
  if (!d) throw new RangeError(`Geen geldige datum (verwacht JJJJ-MM-DD): "${s}"`);
  return d;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber(iso: string): number {
  const { jaar, maand, dag } = requireDate(iso);
  const y = maand <= 2 ? jaar - 1 : jaar;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (maand + (maand > 2 ? -3 : 9)) + 2) / 5) + dag - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber (civil_from_days). */
export function fromDayNumber(n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Dagnummer moet een geheel getal zijn: ${n}`);
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dag = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const maand = mp < 10 ? mp + 3 : mp - 9;
  const jaar = yoe + era * 400 + (maand <= 2 ? 1 : 0);
  return formatIsoDate({ jaar, maand, dag });
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

export function addWeeks(iso: string, weeks: number): string {
  return addDays(iso, weeks * 7);
}

/** b − a in days (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** -1, 0 or 1; usable as a sort comparator. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** ISO weekday: 1 = maandag … 7 = zondag. 1970-01-01 was a Thursday. */
export function weekday(iso: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const n = toDayNumber(iso);
  return ((((n + 3) % 7) + 7) % 7 + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

export function isWeekend(iso: string): boolean {
  return weekday(iso) >= 6;
}

const PARTIAL_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2026-04-27" → "27-04-2026". BRP-style partial dates keep their zeros ("1960-05-00" →
 * "00-05-1960"), the way the BRP shows them. Anything else is returned unchanged.
 */
export function formatDutchDate(iso: string): string {
  const m = PARTIAL_RE.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/**
 * "2026-04-27" → "27 april 2026" (for letters). Partial dates: "1960-05-00" → "mei 1960",
 * "1960-00-00" → "1960", "0000-00-00" → "onbekend".
 */
export function formatDutchDateLong(iso: string): string {
  const m = PARTIAL_RE.exec(iso);
  if (!m) return iso;
  const jaar = Number(m[1]), maand = Number(m[2]), dag = Number(m[3]);
  if (jaar === 0) return 'onbekend';
  if (maand === 0) return String(jaar);
  const maandNaam = MAANDEN[maand - 1] ?? String(maand);
  return dag === 0 ? `${maandNaam} ${jaar}` : `${dag} ${maandNaam} ${jaar}`;
}

/** "maandag 27 april 2026". */
export function formatDutchDateWithWeekday(iso: string): string {
  return `${WEEKDAGEN[weekday(iso)]} ${formatDutchDateLong(iso)}`;
}

/** Dutch sentence for a full date that is wrong, or null when it is a real calendar date. */
export function dateProblem(input: string, veld = 'De datum'): string | null {
  const s = input.trim();
  if (s === '') return `${veld} ontbreekt. Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-04-27.`;
  const m = PARTIAL_RE.exec(s);
  if (!m) return `${veld} "${s}" is geen datum. Schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2026-04-27.`;
  if (!isIsoDate(s)) return `${veld} ${formatDutchDate(s)} bestaat niet in de kalender. Controleer dag en maand.`;
  return null;
}

/**
 * Partly unknown dates as the BRP records them: unknown parts are 00, and only from the right:
 * "1960-05-00" (dag onbekend), "1960-00-00" (dag en maand onbekend), "0000-00-00" (geheel
 * onbekend). Returns a Dutch sentence for anything else, or null when fine.
 * With `vandaag`, a (known part of a) date after today is refused: a birth date cannot lie ahead.
 */
export function partialDateProblem(input: string, vandaag?: string): string | null {
  const s = input.trim();
  if (s === '') return 'Vul de datum in als JJJJ-MM-DD. Is de dag of maand onbekend, vul dan 00 in (bijvoorbeeld 1960-05-00).';
  const m = PARTIAL_RE.exec(s);
  if (!m) return `"${s}" is geen datum. Schrijf hem als JJJJ-MM-DD, bijvoorbeeld 1960-05-17; een onbekende dag of maand wordt 00.`;
  const jaar = Number(m[1]), maand = Number(m[2]), dag = Number(m[3]);
  if (jaar === 0 && (maand !== 0 || dag !== 0)) {
    return `Datum ${s} klopt niet: is het jaar onbekend, dan zijn ook maand en dag onbekend. Vul 0000-00-00 in.`;
  }
  if (maand === 0 && dag !== 0) {
    return `Datum ${s} klopt niet: is de maand onbekend, dan is ook de dag onbekend. Vul ${m[1]}-00-00 in.`;
  }
  if (maand > 12) return `Datum ${s} klopt niet: maand ${maand} bestaat niet. Vul 01 t/m 12 in, of 00 als de maand onbekend is.`;
  if (dag !== 0 && dag > daysInMonth(jaar, maand)) {
    return `Datum ${s} klopt niet: ${MAANDEN[maand - 1]} ${jaar} heeft ${daysInMonth(jaar, maand)} dagen. Controleer de dag, of vul 00 in als die onbekend is.`;
  }
  if (vandaag && jaar !== 0) {
    const earliest = formatIsoDate({ jaar, maand: maand || 1, dag: dag || 1 });
    if (compareDates(earliest, vandaag) > 0) return `Datum ${formatDutchDate(s)} ligt in de toekomst. Controleer het jaar.`;
  }
  return null;
}

/** iWmo/iJw COD170 DatumGebruik: which part of the date in the message may be used. */
export type DatumGebruik = '1' | '2' | '3';

/**
 * Maps a (possibly partial) BRP date to the iWmo/iJw pair Datum + DatumGebruik (COD170):
 * 1 = dag onbekend, 2 = dag en maand onbekend, 3 = geheel onbekend. xs:date needs a real date,
 * so the unknown parts are filled with 01; a wholly unknown date becomes 1900-01-01 (a
 * placeholder the receiver ignores because of DatumGebruik 3).
 */
export function toIstandaardDatum(brpDatum: string): { datum: string; datumGebruik?: DatumGebruik } {
  const problem = partialDateProblem(brpDatum);
  if (problem) throw new RangeError(problem);
  const [j, m, d] = brpDatum.trim().split('-');
  if (j === '0000') return { datum: '1900-01-01', datumGebruik: '3' };
  if (m === '00') return { datum: `${j}-01-01`, datumGebruik: '2' };
  if (d === '00') return { datum: `${j}-${m}-01`, datumGebruik: '1' };
  return { datum: brpDatum.trim() };
}

/** Inverse of toIstandaardDatum: an incoming Datum + DatumGebruik as a BRP-style date. */
export function fromIstandaardDatum(datum: string, datumGebruik?: string | null): string {
  requireDate(datum);
  const [j, m] = datum.split('-');
  switch (datumGebruik ?? undefined) {
    case undefined: return datum;
    case '1': return `${j}-${m}-00`;
    case '2': return `${j}-00-00`;
    case '3': return '0000-00-00';
    default: throw new RangeError(`Onbekende DatumGebruik (COD170): "${datumGebruik}"`);
  }
}

const DUTCH_RE = /^(\d{1,2})[-./ ]\s*(\d{1,2})[-./ ]\s*(\d{4})$/;
const COMPACT_RE = /^(\d{2})(\d{2})(\d{4})$/;

/** "1-2-2026", "01.02.2026", "1/2/2026", "01022026" or ISO → the parts, without checking them. */
function splitTypedDate(input: string): { jaar: string; maand: string; dag: string } | null {
  const s = input.trim();
  const iso = PARTIAL_RE.exec(s);
  if (iso) return { jaar: iso[1]!, maand: iso[2]!, dag: iso[3]! };
  const m = DUTCH_RE.exec(s) ?? COMPACT_RE.exec(s);
  if (!m) return null;
  return { jaar: m[3]!, maand: m[2]!.padStart(2, '0'), dag: m[1]!.padStart(2, '0') };
}

/**
 * A date as people type it on the screen, day first (DD-MM-JJJJ, also "1-2-2026" or with dots,
 * slashes or spaces; an ISO date is taken as well) → ISO `YYYY-MM-DD`, or null when it is no
 * calendar date. With `partial`, BRP-style unknown parts (00) are kept: "00-05-1960" → "1960-05-00".
 */
export function parseDutchDate(input: string, opts: { partial?: boolean } = {}): string | null {
  const p = splitTypedDate(input);
  if (!p) return null;
  const iso = `${p.jaar}-${p.maand}-${p.dag}`;
  if (isIsoDate(iso)) return iso;
  return opts.partial && partialDateProblem(iso) === null ? iso : null;
}

/**
 * Dutch sentence for a date typed on the screen that cannot be read (the form's own words: DD-MM-JJJJ),
 * or null when parseDutchDate reads it. Empty input is not judged here (a form decides if it is required).
 */
export function typedDateProblem(input: string, opts: { partial?: boolean } = {}): string | null {
  const s = input.trim();
  if (s === '' || parseDutchDate(s, opts) !== null) return null;
  const p = splitTypedDate(s);
  if (!p) return `"${s}" is geen datum. Typ de datum als DD-MM-JJJJ, bijvoorbeeld 01-02-2026.`;
  const shown = `${p.dag}-${p.maand}-${p.jaar}`;
  if (opts.partial) {
    const problem = partialDateProblem(`${p.jaar}-${p.maand}-${p.dag}`);
    if (problem) return problem.replace(`${p.jaar}-${p.maand}-${p.dag}`, shown).replace(/Vul (\d{4})-00-00 in/, 'Vul 00-00-$1 in').replace('Vul 0000-00-00 in', 'Vul 00-00-0000 in');
  }
  const maand = Number(p.maand);
  if (maand < 1 || maand > 12) return `Datum ${shown} bestaat niet: maand ${maand} bestaat niet. Typ DD-MM-JJJJ, dag eerst.`;
  return `Datum ${shown} bestaat niet: ${MAANDEN[maand - 1]} ${Number(p.jaar)} heeft ${daysInMonth(Number(p.jaar), maand)} dagen. Controleer de dag.`;
}
