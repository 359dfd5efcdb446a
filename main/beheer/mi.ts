import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { productcategorieLabel } from '../../shared/codelists';
import { daysBetween } from '../../shared/dates';
import type { HerindicatieItemSchema, HerindicatieQuerySchema, MiExportSchema, MiOverzicht, MiQuerySchema } from '../../shared/schemas/beheer';
import type { BeschikkingSoort, Wet } from '../../shared/schemas/zaak';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  AanvraagEntity, BeschikkingEntity, BeschikkingIndicatieEntity, ClientEntity, IndicatieEntity, MeldingEntity, TermijnEntity, UserEntity,
} from '../db/entities';
import { clientNaam } from '../services/clients';
import { logAccess, type TxContext } from '../services/context';
import { meldingKenmerk } from '../services/zaakRecords';
import { addIsoDuration } from './retention';

/**
 * Management information for the desk: counts and durations per wijk (the wijkteam), law and
 * product category. Only aggregates leave this module — no BSN, no name, no client id. The
 * herindicatielijst that does name clients is a separate channel (`herindicatieLijst`), logged
 * per client.
 *
 * Definitions (also in the export's first sheet):
 * - meldingen: meldingen with datum in [van, tot].
 * - doorlooptijd: per melding whose first vastgestelde beschikking was vastgesteld in [van, tot],
 *   the days from the melding's datum to that vastgesteld_op; mean and median.
 * - termijnen: legal terms completed (afgerond_op) in [van, tot]; behaald = completed in time.
 * - besluiten: beschikkingen vastgesteld in [van, tot], by soort.
 * - voorzieningen: indicaties granted by a vastgestelde toekenning/wijziging that run (partly)
 *   in [van, tot], by productcategorie and leveringsvorm; budgetCents = sum of budget_cents.
 * - herindicatie: granted indicaties whose einddatum falls in the coming N months from today.
 */

export const ONBEKENDE_WIJK = 'onbekend';
const WIJK = `COALESCE(NULLIF(c.wijk, ''), '${ONBEKENDE_WIJK}')`;

type Query = z.output<typeof MiQuerySchema>;

/** Granted: linked to a vastgestelde (or verzonden) toekenning, gedeeltelijke toekenning or wijziging. */
function toegekend(qb: SelectQueryBuilder<ObjectLiteral>): string {
  return `EXISTS ${qb.subQuery().select('1').from(BeschikkingIndicatieEntity, 'l')
    .innerJoin(BeschikkingEntity.options.name, 'b', 'b.id = l.beschikkingId')
    .where(`l.indicatieId = i.id AND b.status IN ('vastgesteld', 'verzonden') AND b.soort IN ('toekenning', 'gedeeltelijke_toekenning', 'wijziging')`)
    .getQuery()}`;
}

/** The client's wijk and the law as chosen in the query; the law is the melding's or (`i.wet`) the indicatie's. */
function filtered<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, q: { wijk?: string; wet?: Wet }, wetColumn = 'm.wet'): SelectQueryBuilder<T> {
  if (q.wijk) qb.andWhere(`${WIJK} = :wijk`, { wijk: q.wijk });
  if (q.wet) qb.andWhere(`${wetColumn} = :wet`, { wet: q.wet });
  return qb;
}

/** Meldingen with their client. */
const meldingen = (tx: Pick<TxContext, 'm'>) => tx.m.createQueryBuilder(MeldingEntity, 'm')
  .innerJoin(ClientEntity.options.name, 'c', 'c.id = m.clientId');

/** Indicaties up to their client. */
const indicaties = (tx: Pick<TxContext, 'm'>) => tx.m.createQueryBuilder(IndicatieEntity, 'i')
  .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = i.aanvraagId')
  .innerJoin(MeldingEntity.options.name, 'm', 'm.id = a.meldingId')
  .innerJoin(ClientEntity.options.name, 'c', 'c.id = m.clientId');

const round1 = (x: number) => Math.round(x * 10) / 10;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function computeOverzicht(tx: Pick<TxContext, 'm'>, q: Query, today: string): Promise<MiOverzicht> {
  const periode = { van: q.van, tot: q.tot };
  const meldingenPerWijk = await filtered(meldingen(tx)
    .select([`${WIJK} AS wijk`, 'm.wet AS wet', 'count(*) AS aantal'])
    .where('m.datum BETWEEN :van AND :tot', periode), q)
    .groupBy(WIJK).addGroupBy('m.wet').orderBy(WIJK).addOrderBy('m.wet')
    .getRawMany<MiOverzicht['meldingen'][number]>();

  const eerste = await filtered(meldingen(tx)
    .innerJoin(AanvraagEntity.options.name, 'a', 'a.meldingId = m.id')
    .innerJoin(BeschikkingEntity.options.name, 'b', 'b.aanvraagId = a.id')
    .select([`${WIJK} AS wijk`, 'm.wet AS wet', 'm.datum AS datum', 'min(b.vastgesteldOp) AS vastgesteld'])
    .where('b.vastgesteldOp IS NOT NULL'), q)
    .groupBy('m.id').having('min(b.vastgesteldOp) BETWEEN :van AND :tot', periode)
    .getRawMany<{ wijk: string; wet: Wet; datum: string; vastgesteld: string }>();
  const groups = new Map<string, { wijk: string; wet: Wet; dagen: number[] }>();
  for (const r of eerste) {
    const key = `${r.wijk}\u0000${r.wet}`;
    const g = groups.get(key) ?? { wijk: r.wijk, wet: r.wet, dagen: [] };
    g.dagen.push(daysBetween(r.datum, r.vastgesteld.slice(0, 10)));
    groups.set(key, g);
  }
  const doorlooptijd = [...groups.values()]
    .sort((a, b) => a.wijk.localeCompare(b.wijk) || a.wet.localeCompare(b.wet))
    .map((g) => ({
      wijk: g.wijk, wet: g.wet, aantal: g.dagen.length,
      gemiddeldDagen: round1(g.dagen.reduce((s, d) => s + d, 0) / g.dagen.length), mediaanDagen: median(g.dagen),
    }));

  const termijnen = (await filtered(tx.m.createQueryBuilder(TermijnEntity, 't')
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = t.meldingId')
    .innerJoin(ClientEntity.options.name, 'c', 'c.id = m.clientId')
    .select([`${WIJK} AS wijk`, 'm.wet AS wet', 't.soort AS soort', 'count(*) AS afgerond', 'sum(CASE WHEN t.behaald = 1 THEN 1 ELSE 0 END) AS behaald'])
    .where('t.afgerondOp BETWEEN :van AND :tot', periode), q)
    .groupBy(WIJK).addGroupBy('m.wet').addGroupBy('t.soort').orderBy(WIJK).addOrderBy('m.wet').addOrderBy('t.soort')
    .getRawMany<{ wijk: string; wet: Wet; soort: 'onderzoek' | 'beschikking'; afgerond: number; behaald: number }>())
    .map((r) => ({ ...r, percentage: round1((100 * r.behaald) / r.afgerond) }));

  const besluiten = await filtered(tx.m.createQueryBuilder(BeschikkingEntity, 'b')
    .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = b.aanvraagId')
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = a.meldingId')
    .innerJoin(ClientEntity.options.name, 'c', 'c.id = m.clientId')
    .select([`${WIJK} AS wijk`, 'm.wet AS wet', 'b.soort AS soort', 'count(*) AS aantal'])
    // vastgesteld_op is a moment; the period is in days.
    .where('substr(b.vastgesteldOp, 1, 10) BETWEEN :van AND :tot', periode), q)
    .groupBy(WIJK).addGroupBy('m.wet').addGroupBy('b.soort').orderBy(WIJK).addOrderBy('m.wet').addOrderBy('b.soort')
    .getRawMany<{ wijk: string; wet: Wet; soort: BeschikkingSoort; aantal: number }>();

  const voorzieningen = (await filtered(indicaties(tx)
    .select([`${WIJK} AS wijk`, 'i.wet AS wet', 'i.productcategorie AS productcategorie', 'i.leveringsvorm AS leveringsvorm',
      'count(*) AS aantal', 'COALESCE(sum(i.budgetCents), 0) AS budgetCents'])
    .where(toegekend)
    .andWhere('i.ingangsdatum <= :tot AND (i.einddatum IS NULL OR i.einddatum >= :van)', periode), q, 'i.wet')
    .groupBy(WIJK).addGroupBy('i.wet').addGroupBy('i.productcategorie').addGroupBy('i.leveringsvorm')
    .orderBy(WIJK).addOrderBy('i.wet').addOrderBy('i.productcategorie').addOrderBy('i.leveringsvorm')
    .getRawMany<{ wijk: string; wet: Wet; productcategorie: string; leveringsvorm: 'ZIN' | 'PGB'; aantal: number; budgetCents: number }>())
    .map((r) => ({ ...r, productcategorieLabel: productcategorieLabel(r.wet, r.productcategorie) }));

  const maand = 'substr(i.einddatum, 1, 7)';
  const herindicatie = await filtered(indicaties(tx)
    .select([`${WIJK} AS wijk`, 'i.wet AS wet', `${maand} AS maand`, 'count(*) AS aantal'])
    .where(toegekend)
    .andWhere('i.einddatum >= :today AND i.einddatum < :tot', { today, tot: addIsoDuration(today, `P${q.maanden}M`) }), q, 'i.wet')
    .groupBy(WIJK).addGroupBy('i.wet').addGroupBy(maand).orderBy(maand).addOrderBy(WIJK).addOrderBy('i.wet')
    .getRawMany<MiOverzicht['herindicatie'][number]>();

  return { van: q.van, tot: q.tot, peildatum: today, meldingen: meldingenPerWijk, doorlooptijd, termijnen, besluiten, voorzieningen, herindicatie };
}

export async function miOverzicht(tx: TxContext, input: Query): Promise<MiOverzicht> {
  const o = await computeOverzicht(tx, input, tx.today());
  logAccess(tx, { action: 'lezen', objectType: 'managementinformatie', detail: `periode ${input.van} t/m ${input.tot}${input.wijk ? `, wijk` : ''}${input.wet ? `, ${input.wet}` : ''}` });
  return o;
}

// ---------------------------------------------------------------- export

interface Sheet { naam: string; kolommen: string[]; rijen: (string | number)[][] }

export function sheetsFor(o: MiOverzicht): Sheet[] {
  return [
    { naam: 'Meldingen', kolommen: ['wijk', 'wet', 'aantal'], rijen: o.meldingen.map((r) => [r.wijk, r.wet, r.aantal]) },
    { naam: 'Doorlooptijd', kolommen: ['wijk', 'wet', 'aantal', 'gemiddeld_dagen', 'mediaan_dagen'], rijen: o.doorlooptijd.map((r) => [r.wijk, r.wet, r.aantal, r.gemiddeldDagen, r.mediaanDagen]) },
    { naam: 'Termijnen', kolommen: ['wijk', 'wet', 'soort', 'afgerond', 'behaald', 'percentage'], rijen: o.termijnen.map((r) => [r.wijk, r.wet, r.soort, r.afgerond, r.behaald, r.percentage]) },
    { naam: 'Besluiten', kolommen: ['wijk', 'wet', 'soort', 'aantal'], rijen: o.besluiten.map((r) => [r.wijk, r.wet, r.soort, r.aantal]) },
    {
      naam: 'Voorzieningen', kolommen: ['wijk', 'wet', 'productcategorie', 'omschrijving', 'leveringsvorm', 'aantal', 'budget_euro'],
      rijen: o.voorzieningen.map((r) => [r.wijk, r.wet, r.productcategorie, r.productcategorieLabel, r.leveringsvorm, r.aantal, r.budgetCents / 100]),
    },
    { naam: 'Herindicatie', kolommen: ['maand', 'wijk', 'wet', 'aantal'], rijen: o.herindicatie.map((r) => [r.maand, r.wijk, r.wet, r.aantal]) },
  ];
}

/** A text cell that a spreadsheet would run as a formula is prefixed with a quote (CSV injection). */
function csvCell(v: string | number): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v).replace('.', ',');
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One long table, UTF-8 with BOM and ';' (Dutch Excel), decimal comma: onderdeel, then that part's columns as kengetal/waarde pairs. */
export function toCsv(o: MiOverzicht): string {
  const lines: string[] = [['onderdeel', 'wijk', 'wet', 'categorie', 'leveringsvorm', 'maand', 'kengetal', 'waarde'].join(';')];
  const push = (onderdeel: string, wijk: string, wet: string, categorie: string, lv: string, maand: string, kengetal: string, waarde: number) =>
    lines.push([onderdeel, wijk, wet, categorie, lv, maand, kengetal, waarde].map(csvCell).join(';'));
  for (const r of o.meldingen) push('meldingen', r.wijk, r.wet, '', '', '', 'aantal', r.aantal);
  for (const r of o.doorlooptijd) {
    push('doorlooptijd', r.wijk, r.wet, '', '', '', 'aantal', r.aantal);
    push('doorlooptijd', r.wijk, r.wet, '', '', '', 'gemiddeld_dagen', r.gemiddeldDagen);
    push('doorlooptijd', r.wijk, r.wet, '', '', '', 'mediaan_dagen', r.mediaanDagen);
  }
  for (const r of o.termijnen) {
    push('termijnen', r.wijk, r.wet, r.soort, '', '', 'afgerond', r.afgerond);
    push('termijnen', r.wijk, r.wet, r.soort, '', '', 'behaald', r.behaald);
    push('termijnen', r.wijk, r.wet, r.soort, '', '', 'percentage', r.percentage);
  }
  for (const r of o.besluiten) push('besluiten', r.wijk, r.wet, r.soort, '', '', 'aantal', r.aantal);
  for (const r of o.voorzieningen) {
    push('voorzieningen', r.wijk, r.wet, r.productcategorie, r.leveringsvorm, '', 'aantal', r.aantal);
    push('voorzieningen', r.wijk, r.wet, r.productcategorie, r.leveringsvorm, '', 'budget_euro', r.budgetCents / 100);
  }
  for (const r of o.herindicatie) push('herindicatie', r.wijk, r.wet, '', '', r.maand, 'aantal', r.aantal);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(o: MiOverzicht): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sociaal Loket';
  wb.created = new Date(`${o.peildatum}T00:00:00Z`);
  const info = wb.addWorksheet('Toelichting');
  info.addRows([
    ['Managementinformatie Sociaal Loket'], ['Periode', `${o.van} t/m ${o.tot}`], ['Peildatum herindicatie', o.peildatum],
    ['Inhoud', 'Alleen totalen per wijk, wet en productcategorie; geen BSN of naam.'],
  ]);
  for (const s of sheetsFor(o)) {
    const ws = wb.addWorksheet(s.naam);
    ws.addRow(s.kolommen).font = { bold: true };
    for (const r of s.rijen) ws.addRow(r);
    ws.columns.forEach((c) => { c.width = 18; });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function miExport(tx: TxContext, input: z.output<typeof MiExportSchema>) {
  const o = await computeOverzicht(tx, input.query, tx.today());
  const naam = `managementinformatie-${o.van}-${o.tot}`;
  logAccess(tx, { action: 'exporteren', objectType: 'managementinformatie', detail: `${input.formaat}, periode ${o.van} t/m ${o.tot}` });
  if (input.formaat === 'csv') {
    return { bestandsnaam: `${naam}.csv`, mimeType: 'text/csv; charset=utf-8', base64: Buffer.from(toCsv(o), 'utf8').toString('base64') };
  }
  return {
    bestandsnaam: `${naam}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await toXlsx(o)).toString('base64'),
  };
}

// ---------------------------------------------------------------- herindicatielijst (names: not an aggregate)

type HerindicatieItem = z.infer<typeof HerindicatieItemSchema>;

export async function herindicatieLijst(tx: TxContext, input: z.output<typeof HerindicatieQuerySchema>): Promise<{ items: HerindicatieItem[] }> {
  const today = tx.today();
  const tot = addIsoDuration(today, `P${input.maanden}M`);
  const rows = await filtered(indicaties(tx)
    .innerJoin(UserEntity.options.name, 'u', 'u.id = m.consulentId')
    .select(['i.id AS indicatie_id', 'i.wet AS wet', 'i.productcategorie AS productcategorie', 'i.leveringsvorm AS leveringsvorm',
      'i.einddatum AS einddatum', 'm.id AS melding_id', 'm.datum AS datum', 'c.id AS client_id', 'c.wijk AS wijk', 'c.voornamen AS voornamen',
      'c.voorletters AS voorletters', 'c.voorvoegsel AS voorvoegsel', 'c.geslachtsnaam AS geslachtsnaam',
      'c.partnerVoorvoegsel AS partner_voorvoegsel', 'c.partnerGeslachtsnaam AS partner_geslachtsnaam', 'c.naamgebruik AS naamgebruik',
      'u.displayName AS display_name'])
    .where(toegekend)
    .andWhere('i.einddatum >= :today AND i.einddatum < :tot', { today, tot }), input, 'i.wet')
    .orderBy('i.einddatum').addOrderBy('i.id').limit(1000)
    .getRawMany<{
      indicatie_id: number; wet: Wet; productcategorie: string; leveringsvorm: 'ZIN' | 'PGB'; einddatum: string; melding_id: number;
      datum: string; client_id: number; wijk: string | null; voornamen: string; voorletters: string | null; voorvoegsel: string | null;
      geslachtsnaam: string; partner_voorvoegsel: string | null; partner_geslachtsnaam: string | null; naamgebruik: string; display_name: string;
    }>();
  const items = rows.map((r): HerindicatieItem => ({
    indicatieId: r.indicatie_id, clientId: r.client_id,
    clientNaam: clientNaam({
      voornamen: r.voornamen, voorletters: r.voorletters, voorvoegsel: r.voorvoegsel, geslachtsnaam: r.geslachtsnaam,
      partnerVoorvoegsel: r.partner_voorvoegsel, partnerGeslachtsnaam: r.partner_geslachtsnaam, naamgebruik: r.naamgebruik,
    }),
    wijk: r.wijk, wet: r.wet, productcategorie: r.productcategorie, productcategorieLabel: productcategorieLabel(r.wet, r.productcategorie),
    leveringsvorm: r.leveringsvorm, einddatum: r.einddatum, meldingId: r.melding_id, kenmerk: meldingKenmerk({ id: r.melding_id, datum: r.datum, wet: r.wet }),
    consulentNaam: r.display_name,
  }));
  // NEN 7513: every client shown is a read of that client's data.
  for (const clientId of new Set(items.map((i) => i.clientId))) {
    logAccess(tx, { action: 'lezen', objectType: 'herindicatielijst', clientId, detail: `einddatum vóór ${tot}` });
  }
  logAccess(tx, { action: 'zoeken', objectType: 'herindicatielijst', detail: `${items.length} indicaties, ${input.maanden} maanden` });
  return { items };
}
