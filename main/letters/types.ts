// The plain data one letter needs. Independent of the database: the caller maps rows into it.
// Plain JSON-able (strings, numbers, booleans, arrays; the logo as base64 or Uint8Array, both
// survive structured cloning), so it can be posted to a worker thread as is.
import { z } from 'zod';
import { LoketError } from '../../shared/errors';
import { BESCHIKKING_SOORTEN, WETTEN } from '../../shared/schemas/zaak';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum als JJJJ-MM-DD');

export const AdresSchema = z.object({
  straat: z.string(), // street + house number, e.g. "Marktplein 1"
  postcode: z.string(),
  plaats: z.string(),
});

export const GemeenteSchema = z.object({
  naam: z.string(),
  gemeentecode: z.string(),
  adres: AdresSchema,
  telefoon: z.string(),
  email: z.string().optional(),
  website: z.string().optional(),
  /** The department under the gemeente's name (this law's sender: "Team Jeugd", "Wmo-loket"). */
  afdeling: z.string().optional(),
  /** PNG logo: raw bytes or base64 (with or without a data: prefix). */
  logoPng: z.union([z.instanceof(Uint8Array), z.string()]).optional(),
  ondertekenaar: z.object({ naam: z.string(), functie: z.string() }),
  /** e.g. "namens het college van burgemeester en wethouders" */
  mandaat: z.string(),
  bezwaarAdres: z.object({
    tav: z.string(), // "t.a.v." line, e.g. "het college van burgemeester en wethouders"
    postbusOfStraat: z.string(), // "Postbus 100" or street + number
    postcode: z.string(),
    plaats: z.string(),
  }),
});

/** How a PGB amount was set (Wmo 2015 art. 2.3.6 lid 4 / Jeugdwet art. 8.1.1; the verordening). */
export const PgbBasisSchema = z.object({
  /** formeel: a professional or business; informeel: someone from the social network. */
  zorgverlener: z.enum(['formeel', 'informeel']),
  /** Tariff in eurocents per `tariefEenheidLabel` (e.g. "per uur"). */
  tariefCents: z.number().int().positive(),
  tariefEenheidLabel: z.string(),
  /** The calculation in words: "3 uur per week × 52 weken × € 28,00". */
  berekening: z.string(),
  /** Where the tariff comes from: "artikel 12 van de Verordening ..." */
  bron: z.string(),
});

export const VoorzieningSchema = z.object({
  productcategorieLabel: z.string(),
  productcode: z.string().optional(),
  productLabel: z.string(),
  omvang: z
    .object({
      volume: z.number(),
      eenheidLabel: z.string(), // "uur", "minuten", "stuks", "dagdelen"
      frequentieLabel: z.string(), // "per week", "per maand", "totaal"
    })
    .optional(),
  /** PGB amount in eurocents, per `budgetPeriodeLabel` (default "per jaar"). */
  budgetCents: z.number().int().optional(),
  budgetPeriodeLabel: z.string().optional(),
  leveringsvorm: z.enum(['ZIN', 'PGB']),
  aanbieder: z.object({ naam: z.string(), agb: z.string() }).optional(),
  ingangsdatum: isoDate,
  einddatum: isoDate.nullable().optional(), // null / absent = onbepaalde tijd
  /** PGB: how the amount was set. */
  pgb: PgbBasisSchema.optional(),
  /** This voorziening explicitly replaces another for the same product (e.g. "zorg in natura van Thuiszorg X"). */
  vervangt: z.string().optional(),
});

/** Part of the aanvraag that is not granted, with its own reason (gedeeltelijke toekenning). */
export const NietToegekendSchema = z.object({ wat: z.string(), waarom: z.string() });

/** A decision taken without an aanvraag (Awb: ambtshalve), e.g. a beëindiging after a change in circumstances. */
export const AmbtshalveSchema = z.object({
  aanleiding: z.string(),
  /** The voornemen letter (Awb 4:8) and what the client said back, if anything. */
  voornemenDatum: isoDate.optional(),
  zienswijze: z.string().optional(),
});

export const BeschikkingSoortSchema = z.enum(BESCHIKKING_SOORTEN);

export const BeschikkingSchema = z.object({
  soort: BeschikkingSoortSchema,
  /** Absent for a decision taken ambtshalve (then `ambtshalve` says why). */
  aanvraagDatum: isoDate.optional(),
  ambtshalve: AmbtshalveSchema.optional(),
  meldingDatum: isoDate,
  /** The decision in one or two sentences, written by the consulent ("U krijgt ..."). */
  besluitTekst: z.string(),
  voorzieningen: z.array(VoorzieningSchema),
  /** Gedeeltelijke toekenning: what is not granted, and why, item by item. */
  nietToegekend: z.array(NietToegekendSchema).default([]),
  /** Wijziging: what stops (einddatum = the last day), before `voorzieningen` start. */
  vervalt: z.array(VoorzieningSchema).default([]),
  motivering: z.string(),
  wettelijkeGrondslag: z.array(z.string()),
  /** true: the CAK eigen bijdrage applies (notice in the letter). */
  eigenBijdrage: z.boolean(),
  vorigeBeschikkingKenmerk: z.string().optional(),
  vorigeBeschikkingDatum: isoDate.optional(),
  /** Last day to object; computed by the caller (Awb 6:7/6:8 + Atw). Optional: the letter then says "binnen 6 weken". */
  bezwaarTermijnEinde: isoDate.optional(),
  /** Vier-ogen, named truthfully: who wrote the besluit and who fixed it under which mandate (absent in a preview). */
  vierOgen: z.object({ opgesteldDoor: z.string(), vastgesteldDoor: z.string().optional(), mandaat: z.string().optional() }).optional(),
});

export const VerslagSchema = z.object({
  gespreksDatum: isoDate.optional(),
  aanwezigen: z.array(z.string()),
  /** a. behoeften, persoonskenmerken en voorkeuren */
  behoeften: z.string(),
  /** b. eigen kracht en gebruikelijke hulp */
  eigenKracht: z.string(),
  /** c. mantelzorg en sociaal netwerk */
  netwerk: z.string(),
  /** d. ondersteuning van de mantelzorger */
  mantelzorgOndersteuning: z.string(),
  /** e. algemene voorzieningen en maatschappelijk nuttige activiteiten */
  algemeneVoorzieningen: z.string(),
  /** Which support is needed, in the consulent's words (the outcome of the onderzoek). */
  benodigdeOndersteuning: z.string().optional(),
  /** Wmo 2.3.2 lid 2: whether a persoonlijk plan came in, and how it was used. */
  persoonlijkPlan: z.object({ ontvangenOp: isoDate.nullable(), gebruik: z.string().optional() }).optional(),
  pgbUitgelegd: z.boolean(),
  bijdrageUitgelegd: z.boolean(),
  conclusies: z.string(),
  /** The client's own remarks on the verslag. */
  opmerkingen: z.string().optional(),
});

/** Awb 4:8: before an ambtshalve beëindiging, herziening or terugvordering the client may react. */
export const VoornemenSchema = z.object({
  soort: z.enum(['beeindiging', 'herziening', 'terugvordering']),
  /** What we intend to do, in one or two sentences ("Wij willen uw hulp bij het huishouden stoppen"). */
  wat: z.string(),
  reden: z.string(),
  perDatum: isoDate.optional(),
  vorigeBeschikkingKenmerk: z.string().optional(),
  /** Last day for the zienswijze. */
  zienswijzeUiterlijk: isoDate,
});

/** Awb 4:14: the decision takes longer; the new term and why. */
export const VerdagingSchema = z.object({
  aanvraagDatum: isoDate,
  oorspronkelijkUiterlijk: isoDate,
  nieuwUiterlijk: isoDate,
  reden: z.string(),
});

/** Awb 4:5: the aanvraag is incomplete; the client may complete it until the hersteltermijn ends. */
export const AanvulverzoekSchema = z.object({
  aanvraagDatum: isoDate,
  ontbreekt: z.array(z.string()).min(1),
  hersteltermijnEinde: isoDate,
});

export const LETTER_SOORTEN = ['ontvangstbevestiging', 'gespreksverslag', 'beschikking', 'voornemen', 'verdaging', 'aanvulverzoek'] as const;

/** People a representative can be; for a letter to them, the text speaks about the client. */
export const ROL_SOORTEN = ['curator', 'mentor', 'bewindvoerder', 'gemachtigde', 'ouder_voogd'] as const;

export const LetterDataSchema = z.object({
  soort: z.enum(LETTER_SOORTEN),
  /** The law the case falls under: every text, ground and clock in the letter follows it. */
  wet: z.enum(WETTEN).default('wmo'),
  gemeente: GemeenteSchema,
  /** Already resolved by the caller (who acts for the client in care matters gets the letter). */
  geadresseerde: z.object({
    /** The person: the client, or the representative ("mr. A. Bakker"). */
    naam: z.string(),
    /** A representative's office: printed first in the window, then "t.a.v." the person. */
    organisatie: z.string().optional(),
    adresregels: z.array(z.string()),
    /** e.g. "Beste mevrouw Jansen"; default "Beste <naam>". */
    aanhef: z.string().optional(),
    /** Set when the letter goes to a representative: the text then speaks about the client. */
    rol: z.enum(ROL_SOORTEN).optional(),
  }),
  /** Others who get a copy, e.g. "mr. B. de Wit (bewindvoerder)". */
  kopieAan: z.array(z.string()).default([]),
  /**
   * Set on the copy (afschrift) for a representative who gets one where the client wants that,
   * e.g. the beschermingsbewindvoerder: the window shows them, the letter itself stays the letter
   * to `geadresseerde`, marked "Afschrift", with the client in the reference block.
   */
  afschrift: z.object({
    aan: z.object({ naam: z.string(), organisatie: z.string().optional(), adresregels: z.array(z.string()) }),
    /** What they are to the client: "beschermingsbewindvoerder". */
    rolLabel: z.string(),
  }).optional(),
  client: z.object({
    naam: z.string(),
    /** BRP geslacht (0 onbekend, 1 man, 2 vrouw): for "zijn"/"haar" in a letter to a representative. */
    geslacht: z.enum(['0', '1', '2']).optional(),
    geboortedatum: isoDate.optional(),
    bsn: z.string().optional(),
    /** Data minimisation: the BSN is printed only when this is true. */
    toonBsn: z.boolean().optional(),
  }),
  kenmerk: z.string(),
  /** dagtekening, ISO date */
  datum: isoDate,
  contactpersoon: z.object({ naam: z.string(), telefoon: z.string(), email: z.string().optional() }),
  melding: z.object({ datum: isoDate, hulpvraag: z.string() }),
  /** The actual dates of the clocks that run (computed by the caller from shared/termijnen). */
  termijnen: z.object({
    persoonlijkPlanUiterlijk: isoDate.optional(),
    onderzoekUiterlijk: isoDate.optional(),
    beschikkingUiterlijk: isoDate.optional(),
  }).default({}),
  verslag: VerslagSchema.optional(),
  beschikking: BeschikkingSchema.optional(),
  voornemen: VoornemenSchema.optional(),
  verdaging: VerdagingSchema.optional(),
  aanvulverzoek: AanvulverzoekSchema.optional(),
});

export type LetterData = z.infer<typeof LetterDataSchema>;
/** What callers build: defaults (wet, kopieAan, termijnen, …) may be left out. */
export type LetterDataInput = z.input<typeof LetterDataSchema>;
export type Voorziening = z.infer<typeof VoorzieningSchema>;
export type Beschikking = z.infer<typeof BeschikkingSchema>;
export type BeschikkingSoort = z.infer<typeof BeschikkingSoortSchema>;
export type Verslag = z.infer<typeof VerslagSchema>;
export type Gemeente = z.infer<typeof GemeenteSchema>;

/**
 * Thrown when a letter lacks a mandatory element (domain.md §1.4); `missing` lists them in Dutch.
 * A LoketError, so every caller (router, CLI, demo) shows the person what to fill in.
 */
export class LetterIncompleteError extends LoketError {
  readonly missing: string[];
  constructor(missing: string[]) {
    super('invoer', `De brief is niet compleet. Vul eerst aan: ${missing.join('; ')}.`);
    this.name = 'LetterIncompleteError';
    this.missing = missing;
  }
}
export type VoorzieningInput = z.input<typeof VoorzieningSchema>;
