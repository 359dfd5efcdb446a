import { In, type SelectQueryBuilder } from 'typeorm';
import type { z } from 'zod';
import { addDays } from '../../shared/dates';
import {
  WERKVOORRAAD_FASEN, WERKVOORRAAD_TERMIJNEN, type WerkvoorraadPage, type WerkvoorraadPageQuerySchema,
} from '../../shared/ipc/desk-channels';
import { foldForSearch } from '../../shared/names';
import type { Wet } from '../../shared/schemas/zaak';
import {
  ClientEntity, MeldingEntity, TermijnEntity, UserEntity, WerkvoorraadStandEntity, type WerkvoorraadStandRow,
} from '../db/entities';
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

/** What the page shows of a case besides its phase and term, read for the shown page only. */
interface Detail {
  melding_id: number; datum: string; wet: string; client_id: number; wijk: string | null; consulent: string;
  voornamen: string; voorletters: string | null; voorvoegsel: string | null; geslachtsnaam: string;
  partner_voorvoegsel: string | null; partner_geslachtsnaam: string | null; naamgebruik: string;
}

/** Sort keys as entity properties, each with the chosen direction except `nullsLast`, which keeps NULLs last both ways. */
type SortKey = { sql: string; nullsLast?: true };
const ORDER: Record<Query['sorteer'], (qb: SelectQueryBuilder<WerkvoorraadStandRow>) => SortKey[]> = {
  uiterlijk: () => [{ sql: '(w.uiterlijk IS NULL)', nullsLast: true }, { sql: 'w.uiterlijk' }],
  kenmerk: () => [{ sql: 'w.meldingId' }],
  client: () => [{ sql: 'w.zoeknaam' }],
  wet: () => [{ sql: 'w.wet' }],
  fase: () => [{ sql: "CASE w.fase WHEN 'onderzoek' THEN 1 WHEN 'aanvraag' THEN 2 WHEN 'beschikking' THEN 3 WHEN 'accordering' THEN 4 ELSE 5 END" }],
  wijk: () => [{ sql: '(w.wijk IS NULL)', nullsLast: true }, { sql: 'w.wijk' }],
  // Names as people read them: "anna" before "Zeno" (SQLite's default compares bytes, capitals first).
  consulent: (qb) => [{ sql: `${qb.subQuery().select('u.displayName').from(UserEntity, 'u').where('u.id = w.consulentId').getQuery()} COLLATE NOCASE` }],
};

/** The state of a case's nearest running term; werkvoorraad-stand.test.ts holds it equal to the sums of the counts. */
const TERMIJN_STATUS = `CASE WHEN w.termijnId IS NULL THEN 'geen' WHEN w.uiterlijk IS NULL THEN 'opgeschort' WHEN w.uiterlijk < :today THEN 'verlopen'
  WHEN w.uiterlijk <= :week THEN 'deze_week' ELSE 'op_tijd' END`;

export async function werkvoorraadPage(tx: TxContext, input: Query): Promise<WerkvoorraadPage> {
  const today = tx.today();
  const week = addDays(today, 7);
  const consulent = input.consulentId ?? null;
  // The open cases after the filters, for the count and the page.
  const filtered = () => {
    const qb = tx.m.createQueryBuilder(WerkvoorraadStandEntity, 'w');
    // A condition only when asked, like the counts below: never ":c IS NULL OR".
    if (consulent !== null) qb.andWhere('w.consulentId = :consulent', { consulent });
    if (input.fase) qb.andWhere('w.fase = :fase', { fase: input.fase });
    if (input.wet) qb.andWhere('w.wet = :wet', { wet: input.wet });
    if (input.wijk) qb.andWhere('w.wijk = :wijk', { wijk: input.wijk });
    if (input.termijn) qb.andWhere(`${TERMIJN_STATUS} = :termijn`, { today, week, termijn: input.termijn });
    const zoek = input.zoek.trim();
    if (zoek) {
      // A kenmerk (WMO-2026-000123 or just 123), a BSN with or without spaces, or words of the name.
      const digits = zoek.replace(/[\s.]/g, '');
      const kenmerk = /^(?:[A-Z]{3}-\d{4}-)?0*(\d{1,6})$/i.exec(zoek.replace(/\s/g, ''));
      // Every word somewhere in the folded name, in any order ("Anna van Vliet" finds "Vliet, van, Anna").
      const words = foldForSearch(zoek).split(' ').filter(Boolean).slice(0, 6);
      const parts = [words.length ? `(${words.map((w, i) => {
        qb.setParameter(`w${i}`, `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        return `w.zoeknaam LIKE :w${i} ESCAPE '\\'`;
      }).join(' AND ')})` : '0'];
      if (kenmerk) { parts.push('w.meldingId = :kenmerkId'); qb.setParameter('kenmerkId', Number(kenmerk[1])); }
      if (/^\d{9}$/.test(digits)) {
        parts.push(`w.clientId IN ${qb.subQuery().select('c.id').from(ClientEntity, 'c').where('c.bsn = :bsn').getQuery()}`);
        qb.setParameter('bsn', digits);
      }
      qb.andWhere(`(${parts.join(' OR ')})`);
    }
    return qb;
  };
  const totaal = Number((await filtered().select('count(*)', 'n').getRawOne<{ n: number }>())!.n);
  const pages = Math.max(1, Math.ceil(totaal / input.perPagina));
  const pagina = Math.min(input.pagina, pages);
  const dir = input.richting === 'af' ? 'DESC' : 'ASC';
  const pageQb = filtered().select(['w.meldingId AS melding_id', 'w.fase AS fase', 'w.termijnId AS termijn_id']);
  for (const k of ORDER[input.sorteer](pageQb)) pageQb.addOrderBy(k.sql, k.nullsLast ? 'ASC' : dir);
  const page = await pageQb.addOrderBy('w.meldingId', dir)
    .limit(input.perPagina).offset((pagina - 1) * input.perPagina)
    .getRawMany<{ melding_id: number; fase: string; termijn_id: number | null }>();
  // Names and dates for the shown page only, by primary key.
  const details = new Map((page.length ? await tx.m.createQueryBuilder(MeldingEntity, 'm')
    .innerJoin(ClientEntity.options.name, 'c', 'c.id = m.clientId')
    .innerJoin(UserEntity.options.name, 'u', 'u.id = m.consulentId')
    .select(['m.id AS melding_id', 'm.datum AS datum', 'm.wet AS wet', 'm.clientId AS client_id', 'c.wijk AS wijk', 'c.voornamen AS voornamen',
      'c.voorletters AS voorletters', 'c.voorvoegsel AS voorvoegsel', 'c.geslachtsnaam AS geslachtsnaam',
      'c.partnerVoorvoegsel AS partner_voorvoegsel', 'c.partnerGeslachtsnaam AS partner_geslachtsnaam',
      'c.naamgebruik AS naamgebruik', 'u.displayName AS consulent'])
    .where('m.id IN (:...ids)', { ids: page.map((r) => r.melding_id) })
    .getRawMany<Detail>() : []).map((d) => [d.melding_id, d]));
  const rows = page.map((r) => ({ ...details.get(r.melding_id)!, ...r }));
  // Per phase one pass over the phase index, the term states as sums: no sort of every open case.
  // The sums are TERMIJN_STATUS written as conditions (the CASE costs ~2 ms more per call at
  // 13,000 open cases); werkvoorraad-stand.test.ts holds the two equal.
  // Each filter its own statement, each read from a covering index: with "consulent IS NULL OR"
  // in one statement SQLite looked up every open case to test its consultant.
  const tellingQb = tx.m.createQueryBuilder(WerkvoorraadStandEntity, 'w')
    .select('w.fase', 'fase').addSelect('count(*)', 'n')
    .addSelect('sum(w.termijnId IS NULL)', 'geen').addSelect('sum(w.termijnId IS NOT NULL AND w.uiterlijk IS NULL)', 'opgeschort')
    .addSelect('sum(w.uiterlijk < :today)', 'verlopen').addSelect('sum(w.uiterlijk >= :today AND w.uiterlijk <= :week)', 'deze_week')
    .addSelect('sum(w.uiterlijk > :week)', 'op_tijd')
    .setParameters({ today, week });
  if (consulent !== null) tellingQb.where('w.consulentId = :consulent', { consulent });
  const tellingen = await tellingQb.groupBy('w.fase')
    .getRawMany<{ fase: string; n: number } & Record<(typeof WERKVOORRAAD_TERMIJNEN)[number], number>>();
  const fase = Object.fromEntries(WERKVOORRAAD_FASEN.map((f) => [f, 0])) as Record<(typeof WERKVOORRAAD_FASEN)[number], number>;
  const termijn = Object.fromEntries(WERKVOORRAAD_TERMIJNEN.map((f) => [f, 0])) as Record<(typeof WERKVOORRAAD_TERMIJNEN)[number], number>;
  let open = 0;
  for (const r of tellingen) {
    fase[r.fase as keyof typeof fase] += r.n;
    for (const k of WERKVOORRAAD_TERMIJNEN) termijn[k] += r[k];
    open += r.n;
  }
  // The wijken that have open cases: the ones worth filtering on.
  const wijken = (await tx.m.createQueryBuilder(WerkvoorraadStandEntity, 'w')
    .select('w.wijk', 'wijk').distinct(true)
    .where("w.wijk IS NOT NULL AND w.wijk <> ''").orderBy('w.wijk')
    .getRawMany<{ wijk: string }>()).map((r) => r.wijk);
  const termijnIds = rows.map((r) => r.termijn_id).filter((x): x is number => x !== null);
  const termijnen = new Map((termijnIds.length ? await tx.m.findBy(TermijnEntity, { id: In(termijnIds) }) : []).map((t) => [t.id, t]));
  const items = rows.map((r) => {
    const t = r.termijn_id !== null ? termijnen.get(r.termijn_id) : undefined;
    return {
      meldingId: r.melding_id, kenmerk: meldingKenmerk({ id: r.melding_id, datum: r.datum, wet: r.wet }), clientId: r.client_id,
      clientNaam: clientNaam({
        voornamen: r.voornamen, voorletters: r.voorletters, voorvoegsel: r.voorvoegsel,
        geslachtsnaam: r.geslachtsnaam, partnerVoorvoegsel: r.partner_voorvoegsel,
        partnerGeslachtsnaam: r.partner_geslachtsnaam, naamgebruik: r.naamgebruik,
      }),
      wijk: r.wijk, wet: r.wet as Wet, consulentNaam: r.consulent, fase: r.fase,
      termijn: t ? toTermijn(t, today) : null,
    };
  });
  logShown(tx, { objectType: 'werkvoorraad', detail: `${items.length} van ${totaal} zaken` }, items.map((i) => i.clientId));
  return { items, totaal, pagina, perPagina: input.perPagina, tellingen: { open, fase, termijn }, wijken };
}
