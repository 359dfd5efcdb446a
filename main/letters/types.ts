// The plain data one letter needs. Independent of the database: the caller maps rows into it.
// Plain JSON-able (strings, numbers, booleans, arrays; the logo as base64 or Uint8Array, both
// survive structured cloning), so it can be posted to a worker thread as is.
import { z } from 'zod';
import { LoketError } from '../../shared/errors';
import { BESCHIKKING_SOORTEN } from '../../shared/schemas/zaak';

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
});

export const BeschikkingSoortSchema = z.enum(BESCHIKKING_SOORTEN);

export const BeschikkingSchema = z.object({
  soort: BeschikkingSoortSchema,
  aanvraagDatum: isoDate,
  meldingDatum: isoDate,
  /** The decision in one or two sentences, written by the consulent ("U krijgt ..."). */
  besluitTekst: z.string(),
  voorzieningen: z.array(VoorzieningSchema),
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
  pgbUitgelegd: z.boolean(),
  bijdrageUitgelegd: z.boolean(),
  conclusies: z.string(),
});

export const LetterDataSchema = z.object({
  soort: z.enum(['ontvangstbevestiging', 'gespreksverslag', 'beschikking']),
  gemeente: GemeenteSchema,
  /** Already resolved by the caller (geheimhouding, curator/bewindvoerder/gemachtigde applied). */
  geadresseerde: z.object({
    naam: z.string(),
    adresregels: z.array(z.string()),
    /** e.g. "Beste mevrouw Jansen"; default "Beste <naam>". */
    aanhef: z.string().optional(),
  }),
  client: z.object({
    naam: z.string(),
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
  verslag: VerslagSchema.optional(),
  beschikking: BeschikkingSchema.optional(),
});

export type LetterData = z.infer<typeof LetterDataSchema>;
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
