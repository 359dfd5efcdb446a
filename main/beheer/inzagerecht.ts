import type { z } from 'zod';
import { LoketError } from '../../shared/errors';
import type { InzageVerzoek, PRIVACY_CHANNELS } from '../../shared/ipc/privacy-channels';
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

const SELECT = `SELECT v.*, u.display_name AS geregistreerd_door FROM inzage_verzoeken v JOIN users u ON u.id = v.geregistreerd_door`;

function toVerzoek(r: Row): InzageVerzoek {
  return {
    id: r.id, clientId: r.client_id, ontvangenOp: r.ontvangen_op, uiterlijkOp: r.uiterlijk_op, toelichting: r.toelichting,
    geregistreerdDoor: r.geregistreerd_door, uitgevoerdOp: r.uitgevoerd_op,
  };
}

function assertClient(tx: TxContext, clientId: number): void {
  if (!tx.raw.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId)) throw notFound('Cliënt', clientId);
}

/** The registered request an inzage export answers; refused (and so logged by the router) without one. */
export function inzageVerzoekFor(tx: TxContext, clientId: number, verzoekId: number | undefined): InzageVerzoek {
  const r = verzoekId === undefined ? undefined : tx.raw.prepare(`${SELECT} WHERE v.id = ? AND v.client_id = ?`).get(verzoekId, clientId) as Row | undefined;
  if (!r) {
    throw new LoketError('geen_toegang', 'Een inzage-export kan alleen als antwoord op een geregistreerd verzoek van de cliënt (AVG art. 15). ' +
      'Registreer eerst het verzoek bij Rechten en kies het daarna hier.', 'verzoekId', clientId);
  }
  return toVerzoek(r);
}

export function markInzageUitgevoerd(tx: TxContext, verzoekId: number): void {
  tx.raw.prepare('UPDATE inzage_verzoeken SET uitgevoerd_op = ?, uitgevoerd_door = ? WHERE id = ? AND uitgevoerd_op IS NULL')
    .run(tx.today(), tx.session.user.id, verzoekId);
}

export function registreer(tx: TxContext, input: In<'rechten.inzageVerzoek'>): InzageVerzoek {
  assertClient(tx, input.clientId);
  if (input.ontvangenOp > tx.today()) throw new LoketError('invoer', 'De datum van ontvangst ligt in de toekomst.', 'ontvangenOp');
  const res = tx.raw.prepare(`INSERT INTO inzage_verzoeken (client_id, ontvangen_op, uiterlijk_op, toelichting, geregistreerd_door, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`).run(input.clientId, input.ontvangenOp, addIsoDuration(input.ontvangenOp, 'P1M'), input.toelichting, tx.session.user.id, nowIso());
  const id = Number(res.lastInsertRowid);
  logAccess(tx, { action: 'aanmaken', objectType: 'inzageverzoek', objectId: id, clientId: input.clientId, detail: 'verzoek om inzage (AVG art. 15) geregistreerd' });
  return toVerzoek(tx.raw.prepare(`${SELECT} WHERE v.id = ?`).get(id) as Row);
}

export function lijst(tx: TxContext, input: In<'rechten.inzageVerzoeken'>) {
  const rows = tx.raw.prepare(`${SELECT} WHERE v.client_id = ? ORDER BY v.id DESC`).all(input.clientId) as Row[];
  logAccess(tx, { action: 'lezen', objectType: 'inzageverzoeken', clientId: input.clientId, detail: `${rows.length} verzoeken` });
  return { verzoeken: rows.map(toVerzoek) };
}

/** The auditor's inzage met reden: the whole dossier, logged against the client with the reason. */
export async function auditInzage(tx: TxContext, input: In<'audit.inzage'>) {
  assertClient(tx, input.clientId);
  const settings = await readSettings(tx);
  logAccess(tx, { action: 'lezen', objectType: 'inzage-met-reden', objectId: input.clientId, clientId: input.clientId, detail: `reden: ${input.reden}` });
  const d = collectInzage(tx.raw, input.clientId, { gemaaktOp: nowIso(), gemeente: settings.gemeenteNaam });
  return { json: JSON.stringify(d, null, 2) };
}
