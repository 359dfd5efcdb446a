/**
 * Algemeen erkende feestdagen in the sense of the Algemene termijnenwet (Atw) art. 3 lid 1:
 * Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, de beide Kerstdagen, de dag
 * waarop de verjaardag van de Koning wordt gevierd, en 5 mei.
 * Goede Vrijdag and the Sundays (Pasen, Pinksteren) are not listed: Sundays count anyway as
 * weekend days, Goede Vrijdag does not count.
 * Not covered: days the government makes equal to a feestdag by koninklijk besluit (Atw art. 3
 * lid 3); add them with `extra` where a besluit exists.
 */
import { addDays, formatIsoDate, isWeekend, weekday } from './dates';

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

/** The Atw feestdagen of one year, sorted by date. */
export function feestdagen(jaar: number): readonly Feestdag[] {
  const hit = cache.get(jaar);
  if (hit) return hit;
  const pasen = paaszondag(jaar);
  const dagen: Feestdag[] = [
    { datum: formatIsoDate({ jaar, maand: 1, dag: 1 }), naam: 'Nieuwjaarsdag' },
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

/** Name(s) of the feestdag on this date ("Bevrijdingsdag en Hemelvaartsdag"), or null. */
export function feestdagNaam(iso: string): string | null {
  const names = feestdagen(Number(iso.slice(0, 4))).filter((f) => f.datum === iso).map((f) => f.naam);
  return names.length ? names.join(' en ') : null;
}

export function isFeestdag(iso: string): boolean {
  return feestdagNaam(iso) !== null;
}

/** Not a Saturday, Sunday or Atw feestdag (nor one of `extra`, see the module comment). */
export function isWerkdag(iso: string, extra?: ReadonlySet<string>): boolean {
  return !isWeekend(iso) && !isFeestdag(iso) && !(extra?.has(iso) ?? false);
}

/** This date when it is a werkdag, else the first werkdag after it (Atw art. 1 lid 1). */
export function eersteWerkdagVanaf(iso: string, extra?: ReadonlySet<string>): string {
  let d = iso;
  while (!isWerkdag(d, extra)) d = addDays(d, 1);
  return d;
}
