import { z } from 'zod';
import { multiline } from '../text';
import { bsnProblem } from '../bsn';
import { partialDateProblem } from '../dates';
import { normalizePostcode, postcodeProblem } from '../postcode';
import { telefoonProblem } from '../telefoon';
import './locale';

/** Forms and the router share these schemas: one definition of what valid input is. */

const optionalText = (max: number) =>
  z.string().trim().max(max, `Gebruik hoogstens ${max} tekens.`).optional().nullable()
    .transform((v) => (v ? v : null));

/** A phone number that can be dialled ("06-1234" cannot); empty is none. */
export const TelefoonSchema = optionalText(30).superRefine((v, ctx) => {
  const problem = v ? telefoonProblem(v) : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * Huisnummer, huisletter and huisnummertoevoeging as the BRP keeps them (three fields). A form may
 * send what was typed in the number field as text: "12" is read as 12, and "12a" or "12-2" is refused
 * with the field the rest belongs in, instead of a bare "not a number".
 */
export const HuisnummerSchema = z.union([z.number(), z.string()]).optional().nullable().transform((v, ctx) => {
  if (v === undefined || v === null) return null;
  const s = typeof v === 'number' ? String(v) : v.trim();
  if (s === '') return null;
  if (/^\d{1,5}$/.test(s) && Number(s) >= 1) return Number(s);
  const m = /^(\d{1,5})\s*([A-Za-z])$/.exec(s);
  const t = /^(\d{1,5})\s*[-/ ]?\s*([A-Za-z0-9]{1,4})$/.exec(s);
  ctx.addIssue({
    code: 'custom',
    message: m ? `Huisnummer "${s}": de letter hoort in het veld Huisletter. Vul bij Huisnummer ${m[1]} in en bij Huisletter ${m[2]}.`
      : t ? `Huisnummer "${s}": alleen het getal hoort hier. Vul bij Huisnummer ${t[1]} in en bij Toevoeging ${t[2]}.`
      : /^0+$/.test(s) || s.length > 5 && /^\d+$/.test(s) ? `Huisnummer ${s} klopt niet: een huisnummer is 1 tot en met 99999.`
      : `Huisnummer "${s}" klopt niet: vul alleen cijfers in, bijvoorbeeld 12. Een letter of toevoeging heeft een eigen veld.`,
  });
  return z.NEVER;
});

export const HuisletterSchema = z.string().trim().max(10).optional().nullable().transform((v) => v || null).superRefine((v, ctx) => {
  if (v && !/^[A-Za-z]$/.test(v)) ctx.addIssue({ code: 'custom', message: `Huisletter "${v}" klopt niet: de huisletter is één letter, bijvoorbeeld A. Een cijfer hoort bij Toevoeging.` });
});

/** Up to 4 letters or digits (BRP/BAG), typed with or without the dash that is printed before it. */
export const HuisnummerToevoegingSchema = z.string().trim().max(10).optional().nullable()
  .transform((v) => (v ? v.replace(/^[-\s]+/, '') : null) || null)
  .superRefine((v, ctx) => {
    if (v && !/^[A-Za-z0-9]{1,4}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: `Toevoeging "${v}" klopt niet: een toevoeging is hoogstens 4 letters of cijfers, bijvoorbeeld 2, II of bis.` });
    }
  });

export const BsnSchema = z.string().trim().superRefine((v, ctx) => {
  const problem = bsnProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const GeboortedatumSchema = z.string().trim().superRefine((v, ctx) => {
  const problem = partialDateProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const NAAMGEBRUIK = ['E', 'P', 'V', 'N'] as const;
export const GESLACHT = ['0', '1', '2'] as const;
export const VERTEGENWOORDIGER_SOORTEN = ['curator', 'bewindvoerder', 'mentor', 'gemachtigde', 'ouder_voogd'] as const;
export const HANDELT_IN = ['zorg', 'financieel'] as const;

export const VertegenwoordigerSchema = z.object({
  soort: z.enum(VERTEGENWOORDIGER_SOORTEN, { error: 'Kies het soort vertegenwoordiger: curator, bewindvoerder, mentor, gemachtigde of ouder/voogd.' }),
  naam: z.string().trim().min(2, 'Vul de naam van de vertegenwoordiger in.').max(200),
  adresregels: z.array(z.string().trim().max(100)).max(4).default([]),
  telefoon: TelefoonSchema,
  email: optionalText(200),
  /**
   * What this person acts in for the client (BW 1:378 curator: both; 1:450 mentor: zorg; 1:431
   * beschermingsbewindvoerder: financieel). Care letters go to whoever acts in 'zorg'. Left out:
   * the default for the soort.
   */
  handeltIn: z.array(z.enum(HANDELT_IN)).max(2).optional(),
  /** The office (kantoor), printed in the envelope window above "t.a.v." the person. */
  organisatie: optionalText(200),
  /** For the salutation ("Geachte heer Bakker"). */
  geslacht: z.enum(GESLACHT).default('0'),
  /** Gets a copy of the letters, where the client wants that (e.g. the bewindvoerder). */
  ontvangtPost: z.boolean().default(false),
});

/** The default of what a representative acts in, per soort. */
export function standaardHandeltIn(soort: (typeof VERTEGENWOORDIGER_SOORTEN)[number]): (typeof HANDELT_IN)[number][] {
  switch (soort) {
    case 'curator': case 'ouder_voogd': return ['zorg', 'financieel'];
    case 'mentor': case 'gemachtigde': return ['zorg'];
    case 'bewindvoerder': return ['financieel'];
  }
}

export const ClientInputSchema = z.object({
  bsn: BsnSchema,
  voornamen: z.string().trim().min(1, 'Vul de voornamen in.').max(200),
  voorletters: optionalText(20),
  voorvoegsel: optionalText(20),
  geslachtsnaam: z.string().trim().min(1, 'Vul de achternaam (geslachtsnaam) in.').max(200),
  partnerVoorvoegsel: optionalText(20),
  partnerGeslachtsnaam: optionalText(200),
  naamgebruik: z.enum(NAAMGEBRUIK).default('E'),
  geslacht: z.enum(GESLACHT).default('0'),
  geboortedatum: GeboortedatumSchema,
  straat: optionalText(100),
  huisnummer: HuisnummerSchema,
  huisletter: HuisletterSchema,
  huisnummerToevoeging: HuisnummerToevoegingSchema,
  postcode: z.string().trim().optional().nullable().superRefine((v, ctx) => {
    const problem = v ? postcodeProblem(v) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }).transform((v) => (v ? normalizePostcode(v) : null)),
  woonplaats: optionalText(80),
  telefoon: TelefoonSchema,
  email: z.union([z.literal(''), z.email('Dit e-mailadres klopt niet.')]).optional().nullable().transform((v) => v || null),
  wijk: optionalText(80),
  geheimhouding: z.boolean().default(false),
  overleden: z.boolean().default(false),
  nietIngezetene: z.boolean().default(false),
  vertegenwoordigers: z.array(VertegenwoordigerSchema).max(5).default([]),
});
export type ClientInput = z.input<typeof ClientInputSchema>;

export const ClientSummarySchema = z.object({
  id: z.number().int(),
  bsn: z.string(),
  naam: z.string(),
  geboortedatum: z.string(),
  adres: z.string(),
  wijk: z.string().nullable(),
  geheimhouding: z.boolean(),
  overleden: z.boolean(),
});
export type ClientSummary = z.infer<typeof ClientSummarySchema>;

export const ClientSchema = ClientInputSchema.extend({
  // The elfproef is a rule for what comes in; what is stored is shown as it is (benchmark
  // databases hold 9-digit numbers that are deliberately no BSN, see main/demo/generate.ts).
  bsn: z.string().regex(/^\d{9}$/),
  id: z.number().int(),
  naam: z.string(),
  householdId: z.number().int().nullable(),
  vertegenwoordigers: z.array(VertegenwoordigerSchema.extend({ id: z.number().int(), handeltIn: z.array(z.enum(HANDELT_IN)) })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof ClientSchema>;

export const SEARCH_KINDS = ['auto', 'bsn', 'naam', 'fuzzy', 'postcode', 'geboortedatum', 'adres'] as const;
/**
 * A search counts its matches up to this many: beyond it the exact number helps no one (the
 * search needs refining) and counting every "jan" among 100,000 names cost the team server more
 * than the search itself (FTS count 1.1 ms of a 2 ms search at 50 desks).
 */
export const SEARCH_COUNT_CAP = 200;

export const ClientSearchSchema = z.object({
  query: z.string().trim().min(1, 'Typ een BSN, naam, postcode met huisnummer, straat met huisnummer of geboortedatum.').max(100),
  kind: z.enum(SEARCH_KINDS).default('auto'),
  limit: z.number().int().min(1).max(100).default(25),
});

export const PlanDoelSchema = z.object({
  omschrijving: multiline(z.string().trim().min(1, 'Beschrijf het doel.').max(500)),
  status: z.enum(['open', 'bezig', 'bereikt', 'vervallen']).default('open'),
});
export const PlanAfspraakSchema = z.object({
  omschrijving: multiline(z.string().trim().min(1, 'Beschrijf de afspraak.').max(500)),
  wie: z.string().trim().max(100).default(''),
  wanneer: z.string().trim().max(40).default(''),
});

export const HouseholdInputSchema = z.object({
  naam: z.string().trim().min(1, 'Geef het huishouden een naam, bijvoorbeeld de achternaam.').max(100),
  regisseurId: z.number().int().nullable().default(null),
  memberIds: z.array(z.number().int()).min(1, 'Een huishouden heeft minstens één cliënt.').max(20),
});

export const HouseholdPlanSchema = z.object({
  id: z.number().int(),
  regisseurId: z.number().int().nullable(),
  doelen: z.array(PlanDoelSchema).max(50),
  afspraken: z.array(PlanAfspraakSchema).max(100),
});

export const HouseholdSchema = z.object({
  id: z.number().int(),
  naam: z.string(),
  regisseurId: z.number().int().nullable(),
  regisseurNaam: z.string().nullable(),
  doelen: z.array(PlanDoelSchema),
  afspraken: z.array(PlanAfspraakSchema),
  leden: z.array(ClientSummarySchema),
});
export type Household = z.infer<typeof HouseholdSchema>;
