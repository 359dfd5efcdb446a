import type { z } from 'zod';
import type { AuditListInputSchema, AuditListOutputSchema } from '../../shared/schemas/admin';
import { addDays } from '../../shared/dates';
import { logFacets, queryLog } from '../auditlog';
import { clientNaam, searchClientsRaw } from './clients';
import { meldingKenmerk } from './zaakRecords';
import { logAccess, type TxContext } from './context';

/**
 * The auditor's view of the access log: the log itself is read only through main/auditlog.ts; this
 * module turns its internal ids into what a person checks (client name, kenmerk, user's name).
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
  const rows = queryLog(tx.raw, {
    clientIds, actor: input.actor, action: input.action, beforeSeq: input.beforeSeq, limit: input.limit,
    tsVan: input.van ? amsterdamMidnight(input.van) : undefined,
    tsTot: input.tot ? amsterdamMidnight(addDays(input.tot, 1)) : undefined,
  });
  const names = namesFor(tx, rows);
  const facets = logFacets(tx.raw);
  const filters = [input.actor && 'gebruiker', input.client && 'cliënt', input.action && 'actie', (input.van || input.tot) && 'periode'].filter(Boolean);
  // The search terms may be a BSN or a name: log which filters were used, never their values.
  logAccess(tx, {
    action: 'lezen', objectType: 'toegangslog', clientId: clientIds?.length === 1 ? clientIds[0] : null,
    detail: `${rows.length} regels bekeken${filters.length ? ` (gefilterd op ${filters.join(', ')})` : ''}`,
  });
  return {
    entries: rows.map((r) => ({
      seq: r.seq, ts: r.ts, actor: r.actor, onBehalfOf: r.on_behalf_of, role: r.role, action: r.action,
      objectType: r.object_type, objectId: r.object_id, clientId: r.client_id, result: r.result, origin: r.origin, detail: r.detail,
      actorNaam: names.users.get(r.actor) ?? null,
      clientNaam: r.client_id !== null ? names.clients.get(r.client_id) ?? null : null,
      kenmerk: r.object_id === null ? null
        : r.object_type === 'beschikking' ? names.beschikkingen.get(Number(r.object_id)) ?? null
          : r.object_type === 'melding' ? names.meldingen.get(Number(r.object_id)) ?? null : null,
    })),
    gebruikers: facets.actors.map((username) => ({ username, displayName: names.users.get(username) ?? username })),
    acties: facets.actions,
    ...(clientsGevonden !== undefined ? { clientsGevonden } : {}),
  };
}

/** The names behind the ids on one page of the log, read in one query per kind. */
function namesFor(tx: TxContext, rows: { actor: string; client_id: number | null; object_type: string; object_id: string | null }[]) {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.object_type === type && r.object_id !== null && /^\d+$/.test(r.object_id)).map((r) => Number(r.object_id)))];
  const inList = (n: number) => Array(n).fill('?').join(',');
  const clientIds = [...new Set(rows.map((r) => r.client_id).filter((id): id is number => id !== null))];
  const clients = new Map<number, string>();
  if (clientIds.length) {
    for (const c of tx.raw.prepare(`SELECT id, voornamen, voorletters, voorvoegsel, geslachtsnaam, partner_voorvoegsel, partner_geslachtsnaam, naamgebruik
        FROM clients WHERE id IN (${inList(clientIds.length)})`).all(...clientIds) as Record<string, string | null>[]) {
      clients.set(Number(c.id), clientNaam({
        voornamen: c.voornamen ?? '', voorletters: c.voorletters, voorvoegsel: c.voorvoegsel, geslachtsnaam: c.geslachtsnaam ?? '',
        partnerVoorvoegsel: c.partner_voorvoegsel, partnerGeslachtsnaam: c.partner_geslachtsnaam, naamgebruik: c.naamgebruik ?? 'E',
      }));
    }
  }
  const beschikkingen = new Map<number, string>();
  const bIds = ids('beschikking');
  if (bIds.length) {
    for (const b of tx.raw.prepare(`SELECT id, kenmerk FROM beschikkingen WHERE id IN (${inList(bIds.length)})`).all(...bIds) as { id: number; kenmerk: string }[]) beschikkingen.set(b.id, b.kenmerk);
  }
  const meldingen = new Map<number, string>();
  const mIds = ids('melding');
  if (mIds.length) {
    for (const m of tx.raw.prepare(`SELECT id, datum, wet FROM meldingen WHERE id IN (${inList(mIds.length)})`).all(...mIds) as { id: number; datum: string; wet: string }[]) meldingen.set(m.id, meldingKenmerk(m));
  }
  const users = new Map((tx.raw.prepare('SELECT username, display_name FROM users').all() as { username: string; display_name: string }[]).map((u) => [u.username, u.display_name]));
  return { clients, beschikkingen, meldingen, users };
}
