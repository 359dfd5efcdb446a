/**
 * Plain input data for an iWmo 3.2 WMO301 / iJw 3.2 JW301 toewijzing, independent of the DB.
 *
 * Formats follow the Basisschema.xsd data types (LDT_*, CDT_*) of release 3.2; the field names
 * are the XSD element names in camelCase. The zod schema checks the formats (with Dutch
 * messages); the content rules (CDxxx/CSxxx/OPxxx) are checked in `toewijzing.ts`.
 */
import { z } from 'zod';
import { isValidBsn } from '../../../shared/bsn';
import { isIsoDate, partialDateProblem } from '../../../shared/dates';
import { LoketError } from '../../../shared/errors';
import { LANDCODES } from './landcodes';

// ---------------------------------------------------------------------------------------------
// Code lists (enumerations in basisschema.xsd, identical in iWmo and iJw unless noted)

/** LDT_Eenheid (WJ756). */
export const EENHEDEN = ['01', '04', '14', '16', '82', '83', '84'] as const;
/** LDT_Frequentie (WMO757). */
export const FREQUENTIES = ['1', '2', '4', '6'] as const;
/** LDT_RedenWijziging (WMO002). */
export const REDENEN_WIJZIGING = [
  '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14',
] as const;
/** LDT_Geslacht (COD046). */
export const GESLACHTEN = ['0', '1', '2'] as const;
/** LDT_NaamGebruik (COD700). */
export const NAAMGEBRUIK = ['1', '2', '3', '4', '5', '6'] as const;
/** LDT_AdresSoort (COD757): 01 BRP, 02 correspondentie, 03 verblijf, 04 tijdelijk verblijf. */
export const ADRES_SOORTEN = ['01', '02', '03', '04'] as const;
/** LDT_AanduidingWoonadres (NUM061). */
export const AANDUIDINGEN_WOONADRES = ['AB', 'BY', 'TO', 'WW'] as const;
/** LDT_Communicatievorm (COD747). */
export const COMMUNICATIEVORMEN = ['1', '2', '3'] as const;
/** LDT_JuridischeStatus (WJ232). */
export const JURIDISCHE_STATUSSEN = ['01', '02', '03', '04', '05', '11', '12'] as const;
/** LDT_WettelijkeVertegenwoordiging (WJ003). */
export const WETTELIJKE_VERTEGENWOORDIGINGEN = ['06', '07', '08', '09', '10'] as const;
/** LDT_SoortRelatie (COD472). */
export const SOORTEN_RELATIE = [
  '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17',
  '18', '19', '20', '21', '22', '23', '24', '25',
] as const;
/** LDT_TypeVerwijzer (COD327). */
export const TYPEN_VERWIJZER = ['01', '02', '03', '04', '05', '06', '08'] as const;
/** Leveringsvorm of a granted product: zorg in natura or persoonsgebonden budget. */
export const LEVERINGSVORMEN = ['ZIN', 'PGB'] as const;

// ---------------------------------------------------------------------------------------------
// Primitive formats

// XML 1.0 forbids these code points; refuse them instead of producing an unreadable file.
const VERBODEN_TEKENS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;

/** A single-line text (XSD pattern `.*[^\s].*`: `.` excludes line breaks), trimmed. */
export function tekstRegel(naam: string, max: number) {
  return z
    .string({ error: `${naam}: vul een tekst in.` })
    .trim()
    .min(1, { error: `${naam} mag niet leeg zijn.` })
    .max(max, { error: `${naam} mag hoogstens ${max} tekens lang zijn.` })
    .refine((s) => !/[\r\n]/.test(s), { error: `${naam} moet op één regel passen (geen regeleinde).` })
    .refine((s) => !VERBODEN_TEKENS.test(s), { error: `${naam} bevat een teken dat niet in een bericht mag.` });
}

/** Free text (LDT_Commentaar): line breaks allowed, not blank. */
export function vrijeTekst(naam: string) {
  return z
    .string({ error: `${naam}: vul een tekst in.` })
    .trim()
    .min(1, { error: `${naam} mag niet leeg zijn.` })
    .refine((s) => !VERBODEN_TEKENS.test(s), { error: `${naam} bevat een teken dat niet in een bericht mag.` });
}

/** ISO calendar date `YYYY-MM-DD` (LDT_Datum: xs:date without time zone). */
export function isoDatum(naam: string) {
  return z
    .string({ error: `${naam}: vul een datum in (JJJJ-MM-DD).` })
    .refine(isIsoDate, { error: `${naam} is geen geldige datum; gebruik JJJJ-MM-DD.` });
}

/** A birth date that may be partly unknown, as the BRP has it (shared/dates.ts owns the rules). */
export function isGeldigeGeboortedatum(s: string): boolean {
  return partialDateProblem(s) === null;
}

export const bsnSchema = z
  .string({ error: 'BSN: vul het burgerservicenummer in.' })
  .regex(/^\d{9}$/, { error: 'BSN moet uit 9 cijfers bestaan.' })
  .refine(isValidBsn, { error: 'BSN klopt niet (elfproef); controleer het nummer.' });

export const gemeentecodeSchema = z
  .string({ error: 'Gemeentecode: vul de CBS-gemeentecode in.' })
  .regex(/^\d{4}$/, { error: 'Gemeentecode moet uit 4 cijfers bestaan (CBS-code, bijvoorbeeld 0363).' });

export const agbSchema = (naam = 'AGB-code aanbieder') =>
  z.string({ error: `${naam}: vul de AGB-code in.` }).regex(/^\d{8}$/, { error: `${naam} moet uit 8 cijfers bestaan.` });

/** LDT_Tijd: xs:time without zone; `HH:MM` is completed to `HH:MM:SS`. */
export const tijdSchema = z
  .string({ error: 'Toewijzingstijd: vul een tijd in (UU:MM:SS).' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, { error: 'Toewijzingstijd is geen geldige tijd; gebruik UU:MM:SS.' })
  .transform((t) => (t.length === 5 ? `${t}:00` : t));

/** LDT_Voorletters: letters only, at most 6. Dots and spaces (`J.M.`) are removed. */
export const voorlettersSchema = z
  .string()
  .transform((s) => s.replace(/[.\s]/g, ''))
  .pipe(
    z.string().regex(/^[a-zA-ZÀ-ỳ]{1,6}$/u, {
      error: 'Voorletters: alleen letters, hoogstens 6 (punten worden weggelaten).',
    }),
  );

// ---------------------------------------------------------------------------------------------
// Composite types

/** CDT_Achternaam. */
export const achternaamSchema = z.object({
  achternaam: tekstRegel('Achternaam', 200),
  voorvoegsel: tekstRegel('Voorvoegsel', 10).optional(),
});

/** CDT_VolledigeNaam. */
export const volledigeNaamSchema = z.object({
  geslachtsnaam: tekstRegel('Geslachtsnaam', 200),
  voorvoegsel: tekstRegel('Voorvoegsel', 10).optional(),
  partnernaam: achternaamSchema.optional(),
  voornamen: tekstRegel('Voornamen', 200).optional(),
  voorletters: voorlettersSchema.optional(),
  naamgebruik: z.enum(NAAMGEBRUIK, { error: 'Naamgebruik moet 1 tot en met 6 zijn (COD700).' }),
});

/** CDT_Adres with CDT_Huis flattened. */
export const adresSchema = z.object({
  huisnummer: z.number({ error: 'Huisnummer moet een getal zijn.' }).int({ error: 'Huisnummer moet een geheel getal zijn.' })
    .min(0).max(99999, { error: 'Huisnummer is hoogstens 99999.' }).optional(),
  huisletter: tekstRegel('Huisletter', 1).optional(),
  huisnummerToevoeging: tekstRegel('Huisnummertoevoeging', 4).optional(),
  aanduidingWoonadres: z.enum(AANDUIDINGEN_WOONADRES, { error: 'Aanduiding woonadres moet AB, BY, TO of WW zijn.' }).optional(),
  postcode: tekstRegel('Postcode', 8).optional(),
  /** LDT_Straatnaam is at most 24 characters (the BRP short street name). */
  straatnaam: tekstRegel('Straatnaam', 24).optional(),
  plaatsnaam: tekstRegel('Plaatsnaam', 80).optional(),
  landcode: z.string().refine((c) => LANDCODES.includes(c), { error: 'Landcode is geen geldige landcode (COD032), bijvoorbeeld NL.' }).optional(),
}).superRefine((a, ctx) => {
  if (a.huisnummer === undefined && (a.huisletter || a.huisnummerToevoeging || a.aanduidingWoonadres)) {
    ctx.addIssue({ code: 'custom', path: ['huisnummer'], message: 'Huisnummer is verplicht als huisletter, toevoeging of aanduiding is ingevuld.' });
  }
});

/** CDT_Telefoon. */
export const telefoonSchema = z.object({
  telefoonnummer: z.string().regex(/^\d{1,15}$/, { error: 'Telefoonnummer: alleen cijfers, hoogstens 15.' }),
  landnummer: tekstRegel('Landnummer', 4),
});

/** Contact (wmo301:Contact / jw301:Contact). */
export const contactSchema = z.object({
  soort: z.enum(ADRES_SOORTEN, { error: 'Soort adres moet 01, 02, 03 of 04 zijn.' }),
  adres: adresSchema.optional(),
  organisatie: tekstRegel('Organisatie', 35).optional(),
  telefoon: z.array(telefoonSchema).min(1).max(2, { error: 'Hoogstens twee telefoonnummers per contact.' }).optional(),
  emailadres: tekstRegel('E-mailadres', 80).optional(),
  periode: z.object({ begindatum: isoDatum('Begindatum').optional(), einddatum: isoDatum('Einddatum').optional() }).optional(),
});

/** Relatie (wmo301:Relatie). */
export const relatieSchema = z.object({
  nummer: tekstRegel('Relatienummer', 20),
  volgorde: z.number().int().min(0).max(99).optional(),
  soort: z.enum(SOORTEN_RELATIE, { error: 'Soort relatie is geen geldige code (COD472).' }),
  geboortedatum: z.string().refine(isGeldigeGeboortedatum, { error: 'Geboortedatum relatie is geen geldige datum.' }).optional(),
  geslacht: z.enum(GESLACHTEN).optional(),
  naam: volledigeNaamSchema,
  contact: contactSchema,
});

export const clientSchema = z.object({
  bsn: bsnSchema,
  /** ISO date; unknown parts as 00: `1960-05-00`, `1960-00-00`, `0000-00-00`. */
  geboortedatum: z
    .string({ error: 'Geboortedatum: vul een datum in (JJJJ-MM-DD).' })
    .refine(isGeldigeGeboortedatum, {
      error: 'Geboortedatum is geen geldige datum; gebruik JJJJ-MM-DD, met 00 voor een onbekende dag of maand.',
    }),
  geslacht: z.enum(GESLACHTEN, { error: 'Geslacht moet 0 (onbekend), 1 (man) of 2 (vrouw) zijn.' }),
  naam: volledigeNaamSchema,
  communicatie: z.object({
    vorm: z.enum(COMMUNICATIEVORMEN, { error: 'Communicatievorm moet 1, 2 of 3 zijn.' }),
    taal: tekstRegel('Taal', 25).optional(),
  }).optional(),
  juridischeStatus: z.enum(JURIDISCHE_STATUSSEN, { error: 'Juridische status is geen geldige code (WJ232).' }).optional(),
  wettelijkeVertegenwoordiging: z.enum(WETTELIJKE_VERTEGENWOORDIGINGEN, { error: 'Wettelijke vertegenwoordiging is geen geldige code (WJ003).' }).optional(),
  commentaar: vrijeTekst('Commentaar client').optional(),
  relaties: z.array(relatieSchema).min(1).optional(),
  /** The BRP address; becomes a Contact with Soort 01. */
  adres: adresSchema.optional(),
  telefoon: z.array(telefoonSchema).min(1).max(2).optional(),
  emailadres: tekstRegel('E-mailadres', 80).optional(),
  /** Further contacts (correspondentie-, verblijf-, tijdelijk adres). */
  contacten: z.array(contactSchema).optional(),
});

export const omvangSchema = z.object({
  volume: z
    .number({ error: 'Volume moet een getal zijn.' })
    .int({ error: 'Volume moet een geheel getal zijn (geen decimalen).' })
    .min(1, { error: 'Volume moet groter dan 0 zijn.' })
    .max(99999999, { error: 'Volume is hoogstens 99999999.' }),
  eenheid: z.enum(EENHEDEN, { error: 'Eenheid moet 01, 04, 14, 16, 82, 83 of 84 zijn (WJ756).' }),
  frequentie: z.enum(FREQUENTIES, { error: 'Frequentie moet 1, 2, 4 of 6 zijn (WMO757).' }),
});

export const toegewezenProductSchema = z.object({
  /** LDT_Nummer, set by the gemeente; a new initial toewijzing gets a new number. */
  toewijzingNummer: z
    .number({ error: 'ToewijzingNummer moet een getal zijn.' })
    .int({ error: 'ToewijzingNummer moet een geheel getal zijn.' })
    .min(0)
    .max(999999999, { error: 'ToewijzingNummer is hoogstens 999999999.' }),
  /** ZIN = zorg in natura; a PGB gets no toewijzing (OP043). */
  leveringsvorm: z.enum(LEVERINGSVORMEN, { error: 'Leveringsvorm moet ZIN of PGB zijn.' }),
  /** null = generieke toewijzing (only with a budget). */
  product: z
    .object({
      categorie: z.string().regex(/^\d{2}$/, { error: 'Productcategorie moet uit 2 cijfers bestaan.' }),
      code: tekstRegel('Productcode', 5).optional(),
    })
    .nullable(),
  toewijzingsdatum: isoDatum('Toewijzingsdatum'),
  toewijzingstijd: tijdSchema,
  ingangsdatum: isoDatum('Ingangsdatum'),
  einddatum: isoDatum('Einddatum').optional(),
  redenWijziging: z.enum(REDENEN_WIJZIGING, { error: 'RedenWijziging is geen geldige code (WMO002).' }).optional(),
  omvang: omvangSchema.optional(),
  /** LDT_Budget in eurocents. */
  budgetCents: z
    .number({ error: 'Budget moet een bedrag in centen zijn.' })
    .int({ error: 'Budget moet een geheel aantal centen zijn.' })
    .min(1, { error: 'Budget moet groter dan 0 zijn.' })
    .max(99999999, { error: 'Budget is hoogstens 99999999 cent.' })
    .optional(),
  referentieAanbieder: tekstRegel('ReferentieAanbieder', 36).optional(),
  commentaar: vrijeTekst('Commentaar toewijzing').optional(),
});

export const ToewijzingInputSchema = z.object({
  wet: z.enum(['wmo', 'jeugdwet'], { error: "Wet moet 'wmo' of 'jeugdwet' zijn." }),
  /** Afzender: CBS-gemeentecode. */
  gemeentecode: gemeentecodeSchema,
  /** Ontvanger: AGB-code of the aanbieder. */
  aanbiederAgb: agbSchema(),
  /** Unique per message kind and gemeente (TR056 / retourcode 9056). */
  berichtIdentificatie: tekstRegel('BerichtIdentificatie', 12),
  /** Dagtekening of the message; not after today (TR135 / retourcode 8848). */
  dagtekening: isoDatum('Dagtekening'),
  /** When the message was made (ISO date-time). Not an XSD element; kept for the caller's records. */
  aanmaakTijd: z.iso.datetime({ offset: true, error: 'AanmaakTijd is geen geldige ISO-datum en -tijd.' }).optional(),
  client: clientSchema,
  toewijzingen: z.array(toegewezenProductSchema).min(1, { error: 'Een toewijzingsbericht bevat minstens één toewijzing.' }),
});

/** What callers pass in. */
export type ToewijzingInput = z.input<typeof ToewijzingInputSchema>;
/** After parsing (trimmed, voorletters without dots, times as HH:MM:SS). */
export type ToewijzingData = z.output<typeof ToewijzingInputSchema>;
export type ToegewezenProductInput = z.input<typeof toegewezenProductSchema>;
export type ToegewezenProduct = z.output<typeof toegewezenProductSchema>;
export type ClientInput = z.input<typeof clientSchema>;
export type Adres = z.output<typeof adresSchema>;
export type Contact = z.output<typeof contactSchema>;
export type VolledigeNaam = z.output<typeof volledigeNaamSchema>;

// ---------------------------------------------------------------------------------------------
// zod → LoketError

export function padNaarVeld(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += (s ? '.' : '') + String(p);
  }
  return s;
}

/** Dutch fallback texts for zod issues without a message of their own. */
export function nlFoutmelding(issue: { code?: string; input?: unknown }): string {
  if (issue.input === undefined) return 'dit veld is verplicht; vul het in.';
  switch (issue.code) {
    case 'invalid_type': return 'verkeerd soort waarde.';
    case 'too_small': return 'te klein of te kort.';
    case 'too_big': return 'te groot of te lang.';
    case 'invalid_value': return 'deze waarde staat niet in de codelijst.';
    case 'unrecognized_keys': return 'bevat onbekende velden.';
    default: return 'ongeldige waarde.';
  }
}

/** Parse with Dutch messages; on failure throw a LoketError naming the field. */
export function parseOfFout<S extends z.ZodType>(schema: S, data: unknown, context: string): z.output<S> {
  const r = schema.safeParse(data, { error: (iss) => nlFoutmelding(iss) });
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const veld = padNaarVeld(issue.path);
  throw new LoketError('invoer', `${context}: ${veld ? `${veld}: ` : ''}${issue.message}`, veld || undefined);
}
