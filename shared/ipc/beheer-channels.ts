import { z } from 'zod';
import { ClientSchema } from '../schemas/client';
import {
  BeperkingOpheffenSchema, HerindicatieItemSchema, HerindicatieQuerySchema, MiBestandSchema, MiExportSchema,
  MiOverzichtSchema, MiQuerySchema, RectificatieSchema, VernietigbareZaakSchema, VernietigingBeoordelingSchema,
  VernietigingLijstSchema, VernietigingResultaatSchema, VernietigingVoorstelInputSchema, VernietigingVoorstelSchema,
  VerzoekBesluitSchema, VerzoekInputSchema, VerzoekLijstSchema, VerzoekSchema, ZaakAfsluitenSchema, ZaakArchiefSchema,
} from '../schemas/beheer';
import { CASE_READERS, CASE_WRITERS, ch, STAFF, type ChannelDef } from './define';

const MI_ROLES = ['beheerder', 'auditor', 'besluitbevoegd'] as const;

/** Beheer: management information, retention (Archiefwet) and citizens' rights (AVG). */
export const BEHEER_CHANNELS = {
  // Management information: aggregates only, never a BSN or a name.
  'mi.overzicht': ch({ input: MiQuerySchema, output: MiOverzichtSchema, roles: MI_ROLES, writes: false }),
  'mi.export': ch({ input: MiExportSchema, output: MiBestandSchema, roles: MI_ROLES, writes: false }),
  // The herindicatielijst names clients: a separate channel, for the people who do the casework, logged per client.
  'mi.herindicatie': ch({ input: HerindicatieQuerySchema, output: z.object({ items: z.array(HerindicatieItemSchema) }), roles: ['consulent', 'besluitbevoegd', 'auditor'], writes: false }),

  // Retention (Selectielijst 2020).
  'zaak.afsluiten': ch({ input: ZaakAfsluitenSchema, output: ZaakArchiefSchema, roles: CASE_WRITERS, writes: true }),
  'zaak.archief': ch({ input: z.object({ meldingId: z.number().int() }), output: z.object({ archief: ZaakArchiefSchema.nullable() }), roles: [...CASE_READERS, 'beheerder'], writes: false }),
  'vernietiging.lijst': ch({
    input: VernietigingLijstSchema,
    output: z.object({ peildatum: z.string(), items: z.array(VernietigbareZaakSchema), voorstellen: z.array(VernietigingVoorstelSchema) }),
    roles: ['beheerder', 'auditor'], writes: false,
  }),
  'vernietiging.voorstel': ch({ input: VernietigingVoorstelInputSchema, output: VernietigingVoorstelSchema, roles: ['beheerder'], writes: true }),
  // The second pair of eyes may be an auditor: approving is a control act, not case work. `writes: false`
  // because the router refuses every writing channel to an auditor; the only thing written is the
  // approval itself (and its log entry). Destruction itself is 'vernietiging.uitvoeren', beheerder only.
  'vernietiging.goedkeuren': ch({ input: VernietigingBeoordelingSchema, output: VernietigingVoorstelSchema, roles: ['beheerder', 'auditor'], writes: false }),
  'vernietiging.uitvoeren': ch({ input: z.object({ voorstelId: z.number().int() }), output: VernietigingResultaatSchema, roles: ['beheerder'], writes: true }),

  // Citizens' rights (AVG art. 16, 17 with Selectielijst/Jeugdwet 7.3.9, 18).
  'rechten.verzoek': ch({ input: VerzoekInputSchema, output: VerzoekSchema, roles: ['consulent', 'besluitbevoegd', 'administratie', 'beheerder'], writes: true }),
  'rechten.lijst': ch({ input: VerzoekLijstSchema, output: z.object({ verzoeken: z.array(VerzoekSchema), beperkt: z.boolean().nullable() }), roles: STAFF, writes: false }),
  'rechten.besluit': ch({ input: VerzoekBesluitSchema, output: VerzoekSchema, roles: ['besluitbevoegd', 'beheerder'], writes: true }),
  'rechten.rectificatie': ch({ input: RectificatieSchema, output: z.object({ verzoek: VerzoekSchema, client: ClientSchema }), roles: ['consulent', 'besluitbevoegd', 'beheerder'], writes: true }),
  'rechten.beperkingOpheffen': ch({ input: BeperkingOpheffenSchema, output: VerzoekSchema, roles: ['besluitbevoegd', 'beheerder'], writes: true }),
} as const satisfies Record<string, ChannelDef>;
