import { z } from 'zod';
import { multiline } from '../text';
import { IsoDateSchema, TermijnVerlengSchema } from '../schemas/zaak';
import { CASE_WRITERS, ch, type ChannelDef } from './define';

/**
 * The letters of the Awb procedure (issue 14): the voornemen before an ambtshalve beëindiging,
 * herziening or terugvordering with its zienswijze (4:8), the verdaging (4:14) and the request to
 * complete an aanvraag with a hersteltermijn (4:5, with its opschorting).
 */

const pdf = z.object({ pdfBase64: z.string(), sha256: z.string(), letterId: z.number().int() });

export const VoornemenInputSchema = z.object({
  /** The decision we intend to end, revise or reclaim under. */
  beschikkingId: z.number().int(),
  soort: z.enum(['beeindiging', 'herziening', 'terugvordering'], { error: 'Kies beëindiging, herziening of terugvordering.' }),
  wat: multiline(z.string().trim().min(10, 'Schrijf op wat u van plan bent, in één of twee zinnen.').max(1000)),
  reden: multiline(z.string().trim().min(10, 'Schrijf op waarom; de cliënt moet erop kunnen reageren (Awb 4:8).').max(5000)),
  perDatum: IsoDateSchema.optional().nullable().transform((v) => v ?? null),
  zienswijzeUiterlijk: IsoDateSchema,
});

export const VoornemenSchema = z.object({
  id: z.number().int(),
  beschikkingId: z.number().int(),
  beschikkingKenmerk: z.string(),
  soort: z.enum(['beeindiging', 'herziening', 'terugvordering']),
  wat: z.string(),
  perDatum: z.string().nullable(),
  verzondenOp: z.string(),
  zienswijzeUiterlijk: z.string(),
  zienswijze: z.string().nullable(),
  zienswijzeOp: z.string().nullable(),
});
export type Voornemen = z.infer<typeof VoornemenSchema>;

export const LEGAL_CHANNELS = {
  /** The voornemens sent for the decisions of one melding, newest first (for the screen). */
  'voornemen.list': ch({
    input: z.object({ meldingId: z.number().int() }),
    output: z.object({ voornemens: z.array(VoornemenSchema) }),
    roles: CASE_WRITERS, writes: false,
  }),
  'voornemen.send': ch({
    input: VoornemenInputSchema,
    output: pdf.extend({ voornemenId: z.number().int() }),
    roles: CASE_WRITERS, writes: true,
  }),
  'voornemen.zienswijze': ch({
    input: z.object({
      voornemenId: z.number().int(),
      ontvangenOp: IsoDateSchema,
      zienswijze: multiline(z.string().trim().min(3, 'Schrijf de reactie van de cliënt op (of een samenvatting).').max(10000)),
    }),
    output: z.object({ voornemenId: z.number().int() }),
    roles: CASE_WRITERS, writes: true,
  }),
  /**
   * The verdagingsbrief of the last verlenging; with `dagen` and `reden` it verdaagt first (Awb
   * 4:14), in the same transaction: no verdaging without its letter, no second one on a retry.
   */
  'letter.verdaging': ch({
    input: z.object({ termijnId: z.number().int() }).extend(TermijnVerlengSchema.pick({ dagen: true, reden: true }).partial().shape),
    output: pdf,
    roles: CASE_WRITERS, writes: true,
  }),
  'letter.aanvulverzoek': ch({
    input: z.object({
      meldingId: z.number().int(),
      ontbreekt: z.array(z.string().trim().min(3, 'Schrijf op wat er ontbreekt.').max(500)).min(1, 'Noem wat er ontbreekt aan de aanvraag.').max(20),
      hersteltermijnEinde: IsoDateSchema,
    }),
    output: pdf,
    roles: CASE_WRITERS, writes: true,
  }),
} satisfies Record<string, ChannelDef>;
