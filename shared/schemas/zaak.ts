import { z } from 'zod';
import { multiline } from '../text';
import { agbProblem } from '../agb';
import { dateProblem } from '../dates';
import { WIJZIGING_GRONDEN } from '../termijnen';
import './locale';

/** The case chain: melding → onderzoek (gespreksverslag) → aanvraag → indicatie → beschikking. */

export const IsoDateSchema = z.string().trim().superRefine((v, ctx) => {
  const problem = dateProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const WETTEN = ['wmo', 'jeugdwet', 'participatiewet'] as const;
export type Wet = (typeof WETTEN)[number];
export const WET_LABELS: Record<Wet, string> = { wmo: 'Wmo 2015', jeugdwet: 'Jeugdwet', participatiewet: 'Participatiewet' };

export const KANALEN = ['balie', 'telefoon', 'email', 'brief', 'digitaal', 'huisbezoek', 'verwijzer'] as const;

export const MeldingInputSchema = z.object({
  clientId: z.number().int(),
  datum: IsoDateSchema,
  kanaal: z.enum(KANALEN, { error: 'Kies hoe de melding binnenkwam.' }),
  wet: z.enum(WETTEN, { error: 'Kies de wet: Wmo, Jeugdwet of Participatiewet.' }),
  hulpvraag: multiline(z.string().trim().min(5, 'Schrijf de hulpvraag op in de woorden van de cliënt.').max(5000)),
  toestemming: z.boolean(),
  clientondersteuningAangeboden: z.boolean(),
  persoonlijkPlanOntvangenOp: IsoDateSchema.optional().nullable().transform((v) => v ?? null),
  mantelzorger: z.string().trim().max(300).optional().nullable().transform((v) => v || null),
  consulentId: z.number().int().optional(),
});

export const TermijnSchema = z.object({
  id: z.number().int(),
  soort: z.enum(['onderzoek', 'beschikking']),
  wet: z.enum(WETTEN),
  startdatum: z.string(),
  uiterlijk: z.string().nullable(),
  opgeschort: z.boolean(),
  verlengingen: z.array(z.object({ dagen: z.number().int(), reden: z.string(), op: z.string(), grond: z.enum(WIJZIGING_GRONDEN).optional(), grondTekst: z.string().optional() })),
  opschortingen: z.array(z.object({ van: z.string(), tot: z.string().nullable(), reden: z.string(), grond: z.enum(WIJZIGING_GRONDEN).optional(), grondTekst: z.string().optional() })),
  /** What sets the term, for the screen and the letters ("artikel 2.3.2, eerste lid, Wmo 2015"). */
  grondslag: z.string(),
  bron: z.enum(['wet', 'awb', 'verordening']),
  /** An Awb beslistermijn: verdaging (4:14) and opschorting (4:15) apply. Not so for the Wmo onderzoek. */
  awbBeslistermijn: z.boolean(),
  afgerondOp: z.string().nullable(),
  behaald: z.boolean().nullable(),
  status: z.enum(['op_tijd', 'deze_week', 'verlopen', 'afgerond', 'opgeschort']),
});
export type Termijn = z.infer<typeof TermijnSchema>;

/**
 * What a verlenging or opschorting rests on: the Awb (4:14/4:15, beslistermijnen only), the
 * client's consent, or a rule of the verordening; `grondTekst` says how/when or which article.
 */
const wijzigingGrond = {
  grond: z.enum(WIJZIGING_GRONDEN, { error: 'Kies de grond: de Awb, instemming van de cliënt of de verordening.' }).default('awb'),
  grondTekst: z.string().trim().max(300).optional().transform((v) => v || undefined),
};
export const TermijnVerlengSchema = z.object({
  termijnId: z.number().int(),
  dagen: z.number().int().min(1, 'Verleng met minstens 1 dag.').max(56, 'Verleng met hoogstens 8 weken; een langere termijn is niet redelijk (Awb 4:14).'),
  reden: multiline(z.string().trim().min(5, 'Schrijf de reden van de verlenging op; de cliënt krijgt die te horen (Awb 4:14).').max(500)),
  ...wijzigingGrond,
});
export const TermijnOpschortSchema = z.object({
  termijnId: z.number().int(),
  van: IsoDateSchema,
  reden: multiline(z.string().trim().min(5, 'Schrijf de reden van de opschorting op (Awb 4:15).').max(500)),
  ...wijzigingGrond,
});
export const TermijnHervatSchema = z.object({ termijnId: z.number().int(), tot: IsoDateSchema });

const verslagText = (label: string) =>
  multiline(z.string().trim().min(3, `Vul het onderdeel '${label}' in; de wet vraagt dit te onderzoeken.`).max(10000));

/** One field per topic of Wmo 2015 art. 2.3.2 lid 4 (a–e), plus pgb and bijdrage explained. */
export const OnderzoekInputSchema = z.object({
  meldingId: z.number().int(),
  datum: IsoDateSchema,
  aanwezigen: multiline(z.string().trim().min(2, 'Schrijf op wie er bij het gesprek waren.').max(1000)),
  behoeften: verslagText('behoeften, persoonskenmerken en voorkeuren (a)'),
  eigenKracht: verslagText('eigen kracht en gebruikelijke hulp (b)'),
  netwerk: verslagText('mantelzorg en sociaal netwerk (c)'),
  mantelzorgOndersteuning: verslagText('ondersteuning van de mantelzorger (d)'),
  algemeneVoorzieningen: verslagText('algemene voorzieningen (e)'),
  benodigdeOndersteuning: verslagText('benodigde ondersteuning'),
  pgbUitgelegd: z.boolean(),
  bijdrageUitgelegd: z.boolean(),
  conclusies: multiline(z.string().trim().min(5, 'Schrijf de conclusie van het onderzoek op.').max(10000)),
  verslagVerzondenOp: IsoDateSchema.optional().nullable().transform((v) => v ?? null),
  opmerkingenClient: multiline(z.string().trim().max(5000)).optional().nullable().transform((v) => v || null),
  /** Wmo 2.3.2 lid 2: how a persoonlijk plan was used in the onderzoek. */
  persoonlijkPlanGebruik: multiline(z.string().trim().max(2000)).optional().nullable().transform((v) => v || null),
});
export const OnderzoekSchema = OnderzoekInputSchema.extend({ id: z.number().int() });

export const AanvraagInputSchema = z.object({
  meldingId: z.number().int(),
  ontvangenOp: IsoDateSchema,
  omschrijving: multiline(z.string().trim().min(3, 'Beschrijf wat de cliënt aanvraagt.').max(2000)),
});
export const AanvraagSchema = AanvraagInputSchema.extend({ id: z.number().int() });

export const LEVERINGSVORMEN = ['ZIN', 'PGB'] as const;

export const IndicatieInputSchema = z.object({
  aanvraagId: z.number().int(),
  productcategorie: z.string().regex(/^[0-9]{2}$/, 'Kies een productcategorie uit de lijst.'),
  productcode: z.string().trim().max(5, 'Een productcode heeft hoogstens 5 tekens.').optional().nullable().transform((v) => v || null),
  omvang: z.object({
    volume: z.number().int('Het volume is een heel getal; schrijf 1,5 uur als 90 minuten.').min(1).max(99999999),
    eenheid: z.string().regex(/^[0-9]{2}$/, 'Kies een eenheid.'),
    frequentie: z.string().regex(/^[0-9]$/, 'Kies een frequentie.'),
  }).nullable().default(null),
  budgetCents: z.number().int('Een bedrag is een heel aantal centen.').min(1).max(99999999).nullable().default(null),
  leveringsvorm: z.enum(LEVERINGSVORMEN, { error: 'Kies zorg in natura (ZIN) of een persoonsgebonden budget (PGB).' }),
  aanbiederAgb: z.string().trim().optional().nullable().superRefine((v, ctx) => {
    const problem = v ? agbProblem(v) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }).transform((v) => v || null),
  aanbiederNaam: z.string().trim().max(200).optional().nullable().transform((v) => v || null),
  ingangsdatum: IsoDateSchema,
  einddatum: IsoDateSchema.optional().nullable().transform((v) => v ?? null),
  motivering: multiline(z.string().trim().min(10, 'Motiveer de indicatie: waarom deze ondersteuning, in deze omvang?').max(10000)),
  /** PGB: who gives the care (formeel/informeel) and the tariff from the verordening (eurocents per uur). */
  pgbZorgverlener: z.enum(['formeel', 'informeel'], { error: 'Kies formele of informele hulp.' }).optional().nullable().transform((v) => v ?? null),
  pgbTariefCents: z.number().int('Een tarief is een heel aantal centen.').min(1).max(100000).optional().nullable().transform((v) => v ?? null),
  /** An indicatie for the same product that this one explicitly replaces (e.g. ZIN → PGB). */
  vervangtIndicatieId: z.number().int().optional().nullable().transform((v) => v ?? null),
  /** For a product of a verzoek om toewijzing (315): its ReferentieAanbieder, echoed in the 301 (IV097). */
  referentieAanbieder: z.string().trim().min(1).max(36, 'ReferentieAanbieder is hoogstens 36 tekens.').optional(),
});
export const IndicatieSchema = z.object({
  id: z.number().int(),
  aanvraagId: z.number().int(),
  wet: z.enum(WETTEN),
  productcategorie: z.string(),
  productcategorieLabel: z.string(),
  productcode: z.string().nullable(),
  omvang: z.object({ volume: z.number(), eenheid: z.string(), frequentie: z.string() }).nullable(),
  omvangTekst: z.string().nullable(),
  budgetCents: z.number().nullable(),
  leveringsvorm: z.enum(LEVERINGSVORMEN),
  aanbiederAgb: z.string().nullable(),
  aanbiederNaam: z.string().nullable(),
  ingangsdatum: z.string(),
  einddatum: z.string().nullable(),
  motivering: z.string(),
  toewijzingNummer: z.number().nullable(),
  pgbZorgverlener: z.enum(['formeel', 'informeel']).nullable(),
  pgbTariefCents: z.number().nullable(),
  vervangtIndicatieId: z.number().nullable(),
});
export type Indicatie = z.infer<typeof IndicatieSchema>;

export const BESCHIKKING_SOORTEN = ['toekenning', 'gedeeltelijke_toekenning', 'afwijzing', 'wijziging', 'beeindiging', 'buiten_behandeling'] as const;
export type BeschikkingSoort = (typeof BESCHIKKING_SOORTEN)[number];
export const BESCHIKKING_STATUSSEN = ['concept', 'ter_accordering', 'vastgesteld', 'verzonden'] as const;
export type BeschikkingStatus = (typeof BESCHIKKING_STATUSSEN)[number];

/** Why a beëindiging ends the support; it sets the iWmo/iJw RedenWijziging (02, 05, 06, 07, 08, 09, 12). */
export const REDENEN_EINDE = ['herbeoordeling', 'overleden', 'ander_domein', 'verhuizing', 'pgb', 'andere_aanbieder', 'op_verzoek_aanbieder'] as const;
export type RedenEinde = (typeof REDENEN_EINDE)[number];
export const REDEN_EINDE_LABELS: Record<RedenEinde, string> = {
  herbeoordeling: 'Herbeoordeling: de ondersteuning is niet meer (zo) nodig',
  overleden: 'De cliënt is overleden',
  ander_domein: 'Uitstroom naar een ander domein (bijvoorbeeld de Wlz of de Zvw)',
  verhuizing: 'Verhuizing naar een andere gemeente',
  pgb: 'De cliënt gaat over op een persoonsgebonden budget',
  andere_aanbieder: 'Overstap naar een andere aanbieder',
  op_verzoek_aanbieder: 'Op verzoek van de aanbieder',
};

export const BeschikkingInputSchema = z.object({
  aanvraagId: z.number().int(),
  soort: z.enum(BESCHIKKING_SOORTEN, { error: 'Kies het soort besluit.' }),
  indicatieIds: z.array(z.number().int()).max(20).default([]),
  besluitTekst: multiline(z.string().trim().min(10, 'Schrijf het besluit op, in één of twee zinnen.').max(2000)),
  motivering: multiline(z.string().trim().min(20, 'Motiveer het besluit: de feiten uit het onderzoek en de regels (Awb 3:46).').max(20000)),
  wettelijkeGrondslag: z.array(z.string().trim().min(3).max(200)).min(1, 'Noem minstens één wetsartikel als grondslag.').max(20),
  vervangtId: z.number().int().nullable().default(null),
  /** For a beëindiging (required) or wijziging: the day the change takes effect. */
  perDatum: IsoDateSchema.nullable().default(null),
  /** For a beëindiging: why the support ends (RedenWijziging of the toewijzing). */
  redenEinde: z.enum(REDENEN_EINDE, { error: 'Kies waarom de ondersteuning stopt.' }).nullable().default(null),
  /** A wijziging or beëindiging without an aanvraag (ambtshalve): why we decide. Needs a voornemen (Awb 4:8). */
  ambtshalveAanleiding: multiline(z.string().trim().max(2000)).optional().nullable().transform((v) => v || null),
  voornemenId: z.number().int().optional().nullable().transform((v) => v ?? null),
  /** Gedeeltelijke toekenning: what is not granted and why, item by item. */
  nietToegekend: z.array(z.object({
    wat: z.string().trim().min(3, 'Schrijf op wat niet wordt toegekend.').max(300),
    waarom: multiline(z.string().trim().min(10, 'Schrijf op waarom dit deel niet wordt toegekend.').max(2000)),
  })).max(20).default([]),
});

export const BeschikkingSchema = z.object({
  id: z.number().int(),
  aanvraagId: z.number().int(),
  meldingId: z.number().int(),
  clientId: z.number().int(),
  clientNaam: z.string(),
  kenmerk: z.string(),
  soort: z.enum(BESCHIKKING_SOORTEN),
  status: z.enum(BESCHIKKING_STATUSSEN),
  besluitTekst: z.string(),
  motivering: z.string(),
  wettelijkeGrondslag: z.array(z.string()),
  indicaties: z.array(IndicatieSchema),
  auteur: z.string(),
  accordeur: z.string().nullable(),
  vastgesteldOp: z.string().nullable(),
  verzondenOp: z.string().nullable(),
  vervangtId: z.number().int().nullable(),
  perDatum: z.string().nullable(),
  redenEinde: z.enum(REDENEN_EINDE).nullable(),
  ambtshalveAanleiding: z.string().nullable(),
  nietToegekend: z.array(z.object({ wat: z.string(), waarom: z.string() })),
  voornemenId: z.number().int().nullable(),
  letterId: z.number().int().nullable(),
  letterSha256: z.string().nullable(),
  /** The last time the besluitbevoegde sent it back, and why (shown on the concept). */
  terugzending: z.object({ reden: z.string(), door: z.string(), op: z.string() }).nullable(),
});
export type Beschikking = z.infer<typeof BeschikkingSchema>;

/** A beschikking in the accordering queue, with the beslistermijn it must be taken within. */
export const AccorderingItemSchema = BeschikkingSchema.extend({ beslistermijn: TermijnSchema.nullable() });
/** The queue is paged: a besluitbevoegde works from the top, and a full queue at scale is hundreds of cards. */
export const AccorderingQuerySchema = z.object({
  pagina: z.number().int().min(1).default(1),
  perPagina: z.number().int().min(5).max(100).default(20),
}).default({ pagina: 1, perPagina: 20 });
export const AccorderingPageSchema = z.object({
  items: z.array(AccorderingItemSchema),
  totaal: z.number().int(),
  pagina: z.number().int(),
  perPagina: z.number().int(),
});
export type AccorderingItem = z.infer<typeof AccorderingItemSchema>;
export type AccorderingPage = z.infer<typeof AccorderingPageSchema>;

export const MeldingSchema = MeldingInputSchema.extend({
  /** Empty for a reader without access to it (administratie: least privilege). */
  hulpvraag: z.string(),
  id: z.number().int(),
  consulentId: z.number().int(),
  consulentNaam: z.string(),
  /** Wmo 2.3.2 lid 2: the client may hand in a persoonlijk plan until 7 days after the melding. */
  persoonlijkPlanUiterlijk: z.string(),
  status: z.enum(['open', 'afgesloten']),
  clientNaam: z.string(),
  kenmerk: z.string(),
});
export type Melding = z.infer<typeof MeldingSchema>;

export const MeldingDetailSchema = z.object({
  melding: MeldingSchema,
  onderzoek: OnderzoekSchema.nullable(),
  aanvraag: AanvraagSchema.nullable(),
  indicaties: z.array(IndicatieSchema),
  beschikkingen: z.array(BeschikkingSchema),
  termijnen: z.array(TermijnSchema),
});
export type MeldingDetail = z.infer<typeof MeldingDetailSchema>;

export const WerkvoorraadItemSchema = z.object({
  meldingId: z.number().int(),
  kenmerk: z.string(),
  clientId: z.number().int(),
  clientNaam: z.string(),
  wijk: z.string().nullable(),
  wet: z.enum(WETTEN),
  consulentNaam: z.string(),
  fase: z.string(),
  termijn: TermijnSchema.nullable(),
});
export type WerkvoorraadItem = z.infer<typeof WerkvoorraadItemSchema>;
