/**
 * Statutory terms (beslistermijnen, bezwaartermijn) and the Algemene termijnenwet (Atw).
 *
 * Counting: a term of N weeks "na" a day starts the next day and ends on the same weekday N weeks
 * later, i.e. start + 7·N days. When that last day is a Saturday, Sunday, Atw feestdag (Goede
 * Vrijdag included) or a day made equal to one, the term runs to the next werkdag (Atw art. 1),
 * and a term of 3 days or more holds at least two werkdagen (art. 2). Verlenging and opschorting
 * are applied before the Atw, which works on the final end date.
 *
 * Not every term is an Awb beslistermijn: the Wmo onderzoek (art. 2.3.2) is a term for the
 * onderzoek, so Awb 4:14 (verdaging) and 4:15 (opschorting) do not apply to it; it is extended
 * only with the client's consent or under a rule of the verordening, and that is recorded.
 */
import { addDays, compareDates, daysBetween, formatDutchDate, isIsoDate } from './dates';
import { atwEinde } from './holidays';

export type TermijnWet = 'wmo' | 'jeugdwet' | 'participatiewet';
export type TermijnSoort = 'onderzoek' | 'beschikking';

/**
 * What a verlenging or opschorting rests on: 'awb' (Awb 4:14 verdaging / 4:15 opschorting, for
 * a beslistermijn), 'instemming_client' (the client agreed), 'verordening' (a rule in the
 * verordening, named in `grondTekst`).
 */
export const WIJZIGING_GRONDEN = ['awb', 'instemming_client', 'verordening'] as const;
export type WijzigingGrond = (typeof WIJZIGING_GRONDEN)[number];

export interface Verlenging {
  dagen: number;
  reden: string;
  grond?: WijzigingGrond;
}

/**
 * The clock stops on `van` and runs again from `tot`: the term grows by (tot − van) days.
 * `tot: null` = still suspended, so there is no end date yet.
 */
export interface Opschorting {
  van: string;
  tot: string | null;
  reden: string;
  grond?: WijzigingGrond;
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
  /** What sets the term: the wet itself, the Awb (4:13), or the verordening. */
  bron: TermijnBron;
  /** An Awb beslistermijn, so verdaging (4:14) and opschorting (4:15) apply. */
  awbBeslistermijn: boolean;
}

export type TermijnBron = 'wet' | 'awb' | 'verordening';

export interface WettelijkeTermijn {
  weken: number;
  grondslag: string;
  bron: TermijnBron;
  awbBeslistermijn: boolean;
}

const WETTELIJK: Record<TermijnWet, Record<TermijnSoort, WettelijkeTermijn>> = {
  wmo: {
    // A term for the onderzoek, not for a decision: no Awb verdaging or opschorting.
    onderzoek: { weken: 6, grondslag: 'artikel 2.3.2, eerste lid, Wmo 2015', bron: 'wet', awbBeslistermijn: false },
    beschikking: { weken: 2, grondslag: 'artikel 2.3.5, eerste lid, Wmo 2015', bron: 'wet', awbBeslistermijn: true },
  },
  // The Jeugdwet sets no onderzoek term: the verordening jeugdhulp does (art. 2.9 Jeugdwet);
  // 8 weeks is the usual rule. The decision has no term of its own: Awb 4:13 gives 8 weeks.
  jeugdwet: {
    onderzoek: { weken: 8, grondslag: 'de verordening jeugdhulp (artikel 2.9 Jeugdwet)', bron: 'verordening', awbBeslistermijn: false },
    beschikking: { weken: 8, grondslag: 'artikel 4:13 Awb', bron: 'awb', awbBeslistermijn: true },
  },
  // The Participatiewet sets no onderzoek term either: the onderzoek runs inside the
  // beslistermijn on the aanvraag (Awb 4:13, 8 weeks), so it is that term.
  participatiewet: {
    onderzoek: { weken: 8, grondslag: 'artikel 4:13 Awb (beslistermijn op de aanvraag)', bron: 'awb', awbBeslistermijn: true },
    beschikking: { weken: 8, grondslag: 'artikel 4:13 Awb', bron: 'awb', awbBeslistermijn: true },
  },
};

/** Thrown for impossible input (a programming or data error, not a deadline). */
export class TermijnError extends Error {
  override name = 'TermijnError';
}

export function wettelijkeTermijn(wet: TermijnWet, soort: TermijnSoort): WettelijkeTermijn {
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
  const { weken, grondslag, bron, awbBeslistermijn } = wettelijkeTermijn(wet, soort);
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

  const common = { wettelijkeDagen, verlengingDagen, opschortingDagen, grondslag, bron, awbBeslistermijn, opgeschort };
  if (opgeschort) return { ...common, uiterlijk: null, basis: null, atwVerschoven: false };

  const basis = addDays(start, wettelijkeDagen + verlengingDagen + opschortingDagen);
  const uiterlijk = atwEinde(start, basis, input.extraFeestdagen);
  return { ...common, uiterlijk, basis, atwVerschoven: uiterlijk !== basis };
}

/** A term as stored: enough to say whether it may still be extended or suspended. */
export interface LopendeTermijn {
  wet: TermijnWet;
  soort: TermijnSoort;
  /** The current last day; null while suspended. */
  uiterlijk: string | null;
}

export interface TermijnWijziging {
  soort: 'verlenging' | 'opschorting';
  /** Defaults to 'awb'. */
  grond?: WijzigingGrond;
  /** For 'verordening': the article of the verordening; for 'instemming_client': how and when. */
  grondTekst?: string | null;
  /** For an opschorting: the day the clock stops. */
  van?: string;
}

/**
 * Why this verlenging or opschorting may not be recorded today, in Dutch; null when it may.
 * - Only before the term has expired (Awb 4:14 lid 1 for verdaging; an opschorting cannot revive
 *   an expired term either): after the last day the term stays overdue.
 * - A term that is no Awb beslistermijn (the Wmo onderzoek, the onderzoek term of the verordening
 *   jeugdhulp) cannot be verdaagd or opgeschort under the Awb: only with the client's consent or
 *   under a rule of the verordening, which is then named.
 */
export function termijnWijzigingProbleem(t: LopendeTermijn, w: TermijnWijziging, vandaag: string): string | null {
  const wat = w.soort === 'verlenging' ? 'Verlengen' : 'Opschorten';
  if (t.uiterlijk && compareDates(vandaag, t.uiterlijk) > 0) {
    return `De termijn is verlopen op ${formatDutchDate(t.uiterlijk)}. ${wat} kan alleen vóór het einde van de termijn; ` +
      'een verlopen termijn blijft verlopen (Awb 4:14 en 4:15). Neem zo snel mogelijk een besluit.';
  }
  if (w.van && t.uiterlijk && compareDates(w.van, t.uiterlijk) > 0) {
    return `De opschorting kan niet ingaan op ${formatDutchDate(w.van)}: de termijn eindigde op ${formatDutchDate(t.uiterlijk)}.`;
  }
  const def = wettelijkeTermijn(t.wet, t.soort);
  const grond = w.grond ?? 'awb';
  if (!def.awbBeslistermijn && grond === 'awb') {
    return `De onderzoekstermijn (${def.grondslag}) is geen beslistermijn: ${w.soort === 'verlenging' ? 'verdagen (Awb 4:14)' : 'opschorten (Awb 4:15)'} ` +
      'kan niet. Doe het alleen met instemming van de cliënt of op grond van een regel in de verordening, en leg die grond vast.';
  }
  if (grond !== 'awb' && !(w.grondTekst ?? '').trim()) {
    return grond === 'verordening'
      ? 'Noem het artikel van de verordening waarop de termijn wordt aangepast.'
      : 'Leg vast hoe en wanneer de cliënt heeft ingestemd (bijvoorbeeld "telefonisch op 12-03-2026").';
  }
  return null;
}

/**
 * Last day to lodge bezwaar: 6 weeks starting the day after bekendmaking (Awb 6:7, 6:8), then Atw.
 * Bekendmaking Tue 2026-04-28 → Tue 2026-06-09.
 */
export function bezwaarTermijnEinde(bekendmaking: string, extraFeestdagen?: ReadonlySet<string>): string {
  checkDate(bekendmaking, 'Datum van bekendmaking');
  return atwEinde(bekendmaking, addDays(bekendmaking, 42), extraFeestdagen);
}

export type DeadlineStatus = 'op_tijd' | 'deze_week' | 'verlopen';

/** 'verlopen' after the last day; 'deze_week' when the last day is today or within 7 days. */
export function deadlineStatus(uiterlijk: string, today: string): DeadlineStatus {
  const left = daysBetween(today, uiterlijk);
  if (left < 0) return 'verlopen';
  return left <= 7 ? 'deze_week' : 'op_tijd';
}
