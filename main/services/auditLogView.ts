import { And, In, LessThan, MoreThanOrEqual, type FindOperator, type FindOptionsWhere } from 'typeorm';
import type { z } from 'zod';
import type { AuditListInputSchema, AuditListOutputSchema } from '../../shared/schemas/admin';
import { addDays } from '../../shared/dates';
import { AccessLogEntity, AccessLogKeuzeEntity, BeschikkingEntity, ClientEntity, MeldingEntity, UserEntity, type AccessLogRow } from '../db/entities';
import { aboutClients } from '../db/sqlite/shownClients';
import { clientNaam, searchClientsRaw } from './clients';
import { meldingKenmerk } from './zaakRecords';
import { logAccess, type TxContext } from './context';

/**
 * The auditor's view of the access log, one of the log's few readers (it is written and verified
 * only by main/auditlog.ts): filtered in SQL so a filter never depends on what one page holds,
 * with its internal ids turned into what a person checks (client name, kenmerk, user's name).
 */

type Input = z.output<typeof AuditListInputSchema>;
type Output = z.output<typeof AuditListOutputSchema>;

/** How many clients a name search may match before the auditor is asked to refine it. */
const MAX_CLIENTS = 200;

/** Midnight at the start of a Dutch calendar day, as the UTC instant the log stores. */
export function amsterdamMidnight(isoDate: string): string {
  const guess = new Date(`${isoDate}T00:00:00Z`);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(guess).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(guess.getTime() - (local - guess.getTime())).toISOString();
}

export async function auditList(tx: TxContext, input: Input): Promise<Output> {
  let clientIds: number[] | undefined = input.clientId !== undefined ? [input.clientId] : undefined;
  let clientsGevonden: number | undefined;
  if (input.client !== undefined) {
    const found = searchClientsRaw(tx.raw, input.client, 'auto', MAX_CLIENTS).results.map((c) => c.id);
    clientsGevonden = found.length;
    clientIds = clientIds ? clientIds.filter((id) => found.includes(id)) : found;
  }
  const rows = await logPage(tx, {
    clientIds, actor: input.actor, action: input.action, beforeSeq: input.beforeSeq, limit: input.limit,
    tsVan: input.van ? amsterdamMidnight(input.van) : undefined,
    tsTot: input.tot ? amsterdamMidnight(addDays(input.tot, 1)) : undefined,
  });
  const names = await namesFor(tx, rows);
  const facets = await logFacets(tx);
  const filters = [input.actor && 'gebruiker', input.client && 'cliënt', input.action && 'actie', (input.van || input.tot) && 'periode'].filter(Boolean);
  // The search terms may be a BSN or a name: log which filters were used, never their values.
  logAccess(tx, {
    action: 'lezen', objectType: 'toegangslog', clientId: clientIds?.length === 1 ? clientIds[0] : null,
    detail: `${rows.length} regels bekeken${filters.length ? ` (gefilterd op ${filters.join(', ')})` : ''}`,
  });
  return {
    entries: rows.map((r) => ({
      seq: r.seq, ts: r.ts, actor: r.actor, onBehalfOf: r.onBehalfOf, role: r.role, action: r.action,
      objectType: r.objectType, objectId: r.objectId, clientId: r.clientId, result: r.result, origin: r.origin, detail: r.detail,
      getoond: r.clientIds === null ? null : (JSON.parse(r.clientIds) as number[]).length,
      actorNaam: names.users.get(r.actor) ?? null,
      clientNaam: r.clientId !== null ? names.clients.get(r.clientId) ?? null : null,
      kenmerk: r.objectId === null ? null
        : r.objectType === 'beschikking' ? names.beschikkingen.get(Number(r.objectId)) ?? null
          : r.objectType === 'melding' ? names.meldingen.get(Number(r.objectId)) ?? null : null,
    })),
    gebruikers: facets.actors.map((username) => ({ username, displayName: names.users.get(username) ?? username })),
    acties: facets.actions,
    ...(clientsGevonden !== undefined ? { clientsGevonden } : {}),
  };
}

/** The auditor's filter on the log; every field narrows (AND). Instants are ISO UTC, `tsTot` exclusive. */
interface LogQuery {
  clientIds?: number[];
  actor?: string;
  action?: string;
  tsVan?: string;
  tsTot?: string;
  beforeSeq?: number;
  limit: number;
}

/** One page of the log, newest first. */
async function logPage(tx: TxContext, q: LogQuery): Promise<AccessLogRow[]> {
  if (q.clientIds?.length === 0) return [];
  const ts: FindOperator<string>[] = [
    ...(q.tsVan !== undefined ? [MoreThanOrEqual(q.tsVan)] : []),
    ...(q.tsTot !== undefined ? [LessThan(q.tsTot)] : []),
  ];
  const where: FindOptionsWhere<AccessLogRow> = {
    ...(q.actor !== undefined ? { actor: q.actor } : {}),
    ...(q.action !== undefined ? { action: q.action } : {}),
    ...(ts.length ? { ts: And(...ts) } : {}),
    ...(q.beforeSeq !== undefined ? { seq: LessThan(q.beforeSeq) } : {}),
  };
  const query = tx.m.createQueryBuilder(AccessLogEntity, 'l').where(where);
  // A client's entries include the lists that showed her, which name her among others.
  if (q.clientIds) query.andWhere(aboutClients('l.seq'), { clientIds: q.clientIds });
  return query.orderBy('l.seq', 'DESC').take(q.limit).getMany();
}

/** The users and actions that occur in the log: the choices of the auditor's filter lists (kept as the log is written). */
async function logFacets(tx: TxContext): Promise<{ actors: string[]; actions: string[] }> {
  const keuzes = await tx.m.find(AccessLogKeuzeEntity, { order: { soort: 'ASC', waarde: 'ASC' } });
  const of = (soort: 'actor' | 'action') => keuzes.filter((k) => k.soort === soort).map((k) => k.waarde);
  return { actors: of('actor'), actions: of('action') };
}

/** The names behind the ids on one page of the log, read in one query per kind. */
async function namesFor(tx: TxContext, rows: AccessLogRow[]) {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.objectType === type && r.objectId !== null && /^\d+$/.test(r.objectId)).map((r) => Number(r.objectId)))];
  const clientIds = [...new Set(rows.map((r) => r.clientId).filter((id): id is number => id !== null))];
  const clients = new Map<number, string>();
  if (clientIds.length) {
    for (const c of await tx.m.find(ClientEntity, {
      select: { id: true, voornamen: true, voorletters: true, voorvoegsel: true, geslachtsnaam: true, partnerVoorvoegsel: true, partnerGeslachtsnaam: true, naamgebruik: true },
      where: { id: In(clientIds) },
    })) {
      clients.set(c.id, clientNaam({
        voornamen: c.voornamen ?? '', voorletters: c.voorletters, voorvoegsel: c.voorvoegsel, geslachtsnaam: c.geslachtsnaam ?? '',
        partnerVoorvoegsel: c.partnerVoorvoegsel, partnerGeslachtsnaam: c.partnerGeslachtsnaam, naamgebruik: c.naamgebruik ?? 'E',
      }));
    }
  }
  const beschikkingen = new Map<number, string>();
  const bIds = ids('beschikking');
  if (bIds.length) {
    for (const b of await tx.m.find(BeschikkingEntity, { select: { id: true, kenmerk: true }, where: { id: In(bIds) } })) beschikkingen.set(b.id, b.kenmerk);
  }
  const meldingen = new Map<number, string>();
  const mIds = ids('melding');
  if (mIds.length) {
    for (const m of await tx.m.find(MeldingEntity, { select: { id: true, datum: true, wet: true }, where: { id: In(mIds) } })) meldingen.set(m.id, meldingKenmerk(m));
  }
  const users = new Map((await tx.m.find(UserEntity, { select: { username: true, displayName: true } })).map((u) => [u.username, u.displayName]));
  return { clients, beschikkingen, meldingen, users };
}
