/**
 * The auditor's export for a period: beschikkingen (kenmerk, soort, status, dates, auteur,
 * accordeur), indicaties (category, omvang/budget, leveringsvorm) and the legal terms (met / behaald),
 * as CSV the way Dutch Excel opens it (UTF-8 with BOM, ';' between fields, CRLF, quotes where
 * needed, decimal comma) and as one JSON with the access-log verification result.
 *
 * BSN: not in the export by default. Clients are named by their internal id, which the auditor can
 * look up inside the app (where every look-up is logged). An export leaves the encrypted store
 * (a file on a share, a mail attachment), so data minimisation (AVG art. 5(1)(c)) and the rule
 * that the BSN is used only where needed decide it: a BSN column only when the auditor explicitly
 * asks for it and writes down why (the reason goes into the access log).
 */
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { productcategorieLabel } from '../../shared/codelists';
import type { Wet } from '../../shared/schemas/zaak';
import { chainHead, verifyLog, verifyLogWithAnchors, type VerifyResult } from '../auditlog';
import {
  AanvraagEntity, BeschikkingAuteursView, BeschikkingEntity, BeschikkingIndicatieEntity, ClientEntity, IndicatieEntity, MeldingEntity, TermijnEntity,
  UserEntity,
} from '../db/entities';
import type { TxContext } from '../services/context';
import { meldingKenmerk } from '../services/zaakRecords';

export interface AuditPeriod { van: string; tot: string }

/** Formula injection: a text cell must not start with = + - @ (or tab/CR) in Excel. */
function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export type Cell = string | number | boolean | null | undefined;

/** One CSV field: numbers as they are, text protected and quoted when it holds ; " CR or LF. */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  const s = safeText(v);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 BOM + header + rows, ';'-separated, CRLF line ends (also after the last row). */
export function toCsv(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n';
}

/** Eurocents as Dutch Excel reads a number: 125050 → "1250,50". */
export function euro(cents: number | null): string | null {
  if (cents === null) return null;
  const neg = cents < 0;
  const a = Math.abs(cents);
  return `${neg ? '-' : ''}${Math.floor(a / 100)},${String(a % 100).padStart(2, '0')}`;
}

export const BESCHIKKING_COLUMNS = [
  'beschikking_id', 'kenmerk', 'client_id', 'wet', 'soort', 'status', 'aangemaakt_op', 'ter_accordering_op',
  'vastgesteld_op', 'verzonden_op', 'auteur', 'accordeur', 'vervangt_kenmerk', 'aantal_indicaties',
] as const;
export const INDICATIE_COLUMNS = [
  'indicatie_id', 'beschikking_kenmerk', 'client_id', 'wet', 'productcategorie', 'productcategorie_omschrijving',
  'productcode', 'volume', 'eenheid', 'frequentie', 'budget_euro', 'leveringsvorm', 'aanbieder_agb', 'aanbieder_naam',
  'ingangsdatum', 'einddatum', 'toewijzingnummer',
] as const;
export const TERMIJN_COLUMNS = [
  'termijn_id', 'melding_kenmerk', 'client_id', 'soort', 'wet', 'startdatum', 'uiterlijk', 'verlengd_dagen',
  'opgeschort', 'afgerond_op', 'behaald',
] as const;

export interface AuditData {
  periode: AuditPeriod;
  metBsn: boolean;
  beschikkingen: Record<(typeof BESCHIKKING_COLUMNS)[number] | 'bsn', Cell>[];
  indicaties: Record<(typeof INDICATIE_COLUMNS)[number] | 'bsn', Cell>[];
  termijnen: Record<(typeof TERMIJN_COLUMNS)[number] | 'bsn', Cell>[];
  toegangslog: VerifyResult;
  /** The access log's head when the export was made, so the export itself anchors the chain. */
  kop: { keten: string | null; seq: number; head: string };
}

type Row = Record<string, unknown>;

/** Joins the aanvraag `a`, melding `m` and client `c` of the rows whose aanvraag is `${alias}.aanvraagId`. */
function metClient<T extends ObjectLiteral>(q: SelectQueryBuilder<T>, alias: string): SelectQueryBuilder<T> {
  return q.innerJoin(AanvraagEntity.options.name, 'a', `a.id = ${alias}.aanvraagId`)
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = a.meldingId')
    .innerJoin(ClientEntity.options.name, 'c', 'c.id = m.clientId');
}

/** Collects the rows for the period (inclusive): a beschikking counts when it was created, fixed or sent in it. */
export async function collectAudit(tx: Pick<TxContext, 'm' | 'raw'>, periode: AuditPeriod, metBsn: boolean,
  anchors: { chain?: string; files: string[] } = { files: [] }): Promise<AuditData> {
  const { van, tot } = periode;
  const inP = (col: string) => `(${col} IS NOT NULL AND substr(${col}, 1, 10) BETWEEN :van AND :tot)`;
  const inPeriode = `(${inP('b.createdAt')} OR ${inP('b.vastgesteldOp')} OR ${inP('b.verzondenOp')})`;
  const beschikkingen = await metClient(tx.m.createQueryBuilder(BeschikkingEntity, 'b'), 'b')
    .innerJoin(BeschikkingAuteursView.options.name, 'ua', 'ua.beschikkingId = b.id')
    .leftJoin(UserEntity.options.name, 'uc', 'uc.id = b.accordeurId')
    .leftJoin(BeschikkingEntity.options.name, 'v', 'v.id = b.vervangtId')
    .select(['b.id AS id', 'b.kenmerk AS kenmerk', 'b.soort AS soort', 'b.status AS status', 'b.createdAt AS created_at',
      'b.terAccorderingOp AS ter_accordering_op', 'b.vastgesteldOp AS vastgesteld_op', 'b.verzondenOp AS verzonden_op',
      'm.clientId AS client_id', 'm.wet AS wet', 'c.bsn AS bsn', 'ua.namen AS auteur', 'uc.displayName AS accordeur', 'v.kenmerk AS vervangt_kenmerk'])
    .addSelect((q) => q.select('count(*)').from(BeschikkingIndicatieEntity, 'bi').where('bi.beschikkingId = b.id'), 'n')
    .where(inPeriode, { van, tot })
    .orderBy('b.id')
    .getRawMany<Row>();
  // The indicaties of those beschikkingen.
  const indicaties = await metClient(tx.m.createQueryBuilder(BeschikkingIndicatieEntity, 'bi')
    .innerJoin(IndicatieEntity.options.name, 'i', 'i.id = bi.indicatieId')
    .innerJoin(BeschikkingEntity.options.name, 'b', 'b.id = bi.beschikkingId'), 'i')
    .select(['i.id AS id', 'i.wet AS wet', 'i.productcategorie AS productcategorie', 'i.productcode AS productcode', 'i.volume AS volume',
      'i.eenheid AS eenheid', 'i.frequentie AS frequentie', 'i.budgetCents AS budget_cents', 'i.leveringsvorm AS leveringsvorm',
      'i.aanbiederAgb AS aanbieder_agb', 'i.aanbiederNaam AS aanbieder_naam', 'i.ingangsdatum AS ingangsdatum', 'i.einddatum AS einddatum',
      'i.toewijzingNummer AS toewijzing_nummer', 'b.kenmerk AS beschikking_kenmerk', 'm.clientId AS client_id', 'c.bsn AS bsn'])
    .where(inPeriode, { van, tot })
    .orderBy('i.id').addOrderBy('b.id')
    .getRawMany<Row>();
  const termijnen = await tx.m.createQueryBuilder(TermijnEntity, 't')
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = t.meldingId')
    .innerJoin(ClientEntity.options.name, 'c', 'c.id = m.clientId')
    .select(['t.id AS id', 't.meldingId AS melding_id', 't.soort AS soort', 't.wet AS wet', 't.startdatum AS startdatum', 't.uiterlijk AS uiterlijk',
      't.verlengingen AS verlengingen', 't.opschortingen AS opschortingen', 't.afgerondOp AS afgerond_op', 't.behaald AS behaald',
      'm.clientId AS client_id', 'm.datum AS melding_datum', 'c.bsn AS bsn'])
    .where(`${inP('t.startdatum')} OR ${inP('t.uiterlijk')} OR ${inP('t.afgerondOp')}`, { van, tot })
    .orderBy('t.id')
    .getRawMany<Row>();
  const bsn = (r: Row) => (metBsn ? (r.bsn as string) : undefined);
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    periode, metBsn,
    beschikkingen: beschikkingen.map((b) => ({
      beschikking_id: b.id as number, kenmerk: s(b.kenmerk), client_id: b.client_id as number, ...(metBsn ? { bsn: bsn(b) } : {}),
      wet: s(b.wet), soort: s(b.soort), status: s(b.status), aangemaakt_op: s(b.created_at)?.slice(0, 10) ?? null,
      ter_accordering_op: s(b.ter_accordering_op)?.slice(0, 10) ?? null, vastgesteld_op: s(b.vastgesteld_op), verzonden_op: s(b.verzonden_op),
      auteur: s(b.auteur), accordeur: s(b.accordeur), vervangt_kenmerk: s(b.vervangt_kenmerk), aantal_indicaties: b.n as number,
    } as AuditData['beschikkingen'][number])),
    indicaties: indicaties.map((i) => ({
      indicatie_id: i.id as number, beschikking_kenmerk: s(i.beschikking_kenmerk), client_id: i.client_id as number, ...(metBsn ? { bsn: bsn(i) } : {}),
      wet: s(i.wet), productcategorie: s(i.productcategorie),
      productcategorie_omschrijving: productcategorieLabel(i.wet as Wet, i.productcategorie as string, null) ?? null,
      productcode: s(i.productcode), volume: (i.volume as number | null) ?? null, eenheid: s(i.eenheid), frequentie: s(i.frequentie),
      budget_euro: euro((i.budget_cents as number | null) ?? null), leveringsvorm: s(i.leveringsvorm), aanbieder_agb: s(i.aanbieder_agb),
      aanbieder_naam: s(i.aanbieder_naam), ingangsdatum: s(i.ingangsdatum), einddatum: s(i.einddatum),
      toewijzingnummer: (i.toewijzing_nummer as number | null) ?? null,
    } as AuditData['indicaties'][number])),
    termijnen: termijnen.map((t) => {
      const verl = JSON.parse((t.verlengingen as string) || '[]') as { dagen: number }[];
      const ops = JSON.parse((t.opschortingen as string) || '[]') as unknown[];
      return {
        termijn_id: t.id as number, melding_kenmerk: meldingKenmerk({ id: t.melding_id as number, datum: String(t.melding_datum), wet: String(t.wet) }),
        client_id: t.client_id as number, ...(metBsn ? { bsn: bsn(t) } : {}), soort: s(t.soort), wet: s(t.wet), startdatum: s(t.startdatum),
        uiterlijk: s(t.uiterlijk), verlengd_dagen: verl.reduce((n, v) => n + v.dagen, 0), opgeschort: ops.length > 0,
        afgerond_op: s(t.afgerond_op), behaald: t.behaald === null || t.behaald === undefined ? null : t.behaald === 1,
      } as AuditData['termijnen'][number];
    }),
    // The access log's own module verifies the chain and reads its head.
    toegangslog: anchors.chain ? verifyLogWithAnchors(tx.raw, anchors.chain, anchors.files) : verifyLog(tx.raw),
    kop: { keten: anchors.chain ?? null, ...chainHead(tx.raw) },
  };
}

function withBsn<T extends readonly string[]>(cols: T, metBsn: boolean): string[] {
  if (!metBsn) return [...cols];
  const out = [...cols] as string[];
  out.splice(out.indexOf('client_id') + 1, 0, 'bsn');
  return out;
}

export interface AuditFiles {
  beschikkingen: string;
  indicaties: string;
  termijnen: string;
  json: string;
}

export function auditFiles(d: AuditData, meta: { gemaaktOp: string; gemaaktDoor: string; gemeente: string }): AuditFiles {
  const csv = (cols: string[], rows: Record<string, Cell>[]) => toCsv(cols, rows.map((r) => cols.map((c) => r[c])));
  const bCols = withBsn(BESCHIKKING_COLUMNS, d.metBsn);
  const iCols = withBsn(INDICATIE_COLUMNS, d.metBsn);
  const tCols = withBsn(TERMIJN_COLUMNS, d.metBsn);
  const termijnenMet = d.termijnen.filter((t) => t.behaald !== null);
  return {
    beschikkingen: csv(bCols, d.beschikkingen),
    indicaties: csv(iCols, d.indicaties),
    termijnen: csv(tCols, d.termijnen),
    json: JSON.stringify({
      soort: 'auditexport', gemeente: meta.gemeente, periode: d.periode, gemaaktOp: meta.gemaaktOp, gemaaktDoor: meta.gemaaktDoor,
      metBsn: d.metBsn,
      toegangslog: d.toegangslog,
      toegangslogKop: d.kop,
      samenvatting: {
        beschikkingen: d.beschikkingen.length, indicaties: d.indicaties.length, termijnen: d.termijnen.length,
        termijnenAfgerond: termijnenMet.length, termijnenBehaald: termijnenMet.filter((t) => t.behaald === true).length,
      },
      beschikkingen: d.beschikkingen, indicaties: d.indicaties, termijnen: d.termijnen,
    }, null, 2),
  };
}
