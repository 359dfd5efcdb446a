import { z } from 'zod';
import { multiline } from '../text';
import { CASE_READERS, CASE_WRITERS, ch, CONTENT_READERS, STAFF, type ChannelDef } from './define';
import { EXPORT_CHANNELS } from './export-channels';
import { BEHEER_CHANNELS } from './beheer-channels';
import { PRIVACY_CHANNELS } from './privacy-channels';
import { DESK_CHANNELS } from './desk-channels';
import { LEGAL_CHANNELS } from './legal-channels';
import { ACCOUNT_CHANNELS } from './account-channels';
import { ATW_CHANNELS } from './atw-channels';
import { KEUZELIJST_CHANNELS } from './keuzelijst-channels';
import { IWMO_CHANNELS } from './iwmo-channels';
import { DATABASE_CHANNELS } from './database-channels';
import {
  AuditListInputSchema, AuditListOutputSchema, ChangePasswordSchema, SettingsSchema, UnlockSchema, UserAddSchema, UserInfoSchema,
  VerifyResultSchema,
} from '../schemas/admin';
import {
  ClientInputSchema, ClientSchema, ClientSearchSchema, ClientSummarySchema, HouseholdInputSchema,
  HouseholdPlanSchema, HouseholdSchema,
} from '../schemas/client';
import {
  AanvraagInputSchema, AanvraagSchema, AccorderingPageSchema, AccorderingQuerySchema, BeschikkingInputSchema, BeschikkingSchema, IndicatieInputSchema,
  IndicatieSchema, MeldingDetailSchema, MeldingInputSchema, MeldingSchema, OnderzoekInputSchema,
  OnderzoekSchema, TermijnHervatSchema, TermijnOpschortSchema, TermijnSchema, TermijnVerlengSchema,
} from '../schemas/zaak';

const empty = z.object({}).default({});
/** Least privilege: the hulpvraag and gespreksverslag are for the people who do the casework. */
export const VERSLAG_REFUSAL = 'De hulpvraag en het gespreksverslag zijn alleen voor consulenten en besluitbevoegden. ' +
  'Voor het printen van beschikkingen heeft u ze niet nodig; een auditor ziet een dossier in met \'Inzage met reden\'.';
const ok = z.object({ ok: z.literal(true) });
const byId = z.object({ id: z.number().int() });
const pdf = z.object({ pdfBase64: z.string(), sha256: z.string() });

/** The one table of IPC channels; each part of the app contributes its own module. */
export const CHANNELS = {
  // draftKey: the user's AES-256 key (base64) for form drafts, kept in the encrypted database, so a
  // draft in the renderer's storage is never plaintext on disk and still survives a crash.
  'session.unlock': ch({ input: UnlockSchema, output: z.object({ user: UserInfoSchema, gemeenteNaam: z.string(), draftKey: z.string() }), roles: 'public', writes: false }),
  'session.lock': ch({ input: empty, output: ok, roles: 'public', writes: false }),
  'session.current': ch({ input: empty, output: z.object({ user: UserInfoSchema.nullable(), gemeenteNaam: z.string().nullable(), draftKey: z.string().nullable() }), roles: 'public', writes: false }),
  // The renderer's heartbeat: `active` says whether the person used keyboard or mouse lately; an
  // inactive heartbeat does not keep the session open (the idle lock runs in main).
  'session.activity': ch({ input: z.object({ active: z.boolean() }), output: ok, roles: 'any', writes: false }),
  'session.changePassword': ch({ input: ChangePasswordSchema, output: ok, roles: 'any', writes: false }),

  'client.create': ch({ input: ClientInputSchema, output: ClientSchema, roles: CASE_WRITERS, writes: true }),
  'client.update': ch({ input: ClientInputSchema.extend({ id: z.number().int() }), output: ClientSchema, roles: CASE_WRITERS, writes: true }),
  'client.get': ch({ input: byId, output: ClientSchema, roles: CONTENT_READERS, writes: false }),
  'client.search': ch({ input: ClientSearchSchema, output: z.object({
    results: z.array(ClientSummarySchema),
    /** all that match, beyond the limit too, counted up to SEARCH_COUNT_CAP */
    total: z.number().int(),
    /** more than `total` match: counting stopped at SEARCH_COUNT_CAP */
    totalCapped: z.boolean(),
  }), roles: CASE_READERS, writes: false }),
  'client.timeline': ch({ input: byId, output: z.object({ meldingen: z.array(MeldingSchema), indicaties: z.array(IndicatieSchema) }), roles: CONTENT_READERS, writes: false }),

  'household.create': ch({ input: HouseholdInputSchema, output: HouseholdSchema, roles: CASE_WRITERS, writes: true }),
  'household.get': ch({ input: byId, output: HouseholdSchema, roles: CONTENT_READERS, writes: false }),
  'household.updatePlan': ch({ input: HouseholdPlanSchema, output: HouseholdSchema, roles: CASE_WRITERS, writes: true }),

  'melding.create': ch({ input: MeldingInputSchema, output: MeldingDetailSchema, roles: CASE_WRITERS, writes: true }),
  'melding.get': ch({ input: byId, output: MeldingDetailSchema, roles: CASE_WRITERS, writes: false, refusal: VERSLAG_REFUSAL }),
  'onderzoek.save': ch({ input: OnderzoekInputSchema, output: OnderzoekSchema, roles: CASE_WRITERS, writes: true }),
  'aanvraag.create': ch({ input: AanvraagInputSchema, output: AanvraagSchema, roles: CASE_WRITERS, writes: true }),
  'indicatie.create': ch({ input: IndicatieInputSchema, output: IndicatieSchema, roles: CASE_WRITERS, writes: true }),

  'termijn.verleng': ch({ input: TermijnVerlengSchema, output: TermijnSchema, roles: CASE_WRITERS, writes: true }),
  'termijn.schortOp': ch({ input: TermijnOpschortSchema, output: TermijnSchema, roles: CASE_WRITERS, writes: true }),
  'termijn.hervat': ch({ input: TermijnHervatSchema, output: TermijnSchema, roles: CASE_WRITERS, writes: true }),

  'beschikking.create': ch({ input: BeschikkingInputSchema, output: BeschikkingSchema, roles: CASE_WRITERS, writes: true }),
  'beschikking.update': ch({ input: BeschikkingInputSchema.extend({ id: z.number().int() }), output: BeschikkingSchema, roles: CASE_WRITERS, writes: true }),
  'beschikking.get': ch({ input: byId, output: BeschikkingSchema, roles: CONTENT_READERS, writes: false }),
  'beschikking.submit': ch({ input: byId, output: BeschikkingSchema, roles: CASE_WRITERS, writes: true }),
  'beschikking.approve': ch({ input: byId, output: BeschikkingSchema, roles: ['besluitbevoegd'], writes: true }),
  'beschikking.reject': ch({ input: byId.extend({ reden: multiline(z.string().trim().min(5, 'Schrijf op waarom u het besluit terugstuurt.').max(2000)) }), output: BeschikkingSchema, roles: ['besluitbevoegd'], writes: true }),
  // A colleague takes over a concept to write it further (logged; she is then an author and cannot approve it).
  'beschikking.overnemen': ch({ input: byId.extend({ reden: multiline(z.string().trim().min(5, 'Schrijf op waarom u het concept overneemt.').max(500)) }), output: BeschikkingSchema, roles: CASE_WRITERS, writes: true }),
  'beschikking.preview': ch({ input: byId, output: pdf, roles: CONTENT_READERS, writes: false }),

  'accordering.queue': ch({ input: AccorderingQuerySchema, output: AccorderingPageSchema, roles: ['besluitbevoegd'], writes: false }),
  'print.queue': ch({ input: empty, output: z.object({ items: z.array(BeschikkingSchema) }), roles: ['administratie'], writes: false }),
  'print.send': ch({
    input: z.object({ beschikkingIds: z.array(z.number().int()).min(1, 'Kies minstens één brief.').max(50) }),
    output: z.object({
      printed: z.array(z.object({ beschikkingId: z.number().int(), letterId: z.number().int(), sha256: z.string(), pages: z.number().int() })),
      failures: z.array(z.object({ beschikkingId: z.number().int(), reason: z.string() })),
      pdfBase64: z.string().nullable(),
    }),
    roles: ['administratie'], writes: true,
  }),
  'letter.get': ch({ input: byId, output: pdf, roles: CONTENT_READERS, writes: false }),
  'letter.melding': ch({
    input: z.object({ meldingId: z.number().int(), soort: z.enum(['ontvangstbevestiging', 'gespreksverslag'], { error: 'Kies ontvangstbevestiging of gespreksverslag.' }) }),
    output: pdf.extend({ letterId: z.number().int() }),
    roles: CASE_WRITERS, writes: true, refusal: VERSLAG_REFUSAL,
  }),

  'audit.verify': ch({ input: z.object({ ankerBestanden: z.array(z.string().min(1).max(1000)).max(20).optional() }).strict(), output: VerifyResultSchema, roles: ['auditor', 'beheerder'], writes: false }),
  'audit.list': ch({
    input: AuditListInputSchema,
    output: AuditListOutputSchema,
    roles: ['auditor', 'beheerder'], writes: false,
  }),

  'settings.get': ch({ input: empty, output: SettingsSchema, roles: STAFF, writes: false }),
  'settings.update': ch({ input: SettingsSchema, output: SettingsSchema, roles: ['beheerder'], writes: true }),
  'user.list': ch({ input: empty, output: z.object({ users: z.array(UserInfoSchema) }), roles: ['beheerder', 'consulent', 'besluitbevoegd'], writes: false }),
  'user.add': ch({ input: UserAddSchema, output: UserInfoSchema, roles: ['beheerder'], writes: true }),
  'user.remove': ch({ input: z.object({ username: z.string() }), output: ok, roles: ['beheerder'], writes: true }),
  'user.resetPassword': ch({ input: z.object({ username: z.string(), password: z.string() }), output: ok, roles: ['beheerder'], writes: true }),

  ...EXPORT_CHANNELS,
  ...BEHEER_CHANNELS,
  ...DESK_CHANNELS,
  ...LEGAL_CHANNELS,
  ...ACCOUNT_CHANNELS,
  ...ATW_CHANNELS,
  ...IWMO_CHANNELS,
  ...PRIVACY_CHANNELS,
  ...DATABASE_CHANNELS,
  ...KEUZELIJST_CHANNELS,
} as const satisfies Record<string, ChannelDef>;

export type { ChannelDef };

export type Channels = typeof CHANNELS;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export type CallResult<C extends ChannelName> =
  | { ok: true; value: ChannelOutput<C> }
  | { ok: false; error: { code: string; message: string; field?: string } };

/** The single function the preload exposes (window.loket.call). */
export type LoketCall = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<CallResult<C>>;

export function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(CHANNELS, name);
}
