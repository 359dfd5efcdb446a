/**
 * iWmo/iJw with the aanbieders, through the municipality's GGk connection (a folder the GGk
 * client picks files up from and drops files into):
 *
 * - out: for the approved ZIN indicaties of a beschikking (vastgesteld or verzonden, with a
 *   toewijzingNummer) a WMO301 (Wmo) or JW301 (Jeugdwet) per client + aanbieder, as a full-state
 *   message (OP087: every current toewijzing for that client and aanbieder, plus those changed
 *   since the previous message). PGB indicaties never produce a toewijzing (OP043). A beëindiging
 *   sends the toewijzing again with its new Einddatum and a RedenWijziging.
 * - in: a WMO315/JW315 (verzoek om toewijzing) becomes a melding (kanaal 'verwijzer') for the
 *   client with that BSN, created from the message when the desk does not know them yet; the
 *   melding starts the legal clock like any other.
 *
 * A message file is written under a reserved BerichtIdentificatie (kept in the outbox job before
 * the file is written), so a crash between writing and recording rewrites the same file instead
 * of sending a second message.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { In, type EntityManager } from 'typeorm';
import { LoketError } from '../../shared/errors';
import type { RedenEinde } from '../../shared/schemas/zaak';
import { eenheidLabel, frequentieLabel } from '../../shared/codelists';
import type { Db } from '../db/database';
import {
  AanvraagEntity, BeschikkingEntity, BeschikkingIndicatieEntity, ClientEntity, IndicatieEntity, MeldingEntity, OutboxEntity, RepresentativeEntity, SettingEntity,
  type ClientRow, type IndicatieRow, type OutboxRow,
} from '../db/entities';
import { clientIdOf } from '../services/beschikkingen';
import { assertClientWritable } from '../services/beperking';
import { logAccess, type TxContext } from '../services/context';
import { scrubNumbers, type ExportConfig } from './config';
import { STANDAARDEN, type Wet } from './iwmo/standaarden';
import { buildToewijzingXml, selectToewijzingenForMessage, type ToewijzingRecord } from './iwmo/toewijzing';
import { iwmoClient } from './iwmo/clientgegevens';
import type { ToegewezenProductInput } from './iwmo/types';
import { beeindigVervangen, redenVoorBeeindiging, type Toewijzing, type WijzigingBesluit } from './iwmo/wijziging';
import { parseVerzoekOmToewijzing, type VerzoekOmToewijzing } from './iwmo/verzoek';
import { assertNieuwBericht, bewaarBericht, koppel, redenOmTeWachten, schrijfRetour, termijnen315 } from './verzoeken';

const COUNTER_KEY = 'iwmo.volgnummer';

// ---------------------------------------------------------------- selection

type ToewijzingRow = Omit<Toewijzing, 'aanbiederAgb' | 'toewijzingNummer'> & ToewijzingRecord & {
  indicatie: IndicatieRow;
  /** The day the decision that last changed it was vastgesteld: the Toewijzingsdatum. */
  gewijzigdDatum: string;
  toewijzingNummer: number;
  aanbiederAgb: string;
  redenWijziging: Toewijzing['redenWijziging'];
};

/** The instant a beschikking was vastgesteld (its own column); noon of the day for rows without one. */
function momentVan(r: { vastgesteld_moment: string | null; vastgesteld_op: string }): string {
  return r.vastgesteld_moment ?? `${r.vastgesteld_op}T12:00:00.000Z`;
}

function amsterdamTijd(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso));
}

/**
 * Every approved ZIN toewijzing of a client (all aanbieders), in the order they were granted,
 * with the Einddatum and RedenWijziging that the later decisions give them (iwmo/wijziging.ts):
 * a beëindiging ends it on its per-datum with the recorded reason (02, 06, 07, 08 …), a
 * wijziging ends the toewijzing it replaces the day before the new one starts, and no two
 * toewijzingen for one aanbieder and product overlap. The changing decision's moment becomes the
 * Toewijzingsdatum/-tijd, so OP087 sends the change as new since the last message.
 */
async function toewijzingenVan(m: EntityManager, client: ClientRow): Promise<ToewijzingRow[]> {
  type Row = { indicatie_id: number; beschikking_id: number; vastgesteld_op: string; vastgesteld_moment: string | null; soort: string;
    per_datum: string | null; vervangt_id: number | null; reden_einde: string | null };
  const rows = await m.createQueryBuilder(IndicatieEntity, 'i')
    .innerJoin(BeschikkingIndicatieEntity.options.name, 'bi', 'bi.indicatieId = i.id')
    .innerJoin(BeschikkingEntity.options.name, 'b', 'b.id = bi.beschikkingId')
    .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = i.aanvraagId')
    .innerJoin(MeldingEntity.options.name, 'mm', 'mm.id = a.meldingId')
    .select(['i.id AS indicatie_id', 'b.id AS beschikking_id', 'b.vastgesteldOp AS vastgesteld_op', 'b.vastgesteldMoment AS vastgesteld_moment',
      'b.soort AS soort', 'b.perDatum AS per_datum', 'b.vervangtId AS vervangt_id', 'b.redenEinde AS reden_einde'])
    .where(`mm.clientId = :clientId AND b.status IN ('vastgesteld', 'verzonden') AND i.wet IN ('wmo', 'jeugdwet')`, { clientId: client.id })
    .andWhere(`((i.leveringsvorm = 'ZIN' AND i.toewijzingNummer IS NOT NULL AND i.aanbiederAgb IS NOT NULL) OR i.leveringsvorm = 'PGB')`)
    .orderBy('i.id').addOrderBy('b.id')
    .getRawMany<Row>();
  const indicaties = rows.length ? await m.findBy(IndicatieEntity, { id: In([...new Set(rows.map((r) => r.indicatie_id))]) }) : [];
  const byId = new Map(indicaties.map((i) => [i.id, i]));
  const granted = new Map<number, Row>(); // the first beschikking that granted it
  const ended = new Map<number, Row & { per_datum: string }>(); // the last beëindiging
  const wijzigingen = new Map<number, WijzigingBesluit>();
  for (const r of rows) {
    if (r.soort === 'beeindiging' && r.per_datum) ended.set(r.indicatie_id, { ...r, per_datum: r.per_datum });
    else if (!granted.has(r.indicatie_id)) granted.set(r.indicatie_id, r);
    if (r.soort === 'wijziging' && r.vervangt_id !== null) wijzigingen.set(r.beschikking_id, { beschikkingId: r.beschikking_id, vervangtId: r.vervangt_id, moment: momentVan(r) });
  }
  const records: (Toewijzing & { indicatie: IndicatieRow })[] = [];
  for (const [indicatieId, g] of granted) {
    const i = byId.get(indicatieId)!;
    const end = ended.get(indicatieId);
    const endsEarlier = end && (!i.einddatum || end.per_datum < i.einddatum);
    records.push({
      indicatie: i, volgorde: i.id, toewijzingNummer: i.toewijzingNummer, aanbiederAgb: i.aanbiederAgb, leveringsvorm: i.leveringsvorm,
      productcategorie: i.productcategorie, productcode: i.productcode, ingangsdatum: i.ingangsdatum,
      einddatum: endsEarlier ? end.per_datum : i.einddatum, beschikkingId: g.beschikking_id,
      redenWijziging: end ? redenVoorBeeindiging(end.reden_einde as RedenEinde | null, client.overleden) : null,
      gewijzigdOp: momentVan(end ?? g), gewijzigdDoor: (end ?? g).beschikking_id,
    });
  }
  const datumVan = new Map(rows.map((r) => [r.beschikking_id, r.vastgesteld_op]));
  return beeindigVervangen(records, [...wijzigingen.values()]).map((t) => ({
    ...t, indicatie: t.indicatie, toewijzingNummer: t.toewijzingNummer!, clientBsn: client.bsn, aanbiederAgb: t.aanbiederAgb!,
    gewijzigdDatum: datumVan.get(t.gewijzigdDoor)!,
  }));
}

interface SentRecord { id: string; bestand: string; status: 'gereserveerd' | 'geschreven' | 'leeg'; clientId: number; agb: string; wet: Wet; at?: string }

function parseSent(v: string | undefined): SentRecord | null {
  if (!v) return null;
  try { return JSON.parse(v) as SentRecord; } catch { return null; }
}

/** When the last message to this client + aanbieder went out (OP087 "changed since"); null if never. */
async function lastSent(m: EntityManager, clientId: number, agb: string, wet: Wet): Promise<string | null> {
  const jobs = await m.find(OutboxEntity, { where: { kind: 'iwmo' } });
  let last: string | null = null;
  for (const j of jobs) {
    for (const v of Object.values(j.steps ?? {})) {
      const s = parseSent(v);
      if (s && s.status === 'geschreven' && s.clientId === clientId && s.agb === agb && s.wet === wet && s.at && (!last || s.at > last)) last = s.at;
    }
  }
  return last;
}

// ---------------------------------------------------------------- message content

/**
 * A stored indicatie as a ToegewezenProduct. Without a productcode the toewijzing is aspecifiek
 * and its Omvang stays empty (CD080); the omvang of the beschikking then goes in the Commentaar.
 */
export function toegewezenProduct(t: ToewijzingRow): ToegewezenProductInput {
  const i = t.indicatie;
  const omvang = i.volume !== null && i.eenheid && i.frequentie
    ? { volume: i.volume, eenheid: i.eenheid as NonNullable<ToegewezenProductInput['omvang']>['eenheid'], frequentie: i.frequentie as NonNullable<ToegewezenProductInput['omvang']>['frequentie'] }
    : undefined;
  const specifiek = !!i.productcode;
  const omvangTekst = omvang ? `${omvang.volume} ${eenheidLabel(omvang.eenheid, omvang.volume).toLowerCase()} ${frequentieLabel(omvang.frequentie).toLowerCase()}` : null;
  return {
    toewijzingNummer: t.toewijzingNummer, leveringsvorm: 'ZIN',
    ...(i.referentieAanbieder ? { referentieAanbieder: i.referentieAanbieder } : {}), // IV097: echoed from the 315
    product: { categorie: i.productcategorie, ...(i.productcode ? { code: i.productcode } : {}) },
    toewijzingsdatum: t.gewijzigdDatum, toewijzingstijd: amsterdamTijd(t.gewijzigdOp),
    ingangsdatum: i.ingangsdatum, ...(t.einddatum ? { einddatum: t.einddatum } : {}),
    ...(t.redenWijziging ? { redenWijziging: t.redenWijziging } : {}),
    ...(specifiek && omvang ? { omvang } : {}),
    ...(i.budgetCents !== null && !omvang ? { budgetCents: i.budgetCents } : {}),
    ...(!specifiek && omvangTekst ? { commentaar: `Omvang volgens beschikking: ${omvangTekst}.` } : {}),
  };
}

export interface PlannedMessage {
  wet: Wet;
  bericht: string;
  clientId: number;
  aanbiederAgb: string;
  toewijzingNummers: number[];
}

/** The messages a beschikking's iWmo job would write (selection only; no number reserved). */
export async function planIwmoMessages(m: EntityManager, beschikkingId: number, today: string): Promise<PlannedMessage[]> {
  const b = await m.findOneBy(BeschikkingEntity, { id: beschikkingId });
  if (!b) throw new LoketError('niet_gevonden', `Beschikking ${beschikkingId} bestaat niet (meer).`);
  const links = await m.findBy(BeschikkingIndicatieEntity, { beschikkingId });
  const own = links.length ? await m.findBy(IndicatieEntity, { id: In(links.map((l) => l.indicatieId)) }) : [];
  const zin = own.filter((i) => i.leveringsvorm === 'ZIN' && i.toewijzingNummer !== null && i.aanbiederAgb && (i.wet === 'wmo' || i.wet === 'jeugdwet'));
  const clientId = await clientIdOf(m, b.aanvraagId);
  const client = await m.findOneByOrFail(ClientEntity, { id: clientId });
  const all = await toewijzingenVan(m, client);
  // Its own toewijzingen, and those it ends (a wijziging to another aanbieder or to a PGB).
  const changed = all.filter((t) => t.gewijzigdDoor === beschikkingId);
  if (!zin.length && !changed.length) return [];
  const groups = new Map<string, { wet: Wet; agb: string }>();
  for (const i of zin) groups.set(`${i.wet}:${i.aanbiederAgb}`, { wet: i.wet as Wet, agb: i.aanbiederAgb! });
  for (const t of changed) groups.set(`${t.indicatie.wet}:${t.aanbiederAgb}`, { wet: t.indicatie.wet as Wet, agb: t.aanbiederAgb });
  const out: PlannedMessage[] = [];
  for (const { wet, agb } of groups.values()) {
    const changedSince = await lastSent(m, client.id, agb, wet);
    const selected = selectToewijzingenForMessage(all.filter((t) => t.indicatie.wet === wet), { clientBsn: client.bsn, aanbiederAgb: agb, creationDate: today, changedSince });
    out.push({ wet, bericht: STANDAARDEN[wet].toewijzing.bericht.toUpperCase(), clientId, aanbiederAgb: agb, toewijzingNummers: selected.map((t) => t.toewijzingNummer) });
  }
  return out;
}

/** The WMO301/JW301 of a planned message: the client as the app knows them, the selected toewijzingen. */
export async function toewijzingXml(m: EntityManager, p: PlannedMessage,
  h: { gemeentecode: string; berichtIdentificatie: string; dagtekening: string }): Promise<string> {
  const client = await m.findOneByOrFail(ClientEntity, { id: p.clientId });
  const vertegenwoordigers = await m.find(RepresentativeEntity, { where: { clientId: client.id }, order: { id: 'ASC' } });
  const all = (await toewijzingenVan(m, client)).filter((t) => p.toewijzingNummers.includes(t.toewijzingNummer));
  return buildToewijzingXml({
    wet: p.wet, gemeentecode: h.gemeentecode, aanbiederAgb: p.aanbiederAgb, berichtIdentificatie: h.berichtIdentificatie, dagtekening: h.dagtekening,
    client: iwmoClient(client, vertegenwoordigers), toewijzingen: all.map(toegewezenProduct),
  }, { vandaag: h.dagtekening });
}

export function berichtBestand(bericht: string, gemeentecode: string, agb: string, id: string): string {
  return `${bericht}_${gemeentecode}_${agb}_${id}.xml`;
}

/** Runs one iWmo job: writes the message file(s) for its beschikking. */
export async function runIwmoJob(db: Db, job: OutboxRow, cfg: ExportConfig, today: string, now: () => Date):
  Promise<{ clientId: number | null; detail: string }> {
  const outDir = cfg.export.iwmoOutDir;
  const gemeentecode = cfg.settings.gemeentecode;
  const planned = await db.write((m) => planIwmoMessages(m, job.subjectId, today));
  const written: string[] = [];
  let clientId: number | null = null;
  for (const p of planned) {
    clientId = p.clientId;
    const key = `bericht:${p.wet}:${p.aanbiederAgb}`;
    // Reserve the BerichtIdentificatie (or reuse the one reserved by an interrupted run).
    const reserved = await db.write(async (m) => {
      const row = await m.findOneByOrFail(OutboxEntity, { id: job.id });
      const have = parseSent(row.steps[key]);
      if (have) return have;
      const counter = await m.findOneBy(SettingEntity, { key: COUNTER_KEY });
      const n = (typeof counter?.value === 'number' ? counter.value : 0) + 1;
      await m.save(SettingEntity, { key: COUNTER_KEY, value: n });
      const id = `TW${String(n).padStart(10, '0')}`;
      const rec: SentRecord = { id, bestand: berichtBestand(p.bericht, gemeentecode, p.aanbiederAgb, id), status: 'gereserveerd', clientId: p.clientId, agb: p.aanbiederAgb, wet: p.wet };
      await m.update(OutboxEntity, { id: job.id }, { steps: { ...row.steps, [key]: JSON.stringify(rec) }, updatedAt: now().toISOString() });
      return rec;
    });
    if (reserved.status !== 'gereserveerd') continue;
    if (!p.toewijzingNummers.length) {
      await markStep(db, job.id, key, { ...reserved, status: 'leeg' }, now);
      continue;
    }
    const xml = await db.write((m) => toewijzingXml(m, p, { gemeentecode, berichtIdentificatie: reserved.id, dagtekening: today }));
    await fs.mkdir(outDir, { recursive: true });
    const file = path.join(outDir, reserved.bestand);
    const tmp = `${file}.tmp`;
    await fs.writeFile(tmp, xml, 'utf8');
    await fs.rename(tmp, file); // the GGk client never sees a half-written file
    await markStep(db, job.id, key, { ...reserved, status: 'geschreven', at: now().toISOString() }, now);
    written.push(`${p.bericht} ${reserved.id} naar ${p.aanbiederAgb} (${p.toewijzingNummers.length} toewijzingen)`);
  }
  return { clientId, detail: written.length ? written.join('; ') : 'geen toewijzingsbericht nodig' };
}

async function markStep(db: Db, jobId: number, key: string, rec: SentRecord, now: () => Date): Promise<void> {
  await db.write(async (m) => {
    const row = await m.findOneByOrFail(OutboxEntity, { id: jobId });
    await m.update(OutboxEntity, { id: jobId }, { steps: { ...row.steps, [key]: JSON.stringify(rec) }, updatedAt: now().toISOString() });
  });
}

// ---------------------------------------------------------------- incoming 315

export interface ImportResult {
  bericht: string;
  berichtIdentificatie: string;
  aanbiederAgb: string;
  /** The stored message (iwmo_berichten). */
  verzoekId: number;
  status: 'verwerkt' | 'wacht_op_beoordeling';
  /** Why a person must look at it first (another name or birth date under this BSN, an adult under the Jeugdwet). */
  redenWacht: string | null;
  clientId: number | null;
  clientAangemaakt: boolean;
  meldingId: number | null;
  kenmerk: string | null;
  /** The Wmo onderzoek term of a WMO315; null for a JW315 (a verwijzing starts no onderzoek). */
  onderzoekUiterlijk: string | null;
  /** OP090: the retour (316) is due by then; it is written at once. */
  retourUiterlijk: string;
  retourBestand: string | null;
  /** OP274: a toewijzing (301) or antwoord (319) per product by then. */
  antwoordUiterlijk: string;
  producten: number;
}

/**
 * Reads a WMO315/JW315: stored with all it carries, its retour (316) written, and attached to
 * the client with a melding (kanaal 'verwijzer'), unless a person must look at it first. One
 * transaction: the message, the client, the melding and the retour land together or not at all.
 */
export async function importVerzoek(tx: TxContext, input: { xml: string; parsed?: VerzoekOmToewijzing }): Promise<ImportResult> {
  // The router's handler parses on a worker thread first (parse-in-worker.ts) and passes the result.
  const v = input.parsed ?? parseVerzoekOmToewijzing(input.xml);
  const objectId = `${v.bericht}/${v.aanbiederAgb}/${v.berichtIdentificatie}`;
  const settings = (await tx.m.findOneBy(SettingEntity, { key: 'gemeente.code' }))?.value;
  if (typeof settings === 'string' && settings !== v.gemeentecode) {
    throw new LoketError('invoer', `Dit verzoek is gericht aan gemeente ${v.gemeentecode}, niet aan deze gemeente (${settings}). Stuur het terug naar de aanbieder.`, 'Header.Ontvanger');
  }
  await assertNieuwBericht(tx, v);
  const ontvangenOp = tx.today();
  const termijnen = await termijnen315(tx, ontvangenOp);
  const bestaand = await tx.m.findOneBy(ClientEntity, { bsn: v.client.bsn });
  if (bestaand) await assertClientWritable(tx, bestaand.id); // AVG art. 18: nothing is added to a restricted client
  const redenWacht = redenOmTeWachten(v, bestaand, ontvangenOp);
  const gekoppeld = redenWacht ? null : await koppel(tx, v, bestaand);
  const verzoekId = await bewaarBericht(tx, v, {
    ontvangenOp, clientId: gekoppeld?.clientId ?? null, meldingId: gekoppeld?.detail.melding.id ?? null,
    status: redenWacht ? 'wacht_op_beoordeling' : 'verwerkt', redenWacht, ...termijnen,
  });
  const retour = await schrijfRetour(tx, verzoekId);
  logAccess(tx, {
    action: 'aanmaken', objectType: 'iwmo-verzoek', objectId, clientId: gekoppeld?.clientId ?? bestaand?.id ?? null,
    detail: scrubNumbers(gekoppeld ? `${v.bericht} ingelezen als melding ${gekoppeld.detail.melding.kenmerk}` : `${v.bericht} ingelezen; wacht op beoordeling`),
  });
  return {
    bericht: v.bericht, berichtIdentificatie: v.berichtIdentificatie, aanbiederAgb: v.aanbiederAgb, verzoekId,
    status: redenWacht ? 'wacht_op_beoordeling' : 'verwerkt', redenWacht,
    clientId: gekoppeld?.clientId ?? null, clientAangemaakt: gekoppeld?.aangemaakt ?? false,
    meldingId: gekoppeld?.detail.melding.id ?? null, kenmerk: gekoppeld?.detail.melding.kenmerk ?? null,
    onderzoekUiterlijk: gekoppeld?.detail.termijnen.find((t) => t.soort === 'onderzoek')?.uiterlijk ?? null,
    retourUiterlijk: termijnen.retourUiterlijk, retourBestand: retour.bestand, antwoordUiterlijk: termijnen.antwoordUiterlijk,
    producten: v.producten.length,
  };
}

