import { In } from 'typeorm';
import type { z } from 'zod';
import { addDays } from '../../shared/dates';
import {
  WERKVOORRAAD_FASEN, WERKVOORRAAD_TERMIJNEN, type WerkvoorraadPage, type WerkvoorraadPageQuerySchema,
} from '../../shared/ipc/desk-channels';
import { foldForSearch } from '../../shared/names';
import type { Wet } from '../../shared/schemas/zaak';
import { TermijnEntity } from '../db/entities';
import { clientNaam } from './clients';
import { logShown, type TxContext } from './context';
import { meldingKenmerk, toTermijn } from './zaakRecords';

/**
 * The werkvoorraad as the desk works it: open cases with their phase and nearest running term,
 * filtered, searched, sorted and paged in SQL, with counts per phase and term for the tabs above
 * the table. The phase and term per open case are kept in `werkvoorraad_stand` (migration 0020,
 * by triggers), so a page reads one narrow table; names and dates are read for the shown page only.
 */

type Query = z.output<typeof WerkvoorraadPageQuerySchema>;

const ORDER: Record<Query['sorteer'], string> = {
  uiterlijk: "(w.uiterlijk IS NULL), w.uiterlijk",
  kenmerk: 'w.melding_id',
  client: 'w.zoeknaam',
  wet: 'w.wet',
  fase: "CASE w.fase WHEN 'onderzoek' THEN 1 WHEN 'aanvraag' THEN 2 WHEN 'beschikking' THEN 3 WHEN 'accordering' THEN 4 ELSE 5 END",
  wijk: "(w.wijk IS NULL), w.wijk",
  consulent: '(SELECT display_name FROM users u WHERE u.id = w.consulent_id)',
};

const OPEN_CASES = `WITH open_cases AS (
  SELECT s.melding_id, s.client_id, s.consulent_id, s.wet, s.wijk, s.zoeknaam, s.fase, s.termijn_id, s.uiterlijk,
    CASE WHEN s.termijn_id IS NULL THEN 'geen' WHEN s.uiterlijk IS NULL THEN 'opgeschort' WHEN s.uiterlijk < @today THEN 'verlopen'
      WHEN s.uiterlijk <= @week THEN 'deze_week' ELSE 'op_tijd' END AS termijn_status
  FROM werkvoorraad_stand s
  WHERE (@consulent IS NULL OR s.consulent_id = @consulent))`;

export async function werkvoorraadPage(tx: TxContext, input: Query): Promise<WerkvoorraadPage> {
  const today = tx.today();
  const params: Record<string, string | number | null> = { today, week: addDays(today, 7), consulent: input.consulentId ?? null };
  const where: string[] = [];
  if (input.fase) { where.push('w.fase = @fase'); params.fase = input.fase; }
  if (input.wet) { where.push('w.wet = @wet'); params.wet = input.wet; }
  if (input.wijk) { where.push('w.wijk = @wijk'); params.wijk = input.wijk; }
  if (input.termijn) { where.push('w.termijn_status = @termijn'); params.termijn = input.termijn; }
  const zoek = input.zoek.trim();
  if (zoek) {
    // A kenmerk (WMO-2026-000123 or just 123), a BSN with or without spaces, or words of the name.
    const digits = zoek.replace(/[\s.]/g, '');
    const kenmerk = /^(?:[A-Z]{3}-\d{4}-)?0*(\d{1,6})$/i.exec(zoek.replace(/\s/g, ''));
    // Every word somewhere in the folded name, in any order ("Anna van Vliet" finds "Vliet, van, Anna").
    const words = foldForSearch(zoek).split(' ').filter(Boolean).slice(0, 6);
    const parts = [words.length ? `(${words.map((w, i) => {
      params[`w${i}`] = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return `w.zoeknaam LIKE @w${i} ESCAPE '\\'`;
    }).join(' AND ')})` : '0'];
    if (kenmerk) { parts.push('w.melding_id = @kenmerkId'); params.kenmerkId = Number(kenmerk[1]); }
    if (/^\d{9}$/.test(digits)) { parts.push('w.client_id IN (SELECT id FROM clients WHERE bsn = @bsn)'); params.bsn = digits; }
    where.push(`(${parts.join(' OR ')})`);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const dir = input.richting === 'af' ? 'DESC' : 'ASC';
  const order = ORDER[input.sorteer].split(', ').map((o) => (o.startsWith('(') ? o : `${o} ${dir}`)).join(', ');
  const totaal = tx.raw.prepare(`${OPEN_CASES} SELECT count(*) FROM open_cases w ${filter}`).pluck().get(params) as number;
  const pages = Math.max(1, Math.ceil(totaal / input.perPagina));
  const pagina = Math.min(input.pagina, pages);
  const page = tx.raw.prepare(`${OPEN_CASES} SELECT w.melding_id, w.fase, w.termijn_id FROM open_cases w ${filter}
    ORDER BY ${order}, w.melding_id ${dir} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: input.perPagina, offset: (pagina - 1) * input.perPagina }) as Record<string, unknown>[];
  // Names and dates for the shown page only, by primary key.
  const details = new Map((page.length ? tx.raw.prepare(`SELECT m.id AS melding_id, m.datum, m.wet, m.client_id, c.wijk, c.voornamen, c.voorletters,
      c.voorvoegsel, c.geslachtsnaam, c.partner_voorvoegsel, c.partner_geslachtsnaam, c.naamgebruik, u.display_name AS consulent
    FROM meldingen m JOIN clients c ON c.id = m.client_id JOIN users u ON u.id = m.consulent_id WHERE m.id IN (${page.map(() => '?').join(',')})`)
    .all(...page.map((r) => r.melding_id)) as Record<string, unknown>[] : []).map((d) => [d.melding_id as number, d]));
  const rows = page.map((r) => ({ ...details.get(r.melding_id as number), ...r }));
  // Per phase one pass over the phase index, the term states as sums: no sort of every open case.
  // The sums are termijn_status of OPEN_CASES written as conditions (the CASE costs ~2 ms more per
  // call at 13,000 open cases); werkvoorraad-stand.test.ts holds the two equal.
  // Each filter its own statement, each read from a covering index: with "consulent IS NULL OR"
  // in one statement SQLite looked up every open case to test its consultant.
  const tellingen = tx.raw.prepare(`SELECT fase, count(*) AS n,
      sum(termijn_id IS NULL) AS geen, sum(termijn_id IS NOT NULL AND uiterlijk IS NULL) AS opgeschort,
      sum(uiterlijk < @today) AS verlopen, sum(uiterlijk >= @today AND uiterlijk <= @week) AS deze_week, sum(uiterlijk > @week) AS op_tijd
    FROM werkvoorraad_stand ${params.consulent === null ? '' : 'WHERE consulent_id = @consulent'} GROUP BY fase`)
    .all({ today: params.today, week: params.week, ...(params.consulent === null ? {} : { consulent: params.consulent }) }) as ({ fase: string; n: number } & Record<(typeof WERKVOORRAAD_TERMIJNEN)[number], number>)[];
  const fase = Object.fromEntries(WERKVOORRAAD_FASEN.map((f) => [f, 0])) as Record<(typeof WERKVOORRAAD_FASEN)[number], number>;
  const termijn = Object.fromEntries(WERKVOORRAAD_TERMIJNEN.map((f) => [f, 0])) as Record<(typeof WERKVOORRAAD_TERMIJNEN)[number], number>;
  let open = 0;
  for (const r of tellingen) {
    fase[r.fase as keyof typeof fase] += r.n;
    for (const k of WERKVOORRAAD_TERMIJNEN) termijn[k] += r[k];
    open += r.n;
  }
  // The wijken that have open cases: the ones worth filtering on.
  const wijken = tx.raw.prepare(`SELECT DISTINCT wijk FROM werkvoorraad_stand WHERE wijk IS NOT NULL AND wijk <> '' ORDER BY wijk`).pluck().all() as string[];
  const termijnIds = rows.map((r) => r.termijn_id as number | null).filter((x): x is number => x !== null);
  const termijnen = new Map((termijnIds.length ? await tx.m.findBy(TermijnEntity, { id: In(termijnIds) }) : []).map((t) => [t.id, t]));
  const items = rows.map((r) => {
    const t = r.termijn_id !== null ? termijnen.get(r.termijn_id as number) : undefined;
    return {
      meldingId: r.melding_id as number, kenmerk: meldingKenmerk({ id: r.melding_id as number, datum: r.datum as string, wet: r.wet as string }), clientId: r.client_id as number,
      clientNaam: clientNaam({
        voornamen: r.voornamen as string, voorletters: r.voorletters as string | null, voorvoegsel: r.voorvoegsel as string | null,
        geslachtsnaam: r.geslachtsnaam as string, partnerVoorvoegsel: r.partner_voorvoegsel as string | null,
        partnerGeslachtsnaam: r.partner_geslachtsnaam as string | null, naamgebruik: r.naamgebruik as string,
      }),
      wijk: r.wijk as string | null, wet: r.wet as Wet, consulentNaam: r.consulent as string, fase: r.fase as string,
      termijn: t ? toTermijn(t, today) : null,
    };
  });
  logShown(tx, { objectType: 'werkvoorraad', detail: `${items.length} van ${totaal} zaken` }, items.map((i) => i.clientId));
  return { items, totaal, pagina, perPagina: input.perPagina, tellingen: { open, fase, termijn }, wijken };
}
