/**
 * Statutory terms (beslistermijnen, bezwaartermijn) and the Algemene termijnenwet (Atw).
 *
 * Counting: a term of N weeks "na" a day starts the next day and ends on the same weekday N weeks
 * later, i.e. start + 7·N days (domain.md §1.3 worked example). When that last day is a Saturday,
 * Sunday or Atw feestdag, the term runs to the next werkdag (Atw art. 1). Verlenging (Awb 4:14)
 * and opschorting (Awb 4:15) are applied before the Atw, which works on the final end date.
 */
import { addDays, compareDates, daysBetween, isIsoDate } from './dates';
import { eersteWerkdagVanaf } from './holidays';

export type TermijnWet = 'wmo' | 'jeugdwet' | 'participatiewet';
export type TermijnSoort = 'onderzoek' | 'beschikking';

export interface Verlenging {
  dagen: number;
  reden: string;
}

/**
 * The clock stops on `van` and runs again from `tot`: the term grows by (tot − van) days.
 * `tot: null` = still suspended, so there is no end date yet.
 */
export interface Opschorting {
  van: string;
  tot: string | null;
  reden: string;
}

export interface TermijnInput {
  /** Date of the melding (onderzoek) or the aanvraag (beschikking). */
  start: string;
  wet: TermijnWet;
  soort: TermijnSoort;
  verlengingen?: readonly Verlenging[];
  opschortingen?: readonly Opschorting[];
  /** Days made equal to a feestdag by koninklijk besluit (Atw art. 3 lid 3), if any. */
  extraFeestdagen?: ReadonlySet<string>;
}

export interface TermijnResult {
  /** Last day after verlenging, opschorting and Atw; null while an opschorting is open. */
  uiterlijk: string | null;
  /** The same before the Atw shift; null while an opschorting is open. */
  basis: string | null;
  /** True when the Atw moved the end past a weekend or feestdag. */
  atwVerschoven: boolean;
  /** True while an opschorting has no end date: the clock is stopped. */
  opgeschort: boolean;
  /** The statutory length in days, without verlenging or opschorting. */
  wettelijkeDagen: number;
  verlengingDagen: number;
  /** Days of the closed opschortingen. */
  opschortingDagen: number;
  /** The article the term comes from, for letters and the screen. */
  grondslag: string;
}

const WETTELIJK: Record<TermijnWet, Record<TermijnSoort, { weken: number; grondslag: string }>> = {
  wmo: {
    onderzoek: { weken: 6, grondslag: 'artikel 2.3.2, eerste lid, Wmo 2015' },
    beschikking: { weken: 2, grondslag: 'artikel 2.3.5, eerste lid, Wmo 2015' },
  },
  // No term of their own: Awb 4:13 lid 2 gives at most 8 weeks.
  jeugdwet: {
    onderzoek: { weken: 8, grondslag: 'artikel 4:13 Awb' },
    beschikking: { weken: 8, grondslag: 'artikel 4:13 Awb' },
  },
  participatiewet: {
    onderzoek: { weken: 8, grondslag: 'artikel 4:13 Awb' },
    beschikking: { weken: 8, grondslag: 'artikel 4:13 Awb' },
  },
};

/** Thrown for impossible input (a programming or data error, not a deadline). */
export class TermijnError extends Error {
  override name = 'TermijnError';
}

export function wettelijkeTermijn(wet: TermijnWet, soort: TermijnSoort): { weken: number; grondslag: string } {
  const t = WETTELIJK[wet]?.[soort];
  if (!t) throw new TermijnError(`Geen wettelijke termijn bekend voor wet "${wet}" en soort "${soort}".`);
  return t;
}

function checkDate(value: string, what: string): void {
  if (!isIsoDate(value)) throw new TermijnError(`${what} "${value}" is geen geldige datum (JJJJ-MM-DD).`);
}

export function computeTermijn(input: TermijnInput): TermijnResult {
  const { start, wet, soort } = input;
  checkDate(start, 'Startdatum');
  const { weken, grondslag } = wettelijkeTermijn(wet, soort);
  const wettelijkeDagen = weken * 7;

  let verlengingDagen = 0;
  for (const v of input.verlengingen ?? []) {
    if (!Number.isInteger(v.dagen) || v.dagen <= 0) {
      throw new TermijnError(`Een verlenging moet een positief aantal hele dagen zijn (nu ${v.dagen}).`);
    }
    verlengingDagen += v.dagen;
  }

  let opschortingDagen = 0;
  let opgeschort = false;
  for (const o of input.opschortingen ?? []) {
    checkDate(o.van, 'Begin opschorting');
    if (compareDates(o.van, start) < 0) {
      throw new TermijnError(`Opschorting vanaf ${o.van} begint vóór de start van de termijn (${start}).`);
    }
    if (o.tot === null) {
      opgeschort = true;
      continue;
    }
    checkDate(o.tot, 'Einde opschorting');
    const dagen = daysBetween(o.van, o.tot);
    if (dagen < 0) throw new TermijnError(`Opschorting eindigt (${o.tot}) vóór haar begin (${o.van}).`);
    opschortingDagen += dagen;
  }

  const common = { wettelijkeDagen, verlengingDagen, opschortingDagen, grondslag, opgeschort };
  if (opgeschort) return { ...common, uiterlijk: null, basis: null, atwVerschoven: false };

  const basis = addDays(start, wettelijkeDagen + verlengingDagen + opschortingDagen);
  const uiterlijk = eersteWerkdagVanaf(basis, input.extraFeestdagen);
  return { ...common, uiterlijk, basis, atwVerschoven: uiterlijk !== basis };
}

/**
 * Last day to lodge bezwaar: 6 weeks starting the day after bekendmaking (Awb 6:7, 6:8), then Atw.
 * Bekendmaking Tue 2026-04-28 → Tue 2026-06-09.
 */
export function bezwaarTermijnEinde(bekendmaking: string, extraFeestdagen?: ReadonlySet<string>): string {
  checkDate(bekendmaking, 'Datum van bekendmaking');
  return eersteWerkdagVanaf(addDays(bekendmaking, 42), extraFeestdagen);
}

export type DeadlineStatus = 'op_tijd' | 'deze_week' | 'verlopen';

/** 'verlopen' after the last day; 'deze_week' when the last day is today or within 7 days. */
export function deadlineStatus(uiterlijk: string, today: string): DeadlineStatus {
  const left = daysBetween(today, uiterlijk);
  if (left < 0) return 'verlopen';
  return left <= 7 ? 'deze_week' : 'op_tijd';
}
