import type { z } from 'zod';
import { addDays, daysInMonth, parseIsoDate, formatIsoDate } from '../../shared/dates';
import { LoketError } from '../../shared/errors';
import type {
  VernietigbareZaakSchema, VernietigingBeoordelingSchema, VernietigingVoorstel, VernietigingVoorstelInputSchema, ZaakAfsluitenSchema,
  ZaakArchief, ZaakResultaat,
} from '../../shared/schemas/beheer';
import type { Wet } from '../../shared/schemas/zaak';
import { In, IsNull, Like, Not, type EntityTarget, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { inJsonArray } from '../db/sqlite/json';
import { rebuildClientSearch } from '../db/sqlite/clientSearch';
import { deferForeignKeys } from '../db/sqlite/purge';
import { tablesWithColumn } from '../db/sqlite/schema';
import {
  AanvraagEntity, BeschikkingEntity, BeschikkingIndicatieEntity, ClientEntity, HouseholdEntity, IndicatieEntity, LetterEntity, MeldingEntity,
  OnderzoekEntity, OutboxEntity, RechtenVerzoekEntity, RepresentativeEntity, SettingEntity, TermijnEntity, UserEntity, VernietigingItemEntity,
  VernietigingVoorstelEntity, ZaakArchiefEntity, type ZaakArchiefRow,
} from '../db/entities';
import { logAccess, notFound, nowIso, type TxContext } from '../services/context';
import { meldingKenmerk } from '../services/zaakRecords';
import { assertClientWritable } from '../services/beperking';
import { selectielijstKlasse, type SelectielijstResultaat } from './selectielijst';

/**
 * Retention under the Archiefwet with the Selectielijst gemeenten 2020 (procestype 8,
 * "Voorzieningen verstrekken"): a closed case gets its selectielijst result and an
 * archiefactiedatum; past that date it appears on the destruction list. One beheerder proposes,
 * a second person (beheerder or auditor) approves, and destruction deletes the rows for real:
 * secure_delete is on, the full-text index is rebuilt, the WAL is checkpointed to zero bytes and
 * the file vacuumed, so no free page or WAL frame keeps the old content. The access log keeps its
 * entries (they name objects by internal id only) and gets one entry per destroyed case.
 */

// ---------------------------------------------------------------- dates

/** date + ISO 8601 duration (PnYnMnWnD). Years and months clamp to the month's last day (29 Feb + P1Y = 28 Feb). */
export function addIsoDuration(iso: string, duration: string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  const d = parseIsoDate(iso);
  if (!m || duration === 'P' || !d) throw new RangeError(`ongeldige termijn ${duration} of datum ${iso}`);
  const months = d.maand - 1 + Number(m[2] ?? 0);
  const jaar = d.jaar + Number(m[1] ?? 0) + Math.floor(months / 12);
  const maand = (months % 12) + 1;
  const dag = Math.min(d.dag, daysInMonth(jaar, maand));
  return addDays(formatIsoDate({ jaar, maand, dag }), Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0));
}

// ---------------------------------------------------------------- classification

/** Which selectielijst result a closed case gets: the resultaat and the law decide. */
export function klasseVoor(wet: Wet, resultaat: ZaakResultaat): SelectielijstResultaat {
  switch (resultaat) {
    case 'verstrekt':
      return selectielijstKlasse(wet === 'wmo' ? '8.1.1' : wet === 'jeugdwet' ? '8.1.2' : '8.1');
    case 'geweigerd':
      return selectielijstKlasse('8.2');
    case 'beeindigd':
      return selectielijstKlasse(wet === 'wmo' ? '8.3.1' : wet === 'jeugdwet' ? '8.3.2' : '8.3');
    case 'afgebroken':
      return selectielijstKlasse('8.4.1');
  }
}

const RESULTAAT_NEEDS: Record<ZaakResultaat, { soorten: string[]; uitleg: string } | null> = {
  verstrekt: { soorten: ['toekenning', 'gedeeltelijke_toekenning', 'wijziging'], uitleg: 'een vastgestelde (gedeeltelijke) toekenning of wijziging' },
  geweigerd: { soorten: ['afwijzing'], uitleg: 'een vastgestelde afwijzing' },
  beeindigd: { soorten: ['beeindiging'], uitleg: 'een vastgestelde beëindiging' },
  afgebroken: null,
};

async function toArchief(tx: TxContext, a: ZaakArchiefRow): Promise<ZaakArchief> {
  const m = await tx.m.findOneOrFail(MeldingEntity, { where: { id: a.meldingId }, select: { id: true, datum: true, wet: true } });
  const k = selectielijstKlasse(a.selectielijstNummer);
  return {
    meldingId: a.meldingId, kenmerk: meldingKenmerk(m), wet: m.wet as Wet, resultaat: a.resultaat,
    selectielijst: {
      uuid: a.selectielijstUuid, volledigNummer: a.selectielijstNummer, naam: a.selectielijstNaam,
      omschrijving: k.omschrijving, procestermijn: k.procestermijn, bewaartermijn: a.bewaartermijn,
    },
    brondatum: a.brondatum, afsluitdatum: a.afsluitdatum, archiefactiedatum: a.archiefactiedatum,
  };
}

export async function afsluitenZaak(tx: TxContext, input: z.output<typeof ZaakAfsluitenSchema>): Promise<ZaakArchief> {
  const m = await tx.m.findOne(MeldingEntity, { where: { id: input.meldingId }, select: { id: true, clientId: true, datum: true, wet: true, status: true } });
  if (!m) throw notFound('Melding', input.meldingId);
  await assertClientWritable(tx, m.clientId);
  const kenmerk = meldingKenmerk(m);
  if (m.status !== 'open') throw new LoketError('conflict', `Melding ${kenmerk} is al afgesloten.`);
  const afsluitdatum = input.afsluitdatum ?? tx.today();
  if (afsluitdatum > tx.today()) throw new LoketError('invoer', 'De afsluitdatum ligt in de toekomst. Sluit de zaak af op of na de dag zelf.', 'afsluitdatum');
  if (afsluitdatum < m.datum) throw new LoketError('invoer', `De zaak kan niet vóór de melding (${m.datum}) zijn afgesloten.`, 'afsluitdatum');
  const besluiten = await tx.m.createQueryBuilder(BeschikkingEntity, 'b')
    .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = b.aanvraagId')
    .where('a.meldingId = :meldingId', { meldingId: m.id })
    .getMany();
  const open = besluiten.filter((b) => b.status === 'concept' || b.status === 'ter_accordering');
  if (open.length) {
    throw new LoketError('conflict', `Bij melding ${kenmerk} ligt nog een beschikking in ${open[0]!.status === 'concept' ? 'concept' : 'accordering'}. Rond die eerst af of trek haar in.`, 'resultaat');
  }
  const needs = RESULTAAT_NEEDS[input.resultaat];
  if (needs && !besluiten.some((b) => needs.soorten.includes(b.soort) && b.vastgesteldOp !== null)) {
    throw new LoketError('invoer', `Het resultaat '${input.resultaat}' vraagt ${needs.uitleg} bij deze zaak. Kies een ander resultaat of leg eerst het besluit vast.`, 'resultaat');
  }
  const klasse = klasseVoor(m.wet as Wet, input.resultaat);
  let brondatum = afsluitdatum;
  if (klasse.procestermijn === 'bestaansduur_procesobject') {
    if (!input.brondatum) {
      throw new LoketError('invoer', 'Bij een voorziening uit de Participatiewet begint de bewaartermijn pas als de voorziening eindigt (Selectielijst 8.1). Vul de einddatum van de voorziening in.', 'brondatum');
    }
    brondatum = input.brondatum;
  } else if (input.brondatum) {
    throw new LoketError('invoer', `Voor selectielijstklasse ${klasse.volledigNummer} begint de bewaartermijn bij het afsluiten van de zaak; laat de einddatum van de voorziening leeg.`, 'brondatum');
  }
  const archiefactiedatum = addIsoDuration(brondatum, klasse.bewaartermijn);
  await tx.m.update(MeldingEntity, { id: m.id }, { status: 'afgesloten' });
  await tx.m.insert(ZaakArchiefEntity, {
    meldingId: m.id, resultaat: input.resultaat, selectielijstUuid: klasse.uuid, selectielijstNummer: klasse.volledigNummer,
    selectielijstNaam: klasse.naam, bewaartermijn: klasse.bewaartermijn, brondatum, afsluitdatum, archiefactiedatum,
    afgeslotenDoor: tx.session.user.id, createdAt: nowIso(),
  });
  logAccess(tx, {
    action: 'wijzigen', objectType: 'melding', objectId: m.id, clientId: m.clientId,
    detail: `afgesloten: ${input.resultaat}, selectielijst ${klasse.volledigNummer} (${klasse.bewaartermijn}), archiefactiedatum ${archiefactiedatum}`,
  });
  return toArchief(tx, await tx.m.findOneByOrFail(ZaakArchiefEntity, { meldingId: m.id }));
}

export async function zaakArchief(tx: TxContext, input: { meldingId: number }): Promise<{ archief: ZaakArchief | null }> {
  const m = await tx.m.findOne(MeldingEntity, { where: { id: input.meldingId }, select: { id: true, clientId: true } });
  if (!m) throw notFound('Melding', input.meldingId);
  const a = await tx.m.findOneBy(ZaakArchiefEntity, { meldingId: input.meldingId });
  logAccess(tx, { action: 'lezen', objectType: 'zaak-archief', objectId: input.meldingId, clientId: m.clientId });
  return { archief: a ? await toArchief(tx, a) : null };
}

// ---------------------------------------------------------------- destruction list and proposals

type VernietigbareZaak = z.infer<typeof VernietigbareZaakSchema>;

/** At most this many ids in one IN list: SQLite binds up to 32,766 values per statement, other databases fewer. */
const SLICE = 10_000;

function slices(xs: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < xs.length; i += SLICE) out.push(xs.slice(i, i + SLICE));
  return out;
}

/** Subquery: the proposal (voorgesteld or goedgekeurd, so still open) that case `m` is in. */
function openVoorstel(sq: SelectQueryBuilder<ObjectLiteral>): SelectQueryBuilder<ObjectLiteral> {
  return sq.select('vi.voorstelId').from(VernietigingItemEntity, 'vi')
    .innerJoin(VernietigingVoorstelEntity.options.name, 'vv', 'vv.id = vi.voorstelId')
    .where(`vi.meldingId = m.id AND vv.status IN ('voorgesteld', 'goedgekeurd')`)
    .limit(1);
}

/** Subquery: the first granted request for destruction that covers case `m`: all the client's cases (no list) or this one by name. */
function toegewezenVerzoek(sq: SelectQueryBuilder<ObjectLiteral>): SelectQueryBuilder<ObjectLiteral> {
  return sq.select('r.id').from(RechtenVerzoekEntity, 'r')
    .where(`r.soort = 'vernietiging' AND r.status = 'toegewezen' AND r.clientId = m.clientId`)
    .andWhere(`(r.meldingIds = '[]' OR ${inJsonArray('m.id', 'r.meldingIds')})`)
    .orderBy('r.id').limit(1);
}

interface VernietigbaarRaw {
  id: number; datum: string; wet: Wet; client_id: number; resultaat: ZaakResultaat; selectielijst_nummer: string;
  selectielijst_naam: string; afsluitdatum: string; archiefactiedatum: string; voorstel_id: number | null; verzoek_id: number | null;
}

/** Closed cases with their archive data and the open proposal and granted request they are in: those due by `peildatum` (past the archiefactiedatum, or requested), or the cases named. */
async function vernietigbaar(tx: TxContext, welke: { peildatum: string } | { meldingIds: number[] }): Promise<VernietigbareZaak[]> {
  const query = () => tx.m.createQueryBuilder(MeldingEntity, 'm')
    .innerJoin(ZaakArchiefEntity.options.name, 'a', 'a.meldingId = m.id')
    .select(['m.id AS id', 'm.datum AS datum', 'm.wet AS wet', 'm.clientId AS client_id', 'a.resultaat AS resultaat',
      'a.selectielijstNummer AS selectielijst_nummer', 'a.selectielijstNaam AS selectielijst_naam', 'a.afsluitdatum AS afsluitdatum',
      'a.archiefactiedatum AS archiefactiedatum'])
    .addSelect(openVoorstel, 'voorstel_id')
    .addSelect(toegewezenVerzoek, 'verzoek_id')
    .where(`m.status = 'afgesloten'`)
    .orderBy('a.archiefactiedatum').addOrderBy('m.id');
  let rows: VernietigbaarRaw[];
  if ('peildatum' in welke) {
    rows = await query()
      .andWhere((qb) => `(a.archiefactiedatum <= :peildatum OR ${toegewezenVerzoek(qb.subQuery()).getQuery()} IS NOT NULL)`, { peildatum: welke.peildatum })
      .getRawMany<VernietigbaarRaw>();
  } else {
    rows = [];
    for (const ids of slices([...new Set(welke.meldingIds)])) rows.push(...await query().andWhere('m.id IN (:...ids)', { ids }).getRawMany<VernietigbaarRaw>());
    rows.sort((x, y) => (x.archiefactiedatum < y.archiefactiedatum ? -1 : x.archiefactiedatum > y.archiefactiedatum ? 1 : x.id - y.id));
  }
  return rows.map((r) => ({
    meldingId: r.id, kenmerk: meldingKenmerk(r), clientId: r.client_id, wet: r.wet, resultaat: r.resultaat,
    selectielijstNummer: r.selectielijst_nummer, selectielijstNaam: `${r.selectielijst_naam} – ${selectielijstKlasse(r.selectielijst_nummer).omschrijving || 'algemeen'}`,
    afsluitdatum: r.afsluitdatum, archiefactiedatum: r.archiefactiedatum, voorstelId: r.voorstel_id, verzoekId: r.verzoek_id,
  }));
}

async function username(tx: TxContext, id: number | null): Promise<string | null> {
  if (id === null) return null;
  return (await tx.m.findOne(UserEntity, { where: { id }, select: { id: true, username: true } }))?.username ?? `gebruiker ${id}`;
}

export async function loadVoorstel(tx: TxContext, id: number): Promise<VernietigingVoorstel> {
  const v = await tx.m.findOneBy(VernietigingVoorstelEntity, { id });
  if (!v) throw notFound('Vernietigingsvoorstel', id);
  const items = await tx.m.find(VernietigingItemEntity, { where: { voorstelId: id }, order: { meldingId: 'ASC' } });
  return {
    id: v.id, status: v.status, grond: v.grond, verzoekId: v.verzoekId, toelichting: v.toelichting,
    voorgesteldDoor: (await username(tx, v.voorgesteldDoor))!, voorgesteldOp: v.voorgesteldOp,
    beoordeeldDoor: await username(tx, v.beoordeeldDoor), beoordeeldOp: v.beoordeeldOp, beoordeling: v.beoordeling,
    uitgevoerdDoor: await username(tx, v.uitgevoerdDoor), uitgevoerdOp: v.uitgevoerdOp,
    items: items.map((i) => ({
      meldingId: i.meldingId, clientId: i.clientId, wet: i.wet as Wet, selectielijstNummer: i.selectielijstNummer,
      archiefactiedatum: i.archiefactiedatum, clientVernietigd: i.clientVernietigd,
    })),
  };
}

export async function vernietigingLijst(tx: TxContext, input: { peildatum?: string }) {
  const peildatum = input.peildatum ?? tx.today();
  const items = await vernietigbaar(tx, { peildatum });
  const recent = await tx.m.find(VernietigingVoorstelEntity, { order: { id: 'DESC' }, take: 100, select: { id: true } });
  logAccess(tx, { action: 'lezen', objectType: 'vernietigingslijst', detail: `${items.length} zaken vernietigbaar per ${peildatum}` });
  const voorstellen: VernietigingVoorstel[] = [];
  for (const r of recent) voorstellen.push(await loadVoorstel(tx, r.id));
  return { peildatum, items, voorstellen };
}

/** Creates a proposal inside a running transaction; shared with the destruction-on-request route. */
export async function createVoorstel(tx: TxContext, meldingIds: number[], grond: 'selectielijst' | 'verzoek', verzoekId: number | null,
  toelichting: string | null): Promise<VernietigingVoorstel> {
  const unique = [...new Set(meldingIds)];
  const found = await vernietigbaar(tx, { meldingIds: unique });
  const byId = new Map(found.map((z) => [z.meldingId, z]));
  for (const id of unique) {
    const z = byId.get(id);
    if (!z) {
      const m = await tx.m.findOne(MeldingEntity, { where: { id }, select: { id: true, datum: true, wet: true } });
      if (!m) throw notFound('Melding', id);
      throw new LoketError('conflict', `Zaak ${meldingKenmerk(m)} is nog niet afgesloten met een resultaat. Een consulent sluit haar eerst af; pas dan kan zij op de vernietigingslijst.`, 'meldingIds');
    }
    if (z.voorstelId !== null) throw new LoketError('conflict', `Zaak ${z.kenmerk} staat al in vernietigingsvoorstel ${z.voorstelId}.`, 'meldingIds');
    if (grond === 'selectielijst' && z.archiefactiedatum > tx.today()) {
      throw new LoketError('conflict', `Zaak ${z.kenmerk} mag pas op ${z.archiefactiedatum} worden vernietigd (selectielijst ${z.selectielijstNummer}).`, 'meldingIds');
    }
  }
  await checkDependencies(tx, unique);
  const res = await tx.m.insert(VernietigingVoorstelEntity, {
    status: 'voorgesteld', grond, verzoekId, toelichting, voorgesteldDoor: tx.session.user.id, voorgesteldOp: tx.today(),
  });
  const voorstelId = res.identifiers[0]!.id as number;
  for (const id of unique) {
    const z = byId.get(id)!;
    await tx.m.insert(VernietigingItemEntity, {
      voorstelId, meldingId: id, clientId: z.clientId, wet: z.wet, selectielijstNummer: z.selectielijstNummer, archiefactiedatum: z.archiefactiedatum, clientVernietigd: false,
    });
    logAccess(tx, { action: 'beheer', objectType: 'vernietigingsvoorstel', objectId: voorstelId, clientId: z.clientId, detail: `zaak ${id} voorgesteld (${grond})` });
  }
  return loadVoorstel(tx, voorstelId);
}

export function voorstelVernietiging(tx: TxContext, input: z.output<typeof VernietigingVoorstelInputSchema>): Promise<VernietigingVoorstel> {
  return createVoorstel(tx, input.meldingIds, 'selectielijst', null, input.toelichting);
}

export async function beoordeelVoorstel(tx: TxContext, input: z.output<typeof VernietigingBeoordelingSchema>): Promise<VernietigingVoorstel> {
  const v = await loadVoorstel(tx, input.voorstelId);
  if (v.status !== 'voorgesteld') throw new LoketError('conflict', `Voorstel ${v.id} is al ${v.status}; beoordelen kan alleen bij een nieuw voorstel.`);
  const row = await tx.m.findOneOrFail(VernietigingVoorstelEntity, { where: { id: v.id }, select: { id: true, voorgesteldDoor: true } });
  if (row.voorgesteldDoor === tx.session.user.id) {
    throw new LoketError('geen_toegang', 'U heeft dit voorstel zelf gedaan. Een tweede beheerder of een auditor moet het goedkeuren (vier-ogen).');
  }
  const status = input.akkoord ? 'goedgekeurd' : 'afgewezen';
  await tx.m.update(VernietigingVoorstelEntity, { id: v.id }, { status, beoordeeldDoor: tx.session.user.id, beoordeeldOp: tx.today(), beoordeling: input.toelichting });
  logAccess(tx, { action: 'beheer', objectType: 'vernietigingsvoorstel', objectId: v.id, detail: `${status} (${v.items.length} zaken)` });
  return loadVoorstel(tx, v.id);
}

// ---------------------------------------------------------------- destruction

interface CaseRows { meldingen: number[]; aanvragen: number[]; beschikkingen: number[]; indicaties: number[] }

/** The ids of rows of `entity` whose `property` is one of `values`. */
async function idsWhere(tx: TxContext, entity: EntityTarget<{ id: number }>, property: string, values: number[]): Promise<number[]> {
  const out: number[] = [];
  for (const v of slices(values)) out.push(...(await tx.m.find(entity, { where: { [property]: In(v) }, select: { id: true }, order: { id: 'ASC' } })).map((r) => r.id));
  return out;
}

/** Deletes the rows of `entity` whose `property` is one of `values`; returns how many. */
async function deleteWhere(tx: TxContext, entity: EntityTarget<ObjectLiteral>, property: string, values: number[], also: ObjectLiteral = {}): Promise<number> {
  let n = 0;
  for (const v of slices(values)) n += (await tx.m.delete(entity, { ...also, [property]: In(v) })).affected ?? 0;
  return n;
}

async function caseRows(tx: TxContext, meldingIds: number[]): Promise<CaseRows> {
  const aanvragen = await idsWhere(tx, AanvraagEntity, 'meldingId', meldingIds);
  return {
    meldingen: meldingIds,
    aanvragen,
    beschikkingen: await idsWhere(tx, BeschikkingEntity, 'aanvraagId', aanvragen),
    indicaties: await idsWhere(tx, IndicatieEntity, 'aanvraagId', aanvragen),
  };
}

/** A later case that refers to a beschikking or indicatie of these cases would be left dangling. */
async function checkDependencies(tx: TxContext, meldingIds: number[]): Promise<void> {
  const c = await caseRows(tx, meldingIds);
  const inCases = new Set(c.beschikkingen);
  const refs: { id: number; melding_id: number }[] = [];
  // Beschikkingen outside these cases that replace one of theirs…
  for (const ids of slices(c.beschikkingen)) {
    refs.push(...await tx.m.createQueryBuilder(BeschikkingEntity, 'b')
      .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = b.aanvraagId')
      .select(['b.id AS id', 'a.meldingId AS melding_id'])
      .where('b.vervangtId IN (:...ids)', { ids })
      .getRawMany<{ id: number; melding_id: number }>());
  }
  // …or decide on one of their indicaties.
  for (const ids of slices(c.indicaties)) {
    refs.push(...await tx.m.createQueryBuilder(BeschikkingIndicatieEntity, 'l')
      .innerJoin(BeschikkingEntity.options.name, 'b', 'b.id = l.beschikkingId')
      .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = b.aanvraagId')
      .select(['l.beschikkingId AS id', 'a.meldingId AS melding_id'])
      .where('l.indicatieId IN (:...ids)', { ids })
      .getRawMany<{ id: number; melding_id: number }>());
  }
  const ref = refs.filter((r) => !inCases.has(r.id)).sort((x, y) => x.id - y.id || x.melding_id - y.melding_id)[0];
  if (ref) {
    throw new LoketError('conflict', `Beschikking ${ref.id} van zaak ${ref.melding_id} verwijst naar een besluit in deze zaken. Vernietig die zaak tegelijk (als haar termijn ook verstreken is) of wacht tot dat kan.`, 'meldingIds');
  }
}

/** Tables this module empties by name; any other table with a case or client column is swept generically. */
const HANDLED = new Set(['meldingen', 'onderzoeken', 'aanvragen', 'indicaties', 'beschikkingen', 'beschikking_indicaties', 'termijnen',
  'letters', 'export_outbox', 'zaak_archief', 'clients', 'representatives', 'households']);
/** Registers that must outlive the destruction: they hold internal ids only. */
const KEPT = new Set(['access_log', 'access_log_getoond', 'vernietiging_items', 'vernietiging_voorstellen', 'rechten_verzoeken', 'users', 'settings']);

/** Every other table the file holds with this column, through its entity (test/integration/entities.test.ts: every table has one). */
async function sweepOtherTables(tx: TxContext, column: string, values: number[]): Promise<string[]> {
  if (!values.length) return [];
  const swept: string[] = [];
  for (const t of tablesWithColumn(tx.raw, column)) {
    if (HANDLED.has(t) || KEPT.has(t)) continue;
    const entity = tx.m.connection.getMetadata(t);
    const n = await deleteWhere(tx, entity.target, entity.findColumnWithDatabaseName(column)!.propertyName, values);
    if (n > 0) swept.push(`${t}(${n})`);
  }
  return swept;
}

/**
 * Deletes every row of these cases and, when a client has no case left, the client with
 * representatives and household membership. Runs inside the caller's transaction; foreign keys
 * are checked at commit (defer_foreign_keys), so the links of a vastgestelde beschikking can go
 * after the beschikking itself (their delete trigger guards only a beschikking that still exists).
 */
export async function destroyCases(tx: TxContext, meldingIds: number[]): Promise<{ clientIds: number[]; swept: string[] }> {
  await checkDependencies(tx, meldingIds);
  deferForeignKeys(tx.raw);
  const c = await caseRows(tx, meldingIds);
  const clientIds: number[] = [];
  for (const ids of slices(meldingIds)) {
    clientIds.push(...(await tx.m.find(MeldingEntity, { where: { id: In(ids) }, select: { id: true, clientId: true }, order: { id: 'ASC' } })).map((m) => m.clientId));
  }
  const clients = [...new Set(clientIds)];
  await deleteWhere(tx, LetterEntity, 'meldingId', c.meldingen);
  await deleteWhere(tx, LetterEntity, 'beschikkingId', c.beschikkingen);
  // Outbox subjects (main/export/outbox.ts, iwmoExport.ts): both the ZGW and the iWmo/iJw job are per beschikking.
  await deleteWhere(tx, OutboxEntity, 'subjectId', c.beschikkingen, { kind: In(['zgw', 'iwmo']) });
  const swept = [
    ...await sweepOtherTables(tx, 'beschikking_id', c.beschikkingen),
    ...await sweepOtherTables(tx, 'indicatie_id', c.indicaties),
    ...await sweepOtherTables(tx, 'melding_id', c.meldingen),
  ];
  await deleteWhere(tx, BeschikkingEntity, 'id', c.beschikkingen);
  await deleteWhere(tx, BeschikkingIndicatieEntity, 'beschikkingId', c.beschikkingen);
  await deleteWhere(tx, BeschikkingIndicatieEntity, 'indicatieId', c.indicaties);
  await deleteWhere(tx, IndicatieEntity, 'id', c.indicaties);
  await deleteWhere(tx, TermijnEntity, 'meldingId', c.meldingen);
  await deleteWhere(tx, OnderzoekEntity, 'meldingId', c.meldingen);
  await deleteWhere(tx, AanvraagEntity, 'id', c.aanvragen);
  await deleteWhere(tx, ZaakArchiefEntity, 'meldingId', c.meldingen);
  await deleteWhere(tx, MeldingEntity, 'id', c.meldingen);

  const gone: number[] = [];
  for (const id of clients) if (!(await tx.m.existsBy(MeldingEntity, { clientId: id }))) gone.push(id);
  if (gone.length) {
    const households = new Set<number>();
    for (const ids of slices(gone)) {
      for (const r of await tx.m.find(ClientEntity, { where: { id: In(ids), householdId: Not(IsNull()) }, select: { id: true, householdId: true } })) {
        households.add(r.householdId!);
      }
    }
    swept.push(...await sweepOtherTables(tx, 'client_id', gone));
    await deleteWhere(tx, RepresentativeEntity, 'clientId', gone);
    // The register of requests stays (it proves the request was honoured), without its free text.
    for (const ids of slices(gone)) await tx.m.update(RechtenVerzoekEntity, { clientId: In(ids) }, { toelichting: null, reden: null, wijziging: null });
    await deleteWhere(tx, ClientEntity, 'id', gone); // clients_fts_delete removes the index entry
    for (const h of households) {
      if (!(await tx.m.existsBy(ClientEntity, { householdId: h }))) await tx.m.delete(HouseholdEntity, { id: h });
    }
  }
  rebuildClientSearch(tx.raw);
  return { clientIds: gone, swept };
}

/** Destroys the cases of an approved proposal, in the caller's transaction; the handler purges freed pages after the commit. */
export async function voerVernietigingUit(tx: TxContext, input: { voorstelId: number }) {
  const v = await loadVoorstel(tx, input.voorstelId);
  if (v.status !== 'goedgekeurd') {
    throw new LoketError('conflict', v.status === 'voorgesteld'
      ? `Voorstel ${v.id} is nog niet goedgekeurd. Een tweede beheerder of een auditor moet het eerst goedkeuren.`
      : `Voorstel ${v.id} is ${v.status}; uitvoeren kan niet.`);
  }
  const meldingIds = v.items.map((i) => i.meldingId);
  const present = await idsWhere(tx, MeldingEntity, 'id', meldingIds);
  if (present.length !== meldingIds.length) throw new LoketError('conflict', `Een deel van de zaken in voorstel ${v.id} bestaat niet meer. Maak een nieuw voorstel.`);
  // The grounds must still hold on the day of destruction.
  const still = await vernietigbaar(tx, { meldingIds });
  for (const z of still) {
    if (v.grond === 'selectielijst' && z.archiefactiedatum > tx.today()) {
      throw new LoketError('conflict', `Zaak ${z.kenmerk} mag pas op ${z.archiefactiedatum} worden vernietigd.`);
    }
  }
  const { clientIds, swept } = await destroyCases(tx, meldingIds);
  const vandaag = tx.today();
  for (const ids of slices(clientIds)) await tx.m.update(VernietigingItemEntity, { voorstelId: v.id, clientId: In(ids) }, { clientVernietigd: true });
  await tx.m.update(VernietigingVoorstelEntity, { id: v.id }, { status: 'uitgevoerd', uitgevoerdDoor: tx.session.user.id, uitgevoerdOp: vandaag });
  for (const i of v.items) {
    logAccess(tx, {
      action: 'vernietigen', objectType: 'zaak', objectId: i.meldingId, clientId: i.clientId,
      detail: `zaak ${i.meldingId} (${i.wet}) van selectielijstklasse ${i.selectielijstNummer} vernietigd op ${vandaag} door ${tx.session.user.username}; voorstel ${v.id}, goedgekeurd door ${v.beoordeeldDoor}`,
    });
  }
  for (const id of clientIds) {
    logAccess(tx, { action: 'vernietigen', objectType: 'client', objectId: id, clientId: id, detail: `cliënt ${id} vernietigd op ${vandaag}: geen zaken meer; voorstel ${v.id}` });
  }
  if (swept.length) logAccess(tx, { action: 'vernietigen', objectType: 'vernietigingsvoorstel', objectId: v.id, detail: `ook verwijderd uit: ${swept.join(', ')}` });
  // Drafts of the destroyed cases may sit encrypted in a renderer's storage: every draft key goes,
  // so none of them opens again (each user gets a fresh key at the next login).
  await tx.m.delete(SettingEntity, { key: Like('concepten.sleutel.%') });
  if (v.verzoekId !== null) {
    await tx.m.update(RechtenVerzoekEntity, { id: v.verzoekId }, { status: 'uitgevoerd', uitgevoerdOp: vandaag });
  }
  return { voorstel: await loadVoorstel(tx, v.id), vernietigdeZaken: meldingIds.length, vernietigdeClienten: clientIds.length };
}
