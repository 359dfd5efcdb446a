import { z } from 'zod';
import { checkedByService } from '../text';
import { IsoDateSchema } from '../schemas/zaak';
import { CASE_WRITERS, ch, STAFF, type ChannelDef } from './define';

/** Export: ZGW outbox, iWmo/iJw messages, auditor and inzage exports. */

const KINDS = ['zgw', 'iwmo'] as const;
const STATUSSEN = ['wachtend', 'bezig', 'klaar', 'fout'] as const;
/** Who may start or retry an export (auditors never write). */
const EXPORTERS = ['consulent', 'besluitbevoegd', 'administratie', 'beheerder'] as const;

const ErrorSchema = z.object({ message: z.string(), field: z.string().optional() });

export const ExportJobSchema = z.object({
  id: z.number().int(),
  kind: z.enum(KINDS),
  subjectId: z.number().int(),
  kenmerk: z.string().nullable(),
  clientId: z.number().int().nullable(),
  status: z.enum(STATUSSEN),
  attempts: z.number().int(),
  stepsDone: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: ErrorSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExportJob = z.infer<typeof ExportJobSchema>;

const PlannedSchema = z.object({
  jobId: z.number().int().nullable(),
  kind: z.enum(KINDS),
  beschikkingId: z.number().int(),
  kenmerk: z.string().nullable(),
  clientId: z.number().int().nullable(),
  /** What would be sent or written, in plain Dutch; never a BSN. */
  wat: z.array(z.string()),
  fout: z.string().optional(),
});

const period = z.object({ van: IsoDateSchema, tot: IsoDateSchema }).refine((p) => p.van <= p.tot, { message: 'De begindatum ligt na de einddatum.', path: ['tot'] });

export const EXPORT_CHANNELS = {
  'export.status': ch({
    input: z.object({ status: z.enum(STATUSSEN).optional(), kind: z.enum(KINDS).optional(), limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }),
    output: z.object({ jobs: z.array(ExportJobSchema), ingesteld: z.object({ zgw: z.array(z.string()), iwmo: z.array(z.string()) }) }),
    roles: STAFF, writes: false,
  }),
  'export.run': ch({
    input: z.object({ kind: z.enum(KINDS).optional(), maxJobs: z.number().int().min(1).max(500).default(50), dryRun: z.boolean().default(false) }).default({ maxJobs: 50, dryRun: false }),
    output: z.object({
      dryRun: z.boolean(),
      taken: z.number().int(), klaar: z.number().int(), wachtend: z.number().int(), fout: z.number().int(),
      jobs: z.array(z.object({ id: z.number().int(), kind: z.enum(KINDS), subjectId: z.number().int(), status: z.enum(STATUSSEN), error: ErrorSchema.optional() })),
      skipped: z.array(z.object({ kind: z.enum(KINDS), reason: z.string() })),
      planned: z.array(PlannedSchema),
    }),
    roles: EXPORTERS, writes: true,
  }),
  'export.retry': ch({ input: z.object({ id: z.number().int() }), output: ExportJobSchema, roles: EXPORTERS, writes: true }),
  'export.setSecret': ch({
    input: z.object({ secret: z.string().max(500, 'Het secret is te lang (hoogstens 500 tekens).') }),
    output: z.object({ ok: z.literal(true), ingesteld: z.boolean() }),
    roles: ['beheerder'], writes: true,
  }),
  'iwmo.importVerzoek': ch({
    input: z.object({ xml: checkedByService(z.string().min(1, 'Kies het XML-bestand van het verzoek om toewijzing.').max(25_000_000, 'Een iWmo-bericht is hoogstens 25 MB (OP179).')) }),
    output: z.object({
      bericht: z.string(), berichtIdentificatie: z.string(), aanbiederAgb: z.string(), verzoekId: z.number().int(),
      status: z.enum(['verwerkt', 'wacht_op_beoordeling']), redenWacht: z.string().nullable(), clientId: z.number().int().nullable(),
      clientAangemaakt: z.boolean(), meldingId: z.number().int().nullable(), kenmerk: z.string().nullable(), onderzoekUiterlijk: z.string().nullable(),
      retourUiterlijk: z.string(), retourBestand: z.string().nullable(), antwoordUiterlijk: z.string(),
      producten: z.number().int(),
    }),
    roles: CASE_WRITERS, writes: true,
  }),
  'export.audit': ch({
    input: z.object({
      periode: period,
      metBsn: z.boolean().default(false),
      reden: z.string().trim().max(500).optional(),
      dryRun: z.boolean().default(false),
    }).refine((v) => !v.metBsn || (v.reden ?? '').length >= 10, { message: 'Een export met BSN kan alleen met een reden (doelbinding): schrijf op waarvoor u de BSN nodig heeft.', path: ['reden'] }),
    output: z.object({
      dryRun: z.boolean(),
      aantallen: z.object({ beschikkingen: z.number().int(), indicaties: z.number().int(), termijnen: z.number().int() }),
      toegangslog: z.object({ ok: z.boolean(), entries: z.number().int(), firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).optional() }),
      bestanden: z.array(z.object({ naam: z.string(), mime: z.string(), inhoud: z.string() })),
    }),
    roles: ['auditor', 'beheerder'], writes: false,
  }),
  'export.inzage': ch({
    // verzoekId: the registered AVG art. 15 request this answers (rechten.inzageVerzoek); refused without one.
    input: z.object({ clientId: z.number().int(), verzoekId: z.number().int().optional(), dryRun: z.boolean().default(false) }),
    output: z.object({
      dryRun: z.boolean(),
      bestandsnaam: z.string(),
      aantallen: z.record(z.string(), z.number().int()),
      json: z.string().nullable(),
      pdfBase64: z.string().nullable(),
    }),
    roles: ['beheerder', 'auditor'], writes: false,
  }),
} as const satisfies Record<string, ChannelDef>;
