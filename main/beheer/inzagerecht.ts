import type { z } from 'zod';
import { IsNull } from 'typeorm';
import { LoketError } from '../../shared/errors';
import type { InzageVerzoek, PRIVACY_CHANNELS } from '../../shared/ipc/privacy-channels';
import { ClientEntity, InzageVerzoekEntity, UserEntity } from '../db/entities';
import { collectInzage } from '../export/inzage';
import { readSettings } from '../services/admin';
import { logAccess, notFound, nowIso, type TxContext } from '../services/context';
import { addIsoDuration } from './retention';

/**
 * AVG art. 15 (recht op inzage): a request is registered before anyone exports a client's
 * dossier, so an inzage export always answers a citizen, never a curious colleague. And the
 * auditor, who otherwise sees only the log and metadata, opens a dossier with a reason that is logged.
 */

type In<C extends keyof typeof PRIVACY_CHANNELS> = z.output<(typeof PRIVACY_CHANNELS)[C]['input']>;

interface Row {
  id: number; client_id: number; ontvangen_op: string; uiterlijk_op: string; toelichting: string;
  geregistreerd_door: string; uitgevoerd_op: string | null;
}

/** The requests with the name of whoever registered them. */
function verzoeken(tx: TxContext) {
  return tx.m.createQueryBuilder(InzageVerzoekEntity, 'v')
    .innerJoin(UserEntity.options.name, 'u', 'u.id = v.geregistreerdDoor')
    .select(['v.id AS id', 'v.clientId AS client_id', 'v.ontvangenOp AS ontvangen_op', 'v.uiterlijkOp AS uiterlijk_op',
      'v.toelichting AS toelichting', 'u.displayName AS geregistreerd_door', 'v.uitgevoerdOp AS uitgevoerd_op']);
}

function toVerzoek(r: Row): InzageVerzoek {
  return {
    id: r.id, clientId: r.client_id, ontvangenOp: r.ontvangen_op, uiterlijkOp: r.uiterlijk_op, toelichting: r.toelichting,
    geregistreerdDoor: r.geregistreerd_door, uitgevoerdOp: r.uitgevoerd_op,
  };
}

async function assertClient(tx: TxContext, clientId: number): Promise<void> {
  if (!(await tx.m.existsBy(ClientEntity, { id: clientId }))) throw notFound('Cliënt', clientId);
}

/** The registered request an inzage export answers; refused (and so logged by the router) without one. */
export async function inzageVerzoekFor(tx: TxContext, clientId: number, verzoekId: number | undefined): Promise<InzageVerzoek> {
  const r = verzoekId === undefined ? undefined
    : await verzoeken(tx).where('v.id = :verzoekId AND v.clientId = :clientId', { verzoekId, clientId }).getRawOne<Row>();
  if (!r) {
    throw new LoketError('geen_toegang', 'Een inzage-export kan alleen als antwoord op een geregistreerd verzoek van de cliënt (AVG art. 15). ' +
      'Registreer eerst het verzoek bij Rechten en kies het daarna hier.', 'verzoekId', clientId);
  }
  return toVerzoek(r);
}

export async function markInzageUitgevoerd(tx: TxContext, verzoekId: number): Promise<void> {
  await tx.m.update(InzageVerzoekEntity, { id: verzoekId, uitgevoerdOp: IsNull() }, { uitgevoerdOp: tx.today(), uitgevoerdDoor: tx.session.user.id });
}

export async function registreer(tx: TxContext, input: In<'rechten.inzageVerzoek'>): Promise<InzageVerzoek> {
  await assertClient(tx, input.clientId);
  if (input.ontvangenOp > tx.today()) throw new LoketError('invoer', 'De datum van ontvangst ligt in de toekomst.', 'ontvangenOp');
  const res = await tx.m.insert(InzageVerzoekEntity, {
    clientId: input.clientId, ontvangenOp: input.ontvangenOp, uiterlijkOp: addIsoDuration(input.ontvangenOp, 'P1M'), toelichting: input.toelichting,
    geregistreerdDoor: tx.session.user.id, createdAt: nowIso(),
  });
  const id = res.identifiers[0]!.id as number;
  logAccess(tx, { action: 'aanmaken', objectType: 'inzageverzoek', objectId: id, clientId: input.clientId, detail: 'verzoek om inzage (AVG art. 15) geregistreerd' });
  return toVerzoek((await verzoeken(tx).where('v.id = :id', { id }).getRawOne<Row>())!);
}

export async function lijst(tx: TxContext, input: In<'rechten.inzageVerzoeken'>) {
  const rows = await verzoeken(tx).where('v.clientId = :clientId', { clientId: input.clientId }).orderBy('v.id', 'DESC').getRawMany<Row>();
  logAccess(tx, { action: 'lezen', objectType: 'inzageverzoeken', clientId: input.clientId, detail: `${rows.length} verzoeken` });
  return { verzoeken: rows.map(toVerzoek) };
}

/** The auditor's inzage met reden: the whole dossier, logged against the client with the reason. */
export async function auditInzage(tx: TxContext, input: In<'audit.inzage'>) {
  await assertClient(tx, input.clientId);
  const settings = await readSettings(tx);
  logAccess(tx, { action: 'lezen', objectType: 'inzage-met-reden', objectId: input.clientId, clientId: input.clientId, detail: `reden: ${input.reden}` });
  const d = await collectInzage(tx, input.clientId, { gemaaktOp: nowIso(), gemeente: settings.gemeenteNaam });
  return { json: JSON.stringify(d, null, 2) };
}
