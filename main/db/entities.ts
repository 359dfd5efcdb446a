import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm';

/**
 * TypeORM entities as EntitySchemas with explicit column types: esbuild (Vite, vitest) emits no
 * decorator metadata. The tables themselves are created by the numbered migrations only.
 */

const id: EntitySchemaColumnOptions = { type: 'integer', primary: true, generated: 'increment' };
const text = (nullable = false): EntitySchemaColumnOptions => ({ type: 'text', nullable });
const int = (nullable = false): EntitySchemaColumnOptions => ({ type: 'integer', nullable });
const bool: EntitySchemaColumnOptions = {
  type: 'integer',
  transformer: { to: (v?: boolean) => (v === undefined ? v : v ? 1 : 0), from: (v: number) => v === 1 },
};
const json = (nullable = false): EntitySchemaColumnOptions => ({
  type: 'text',
  nullable,
  transformer: {
    to: (v: unknown) => (v === undefined ? undefined : v === null ? null : JSON.stringify(v)),
    from: (v: string | null) => (v === null ? null : JSON.parse(v)),
  },
});

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  mandaat: string | null;
  active: boolean;
  createdAt: string;
}
export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id,
    username: text(),
    displayName: { ...text(), name: 'display_name' },
    roles: json(),
    mandaat: text(true),
    active: bool,
    createdAt: { ...text(), name: 'created_at' },
  },
});

export interface SettingRow {
  key: string;
  value: unknown;
}
export const SettingEntity = new EntitySchema<SettingRow>({
  name: 'Setting',
  tableName: 'settings',
  columns: { key: { type: 'text', primary: true }, value: json() },
});

export interface HouseholdRow {
  id: number;
  naam: string;
  regisseurId: number | null;
  planDoelen: unknown[];
  planAfspraken: unknown[];
  createdAt: string;
  updatedAt: string;
}
export const HouseholdEntity = new EntitySchema<HouseholdRow>({
  name: 'Household',
  tableName: 'households',
  columns: {
    id,
    naam: text(),
    regisseurId: { ...int(true), name: 'regisseur_id' },
    planDoelen: { ...json(), name: 'plan_doelen' },
    planAfspraken: { ...json(), name: 'plan_afspraken' },
    createdAt: { ...text(), name: 'created_at' },
    updatedAt: { ...text(), name: 'updated_at' },
  },
});

export interface ClientRow {
  id: number;
  bsn: string;
  voornamen: string;
  voorletters: string | null;
  voorvoegsel: string | null;
  geslachtsnaam: string;
  partnerVoorvoegsel: string | null;
  partnerGeslachtsnaam: string | null;
  naamgebruik: string;
  geslacht: string;
  geboortedatum: string;
  straat: string | null;
  huisnummer: number | null;
  huisletter: string | null;
  huisnummerToevoeging: string | null;
  postcode: string | null;
  woonplaats: string | null;
  telefoon: string | null;
  email: string | null;
  wijk: string | null;
  geheimhouding: boolean;
  overleden: boolean;
  nietIngezetene: boolean;
  householdId: number | null;
  /** Not selected by default (see the columns). */
  zoeknaam?: string;
  verwerkingBeperkt?: boolean;
  createdAt: string;
  updatedAt: string;
}
export const ClientEntity = new EntitySchema<ClientRow>({
  name: 'Client',
  tableName: 'clients',
  columns: {
    id,
    bsn: text(),
    voornamen: text(),
    voorletters: text(true),
    voorvoegsel: text(true),
    geslachtsnaam: text(),
    partnerVoorvoegsel: { ...text(true), name: 'partner_voorvoegsel' },
    partnerGeslachtsnaam: { ...text(true), name: 'partner_geslachtsnaam' },
    naamgebruik: text(),
    geslacht: text(),
    geboortedatum: text(),
    straat: text(true),
    huisnummer: int(true),
    huisletter: text(true),
    huisnummerToevoeging: { ...text(true), name: 'huisnummer_toevoeging' },
    postcode: text(true),
    woonplaats: text(true),
    telefoon: text(true),
    email: text(true),
    wijk: text(true),
    geheimhouding: bool,
    overleden: bool,
    nietIngezetene: { ...bool, name: 'niet_ingezetene' },
    householdId: { ...int(true), name: 'household_id' },
    createdAt: { ...text(), name: 'created_at' },
    updatedAt: { ...text(), name: 'updated_at' },
    // Kept by the migration 0002 triggers (folded names for search): never written from here.
    zoeknaam: { ...text(), select: false, insert: false, update: false },
    // AVG art. 18 (migration 0004): starts at the column's default 0; read and set by beperking.ts.
    verwerkingBeperkt: { ...bool, name: 'verwerking_beperkt', select: false, insert: false },
  },
});

export interface RepresentativeRow {
  id: number;
  clientId: number;
  soort: string;
  naam: string;
  adresregels: string[];
  telefoon: string | null;
  email: string | null;
  /** Gets a copy of letters (a representative who does not act in care matters, where the client wants that). */
  ontvangtPost: boolean;
  /** What they act in for the client: 'zorg' and/or 'financieel' (BW 1:378, 1:431, 1:450). */
  handeltIn: string[];
  organisatie: string | null;
  geslacht: string;
}
export const RepresentativeEntity = new EntitySchema<RepresentativeRow>({
  name: 'Representative',
  tableName: 'representatives',
  columns: {
    id,
    clientId: { ...int(), name: 'client_id' },
    soort: text(),
    naam: text(),
    adresregels: json(),
    telefoon: text(true),
    email: text(true),
    ontvangtPost: { ...bool, name: 'ontvangt_post' },
    handeltIn: { ...json(), name: 'handelt_in' },
    organisatie: text(true),
    geslacht: text(),
  },
});

export interface MeldingRow {
  id: number;
  clientId: number;
  consulentId: number;
  datum: string;
  kanaal: string;
  wet: string;
  hulpvraag: string;
  toestemming: boolean;
  clientondersteuningAangeboden: boolean;
  persoonlijkPlanOntvangenOp: string | null;
  mantelzorger: string | null;
  status: string;
  createdAt: string;
}
export const MeldingEntity = new EntitySchema<MeldingRow>({
  name: 'Melding',
  tableName: 'meldingen',
  columns: {
    id,
    clientId: { ...int(), name: 'client_id' },
    consulentId: { ...int(), name: 'consulent_id' },
    datum: text(),
    kanaal: text(),
    wet: text(),
    hulpvraag: text(),
    toestemming: bool,
    clientondersteuningAangeboden: { ...bool, name: 'clientondersteuning_aangeboden' },
    persoonlijkPlanOntvangenOp: { ...text(true), name: 'persoonlijk_plan_ontvangen_op' },
    mantelzorger: text(true),
    status: text(),
    createdAt: { ...text(), name: 'created_at' },
  },
});

export interface OnderzoekRow {
  id: number;
  meldingId: number;
  datum: string;
  aanwezigen: string;
  behoeften: string;
  eigenKracht: string;
  netwerk: string;
  mantelzorgOndersteuning: string;
  algemeneVoorzieningen: string;
  benodigdeOndersteuning: string;
  pgbUitgelegd: boolean;
  bijdrageUitgelegd: boolean;
  conclusies: string;
  verslagVerzondenOp: string | null;
  opmerkingenClient: string | null;
  persoonlijkPlanGebruik: string | null;
  updatedAt: string;
}
export const OnderzoekEntity = new EntitySchema<OnderzoekRow>({
  name: 'Onderzoek',
  tableName: 'onderzoeken',
  columns: {
    id,
    meldingId: { ...int(), name: 'melding_id' },
    datum: text(),
    aanwezigen: text(),
    behoeften: text(),
    eigenKracht: { ...text(), name: 'eigen_kracht' },
    netwerk: text(),
    mantelzorgOndersteuning: { ...text(), name: 'mantelzorg_ondersteuning' },
    algemeneVoorzieningen: { ...text(), name: 'algemene_voorzieningen' },
    benodigdeOndersteuning: { ...text(), name: 'benodigde_ondersteuning' },
    pgbUitgelegd: { ...bool, name: 'pgb_uitgelegd' },
    bijdrageUitgelegd: { ...bool, name: 'bijdrage_uitgelegd' },
    conclusies: text(),
    verslagVerzondenOp: { ...text(true), name: 'verslag_verzonden_op' },
    opmerkingenClient: { ...text(true), name: 'opmerkingen_client' },
    persoonlijkPlanGebruik: { ...text(true), name: 'persoonlijk_plan_gebruik' },
    updatedAt: { ...text(), name: 'updated_at' },
  },
});

export interface AanvraagRow {
  id: number;
  meldingId: number;
  ontvangenOp: string;
  omschrijving: string;
}
export const AanvraagEntity = new EntitySchema<AanvraagRow>({
  name: 'Aanvraag',
  tableName: 'aanvragen',
  columns: {
    id,
    meldingId: { ...int(), name: 'melding_id' },
    ontvangenOp: { ...text(), name: 'ontvangen_op' },
    omschrijving: text(),
  },
});

export interface IndicatieRow {
  id: number;
  aanvraagId: number;
  wet: string;
  productcategorie: string;
  productcode: string | null;
  volume: number | null;
  eenheid: string | null;
  frequentie: string | null;
  budgetCents: number | null;
  leveringsvorm: 'ZIN' | 'PGB';
  aanbiederAgb: string | null;
  aanbiederNaam: string | null;
  ingangsdatum: string;
  einddatum: string | null;
  motivering: string;
  toewijzingNummer: number | null;
  /** The aanbieder's ReferentieAanbieder from a 315, echoed in the 301 (IV097; migration 0009). */
  referentieAanbieder: string | null;
  pgbZorgverlener: 'formeel' | 'informeel' | null;
  pgbTariefCents: number | null;
  vervangtIndicatieId: number | null;
  createdAt: string;
  /** Who made it (vier-ogen: she cannot approve a beschikking that grants it); null before migration 0010. */
  createdBy?: number | null;
}
export const IndicatieEntity = new EntitySchema<IndicatieRow>({
  name: 'Indicatie',
  tableName: 'indicaties',
  columns: {
    id,
    aanvraagId: { ...int(), name: 'aanvraag_id' },
    wet: text(),
    productcategorie: text(),
    productcode: text(true),
    volume: int(true),
    eenheid: text(true),
    frequentie: text(true),
    budgetCents: { ...int(true), name: 'budget_cents' },
    leveringsvorm: text(),
    aanbiederAgb: { ...text(true), name: 'aanbieder_agb' },
    aanbiederNaam: { ...text(true), name: 'aanbieder_naam' },
    ingangsdatum: text(),
    einddatum: text(true),
    motivering: text(),
    toewijzingNummer: { ...int(true), name: 'toewijzing_nummer' },
    referentieAanbieder: { ...text(true), name: 'referentie_aanbieder' },
    pgbZorgverlener: { ...text(true), name: 'pgb_zorgverlener' },
    pgbTariefCents: { ...int(true), name: 'pgb_tarief_cents' },
    vervangtIndicatieId: { ...int(true), name: 'vervangt_indicatie_id' },
    createdAt: { ...text(), name: 'created_at' },
    createdBy: { ...int(true), name: 'created_by' },
  },
});

export interface BeschikkingRow {
  id: number;
  aanvraagId: number;
  kenmerk: string;
  soort: string;
  besluitTekst: string;
  motivering: string;
  wettelijkeGrondslag: string[];
  status: string;
  auteurId: number;
  accordeurId: number | null;
  terAccorderingOp: string | null;
  vastgesteldOp: string | null;
  verzondenOp: string | null;
  vervangtId: number | null;
  perDatum: string | null;
  /** Instant (ISO) of vaststelling: the Toewijzingstijd of the iWmo toewijzing (migration 0009). */
  vastgesteldMoment: string | null;
  /** Why a beëindiging ends the support (REDENEN_EINDE), for the RedenWijziging (migration 0009). */
  redenEinde: string | null;
  /** Set for a decision taken without an aanvraag (ambtshalve): why. */
  ambtshalveAanleiding: string | null;
  nietToegekend: { wat: string; waarom: string }[];
  voornemenId: number | null;
  createdAt: string;
  updatedAt: string;
}
export const BeschikkingEntity = new EntitySchema<BeschikkingRow>({
  name: 'Beschikking',
  tableName: 'beschikkingen',
  columns: {
    id,
    aanvraagId: { ...int(), name: 'aanvraag_id' },
    kenmerk: text(),
    soort: text(),
    besluitTekst: { ...text(), name: 'besluit_tekst' },
    motivering: text(),
    wettelijkeGrondslag: { ...json(), name: 'wettelijke_grondslag' },
    status: text(),
    auteurId: { ...int(), name: 'auteur_id' },
    accordeurId: { ...int(true), name: 'accordeur_id' },
    terAccorderingOp: { ...text(true), name: 'ter_accordering_op' },
    vastgesteldOp: { ...text(true), name: 'vastgesteld_op' },
    verzondenOp: { ...text(true), name: 'verzonden_op' },
    vervangtId: { ...int(true), name: 'vervangt_id' },
    perDatum: { ...text(true), name: 'per_datum' },
    vastgesteldMoment: { ...text(true), name: 'vastgesteld_moment' },
    redenEinde: { ...text(true), name: 'reden_einde' },
    ambtshalveAanleiding: { ...text(true), name: 'ambtshalve_aanleiding' },
    nietToegekend: { ...json(), name: 'niet_toegekend' },
    voornemenId: { ...int(true), name: 'voornemen_id' },
    createdAt: { ...text(), name: 'created_at' },
    updatedAt: { ...text(), name: 'updated_at' },
  },
});

export interface BeschikkingIndicatieRow {
  beschikkingId: number;
  indicatieId: number;
}
export const BeschikkingIndicatieEntity = new EntitySchema<BeschikkingIndicatieRow>({
  name: 'BeschikkingIndicatie',
  tableName: 'beschikking_indicaties',
  columns: {
    beschikkingId: { type: 'integer', primary: true, name: 'beschikking_id' },
    indicatieId: { type: 'integer', primary: true, name: 'indicatie_id' },
  },
});

/** Who wrote or submitted a beschikking (vier-ogen: none of them may approve it). */
export interface BeschikkingBewerkerRow {
  id: number;
  beschikkingId: number;
  userId: number;
  rol: 'auteur' | 'indiener';
  op: string;
  /** Why a colleague took the concept over. */
  reden: string | null;
}
export const BeschikkingBewerkerEntity = new EntitySchema<BeschikkingBewerkerRow>({
  name: 'BeschikkingBewerker',
  tableName: 'beschikking_bewerkers',
  columns: {
    id,
    beschikkingId: { ...int(), name: 'beschikking_id' },
    userId: { ...int(), name: 'user_id' },
    rol: text(),
    op: text(),
    reden: text(true),
  },
});

export interface Verlenging {
  dagen: number;
  reden: string;
  op: string;
  /** What it rests on (shared/termijnen WIJZIGING_GRONDEN); absent = 'awb' (rows from before 0009). */
  grond?: 'awb' | 'instemming_client' | 'verordening';
  grondTekst?: string;
}
export interface Opschorting {
  van: string;
  tot: string | null;
  reden: string;
  grond?: 'awb' | 'instemming_client' | 'verordening';
  grondTekst?: string;
}
export interface TermijnRow {
  id: number;
  meldingId: number;
  soort: 'onderzoek' | 'beschikking';
  wet: string;
  startdatum: string;
  verlengingen: Verlenging[];
  opschortingen: Opschorting[];
  uiterlijk: string | null;
  afgerondOp: string | null;
  behaald: boolean | null;
}
export const TermijnEntity = new EntitySchema<TermijnRow>({
  name: 'Termijn',
  tableName: 'termijnen',
  columns: {
    id,
    meldingId: { ...int(), name: 'melding_id' },
    soort: text(),
    wet: text(),
    startdatum: text(),
    verlengingen: json(),
    opschortingen: json(),
    uiterlijk: text(true),
    afgerondOp: { ...text(true), name: 'afgerond_op' },
    behaald: {
      type: 'integer',
      nullable: true,
      transformer: {
        to: (v?: boolean | null) => (v === undefined ? v : v === null ? null : v ? 1 : 0),
        from: (v: number | null) => (v === null ? null : v === 1),
      },
    },
  },
});

export interface LetterRow {
  id: number;
  soort: string;
  meldingId: number | null;
  beschikkingId: number | null;
  pdf: Buffer;
  sha256: string;
  createdAt: string;
  createdBy: number;
}
export const LetterEntity = new EntitySchema<LetterRow>({
  name: 'Letter',
  tableName: 'letters',
  columns: {
    id,
    soort: text(),
    meldingId: { ...int(true), name: 'melding_id' },
    beschikkingId: { ...int(true), name: 'beschikking_id' },
    pdf: { type: 'blob' },
    sha256: text(),
    createdAt: { ...text(), name: 'created_at' },
    createdBy: { ...int(), name: 'created_by' },
  },
});

export interface OutboxRow {
  id: number;
  kind: 'zgw' | 'iwmo';
  subjectId: number;
  status: 'wachtend' | 'bezig' | 'klaar' | 'fout';
  steps: Record<string, string>;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
}
export const OutboxEntity = new EntitySchema<OutboxRow>({
  name: 'Outbox',
  tableName: 'export_outbox',
  columns: {
    id,
    kind: text(),
    subjectId: { ...int(), name: 'subject_id' },
    status: text(),
    steps: json(),
    attempts: int(),
    nextAttemptAt: { ...text(true), name: 'next_attempt_at' },
    lastError: { ...text(true), name: 'last_error' },
    createdBy: { ...int(), name: 'created_by' },
    createdAt: { ...text(), name: 'created_at' },
    updatedAt: { ...text(), name: 'updated_at' },
  },
});

export interface AccessLogRow {
  seq: number;
  ts: string;
  actor: string;
  onBehalfOf: string | null;
  role: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  clientId: number | null;
  result: string;
  origin: string;
  detail: string | null;
  prevHash: string;
  hash: string;
  /** The clients a search or list showed, as a JSON array (migration 0023); null on other entries. */
  clientIds: string | null;
}
export const AccessLogEntity = new EntitySchema<AccessLogRow>({
  name: 'AccessLog',
  tableName: 'access_log',
  columns: {
    seq: { type: 'integer', primary: true },
    ts: text(),
    actor: text(),
    onBehalfOf: { ...text(true), name: 'on_behalf_of' },
    role: text(true),
    action: text(),
    objectType: { ...text(), name: 'object_type' },
    objectId: { ...text(true), name: 'object_id' },
    clientId: { ...int(true), name: 'client_id' },
    result: text(),
    origin: text(),
    detail: text(true),
    prevHash: { ...text(), name: 'prev_hash' },
    hash: text(),
    clientIds: { ...text(true), name: 'client_ids' },
  },
});

/** Which list entries of the access log showed which client: derived from `client_ids`, filled behind the log. */
export interface AccessLogGetoondRow {
  clientId: number;
  seq: number;
}
export const AccessLogGetoondEntity = new EntitySchema<AccessLogGetoondRow>({
  name: 'AccessLogGetoond',
  tableName: 'access_log_getoond',
  columns: {
    clientId: { type: 'integer', primary: true, name: 'client_id' },
    seq: { type: 'integer', primary: true },
  },
});

/** A user or action that occurs in the access log (the auditor's filter lists), kept as the log is written. */
export interface AccessLogKeuzeRow {
  soort: 'actor' | 'action';
  waarde: string;
}
export const AccessLogKeuzeEntity = new EntitySchema<AccessLogKeuzeRow>({
  name: 'AccessLogKeuze',
  tableName: 'access_log_keuzes',
  columns: {
    soort: { type: 'text', primary: true },
    waarde: { type: 'text', primary: true },
  },
});

/** How far `access_log_getoond` has been filled: every list entry up to `totSeq` is in it. */
export interface AccessLogGetoondStandRow {
  id: number;
  totSeq: number;
}
export const AccessLogGetoondStandEntity = new EntitySchema<AccessLogGetoondStandRow>({
  name: 'AccessLogGetoondStand',
  tableName: 'access_log_getoond_stand',
  columns: {
    id: { type: 'integer', primary: true },
    totSeq: { type: 'integer', name: 'tot_seq' },
  },
});

export interface VoornemenRow {
  id: number;
  beschikkingId: number;
  soort: 'beeindiging' | 'herziening' | 'terugvordering';
  wat: string;
  reden: string;
  perDatum: string | null;
  verzondenOp: string;
  zienswijzeUiterlijk: string;
  zienswijze: string | null;
  zienswijzeOp: string | null;
  letterId: number | null;
  createdBy: number;
  createdAt: string;
}
/** Awb 4:8: the voornemen sent before an ambtshalve beëindiging, herziening or terugvordering. */
export const VoornemenEntity = new EntitySchema<VoornemenRow>({
  name: 'Voornemen',
  tableName: 'voornemens',
  columns: {
    id,
    beschikkingId: { ...int(), name: 'beschikking_id' },
    soort: text(),
    wat: text(),
    reden: text(),
    perDatum: { ...text(true), name: 'per_datum' },
    verzondenOp: { ...text(), name: 'verzonden_op' },
    zienswijzeUiterlijk: { ...text(), name: 'zienswijze_uiterlijk' },
    zienswijze: text(true),
    zienswijzeOp: { ...text(true), name: 'zienswijze_op' },
    letterId: { ...int(true), name: 'letter_id' },
    createdBy: { ...int(), name: 'created_by' },
    createdAt: { ...text(), name: 'created_at' },
  },
});

/** A composite key's column: part of the primary key, never generated. */
const key: EntitySchemaColumnOptions = { type: 'integer', primary: true };

/** The names of a beschikking's authors, the original author first (a view, migration 0010). */
export interface BeschikkingAuteursRow {
  beschikkingId: number;
  namen: string;
}
export const BeschikkingAuteursView = new EntitySchema<BeschikkingAuteursRow>({
  name: 'BeschikkingAuteurs',
  // A view, read only; mapped as a table so that TypeORM keeps no view metadata of its own.
  tableName: 'beschikking_auteurs',
  columns: {
    beschikkingId: { ...key, name: 'beschikking_id' },
    namen: text(),
  },
});

export interface TerugzendingRow {
  id: number;
  beschikkingId: number;
  reden: string;
  doorId: number;
  op: string;
}
/** Why a besluitbevoegde sent a concept back (migration 0013). */
export const TerugzendingEntity = new EntitySchema<TerugzendingRow>({
  name: 'Terugzending',
  tableName: 'beschikking_terugzendingen',
  columns: {
    id,
    beschikkingId: { ...int(), name: 'beschikking_id' },
    reden: text(),
    doorId: { ...int(), name: 'door_id' },
    op: text(),
  },
});

/** One row (id 1): how often a name changed, so the fuzzy vocabulary knows when to rebuild (migration 0006). */
export interface ClientNameChangesRow {
  id: number;
  n: number;
}
export const ClientNameChangesEntity = new EntitySchema<ClientNameChangesRow>({
  name: 'ClientNameChanges',
  tableName: 'client_name_changes',
  columns: { id: key, n: int() },
});

export interface InzageVerzoekRow {
  id: number;
  clientId: number;
  ontvangenOp: string;
  uiterlijkOp: string;
  toelichting: string;
  geregistreerdDoor: number;
  createdAt: string;
  uitgevoerdOp: string | null;
  uitgevoerdDoor: number | null;
}
/** A registered AVG art. 15 request (migration 0010). */
export const InzageVerzoekEntity = new EntitySchema<InzageVerzoekRow>({
  name: 'InzageVerzoek',
  tableName: 'inzage_verzoeken',
  columns: {
    id,
    clientId: { ...int(), name: 'client_id' },
    ontvangenOp: { ...text(), name: 'ontvangen_op' },
    uiterlijkOp: { ...text(), name: 'uiterlijk_op' },
    toelichting: text(),
    geregistreerdDoor: { ...int(), name: 'geregistreerd_door' },
    createdAt: { ...text(), name: 'created_at' },
    uitgevoerdOp: { ...text(true), name: 'uitgevoerd_op' },
    uitgevoerdDoor: { ...int(true), name: 'uitgevoerd_door' },
  },
});

export interface IwmoBerichtRow {
  id: number;
  berichtsoort: 'WMO315' | 'JW315';
  afzender: string;
  identificatie: string;
  dagtekening: string;
  ontvangenOp: string;
  clientId: number | null;
  meldingId: number | null;
  status: 'verwerkt' | 'wacht_op_beoordeling' | 'afgewezen';
  redenWacht: string | null;
  /** The parsed 315 as JSON text. */
  inhoud: string;
  /** The answers per product as JSON text. */
  antwoorden: string;
  retourUiterlijk: string;
  retourIdentificatie: string | null;
  retourOp: string | null;
  antwoordUiterlijk: string;
}
/** An incoming WMO315/JW315 and its answers (migration 0009). */
export const IwmoBerichtEntity = new EntitySchema<IwmoBerichtRow>({
  name: 'IwmoBericht',
  tableName: 'iwmo_berichten',
  columns: {
    id,
    berichtsoort: text(),
    afzender: text(),
    identificatie: text(),
    dagtekening: text(),
    ontvangenOp: { ...text(), name: 'ontvangen_op' },
    clientId: { ...int(true), name: 'client_id' },
    meldingId: { ...int(true), name: 'melding_id' },
    status: text(),
    redenWacht: { ...text(true), name: 'reden_wacht' },
    inhoud: text(),
    antwoorden: text(),
    retourUiterlijk: { ...text(), name: 'retour_uiterlijk' },
    retourIdentificatie: { ...text(true), name: 'retour_identificatie' },
    retourOp: { ...text(true), name: 'retour_op' },
    antwoordUiterlijk: { ...text(), name: 'antwoord_uiterlijk' },
  },
});

export interface NotificatieRow {
  id: number;
  userId: number;
  soort: 'teruggestuurd' | 'vastgesteld';
  tekst: string;
  meldingId: number | null;
  beschikkingId: number | null;
  aangemaaktOp: string;
  gelezenOp: string | null;
}
export const NotificatieEntity = new EntitySchema<NotificatieRow>({
  name: 'Notificatie',
  tableName: 'notificaties',
  columns: {
    id,
    userId: { ...int(), name: 'user_id' },
    soort: text(),
    tekst: text(),
    meldingId: { ...int(true), name: 'melding_id' },
    beschikkingId: { ...int(true), name: 'beschikking_id' },
    aangemaaktOp: { ...text(), name: 'aangemaakt_op' },
    gelezenOp: { ...text(true), name: 'gelezen_op' },
  },
});

export interface PrintBatchRow {
  id: number;
  status: 'klaar' | 'bevestigd' | 'verworpen';
  datum: string;
  createdBy: number;
  createdAt: string;
  afgehandeldOp: string | null;
}
export const PrintBatchEntity = new EntitySchema<PrintBatchRow>({
  name: 'PrintBatch',
  tableName: 'print_batches',
  columns: {
    id,
    status: text(),
    datum: text(),
    createdBy: { ...int(), name: 'created_by' },
    createdAt: { ...text(), name: 'created_at' },
    afgehandeldOp: { ...text(true), name: 'afgehandeld_op' },
  },
});

export interface PrintBatchLetterRow {
  batchId: number;
  beschikkingId: number;
  pdf: Buffer;
  sha256: string;
  pages: number;
}
export const PrintBatchLetterEntity = new EntitySchema<PrintBatchLetterRow>({
  name: 'PrintBatchLetter',
  tableName: 'print_batch_letters',
  columns: {
    batchId: { ...key, name: 'batch_id' },
    beschikkingId: { ...key, name: 'beschikking_id' },
    pdf: { type: 'blob' },
    sha256: text(),
    pages: int(),
  },
});

export interface PrintBatchAfschriftRow {
  batchId: number;
  beschikkingId: number;
  volgnr: number;
  aan: string;
  pdf: Buffer;
  sha256: string;
  pages: number;
}
/** A copy of a batch's letter for a representative, printed after the original (migration 0016). */
export const PrintBatchAfschriftEntity = new EntitySchema<PrintBatchAfschriftRow>({
  name: 'PrintBatchAfschrift',
  tableName: 'print_batch_afschriften',
  columns: {
    batchId: { ...key, name: 'batch_id' },
    beschikkingId: { ...key, name: 'beschikking_id' },
    volgnr: key,
    aan: text(),
    pdf: { type: 'blob' },
    sha256: text(),
    pages: int(),
  },
});

export interface RechtenVerzoekRow {
  id: number;
  clientId: number;
  soort: 'vernietiging' | 'rectificatie' | 'beperking' | 'opheffing_beperking';
  ontvangenOp: string;
  uiterlijkOp: string;
  toelichting: string | null;
  meldingIds: number[];
  status: 'ontvangen' | 'toegewezen' | 'afgewezen' | 'uitgevoerd';
  besluitOp: string | null;
  besluitDoor: number | null;
  reden: string | null;
  wijziging: string | null;
  uitgevoerdOp: string | null;
  geregistreerdDoor: number;
  createdAt: string;
}
/** AVG art. 16–18 requests and their decisions (migration 0004). */
export const RechtenVerzoekEntity = new EntitySchema<RechtenVerzoekRow>({
  name: 'RechtenVerzoek',
  tableName: 'rechten_verzoeken',
  columns: {
    id,
    clientId: { ...int(), name: 'client_id' },
    soort: text(),
    ontvangenOp: { ...text(), name: 'ontvangen_op' },
    uiterlijkOp: { ...text(), name: 'uiterlijk_op' },
    toelichting: text(true),
    meldingIds: { ...json(), name: 'melding_ids' },
    status: text(),
    besluitOp: { ...text(true), name: 'besluit_op' },
    besluitDoor: { ...int(true), name: 'besluit_door' },
    reden: text(true),
    wijziging: text(true),
    uitgevoerdOp: { ...text(true), name: 'uitgevoerd_op' },
    geregistreerdDoor: { ...int(), name: 'geregistreerd_door' },
    createdAt: { ...text(), name: 'created_at' },
  },
});

export interface UserCredentialRow {
  userId: number;
  verifier: string;
  totpSecret: string | null;
  totpConfirmedAt: string | null;
  recoveryCodes: string[];
  updatedAt: string;
  totpLastStep: number | null;
}
/** Team server: password verifier, TOTP secret and recovery codes (migrations 0012, 0014). */
export const UserCredentialEntity = new EntitySchema<UserCredentialRow>({
  name: 'UserCredential',
  tableName: 'user_credentials',
  columns: {
    userId: { ...key, name: 'user_id' },
    verifier: text(),
    totpSecret: { ...text(true), name: 'totp_secret' },
    totpConfirmedAt: { ...text(true), name: 'totp_confirmed_at' },
    recoveryCodes: { ...json(), name: 'recovery_codes' },
    updatedAt: { ...text(), name: 'updated_at' },
    totpLastStep: { ...int(true), name: 'totp_last_step' },
  },
});

export interface VernietigingVoorstelRow {
  id: number;
  status: 'voorgesteld' | 'goedgekeurd' | 'afgewezen' | 'uitgevoerd';
  grond: 'selectielijst' | 'verzoek';
  verzoekId: number | null;
  toelichting: string | null;
  voorgesteldDoor: number;
  voorgesteldOp: string;
  beoordeeldDoor: number | null;
  beoordeeldOp: string | null;
  beoordeling: string | null;
  uitgevoerdDoor: number | null;
  uitgevoerdOp: string | null;
}
/** A destruction proposal with its four eyes (migration 0004). */
export const VernietigingVoorstelEntity = new EntitySchema<VernietigingVoorstelRow>({
  name: 'VernietigingVoorstel',
  tableName: 'vernietiging_voorstellen',
  columns: {
    id,
    status: text(),
    grond: text(),
    verzoekId: { ...int(true), name: 'verzoek_id' },
    toelichting: text(true),
    voorgesteldDoor: { ...int(), name: 'voorgesteld_door' },
    voorgesteldOp: { ...text(), name: 'voorgesteld_op' },
    beoordeeldDoor: { ...int(true), name: 'beoordeeld_door' },
    beoordeeldOp: { ...text(true), name: 'beoordeeld_op' },
    beoordeling: text(true),
    uitgevoerdDoor: { ...int(true), name: 'uitgevoerd_door' },
    uitgevoerdOp: { ...text(true), name: 'uitgevoerd_op' },
  },
});

export interface VernietigingItemRow {
  voorstelId: number;
  meldingId: number;
  clientId: number;
  wet: string;
  selectielijstNummer: string;
  archiefactiedatum: string;
  clientVernietigd: boolean;
}
export const VernietigingItemEntity = new EntitySchema<VernietigingItemRow>({
  name: 'VernietigingItem',
  tableName: 'vernietiging_items',
  columns: {
    voorstelId: { ...key, name: 'voorstel_id' },
    meldingId: { ...key, name: 'melding_id' },
    clientId: { ...int(), name: 'client_id' },
    wet: text(),
    selectielijstNummer: { ...text(), name: 'selectielijst_nummer' },
    archiefactiedatum: text(),
    clientVernietigd: { ...bool, name: 'client_vernietigd' },
  },
});

export interface WerkvoorraadStandRow {
  meldingId: number;
  clientId: number;
  consulentId: number;
  wet: string;
  wijk: string | null;
  zoeknaam: string | null;
  fase: string;
  termijnId: number | null;
  uiterlijk: string | null;
}
/** The werkvoorraad's state per open melding, kept by triggers (migration 0020). */
export const WerkvoorraadStandEntity = new EntitySchema<WerkvoorraadStandRow>({
  name: 'WerkvoorraadStand',
  tableName: 'werkvoorraad_stand',
  columns: {
    meldingId: { ...key, name: 'melding_id' },
    clientId: { ...int(), name: 'client_id' },
    consulentId: { ...int(), name: 'consulent_id' },
    wet: text(),
    wijk: text(true),
    zoeknaam: text(true),
    fase: text(),
    termijnId: { ...int(true), name: 'termijn_id' },
    uiterlijk: text(true),
  },
});

export interface WijkRow {
  id: number;
  naam: string;
  actief: boolean;
}
/** The beheerder's pick list of wijken (migration 0015). */
export const WijkEntity = new EntitySchema<WijkRow>({
  name: 'Wijk',
  tableName: 'wijken',
  columns: { id, naam: text(), actief: bool },
});

export interface AanbiederRow {
  id: number;
  agbCode: string;
  naam: string;
  actief: boolean;
}
/** The beheerder's pick list of aanbieders by AGB code (migration 0015). */
export const AanbiederEntity = new EntitySchema<AanbiederRow>({
  name: 'Aanbieder',
  tableName: 'aanbieders',
  columns: { id, agbCode: { ...text(), name: 'agb_code' }, naam: text(), actief: bool },
});

export interface ZaakArchiefRow {
  meldingId: number;
  resultaat: 'verstrekt' | 'geweigerd' | 'beeindigd' | 'afgebroken';
  selectielijstUuid: string;
  selectielijstNummer: string;
  selectielijstNaam: string;
  bewaartermijn: string;
  brondatum: string;
  afsluitdatum: string;
  archiefactiedatum: string;
  afgeslotenDoor: number;
  createdAt: string;
}
/** A closed case with its Selectielijst class and archiefactiedatum (migration 0004). */
export const ZaakArchiefEntity = new EntitySchema<ZaakArchiefRow>({
  name: 'ZaakArchief',
  tableName: 'zaak_archief',
  columns: {
    meldingId: { ...key, name: 'melding_id' },
    resultaat: text(),
    selectielijstUuid: { ...text(), name: 'selectielijst_uuid' },
    selectielijstNummer: { ...text(), name: 'selectielijst_nummer' },
    selectielijstNaam: { ...text(), name: 'selectielijst_naam' },
    bewaartermijn: text(),
    brondatum: text(),
    afsluitdatum: text(),
    archiefactiedatum: text(),
    afgeslotenDoor: { ...int(), name: 'afgesloten_door' },
    createdAt: { ...text(), name: 'created_at' },
  },
});

export const ENTITIES = [
  UserEntity, SettingEntity, HouseholdEntity, ClientEntity, RepresentativeEntity, MeldingEntity,
  OnderzoekEntity, AanvraagEntity, IndicatieEntity, BeschikkingEntity, BeschikkingIndicatieEntity,
  BeschikkingBewerkerEntity, TermijnEntity, LetterEntity, OutboxEntity, AccessLogEntity, AccessLogGetoondEntity, AccessLogGetoondStandEntity, AccessLogKeuzeEntity, VoornemenEntity,
  BeschikkingAuteursView, TerugzendingEntity, ClientNameChangesEntity, InzageVerzoekEntity, IwmoBerichtEntity,
  NotificatieEntity, PrintBatchEntity, PrintBatchLetterEntity, PrintBatchAfschriftEntity, RechtenVerzoekEntity, UserCredentialEntity,
  VernietigingVoorstelEntity, VernietigingItemEntity, WerkvoorraadStandEntity, ZaakArchiefEntity, WijkEntity, AanbiederEntity,
];
