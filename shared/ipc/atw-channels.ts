import { z } from 'zod';
import { IsoDateSchema } from '../schemas/zaak';
import { ch, STAFF, type ChannelDef } from './define';

/**
 * Days made equal to a feestdag by koninklijk besluit (Algemene termijnenwet art. 3 lid 3): the
 * app ships the days of the besluiten it knows; the beheerder adds those of a later besluit.
 */
export const GelijkgesteldeDagSchema = z.object({
  datum: IsoDateSchema,
  naam: z.string().trim().min(3, 'Geef de dag een naam, bijvoorbeeld "Vrijdag na Hemelvaartsdag".').max(100),
  besluit: z.string().trim().min(10, 'Noem het koninklijk besluit (de titel uit de Staatscourant).').max(300),
});
export type GelijkgesteldeDagInput = z.infer<typeof GelijkgesteldeDagSchema>;

export const ATW_CHANNELS = {
  'atw.gelijkgesteld.lijst': ch({
    input: z.object({}).default({}),
    output: z.object({ dagen: z.array(GelijkgesteldeDagSchema.extend({ meegeleverd: z.boolean() })) }),
    roles: STAFF, writes: false,
  }),
  /** Replaces the beheerder's own list (the shipped days always count). */
  'atw.gelijkgesteld.zet': ch({
    input: z.object({ dagen: z.array(GelijkgesteldeDagSchema).max(200) }),
    output: z.object({ dagen: z.array(GelijkgesteldeDagSchema.extend({ meegeleverd: z.boolean() })) }),
    roles: ['beheerder'], writes: true,
  }),
} as const satisfies Record<string, ChannelDef>;
