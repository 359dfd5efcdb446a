// Each law speaks for itself: names, grounds, the kind of help and whether a CAK bijdrage exists.
// A Jeugdwet or Participatiewet letter never borrows a Wmo word (maatwerkvoorziening, CAK,
// artikel 2.3.5 Wmo 2015). Clock lengths come from shared/termijnen, never from here.
import type { Wet } from '../../shared/schemas/zaak';
import { wettelijkeTermijn } from '../../shared/termijnen';
import type { Stem } from './stem';

export interface WetTekst {
  /** Full name for "Zo staat het in …". */
  naam: string;
  /** Short name for titles: "Wmo", "Jeugdwet", "Participatiewet". */
  kort: string;
  /** What the help is called in a sentence: "ondersteuning", "jeugdhulp", "hulp". */
  hulp: string;
  /** The statutory form of individual help: "maatwerkvoorziening", "individuele voorziening". */
  voorziening: string;
  /** A CAK eigen bijdrage exists (Wmo only; none for jeugdhulp). */
  cakBijdrage: boolean;
  /** Wmo 2.3.2 lid 2: the client may hand in a persoonlijk plan. */
  persoonlijkPlan: boolean;
  /** The weighing of eigen kracht … voorziening, with its article. */
  weging: (s: Stem) => string;
  /** The pgb conditions of the law, as a list the client can check. */
  pgbVoorwaarden: (s: Stem) => { artikel: string; items: string[] };
  /** Weeks to decide after the aanvraag. */
  beslisWeken: number;
}

const pgbItems = (s: Stem) => [
  `${s.U} ${s.kunt} de taken van een pgb zelf goed uitvoeren, of met hulp van iemand anders. Bijvoorbeeld een zorgovereenkomst sluiten en de uren goedkeuren.`,
  `${s.U} ${s.hebt} uitgelegd waarom ${s.u} de hulp liever met een pgb ${s.wilt} regelen dan als zorg in natura.`,
  'De hulp die met het pgb wordt ingekocht is veilig, doeltreffend en gericht op de cliënt (goede kwaliteit).',
];

export const WET_TEKST: Record<Wet, WetTekst> = {
  wmo: {
    naam: 'de Wet maatschappelijke ondersteuning 2015 (Wmo 2015)',
    kort: 'Wmo',
    hulp: 'ondersteuning',
    voorziening: 'maatwerkvoorziening',
    cakBijdrage: true,
    persoonlijkPlan: true,
    weging: (s) =>
      `Wij kijken eerst naar wat ${s.u} zelf ${s.kunt} (eigen kracht) en naar de hulp die huisgenoten gewoon ` +
      'horen te geven (gebruikelijke hulp). Daarna kijken wij naar hulp van familie, vrienden of buren ' +
      '(mantelzorg en het sociaal netwerk). En naar hulp die iedereen kan krijgen zonder besluit van de ' +
      `gemeente (algemene voorzieningen). Is dat niet genoeg? Dan krijgt ${s.u} ondersteuning van de gemeente ` +
      '(een maatwerkvoorziening). Zo staat het in artikel 2.3.5 van de Wet maatschappelijke ondersteuning ' +
      '2015 (Wmo 2015).',
    pgbVoorwaarden: (s) => ({ artikel: 'artikel 2.3.6, tweede lid, van de Wmo 2015', items: pgbItems(s) }),
    beslisWeken: wettelijkeTermijn('wmo', 'beschikking').weken,
  },
  jeugdwet: {
    naam: 'de Jeugdwet',
    kort: 'Jeugdwet',
    hulp: 'jeugdhulp',
    voorziening: 'individuele voorziening',
    cakBijdrage: false,
    persoonlijkPlan: false,
    weging: (s) =>
      `Wij kijken eerst naar wat ${s.u} en de ouders zelf kunnen, en naar hulp uit de omgeving ` +
      '(eigen mogelijkheden en probleemoplossend vermogen). En naar hulp die iedereen kan krijgen zonder ' +
      'besluit van de gemeente (vrij toegankelijke jeugdhulp). Is dat niet genoeg? Dan krijgt ' +
      `${s.u} jeugdhulp van de gemeente (een individuele voorziening). Zo staat het in artikel 2.3 van de ` +
      'Jeugdwet en in de verordening jeugdhulp van de gemeente.',
    pgbVoorwaarden: (s) => ({ artikel: 'artikel 8.1.1, tweede lid, van de Jeugdwet', items: pgbItems(s) }),
    beslisWeken: wettelijkeTermijn('jeugdwet', 'beschikking').weken,
  },
  participatiewet: {
    naam: 'de Participatiewet',
    kort: 'Participatiewet',
    hulp: 'hulp',
    voorziening: 'voorziening',
    cakBijdrage: false,
    persoonlijkPlan: false,
    weging: (s) =>
      `Wij kijken of ${s.u} recht ${s.hebt} op hulp uit de Participatiewet. Daarbij kijken wij naar ` +
      `${s.uw} situatie en naar wat ${s.u} zelf ${s.kunt}.`,
    pgbVoorwaarden: () => ({ artikel: 'de Participatiewet', items: [] }),
    beslisWeken: wettelijkeTermijn('participatiewet', 'beschikking').weken,
  },
};

/** Words that belong to the Wmo alone: never in a Jeugdwet or Participatiewet letter. */
const WMO_WOORDEN = /\bwmo\b|maatschappelijke ondersteuning|\bcak\b/i;

/** A ground from another law in this law's decision ("Wmo 2015 art. 2.3.5" in a Jeugdwet case), or null. */
export function vreemdeGrondslag(wet: Wet, gronden: readonly string[]): string | null {
  if (wet === 'wmo') return null;
  return gronden.find((g) => WMO_WOORDEN.test(g)) ?? null;
}

/**
 * Where the sender of a Jeugdwet or Participatiewet letter names the Wmo (a letterhead set up for
 * the Wmo-loket: "teamleider Wmo", wmo@…): the setting and its text, or null.
 */
export function vreemdeAfzender(wet: Wet, afzender: Record<string, string | undefined>): { veld: string; tekst: string } | null {
  if (wet === 'wmo') return null;
  const hit = Object.entries(afzender).find(([, v]) => v !== undefined && WMO_WOORDEN.test(v));
  return hit ? { veld: hit[0], tekst: hit[1]! } : null;
}
