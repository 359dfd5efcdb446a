import { z } from 'zod';
import { agbProblem, normalizeAgb } from '../agb';
import { ch, STAFF, type ChannelDef } from './define';

/**
 * The beheerder's pick lists (issue 16): wijken, and aanbieders with their AGB code. Everyone reads
 * them (the client and indicatie forms pick from them, the werkvoorraad filters on wijk); only the
 * beheerder adds, renames and deactivates. Nothing is deleted: old cases keep their wijk and aanbieder.
 */

export const WijkSchema = z.object({ id: z.number().int(), naam: z.string(), actief: z.boolean(), clienten: z.number().int() });
export type Wijk = z.infer<typeof WijkSchema>;

export const WijkInputSchema = z.object({
  /** Absent: a new wijk. */
  id: z.number().int().optional(),
  naam: z.string().trim().min(2, 'Geef de wijk een naam van minstens 2 tekens.').max(80, 'Een wijknaam heeft hoogstens 80 tekens.'),
  actief: z.boolean().default(true),
});

export const AanbiederSchema = z.object({ id: z.number().int(), agbCode: z.string(), naam: z.string(), actief: z.boolean() });
export type Aanbieder = z.infer<typeof AanbiederSchema>;

export const AanbiederInputSchema = z.object({
  id: z.number().int().optional(),
  agbCode: z.string().trim().superRefine((v, ctx) => {
    const problem = agbProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }).transform(normalizeAgb),
  naam: z.string().trim().min(2, 'Vul de naam van de aanbieder in.').max(200, 'Een naam heeft hoogstens 200 tekens.'),
  actief: z.boolean().default(true),
});

export const KEUZELIJST_CHANNELS = {
  'keuzelijst.wijken': ch({
    input: z.object({}).default({}),
    output: z.object({ wijken: z.array(WijkSchema) }),
    roles: STAFF, writes: false,
  }),
  /** Adds (without id) or renames and (de)activates a wijk; a rename carries over to its clients. */
  'keuzelijst.wijk.opslaan': ch({
    input: WijkInputSchema,
    output: WijkSchema,
    roles: ['beheerder'], writes: true,
  }),
  'keuzelijst.aanbieders': ch({
    input: z.object({}).default({}),
    output: z.object({ aanbieders: z.array(AanbiederSchema) }),
    roles: STAFF, writes: false,
  }),
  'keuzelijst.aanbieder.opslaan': ch({
    input: AanbiederInputSchema,
    output: AanbiederSchema,
    roles: ['beheerder'], writes: true,
  }),
} as const satisfies Record<string, ChannelDef>;
