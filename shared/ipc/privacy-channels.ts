import { z } from 'zod';
import { multiline } from '../text';
import { IsoDateSchema } from '../schemas/zaak';
import { ch, STAFF, type ChannelDef } from './define';

/** Least privilege (issue 15): AVG art. 15 requests, and the auditor's logged inzage with a reason. */

export const InzageVerzoekSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  ontvangenOp: z.string(),
  /** AVG art. 12 lid 3: an answer within one month. */
  uiterlijkOp: z.string(),
  toelichting: z.string(),
  geregistreerdDoor: z.string(),
  uitgevoerdOp: z.string().nullable(),
});
export type InzageVerzoek = z.infer<typeof InzageVerzoekSchema>;

export const PRIVACY_CHANNELS = {
  'rechten.inzageVerzoek': ch({
    input: z.object({
      clientId: z.number().int(),
      ontvangenOp: IsoDateSchema,
      toelichting: multiline(z.string().trim().min(5, 'Schrijf kort op hoe het verzoek binnenkwam (brief, balie, e-mail) en wat de cliënt vraagt.').max(2000)),
    }),
    output: InzageVerzoekSchema,
    roles: ['consulent', 'besluitbevoegd', 'administratie', 'beheerder'], writes: true,
  }),
  'rechten.inzageVerzoeken': ch({ input: z.object({ clientId: z.number().int() }), output: z.object({ verzoeken: z.array(InzageVerzoekSchema) }), roles: STAFF, writes: false }),
  // The auditor opens a client's content only this way: with a reason, logged against the client.
  'audit.inzage': ch({
    input: z.object({ clientId: z.number().int(), reden: z.string().trim().min(10, 'Schrijf op waarom u het dossier inziet (bijvoorbeeld het kenmerk van de klacht of het onderzoek).').max(500) }),
    output: z.object({ json: z.string() }),
    roles: ['auditor'], writes: false,
  }),
} as const satisfies Record<string, ChannelDef>;
