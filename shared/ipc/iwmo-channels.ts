import { z } from 'zod';
import { CASE_READERS, CASE_WRITERS, ch, type ChannelDef } from './define';

/**
 * Incoming verzoeken om toewijzing (WMO315/JW315) and the gemeente's answers: the list with the
 * terms of the iStandaarden (retour within 3 werkdagen, OP090; toewijzing or antwoord within 5
 * werkdagen per product, OP274), the antwoordbericht (319), and the decision on a 315 that
 * waited for a person.
 */
/** LDT_RedenAfwijzingVerzoek: shared so the screen offers the same list main accepts. */
export const REDENEN_AFWIJZING_VERZOEK = {
  '1': 'Geen wijziging, maar nieuwe aanvraag',
  '2': 'Past niet binnen budget',
  '3': 'Geen contract',
  '4': 'Past niet binnen contract',
  '5': 'Andere gemeente',
  '6': 'Stapeling',
  '7': 'Zorginhoudelijke afkeur',
  '8': 'Woonplaatsbeginsel',
  '9': 'Leeftijdsgrens is bereikt',
} as const;

export const VerzoekSchema = z.object({
  id: z.number().int(),
  bericht: z.enum(['WMO315', 'JW315']),
  afzender: z.string(),
  identificatie: z.string(),
  dagtekening: z.string(),
  ontvangenOp: z.string(),
  status: z.enum(['verwerkt', 'wacht_op_beoordeling', 'afgewezen']),
  redenWacht: z.string().nullable(),
  clientId: z.number().int().nullable(),
  /** The client as the 315 names them (also for a verzoek still waiting for a person). */
  clientNaam: z.string(),
  meldingId: z.number().int().nullable(),
  gezagsdragerBekend: z.boolean().nullable(),
  retourUiterlijk: z.string(),
  retourOp: z.string().nullable(),
  antwoordUiterlijk: z.string(),
  /** A product still without toewijzing or antwoord after the 5 werkdagen. */
  antwoordTeLaat: z.boolean(),
  producten: z.array(z.object({
    index: z.number().int(),
    referentieAanbieder: z.string(),
    categorie: z.string().nullable(),
    code: z.string().nullable(),
    ingangsdatum: z.string(),
    einddatum: z.string().nullable(),
    beschikkingNummer: z.number().int().nullable(),
    beschikkingIngangsdatum: z.string().nullable(),
    raamcontract: z.boolean().nullable(),
    commentaar: z.string().nullable(),
    verwijzer: z.object({ type: z.string(), naam: z.string().nullable(), zorgverlenerCode: z.string().nullable() }),
    status: z.enum(['open', 'toegewezen', 'beantwoord']),
    antwoord: z.enum(['1', '2']).nullable(),
  })),
});
export type Verzoek = z.infer<typeof VerzoekSchema>;

export const AntwoordSchema = z.object({
  id: z.number().int(),
  productIndex: z.number().int().min(0),
  /** 1 = verzoek afgewezen, 2 = aanvraag in onderzoek. */
  antwoord: z.enum(['1', '2'], { error: 'Kies het antwoord: 1 (afgewezen) of 2 (aanvraag in onderzoek).' }),
  redenAfwijzing: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9'], { error: 'Kies de reden van afwijzing uit de lijst.' }).optional(),
  woonplaatsbeginselGemeente: z.string().regex(/^\d{4}$/, 'De gemeentecode is 4 cijfers.').optional(),
});

const bericht = z.object({ bestand: z.string().nullable(), xml: z.string() });

export const IWMO_CHANNELS = {
  'iwmo.verzoeken': ch({
    input: z.object({ alleenOpen: z.boolean().default(true) }).default({ alleenOpen: true }),
    output: z.object({ items: z.array(VerzoekSchema) }),
    roles: CASE_READERS, writes: false,
  }),
  'iwmo.verzoek.antwoord': ch({ input: AntwoordSchema, output: bericht, roles: CASE_WRITERS, writes: true }),
  'iwmo.verzoek.beoordeel': ch({
    input: z.object({
      id: z.number().int(),
      besluit: z.enum(['koppelen', 'afwijzen'], { error: 'Kies: koppelen aan de cliënt of afwijzen.' }),
      toelichting: z.string().trim().min(10, 'Schrijf op wat u heeft gecontroleerd (bijvoorbeeld: BRP geraadpleegd, naam gewijzigd).').max(1000),
    }),
    output: VerzoekSchema, roles: CASE_WRITERS, writes: true,
  }),
} as const satisfies Record<string, ChannelDef>;
