/**
 * Personal names: search folding and the written form for letters and lists.
 */
import { z } from 'zod';

/** Characters NFD does not decompose but people type without the mark. */
const FOLD_MAP: Record<string, string> = {
  'ĳ': 'ij', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i',
};
const FOLD_MAP_RE = new RegExp(`[${Object.keys(FOLD_MAP).join('')}]`, 'g');
// Apostrophes vanish ("d'Ancona" = "dancona"); hyphens and dashes separate words like a space
// does ("van Dijk-de Vries" finds "de vries"), so both typed forms fold alike.
const APOSTROPHES_RE = /['’‘`´ʼ]/g;
const SEPARATORS_RE = /[-‐‑‒–—_.,]/g;

/**
 * Folds a name for searching: lower case, no diacritics, 'ĳ' → 'ij', no apostrophes, hyphens as
 * spaces, single spaces. "Ĳzerman", "IJzerman" and "ijzerman" fold alike; "Müller" → "muller";
 * "'s-Gravenhage" → "s gravenhage". Idempotent.
 */
export function foldForSearch(s: string): string {
  // Lower-casing can itself produce combining marks (İ → i̇), so strip marks after it.
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(FOLD_MAP_RE, (c) => FOLD_MAP[c]!)
    .replace(APOSTROPHES_RE, '')
    .replace(SEPARATORS_RE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** COD700 naamgebruik as the BRP codes it: E eigen, P partner, V partner voor eigen, N partner na eigen. */
export const NAAMGEBRUIK_CODES = ['E', 'P', 'V', 'N'] as const;
export type Naamgebruik = (typeof NAAMGEBRUIK_CODES)[number];

export const NAAMGEBRUIK_LABELS: Record<Naamgebruik, string> = {
  E: 'Eigen naam',
  P: 'Naam van de partner',
  V: 'Naam van de partner, dan eigen naam',
  N: 'Eigen naam, dan naam van de partner',
};

const opt = (max: number, veld: string) =>
  z.string().trim().max(max, `${veld}: gebruik hoogstens ${max} tekens.`).optional().nullable()
    .transform((v) => (v ? v : undefined));

export const NaamSchema = z.object({
  voornamen: z.string().trim().min(1, 'Vul de voornamen in (zoals in de BRP).').max(200, 'Voornamen: gebruik hoogstens 200 tekens.'),
  voorletters: opt(20, 'Voorletters'),
  voorvoegsel: opt(10, 'Voorvoegsel'),
  geslachtsnaam: z.string().trim().min(1, 'Vul de achternaam (geslachtsnaam) in.').max(200, 'Achternaam: gebruik hoogstens 200 tekens.'),
  partnerVoorvoegsel: opt(10, 'Voorvoegsel van de partner'),
  partnerGeslachtsnaam: opt(200, 'Achternaam van de partner'),
  naamgebruik: z.enum(NAAMGEBRUIK_CODES, {
    error: 'Kies het naamgebruik: E (eigen naam), P (naam partner), V (partner, dan eigen naam) of N (eigen naam, dan partner).',
  }).default('E'),
}).superRefine((n, ctx) => {
  if (n.naamgebruik !== 'E' && !n.partnerGeslachtsnaam) {
    ctx.addIssue({
      code: 'custom',
      path: ['partnerGeslachtsnaam'],
      message: `Bij naamgebruik ${n.naamgebruik} hoort de achternaam van de partner. Vul die in, of kies naamgebruik E (eigen naam).`,
    });
  }
});
export type Naam = z.output<typeof NaamSchema>;

/** The fields formatNaam reads; optional fields may be absent or null. */
export interface NaamDelen {
  voornamen: string;
  voorletters?: string | null;
  voorvoegsel?: string | null;
  geslachtsnaam: string;
  partnerVoorvoegsel?: string | null;
  partnerGeslachtsnaam?: string | null;
  naamgebruik: Naamgebruik;
}

/**
 * Initials from the first names: "Jan Pieter" → "J.P.". The Dutch digraph IJ is one letter:
 * "IJsbrand" → "IJ.". Each initial is the first whole grapheme that is a letter (never half of a
 * surrogate pair, never an emoji or digit); a "name" without any letter gives no initial.
 */
export function voorlettersVan(voornamen: string): string {
  return voornamen
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((n) => {
      if (/^(ij|ĳ)/i.test(n)) return 'IJ.';
      // Most names: an ASCII letter then a lower-case one is a grapheme of its own; the segmenter
      // costs more than the rest of a search result (measured on the team-server bench).
      if (/^[A-Za-z][a-z]/.test(n)) return `${n[0]!.toUpperCase()}.`;
      for (const { segment } of GRAPHEMES.segment(n)) {
        if (/^\p{L}/u.test(segment)) return `${segment.toLocaleUpperCase('nl')}.`;
      }
      return '';
    })
    .join('');
}

const GRAPHEMES = new Intl.Segmenter('nl', { granularity: 'grapheme' });

/** Voorletters as typed: letters (with their accents), each followed by a dot, nothing else. */
export function voorlettersProblem(voorletters: string): string | null {
  const v = voorletters.replace(/\s+/g, '');
  if (v === '') return null;
  if (!/^(?:(?:IJ|\p{L}\p{M}*)\.)+$/u.test(v)) {
    return `Voorletters "${voorletters}" kloppen niet: schrijf alleen letters, elk gevolgd door een punt (bijvoorbeeld J.M.).`;
  }
  return null;
}

function deel(voorvoegsel: string | null | undefined, naam: string): string {
  const v = voorvoegsel?.trim();
  return v ? `${v} ${naam.trim()}` : naam.trim();
}

/**
 * The surname part as used (naamgebruik), voorvoegsels in lower case as written after initials:
 * E "de Vries", P "van Dijk", V "van Dijk-de Vries", N "de Vries-van Dijk". Without a partner
 * name the own name is used.
 */
export function achternaam(n: NaamDelen): string {
  const eigen = deel(n.voorvoegsel, n.geslachtsnaam);
  if (!n.partnerGeslachtsnaam?.trim()) return eigen;
  const partner = deel(n.partnerVoorvoegsel, n.partnerGeslachtsnaam);
  switch (n.naamgebruik) {
    case 'P': return partner;
    case 'V': return `${partner}-${eigen}`;
    case 'N': return `${eigen}-${partner}`;
    default: return eigen;
  }
}

/** "J. de Vries", "J.P. van Dijk-de Vries": initials and surname as used, for letters and lists. */
export function formatNaam(n: NaamDelen): string {
  const voorletters = n.voorletters?.trim() || voorlettersVan(n.voornamen);
  return [voorletters, achternaam(n)].filter(Boolean).join(' ');
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The salutation for a letter, from geslacht (BRP: 1 man, 2 vrouw) and the name as used
 * (naamgebruik): "Beste mevrouw Van Dijk-de Vries", "Beste heer Mulder". The voorvoegsel is
 * capitalised when no initials precede it. Without a known geslacht: "Beste J.M. Vermeulen".
 */
export function aanhefVoor(n: NaamDelen & { geslacht: string }, groet: 'Beste' | 'Geachte' = 'Beste'): string {
  const titel = n.geslacht === '1' ? 'heer' : n.geslacht === '2' ? 'mevrouw' : null;
  return titel ? `${groet} ${titel} ${cap(achternaam(n))}` : `${groet} ${formatNaam(n)}`;
}

/**
 * The salutation for a representative whose name is one free text ("mr. A.B. van Dam"): titles
 * and initials are left out before the surname. "Geachte heer Van Dam"; without a geslacht
 * "Geachte mr. A.B. van Dam".
 */
export function aanhefVoorNaam(naam: string, geslacht: string, groet: 'Beste' | 'Geachte' = 'Geachte'): string {
  const titel = geslacht === '1' ? 'heer' : geslacht === '2' ? 'mevrouw' : null;
  const delen = naam.trim().split(/\s+/);
  const idx = delen.findIndex((d) => !/^(mr|dr|drs|ir|ing|prof|mw|mevr|dhr)\.?$/i.test(d) && !/^(\p{Lu}{1,2}\.)+$/u.test(d));
  const achter = idx < 0 ? '' : delen.slice(idx).join(' ');
  return titel && achter ? `${groet} ${titel} ${cap(achter)}` : `${groet} ${naam.trim()}`;
}
