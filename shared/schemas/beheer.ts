import { z } from 'zod';
import { multiline } from '../text';
import { ClientInputSchema } from './client';
import { BESCHIKKING_SOORTEN, IsoDateSchema, LEVERINGSVORMEN, WETTEN } from './zaak';
import './locale';

/**
 * Beheer: management information (aggregates without BSN or name), retention under the
 * Archiefwet (Selectielijst 2020) and citizens' rights (AVG art. 16–18).
 */

// ---------------------------------------------------------------- retention

export const ZAAK_RESULTATEN = ['verstrekt', 'geweigerd', 'beeindigd', 'afgebroken'] as const;
export type ZaakResultaat = (typeof ZAAK_RESULTATEN)[number];
export const ZAAK_RESULTAAT_LABELS: Record<ZaakResultaat, string> = {
  verstrekt: 'Verstrekt', geweigerd: 'Geweigerd', beeindigd: 'Beëindigd', afgebroken: 'Afgebroken',
};

export const ZaakAfsluitenSchema = z.object({
  meldingId: z.number().int(),
  resultaat: z.enum(ZAAK_RESULTATEN, { error: 'Kies het resultaat: verstrekt, geweigerd, beëindigd of afgebroken.' }),
  /** Default: today. */
  afsluitdatum: IsoDateSchema.optional(),
  /** Only for a Participatiewet voorziening (Selectielijst 8.1, bestaansduur): the day the voorziening ends. */
  brondatum: IsoDateSchema.optional(),
});

export const SelectielijstKlasseSchema = z.object({
  uuid: z.string(),
  volledigNummer: z.string(),
  naam: z.string(),
  omschrijving: z.string(),
  procestermijn: z.string(),
  bewaartermijn: z.string(),
});

export const ZaakArchiefSchema = z.object({
  meldingId: z.number().int(),
  kenmerk: z.string(),
  wet: z.enum(WETTEN),
  resultaat: z.enum(ZAAK_RESULTATEN),
  selectielijst: SelectielijstKlasseSchema,
  brondatum: z.string(),
  afsluitdatum: z.string(),
  archiefactiedatum: z.string(),
});
export type ZaakArchief = z.infer<typeof ZaakArchiefSchema>;

/** A case on the destruction list: ids, class and dates only — the beheerder does not read case files. */
export const VernietigbareZaakSchema = z.object({
  meldingId: z.number().int(),
  kenmerk: z.string(),
  clientId: z.number().int(),
  wet: z.enum(WETTEN),
  resultaat: z.enum(ZAAK_RESULTATEN),
  selectielijstNummer: z.string(),
  selectielijstNaam: z.string(),
  afsluitdatum: z.string(),
  archiefactiedatum: z.string(),
  /** Set when the case already sits in an open proposal. */
  voorstelId: z.number().int().nullable(),
  /** Set when a granted destruction request (AVG/Jeugdwet 7.3.9) brings the case forward. */
  verzoekId: z.number().int().nullable(),
});

export const VOORSTEL_STATUSSEN = ['voorgesteld', 'goedgekeurd', 'afgewezen', 'uitgevoerd'] as const;
export const VernietigingVoorstelSchema = z.object({
  id: z.number().int(),
  status: z.enum(VOORSTEL_STATUSSEN),
  grond: z.enum(['selectielijst', 'verzoek']),
  verzoekId: z.number().int().nullable(),
  toelichting: z.string().nullable(),
  voorgesteldDoor: z.string(),
  voorgesteldOp: z.string(),
  beoordeeldDoor: z.string().nullable(),
  beoordeeldOp: z.string().nullable(),
  beoordeling: z.string().nullable(),
  uitgevoerdDoor: z.string().nullable(),
  uitgevoerdOp: z.string().nullable(),
  items: z.array(z.object({
    meldingId: z.number().int(),
    clientId: z.number().int(),
    wet: z.enum(WETTEN),
    selectielijstNummer: z.string(),
    archiefactiedatum: z.string(),
    clientVernietigd: z.boolean(),
  })),
});
export type VernietigingVoorstel = z.infer<typeof VernietigingVoorstelSchema>;

export const VernietigingLijstSchema = z.object({ peildatum: IsoDateSchema.optional() });
export const VernietigingVoorstelInputSchema = z.object({
  meldingIds: z.array(z.number().int()).min(1, 'Kies minstens één zaak.').max(1000),
  toelichting: multiline(z.string().trim().max(2000)).optional().nullable().transform((v) => v || null),
});
export const VernietigingBeoordelingSchema = z.object({
  voorstelId: z.number().int(),
  akkoord: z.boolean(),
  toelichting: multiline(z.string().trim().max(2000)).optional().nullable().transform((v) => v || null),
}).refine((v) => v.akkoord || (v.toelichting ?? '').length >= 5, { message: 'Schrijf op waarom u het voorstel afwijst.', path: ['toelichting'] });

export const VernietigingResultaatSchema = z.object({
  voorstel: VernietigingVoorstelSchema,
  vernietigdeZaken: z.number().int(),
  vernietigdeClienten: z.number().int(),
  /** The WAL was checkpointed to zero bytes and the file vacuumed: no free page keeps old content. */
  opgeruimd: z.boolean(),
});

// ---------------------------------------------------------------- management information

export const MiQuerySchema = z.object({
  van: IsoDateSchema,
  tot: IsoDateSchema,
  wijk: z.string().trim().max(80).optional(),
  wet: z.enum(WETTEN).optional(),
  /** Herindicatielijst: indicaties ending in the coming N months (from today). */
  maanden: z.number().int().min(1).max(24).default(6),
}).refine((q) => q.van <= q.tot, { message: 'De begindatum ligt na de einddatum.', path: ['tot'] });

const wijkWet = { wijk: z.string(), wet: z.enum(WETTEN) };
export const MiOverzichtSchema = z.object({
  van: z.string(),
  tot: z.string(),
  peildatum: z.string(),
  meldingen: z.array(z.object({ ...wijkWet, aantal: z.number().int() })),
  doorlooptijd: z.array(z.object({ ...wijkWet, aantal: z.number().int(), gemiddeldDagen: z.number(), mediaanDagen: z.number() })),
  termijnen: z.array(z.object({ ...wijkWet, soort: z.enum(['onderzoek', 'beschikking']), afgerond: z.number().int(), behaald: z.number().int(), percentage: z.number() })),
  besluiten: z.array(z.object({ ...wijkWet, soort: z.enum(BESCHIKKING_SOORTEN), aantal: z.number().int() })),
  voorzieningen: z.array(z.object({
    ...wijkWet, productcategorie: z.string(), productcategorieLabel: z.string(), leveringsvorm: z.enum(LEVERINGSVORMEN),
    aantal: z.number().int(), budgetCents: z.number().int(),
  })),
  herindicatie: z.array(z.object({ ...wijkWet, maand: z.string(), aantal: z.number().int() })),
});
export type MiOverzicht = z.infer<typeof MiOverzichtSchema>;

export const MiExportSchema = z.object({ query: MiQuerySchema, formaat: z.enum(['csv', 'xlsx']) });
export const MiBestandSchema = z.object({ bestandsnaam: z.string(), mimeType: z.string(), base64: z.string() });

export const HerindicatieQuerySchema = z.object({
  maanden: z.number().int().min(1).max(24).default(3),
  wijk: z.string().trim().max(80).optional(),
  wet: z.enum(WETTEN).optional(),
});
export const HerindicatieItemSchema = z.object({
  indicatieId: z.number().int(),
  clientId: z.number().int(),
  clientNaam: z.string(),
  wijk: z.string().nullable(),
  wet: z.enum(WETTEN),
  productcategorie: z.string(),
  productcategorieLabel: z.string(),
  leveringsvorm: z.enum(LEVERINGSVORMEN),
  einddatum: z.string(),
  meldingId: z.number().int(),
  kenmerk: z.string(),
  consulentNaam: z.string(),
});

// ---------------------------------------------------------------- citizens' rights

export const VERZOEK_SOORTEN = ['vernietiging', 'rectificatie', 'beperking', 'opheffing_beperking'] as const;
export const VERZOEK_STATUSSEN = ['ontvangen', 'toegewezen', 'afgewezen', 'uitgevoerd'] as const;

export const VerzoekInputSchema = z.object({
  clientId: z.number().int(),
  soort: z.enum(['vernietiging', 'rectificatie', 'beperking'], { error: 'Kies het soort verzoek: vernietiging, rectificatie of beperking.' }),
  ontvangenOp: IsoDateSchema,
  toelichting: multiline(z.string().trim().min(5, 'Schrijf kort op wat de cliënt vraagt.').max(5000)),
  /** Vernietiging: which cases; empty = every case of the client. */
  meldingIds: z.array(z.number().int()).max(200).default([]),
});

export const VerzoekSchema = z.object({
  id: z.number().int(),
  clientId: z.number().int(),
  soort: z.enum(VERZOEK_SOORTEN),
  ontvangenOp: z.string(),
  uiterlijkOp: z.string(),
  toelichting: z.string().nullable(),
  meldingIds: z.array(z.number().int()),
  status: z.enum(VERZOEK_STATUSSEN),
  besluitOp: z.string().nullable(),
  besluitDoor: z.string().nullable(),
  reden: z.string().nullable(),
  wijziging: z.string().nullable(),
  uitgevoerdOp: z.string().nullable(),
  /** For vernietiging: the proposal it started. */
  voorstelId: z.number().int().nullable(),
});
export type Verzoek = z.infer<typeof VerzoekSchema>;

export const VerzoekBesluitSchema = z.object({
  verzoekId: z.number().int(),
  besluit: z.enum(['toegewezen', 'afgewezen'], { error: 'Kies: toewijzen of afwijzen.' }),
  reden: multiline(z.string().trim().min(5, 'Schrijf de reden van het besluit op; de cliënt krijgt die te horen.').max(5000)),
});

export const RectificatieSchema = z.object({
  verzoekId: z.number().int(),
  client: ClientInputSchema.extend({ id: z.number().int() }),
});

export const BeperkingOpheffenSchema = z.object({
  clientId: z.number().int(),
  reden: multiline(z.string().trim().min(5, 'Schrijf op waarom de beperking eindigt.').max(2000)),
});

export const VerzoekLijstSchema = z.object({
  clientId: z.number().int().optional(),
  alleenOpen: z.boolean().default(false),
});
