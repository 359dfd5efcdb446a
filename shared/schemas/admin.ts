import { z } from 'zod';
import { ROLES } from '../roles';
import { IsoDateSchema } from './zaak';
import './locale';

const line = (max: number, message: string) => z.string().trim().min(1, message).max(max);

const url = z.string().trim().max(500).refine((v) => v === '' || /^https?:\/\/\S+$/.test(v), 'Vul een volledige URL in (https://…) of laat het veld leeg.');

/**
 * The ZGW client secret is write-only: it is stored apart (settings key 'export.secret', set with
 * the channel export.setSecret) and never travels back to a screen. Here it is only a mask that
 * says whether a secret is set; any other value is refused, so a form cannot overwrite or read it.
 */
export const SECRET_MASK = '••••••••';
const secretMask = z.string().default('').refine((v) => v === '' || v === SECRET_MASK,
  'Het secret stelt u in met \'Secret instellen\' (export.setSecret); het wordt nooit getoond of via de instellingen opgeslagen.');

/** Koppelingen: the central zaaksysteem (ZGW APIs with their catalogue URLs) and the iWmo/iJw folder. */
export const ExportSettingsSchema = z.object({
  zakenUrl: url.default(''),
  documentenUrl: url.default(''),
  besluitenUrl: url.default(''),
  clientId: z.string().trim().max(200).default(''),
  secret: secretMask,
  /** RSIN of the gemeente as bronorganisatie; empty = the top-level rsin. */
  rsin: z.string().regex(/^[0-9]{9}$/, 'Het RSIN is 9 cijfers.').or(z.literal('')).default(''),
  zaaktype: url.default(''),
  statustypen: z.object({
    ontvangen: url.default(''),
    aanvraag: url.default(''),
    afgehandeld: url.default(''),
  }).default({ ontvangen: '', aanvraag: '', afgehandeld: '' }),
  roltype: url.default(''),
  informatieobjecttypen: z.object({
    gespreksverslag: url.default(''),
    beschikking: url.default(''),
  }).default({ gespreksverslag: '', beschikking: '' }),
  besluittype: url.default(''),
  resultaattypen: z.object({
    toegekend: url.default(''),
    afgewezen: url.default(''),
  }).default({ toegekend: '', afgewezen: '' }),
  /** Folder the GGk connection picks WMO301/JW301 files up from. */
  iwmoOutDir: z.string().trim().max(500).default(''),
});
export type ExportSettings = z.infer<typeof ExportSettingsSchema>;
export const EXPORT_DEFAULTS: ExportSettings = {
  zakenUrl: '', documentenUrl: '', besluitenUrl: '', clientId: '', secret: '', rsin: '', zaaktype: '',
  statustypen: { ontvangen: '', aanvraag: '', afgehandeld: '' }, roltype: '',
  informatieobjecttypen: { gespreksverslag: '', beschikking: '' }, besluittype: '',
  resultaattypen: { toegekend: '', afgewezen: '' }, iwmoOutDir: '',
};

/**
 * The sender of one law's letters, where it differs from the general letterhead (a Wmo-loket,
 * a team jeugd, Werk en Inkomen): the department under the gemeente's name, the e-mail address
 * and the signer's function. Empty: the general setting. A Jeugdwet or Participatiewet letter never
 * names the Wmo, so a Wmo-flavoured general setting needs one here (the letter says so).
 */
const AfzenderSchema = z.object({
  afdeling: z.string().trim().max(100).default(''),
  email: z.string().trim().max(200).default(''),
  functie: z.string().trim().max(100).default(''),
}).default({ afdeling: '', email: '', functie: '' });
export const AFZENDER_WETTEN = ['wmo', 'jeugdwet', 'participatiewet'] as const;

/** What the letters and the export need from the municipality; edited by the beheerder. */
export const SettingsSchema = z.object({
  gemeenteNaam: line(80, 'Vul de naam van de gemeente in.'),
  gemeentecode: z.string().regex(/^[0-9]{4}$/, 'De gemeentecode is 4 cijfers (CBS), bijvoorbeeld 0363.'),
  rsin: z.string().regex(/^[0-9]{9}$/, 'Het RSIN is 9 cijfers.').or(z.literal('')).default(''),
  adres: z.object({
    straat: z.string().trim().max(100).default(''),
    postcode: z.string().trim().max(8).default(''),
    plaats: z.string().trim().max(80).default(''),
  }).default({ straat: '', postcode: '', plaats: '' }),
  telefoon: z.string().trim().max(30).default(''),
  email: z.string().trim().max(200).default(''),
  website: z.string().trim().max(200).default(''),
  logoPngBase64: z.string().max(2_000_000, 'Het logo is te groot: gebruik een PNG kleiner dan 1,5 MB.').nullable().default(null),
  ondertekenaar: z.object({
    naam: z.string().trim().max(100).default(''),
    functie: z.string().trim().max(100).default(''),
  }).default({ naam: '', functie: '' }),
  mandaat: z.string().trim().max(300).default('namens het college van burgemeester en wethouders'),
  bezwaarAdres: z.object({
    tav: z.string().trim().max(100).default(''),
    adres: z.string().trim().max(100).default(''),
    postcode: z.string().trim().max(8).default(''),
    plaats: z.string().trim().max(80).default(''),
  }).default({ tav: '', adres: '', postcode: '', plaats: '' }),
  autoLockMinuten: z.number().int().min(1).max(120).default(10),
  /** Department under the gemeente's name on every letter ("Sociaal domein"), unless a law has its own. */
  afdeling: z.string().trim().max(100).default(''),
  afzenderPerWet: z.object({ wmo: AfzenderSchema, jeugdwet: AfzenderSchema, participatiewet: AfzenderSchema })
    .default({ wmo: { afdeling: '', email: '', functie: '' }, jeugdwet: { afdeling: '', email: '', functie: '' }, participatiewet: { afdeling: '', email: '', functie: '' } }),
  export: ExportSettingsSchema.default(EXPORT_DEFAULTS),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const UserInfoSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  mandaat: z.string().nullable(),
  active: z.boolean(),
});
export type UserInfo = z.infer<typeof UserInfoSchema>;

export const UserAddSchema = z.object({
  username: z.string().trim().toLowerCase(),
  displayName: z.string().trim().min(2, 'Vul de naam van de medewerker in.').max(100),
  roles: z.array(z.enum(ROLES)).min(1, 'Kies minstens één rol.'),
  mandaat: z.string().trim().max(300).nullable().default(null),
  password: z.string(),
});

export const UnlockSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Vul uw gebruikersnaam in.'),
  password: z.string().min(1, 'Vul uw wachtwoord in.'),
  /** The second factor at the team server (a 6-digit code or a recovery code); unused locally. */
  totp: z.string().trim().max(20).optional(),
});

export const ChangePasswordSchema = z.object({
  oldPassword: z.string().min(1, 'Vul uw huidige wachtwoord in.'),
  newPassword: z.string(),
});

export const LogEntrySchema = z.object({
  seq: z.number().int(),
  ts: z.string(),
  actor: z.string(),
  onBehalfOf: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  clientId: z.number().nullable(),
  result: z.string(),
  origin: z.string(),
  detail: z.string().nullable(),
});

/**
 * The auditor's filters on the access log, all applied in main: a user (username), a client found by
 * name or BSN (the same search as the desk, never an internal id), an action, a date range (Dutch days).
 */
export const AuditListInputSchema = z.object({
  clientId: z.number().int().optional(),
  beforeSeq: z.number().int().optional(),
  limit: z.number().int().min(1).max(500).default(100),
  actor: z.string().trim().min(1).max(100).optional(),
  client: z.string().trim().min(2, 'Vul minstens twee tekens in van de naam of het BSN van de cliënt.').max(100).optional(),
  action: z.string().trim().min(1).max(40).optional(),
  van: IsoDateSchema.optional(),
  tot: IsoDateSchema.optional(),
}).refine((v) => !v.van || !v.tot || v.van <= v.tot, { message: 'De datum "tot" ligt vóór de datum "van": draai ze om.', path: ['tot'] });

/** A log line with the names a person reads: the client, the kenmerk of the object, the user. */
export const AuditListEntrySchema = LogEntrySchema.extend({
  /** A search or list: how many clients it showed (the one entry names them all); null otherwise. */
  getoond: z.number().int().nullable(),
  actorNaam: z.string().nullable(),
  clientNaam: z.string().nullable(),
  kenmerk: z.string().nullable(),
});

export const AuditListOutputSchema = z.object({
  entries: z.array(AuditListEntrySchema),
  /** What the filter lists offer: the users and actions that occur in the log. */
  gebruikers: z.array(z.object({ username: z.string(), displayName: z.string() })).optional(),
  acties: z.array(z.string()).optional(),
  /** How many clients the client search matched (the log is filtered on all of them). */
  clientsGevonden: z.number().int().optional(),
});

export const VerifyResultSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).optional(),
  /** The comparison with the anchors outside the database (the anchor file, syslog extracts). */
  anchors: z.object({
    files: z.array(z.string()),
    unreadable: z.array(z.string()),
    checked: z.number().int(),
    lastAnchoredSeq: z.number().int(),
    problems: z.array(z.string()),
    restores: z.array(z.object({ ts: z.string(), seq: z.number().int(), detail: z.string().nullable() })),
  }).optional(),
});
