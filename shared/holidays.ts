/**
 * Algemeen erkende feestdagen in the sense of the Algemene termijnenwet (Atw) art. 3 lid 1:
 * Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, de beide Kerstdagen, de dag
 * waarop de verjaardag van de Koning wordt gevierd, en 5 mei; and Goede Vrijdag, which art. 3
 * lid 2 makes equal to them. The Sundays (Pasen, Pinksteren) count anyway as weekend days.
 * Days made equal by koninklijk besluit (art. 3 lid 3) are in GELIJKGESTELDE_DAGEN, as far as
 * a besluit is known; the beheerder adds later ones as `extra` (main/services/atw.ts).
 */
import { addDays, formatIsoDate, isWeekend, toDayNumber, weekday } from './dates';

export interface Feestdag {
  datum: string;
  naam: string;
}

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function paaszondag(jaar: number): string {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate({ jaar, maand, dag });
}

/**
 * The day the King's (Queen's) birthday is celebrated. From 2014: Koningsdag 27 April, on the
 * 26th when the 27th is a Sunday. 1949–2013: Koninginnedag 30 April, on the 29th when the 30th is
 * a Sunday (the rule used since 1980; earlier years moved to 1 May, which this does not model).
 */
export function koningsdag(jaar: number): string {
  if (jaar >= 2014) {
    const d = formatIsoDate({ jaar, maand: 4, dag: 27 });
    return weekday(d) === 7 ? formatIsoDate({ jaar, maand: 4, dag: 26 }) : d;
  }
  const d = formatIsoDate({ jaar, maand: 4, dag: 30 });
  return weekday(d) === 7 ? formatIsoDate({ jaar, maand: 4, dag: 29 }) : d;
}

const cache = new Map<number, readonly Feestdag[]>();

/** The Atw feestdagen of one year (art. 3 lid 1 and 2), sorted by date. */
export function feestdagen(jaar: number): readonly Feestdag[] {
  const hit = cache.get(jaar);
  if (hit) return hit;
  const pasen = paaszondag(jaar);
  const dagen: Feestdag[] = [
    { datum: formatIsoDate({ jaar, maand: 1, dag: 1 }), naam: 'Nieuwjaarsdag' },
    { datum: addDays(pasen, -2), naam: 'Goede Vrijdag' },
    { datum: addDays(pasen, 1), naam: 'Tweede Paasdag' },
    { datum: koningsdag(jaar), naam: jaar >= 2014 ? 'Koningsdag' : 'Koninginnedag' },
    { datum: formatIsoDate({ jaar, maand: 5, dag: 5 }), naam: 'Bevrijdingsdag' },
    { datum: addDays(pasen, 39), naam: 'Hemelvaartsdag' },
    { datum: addDays(pasen, 50), naam: 'Tweede Pinksterdag' },
    { datum: formatIsoDate({ jaar, maand: 12, dag: 25 }), naam: 'Eerste Kerstdag' },
    { datum: formatIsoDate({ jaar, maand: 12, dag: 26 }), naam: 'Tweede Kerstdag' },
  ];
  // Hemelvaart (Easter+39) can fall on 5 May (e.g. 2016): keep both names, one entry per date.
  dagen.sort((x, y) => (x.datum < y.datum ? -1 : x.datum > y.datum ? 1 : 0));
  const frozen = Object.freeze(dagen.map((d) => Object.freeze(d)));
  cache.set(jaar, frozen);
  return frozen;
}

export interface GelijkgesteldeDag extends Feestdag {
  /** The koninklijk besluit (Atw art. 3 lid 3) that made the day equal to a feestdag. */
  besluit: string;
}

const BESLUIT_2026_2028 = 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag';

/**
 * Days made equal to an algemeen erkende feestdag by koninklijk besluit (Atw art. 3 lid 3), as
 * far as the besluit is known. A later besluit is added by the beheerder (setting
 * 'atw.gelijkgesteld'), passed to the functions below as `extra`.
 */
export const GELIJKGESTELDE_DAGEN: readonly GelijkgesteldeDag[] = Object.freeze([
  { datum: '2026-01-02', naam: 'Vrijdag na Nieuwjaarsdag', besluit: BESLUIT_2026_2028 },
  { datum: '2026-05-15', naam: 'Vrijdag na Hemelvaartsdag', besluit: BESLUIT_2026_2028 },
  { datum: '2027-05-07', naam: 'Vrijdag na Hemelvaartsdag', besluit: BESLUIT_2026_2028 },
  { datum: '2028-04-28', naam: 'Vrijdag na Koningsdag', besluit: BESLUIT_2026_2028 },
  { datum: '2028-05-26', naam: 'Vrijdag na Hemelvaartsdag', besluit: BESLUIT_2026_2028 },
].map((d) => Object.freeze(d)));

const GELIJKGESTELD = new Map(GELIJKGESTELDE_DAGEN.map((d) => [d.datum, d]));

/** Name(s) of the feestdag on this date ("Bevrijdingsdag en Hemelvaartsdag"), or null. */
export function feestdagNaam(iso: string): string | null {
  const names = feestdagen(Number(iso.slice(0, 4))).filter((f) => f.datum === iso).map((f) => f.naam);
  return names.length ? names.join(' en ') : null;
}

/** An algemeen erkende feestdag of Atw art. 3 lid 1 or 2 (not the days of lid 3). */
export function isFeestdag(iso: string): boolean {
  return feestdagNaam(iso) !== null;
}

/** A day made equal to a feestdag by koninklijk besluit: shipped, or one of the beheerder's `extra`. */
export function isGelijkgesteld(iso: string, extra?: ReadonlySet<string>): boolean {
  return GELIJKGESTELD.has(iso) || (extra?.has(iso) ?? false);
}

/** Not a Saturday, Sunday, Atw feestdag or day made equal to one (shipped or in `extra`). */
export function isWerkdag(iso: string, extra?: ReadonlySet<string>): boolean {
  return !isWeekend(iso) && !isFeestdag(iso) && !isGelijkgesteld(iso, extra);
}

/** This date when it is a werkdag, else the first werkdag after it (Atw art. 1 lid 1). */
export function eersteWerkdagVanaf(iso: string, extra?: ReadonlySet<string>): string {
  let d = iso;
  while (!isWerkdag(d, extra)) d = addDays(d, 1);
  return d;
}

/**
 * The last day of a statutory term that starts the day after `start` and would end on `einde`,
 * after the Algemene termijnenwet: art. 1 (an end on a weekend or feestdag moves to the next
 * werkdag) and art. 2 (a term of at least 3 days holds at least two werkdagen).
 */
export function atwEinde(start: string, einde: string, extra?: ReadonlySet<string>): string {
  let end = eersteWerkdagVanaf(einde, extra);
  if (toDayNumber(einde) - toDayNumber(start) >= 3) {
    let werkdagen = 0;
    for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (isWerkdag(d, extra)) werkdagen++;
    while (werkdagen < 2) {
      end = eersteWerkdagVanaf(addDays(end, 1), extra);
      werkdagen++;
    }
  }
  return end;
}

/**
 * The date `n` werkdagen after `start` (not counting `start` itself): the iStandaarden count
 * their terms in werkdagen (OP090: 3 werkdagen for a retour, OP274: 5 for the answer to a 315).
 */
export function plusWerkdagen(start: string, n: number, extra?: ReadonlySet<string>): string {
  let d = start;
  for (let i = 0; i < n; i++) d = eersteWerkdagVanaf(addDays(d, 1), extra);
  return d;
}
