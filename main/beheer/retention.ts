import type { z } from 'zod';
import { addDays, daysInMonth, parseIsoDate, formatIsoDate } from '../../shared/dates';
import { LoketError } from '../../shared/errors';
import type {
  VernietigbareZaakSchema, VernietigingBeoordelingSchema, VernietigingVoorstel, VernietigingVoorstelInputSchema, ZaakAfsluitenSchema,
  ZaakArchief, ZaakResultaat,
} from '../../shared/schemas/beheer';
import type { Wet } from '../../shared/schemas/zaak';
import { In, Like } from 'typeorm';
import type { RawDb } from '../db/database';
import { rebuildClientSearch } from '../db/sqlite/fts';
import { deferForeignKeys } from '../db/sqlite/purge';
import { tablesWithColumn } from '../db/sqlite/schema';
import {
  AanvraagEntity, BeschikkingEntity, MeldingEntity, RechtenVerzoekEntity, SettingEntity, UserEntity, VernietigingItemEntity,
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

const OPEN_VOORSTEL = `SELECT i.voorstel_id FROM vernietiging_items i JOIN vernietiging_voorstellen v ON v.id = i.voorstel_id
  WHERE i.melding_id = m.id AND v.status IN ('voorgesteld', 'goedgekeurd') LIMIT 1`;
const TOEGEWEZEN_VERZOEK = `SELECT r.id FROM rechten_verzoeken r WHERE r.soort = 'vernietiging' AND r.status = 'toegewezen'
  AND r.client_id = m.client_id AND (r.melding_ids = '[]' OR m.id IN (SELECT value FROM json_each(r.melding_ids))) ORDER BY r.id LIMIT 1`;

function vernietigbaar(raw: RawDb, where: string, params: unknown[]): VernietigbareZaak[] {
  const rows = raw.prepare(`SELECT m.id, m.datum, m.wet, m.client_id, a.resultaat, a.selectielijst_nummer, a.selectielijst_naam,
      a.afsluitdatum, a.archiefactiedatum, (${OPEN_VOORSTEL}) AS voorstel_id, (${TOEGEWEZEN_VERZOEK}) AS verzoek_id
    FROM meldingen m JOIN zaak_archief a ON a.melding_id = m.id
    WHERE m.status = 'afgesloten' AND (${where}) ORDER BY a.archiefactiedatum, m.id`).all(...params) as Array<{
      id: number; datum: string; wet: Wet; client_id: number; resultaat: ZaakResultaat; selectielijst_nummer: string;
      selectielijst_naam: string; afsluitdatum: string; archiefactiedatum: string; voorstel_id: number | null; verzoek_id: number | null;
    }>;
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
  const items = vernietigbaar(tx.raw, `a.archiefactiedatum <= ? OR (${TOEGEWEZEN_VERZOEK}) IS NOT NULL`, [peildatum]);
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
  const found = vernietigbaar(tx.raw, 'm.id IN (SELECT value FROM json_each(?))', [JSON.stringify(unique)]);
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
  checkDependencies(tx.raw, unique);
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

const ids = (xs: number[]) => JSON.stringify(xs);
const IN = 'IN (SELECT value FROM json_each(?))';

interface CaseRows { meldingen: number[]; aanvragen: number[]; beschikkingen: number[]; indicaties: number[] }

function caseRows(raw: RawDb, meldingIds: number[]): CaseRows {
  const col = (sql: string, p: number[]) => (raw.prepare(sql).pluck().all(ids(p)) as number[]);
  const aanvragen = col(`SELECT id FROM aanvragen WHERE melding_id ${IN}`, meldingIds);
  return {
    meldingen: meldingIds,
    aanvragen,
    beschikkingen: col(`SELECT id FROM beschikkingen WHERE aanvraag_id ${IN}`, aanvragen),
    indicaties: col(`SELECT id FROM indicaties WHERE aanvraag_id ${IN}`, aanvragen),
  };
}

/** A later case that refers to a beschikking or indicatie of these cases would be left dangling. */
function checkDependencies(raw: RawDb, meldingIds: number[]): void {
  const c = caseRows(raw, meldingIds);
  const ref = raw.prepare(`SELECT b.id, a.melding_id FROM beschikkingen b JOIN aanvragen a ON a.id = b.aanvraag_id
    WHERE b.vervangt_id ${IN} AND b.id NOT ${IN}
    UNION SELECT l.beschikking_id, a.melding_id FROM beschikking_indicaties l JOIN beschikkingen b ON b.id = l.beschikking_id
      JOIN aanvragen a ON a.id = b.aanvraag_id WHERE l.indicatie_id ${IN} AND l.beschikking_id NOT ${IN} LIMIT 1`)
    .get(ids(c.beschikkingen), ids(c.beschikkingen), ids(c.indicaties), ids(c.beschikkingen)) as { id: number; melding_id: number } | undefined;
  if (ref) {
    throw new LoketError('conflict', `Beschikking ${ref.id} van zaak ${ref.melding_id} verwijst naar een besluit in deze zaken. Vernietig die zaak tegelijk (als haar termijn ook verstreken is) of wacht tot dat kan.`, 'meldingIds');
  }
}

/** Tables this module empties by name; any other table with a case or client column is swept generically. */
const HANDLED = new Set(['meldingen', 'onderzoeken', 'aanvragen', 'indicaties', 'beschikkingen', 'beschikking_indicaties', 'termijnen',
  'letters', 'export_outbox', 'zaak_archief', 'clients', 'representatives', 'households']);
/** Registers that must outlive the destruction: they hold internal ids only. */
const KEPT = new Set(['access_log', 'vernietiging_items', 'vernietiging_voorstellen', 'rechten_verzoeken', 'users', 'settings']);

function sweepOtherTables(raw: RawDb, column: string, values: number[]): string[] {
  if (!values.length) return [];
  const swept: string[] = [];
  for (const t of tablesWithColumn(raw, column)) {
    if (HANDLED.has(t) || KEPT.has(t)) continue;
    const n = raw.prepare(`DELETE FROM "${t}" WHERE "${column}" ${IN}`).run(ids(values)).changes;
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
export function destroyCases(tx: TxContext, meldingIds: number[]): { clientIds: number[]; swept: string[] } {
  const raw = tx.raw;
  checkDependencies(raw, meldingIds);
  deferForeignKeys(raw);
  const c = caseRows(raw, meldingIds);
  const clientIds = [...new Set(raw.prepare(`SELECT client_id FROM meldingen WHERE id ${IN}`).pluck().all(ids(meldingIds)) as number[])];
  const del = (sql: string, ...p: number[][]) => raw.prepare(sql).run(...p.map(ids)).changes;
  del(`DELETE FROM letters WHERE melding_id ${IN} OR beschikking_id ${IN}`, c.meldingen, c.beschikkingen);
  // Outbox subjects (main/export/outbox.ts, iwmoExport.ts): both the ZGW and the iWmo/iJw job are per beschikking.
  del(`DELETE FROM export_outbox WHERE kind IN ('zgw', 'iwmo') AND subject_id ${IN}`, c.beschikkingen);
  const swept = [
    ...sweepOtherTables(raw, 'beschikking_id', c.beschikkingen),
    ...sweepOtherTables(raw, 'indicatie_id', c.indicaties),
    ...sweepOtherTables(raw, 'melding_id', c.meldingen),
  ];
  del(`DELETE FROM beschikkingen WHERE id ${IN}`, c.beschikkingen);
  del(`DELETE FROM beschikking_indicaties WHERE beschikking_id ${IN} OR indicatie_id ${IN}`, c.beschikkingen, c.indicaties);
  del(`DELETE FROM indicaties WHERE id ${IN}`, c.indicaties);
  del(`DELETE FROM termijnen WHERE melding_id ${IN}`, c.meldingen);
  del(`DELETE FROM onderzoeken WHERE melding_id ${IN}`, c.meldingen);
  del(`DELETE FROM aanvragen WHERE id ${IN}`, c.aanvragen);
  del(`DELETE FROM zaak_archief WHERE melding_id ${IN}`, c.meldingen);
  del(`DELETE FROM meldingen WHERE id ${IN}`, c.meldingen);

  const gone = clientIds.filter((id) => (raw.prepare('SELECT count(*) FROM meldingen WHERE client_id = ?').pluck().get(id) as number) === 0);
  if (gone.length) {
    const households = raw.prepare(`SELECT DISTINCT household_id FROM clients WHERE id ${IN} AND household_id IS NOT NULL`).pluck().all(ids(gone)) as number[];
    swept.push(...sweepOtherTables(raw, 'client_id', gone));
    del(`DELETE FROM representatives WHERE client_id ${IN}`, gone);
    // The register of requests stays (it proves the request was honoured), without its free text.
    del(`UPDATE rechten_verzoeken SET toelichting = NULL, reden = NULL, wijziging = NULL WHERE client_id ${IN}`, gone);
    del(`DELETE FROM clients WHERE id ${IN}`, gone); // clients_fts_delete removes the index entry
    for (const h of households) {
      const left = raw.prepare('SELECT count(*) FROM clients WHERE household_id = ?').pluck().get(h) as number;
      if (left === 0) raw.prepare('DELETE FROM households WHERE id = ?').run(h);
    }
  }
  rebuildClientSearch(raw);
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
  const present = await tx.m.find(MeldingEntity, { where: { id: In(meldingIds) }, select: { id: true } });
  if (present.length !== meldingIds.length) throw new LoketError('conflict', `Een deel van de zaken in voorstel ${v.id} bestaat niet meer. Maak een nieuw voorstel.`);
  // The grounds must still hold on the day of destruction.
  const still = vernietigbaar(tx.raw, 'm.id IN (SELECT value FROM json_each(?))', [ids(meldingIds)]);
  for (const z of still) {
    if (v.grond === 'selectielijst' && z.archiefactiedatum > tx.today()) {
      throw new LoketError('conflict', `Zaak ${z.kenmerk} mag pas op ${z.archiefactiedatum} worden vernietigd.`);
    }
  }
  const { clientIds, swept } = destroyCases(tx, meldingIds);
  const vandaag = tx.today();
  if (clientIds.length) await tx.m.update(VernietigingItemEntity, { voorstelId: v.id, clientId: In(clientIds) }, { clientVernietigd: true });
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
