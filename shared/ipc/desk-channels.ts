import { z } from 'zod';
import { ROLES } from '../roles';
import { UserInfoSchema } from '../schemas/admin';
import { WerkvoorraadItemSchema, WETTEN } from '../schemas/zaak';
import { CASE_READERS, ch, STAFF, type ChannelDef } from './define';

/**
 * The desk's working day: notifications, printing in two steps (generate, then confirm that the
 * letters came out of the printer), reprints, and the werkvoorraad as a sortable, filterable,
 * paged list with counts.
 */

export const NOTIFICATIE_SOORTEN = ['teruggestuurd', 'vastgesteld', 'termijn'] as const;
export const NotificatieSchema = z.object({
  /** null for a deadline warning: computed while the condition holds, not stored. */
  id: z.number().int().nullable(),
  soort: z.enum(NOTIFICATIE_SOORTEN),
  tekst: z.string(),
  meldingId: z.number().int().nullable(),
  beschikkingId: z.number().int().nullable(),
  op: z.string(),
  gelezen: z.boolean(),
});
export type Notificatie = z.infer<typeof NotificatieSchema>;

const batchIds = z.array(z.number().int()).min(1, 'Kies minstens één brief.').max(50, 'Kies hoogstens 50 brieven per stapel.');

export const PrintBatchSchema = z.object({
  id: z.number().int(),
  datum: z.string(),
  door: z.string(),
  aangemaaktOp: z.string(),
  brieven: z.array(z.object({ beschikkingId: z.number().int(), kenmerk: z.string(), clientNaam: z.string(), pages: z.number().int(), sha256: z.string(), /** Who gets a copy (afschrift), printed after the letter. */ afschriftAan: z.array(z.string()).default([]) })),
});
export type PrintBatch = z.infer<typeof PrintBatchSchema>;

export const LetterInfoSchema = z.object({
  id: z.number().int(),
  soort: z.string(),
  kenmerk: z.string().nullable(),
  beschikkingId: z.number().int().nullable(),
  meldingId: z.number().int().nullable(),
  aangemaaktOp: z.string(),
  sha256: z.string(),
});
export type LetterInfo = z.infer<typeof LetterInfoSchema>;

export const WERKVOORRAAD_FASEN = ['onderzoek', 'aanvraag', 'beschikking', 'accordering', 'verzending'] as const;
export const WERKVOORRAAD_TERMIJNEN = ['verlopen', 'deze_week', 'op_tijd', 'opgeschort', 'geen'] as const;
export const WERKVOORRAAD_KOLOMMEN = ['uiterlijk', 'kenmerk', 'client', 'wet', 'fase', 'wijk', 'consulent'] as const;

export const WerkvoorraadPageQuerySchema = z.object({
  zoek: z.string().trim().max(100).default(''),
  consulentId: z.number().int().optional(),
  fase: z.enum(WERKVOORRAAD_FASEN).optional(),
  wet: z.enum(WETTEN).optional(),
  wijk: z.string().trim().max(80).optional(),
  termijn: z.enum(WERKVOORRAAD_TERMIJNEN).optional(),
  sorteer: z.enum(WERKVOORRAAD_KOLOMMEN).default('uiterlijk'),
  richting: z.enum(['op', 'af']).default('op'),
  pagina: z.number().int().min(1).default(1),
  perPagina: z.number().int().min(10).max(100).default(25),
});
export type WerkvoorraadPageQuery = z.input<typeof WerkvoorraadPageQuerySchema>;

export const WerkvoorraadPageSchema = z.object({
  items: z.array(WerkvoorraadItemSchema),
  /** Rows matching the filters, over all pages. */
  totaal: z.number().int(),
  pagina: z.number().int(),
  perPagina: z.number().int(),
  /** Counts over the open cases in scope (consulent only), before the other filters. */
  tellingen: z.object({
    open: z.number().int(),
    fase: z.record(z.enum(WERKVOORRAAD_FASEN), z.number().int()),
    termijn: z.record(z.enum(WERKVOORRAAD_TERMIJNEN), z.number().int()),
  }),
  wijken: z.array(z.string()),
});
export type WerkvoorraadPage = z.infer<typeof WerkvoorraadPageSchema>;

const ok = z.object({ ok: z.literal(true) });
const pdf = z.object({ pdfBase64: z.string(), sha256: z.string() });

export const DESK_CHANNELS = {
  'notificatie.list': ch({ input: z.object({}).default({}), output: z.object({ items: z.array(NotificatieSchema), ongelezen: z.number().int() }), roles: STAFF, writes: false }),
  'notificatie.gelezen': ch({ input: z.object({ ids: z.array(z.number().int()).min(1).max(500) }), output: ok, roles: ['consulent', 'besluitbevoegd', 'administratie', 'beheerder'], writes: true }),

  /** Step 1: render the letters and keep them (encrypted, in the database); nothing is verzonden yet. */
  'print.generate': ch({
    input: z.object({ beschikkingIds: batchIds }),
    output: z.object({ batch: PrintBatchSchema.nullable(), failures: z.array(z.object({ beschikkingId: z.number().int(), kenmerk: z.string().nullable(), reason: z.string() })) }),
    roles: ['administratie'], writes: true,
  }),
  'print.batches': ch({ input: z.object({}).default({}), output: z.object({ batches: z.array(PrintBatchSchema) }), roles: ['administratie'], writes: false }),
  /** One PDF of a kept batch for the printer, letter after letter. */
  'print.batchPdf': ch({ input: z.object({ id: z.number().int() }), output: pdf, roles: ['administratie'], writes: false }),
  /** Step 2: "they are printed": the letters are stored as sent, the beschikkingen verzonden. */
  'print.confirm': ch({
    input: z.object({ id: z.number().int() }),
    output: z.object({ printed: z.array(z.object({ beschikkingId: z.number().int(), letterId: z.number().int(), sha256: z.string(), pages: z.number().int() })) }),
    roles: ['administratie'], writes: true,
  }),
  /** Not printed after all: the batch goes, its beschikkingen stay in the print queue. */
  'print.discard': ch({ input: z.object({ id: z.number().int() }), output: ok, roles: ['administratie'], writes: true }),

  'letter.list': ch({ input: z.object({ clientId: z.number().int() }), output: z.object({ letters: z.array(LetterInfoSchema) }), roles: CASE_READERS, writes: false }),

  /** A beheerder changes a colleague's roles and mandate (effective from her next action). */
  'user.update': ch({
    input: z.object({
      username: z.string(),
      roles: z.array(z.enum(ROLES)).min(1, 'Kies minstens één rol.'),
      mandaat: z.string().trim().max(300).nullable().default(null),
    }),
    output: UserInfoSchema, roles: ['beheerder'], writes: true,
  }),

  'werkvoorraad.page': ch({ input: WerkvoorraadPageQuerySchema, output: WerkvoorraadPageSchema, roles: CASE_READERS, writes: false }),
} as const satisfies Record<string, ChannelDef>;
