import { z } from 'zod';
import { multiline } from '../text';
import { bsnProblem } from '../bsn';
import { partialDateProblem } from '../dates';
import { postcodeProblem } from '../postcode';
import './locale';

/** Forms and the router share these schemas: one definition of what valid input is. */

const optionalText = (max: number) =>
  z.string().trim().max(max, `Gebruik hoogstens ${max} tekens.`).optional().nullable()
    .transform((v) => (v ? v : null));

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
  telefoon: optionalText(30),
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
  huisnummer: z.number().int('Het huisnummer is een heel getal.').min(1).max(99999).optional().nullable().transform((v) => v ?? null),
  huisletter: optionalText(1),
  huisnummerToevoeging: optionalText(4),
  postcode: z.string().trim().optional().nullable().superRefine((v, ctx) => {
    const problem = v ? postcodeProblem(v) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }).transform((v) => (v ? v.toUpperCase().replace(/^(\d{4})\s*([A-Z]{2})$/, '$1 $2') : null)),
  woonplaats: optionalText(80),
  telefoon: optionalText(30),
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
