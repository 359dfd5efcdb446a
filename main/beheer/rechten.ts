import type { z } from 'zod';
import { addIsoDuration } from './retention';
import { LoketError } from '../../shared/errors';
import type {
  BeperkingOpheffenSchema, RectificatieSchema, Verzoek, VerzoekBesluitSchema, VerzoekInputSchema, VerzoekLijstSchema,
} from '../../shared/schemas/beheer';
import type { Client } from '../../shared/schemas/client';
import type { RawDb } from '../db/database';
import { updateClient } from '../services/clients';
import { logAccess, notFound, nowIso, type TxContext } from '../services/context';
import { meldingKenmerk } from '../services/zaakRecords';
import { assertClientWritable, isBeperkt } from '../services/beperking';
import { createVoorstel } from './retention';

/**
 * Citizens' rights. Every request is recorded with its decision and reason:
 * - vernietiging (AVG art. 17 with the Selectielijst 2020 note and Jeugdwet 7.3.9): decide within
 *   3 months; refused when the law or a significant interest of a third party prevents it;
 *   granted → a destruction proposal that a second person approves (the same path as retention).
 * - rectificatie (art. 16): decide within 1 month; the change itself goes through client.update.
 * - beperking (art. 18): a flag on the client; while it is set only a beheerder may change the record.
 */

interface VerzoekRow {
  id: number; client_id: number; soort: Verzoek['soort']; ontvangen_op: string; uiterlijk_op: string; toelichting: string | null;
  melding_ids: string; status: Verzoek['status']; besluit_op: string | null; besluit_door: number | null; reden: string | null;
  wijziging: string | null; uitgevoerd_op: string | null;
}

function toVerzoek(raw: RawDb, r: VerzoekRow): Verzoek {
  const door = r.besluit_door === null ? null
    : (raw.prepare('SELECT username FROM users WHERE id = ?').pluck().get(r.besluit_door) as string | undefined) ?? null;
  const voorstel = raw.prepare(`SELECT id FROM vernietiging_voorstellen WHERE verzoek_id = ? ORDER BY id DESC LIMIT 1`).pluck().get(r.id) as number | undefined;
  return {
    id: r.id, clientId: r.client_id, soort: r.soort, ontvangenOp: r.ontvangen_op, uiterlijkOp: r.uiterlijk_op,
    toelichting: r.toelichting, meldingIds: JSON.parse(r.melding_ids) as number[], status: r.status, besluitOp: r.besluit_op,
    besluitDoor: door, reden: r.reden, wijziging: r.wijziging, uitgevoerdOp: r.uitgevoerd_op, voorstelId: voorstel ?? null,
  };
}

function loadVerzoek(raw: RawDb, id: number): VerzoekRow {
  const r = raw.prepare('SELECT * FROM rechten_verzoeken WHERE id = ?').get(id) as VerzoekRow | undefined;
  if (!r) throw notFound('Verzoek', id);
  return r;
}

function clientExists(raw: RawDb, id: number): void {
  if (!raw.prepare('SELECT 1 FROM clients WHERE id = ?').get(id)) throw notFound('Cliënt', id);
}

export async function registreerVerzoek(tx: TxContext, input: z.output<typeof VerzoekInputSchema>): Promise<Verzoek> {
  clientExists(tx.raw, input.clientId);
  if (input.ontvangenOp > tx.today()) throw new LoketError('invoer', 'De datum van ontvangst ligt in de toekomst.', 'ontvangenOp');
  if (input.soort !== 'vernietiging' && input.meldingIds.length) {
    throw new LoketError('invoer', 'Zaken kiest u alleen bij een verzoek om vernietiging.', 'meldingIds');
  }
  for (const id of input.meldingIds) {
    const m = tx.raw.prepare('SELECT client_id FROM meldingen WHERE id = ?').get(id) as { client_id: number } | undefined;
    if (!m || m.client_id !== input.clientId) throw new LoketError('invoer', `Zaak ${id} hoort niet bij deze cliënt.`, 'meldingIds');
  }
  // Selectielijst 2020 / Jeugdwet 7.3.9: destruction within 3 months; AVG art. 12(3): an answer within 1 month.
  const uiterlijk = addIsoDuration(input.ontvangenOp, input.soort === 'vernietiging' ? 'P3M' : 'P1M');
  const res = tx.raw.prepare(`INSERT INTO rechten_verzoeken (client_id, soort, ontvangen_op, uiterlijk_op, toelichting, melding_ids, status,
      geregistreerd_door, created_at) VALUES (?, ?, ?, ?, ?, ?, 'ontvangen', ?, ?)`)
    .run(input.clientId, input.soort, input.ontvangenOp, uiterlijk, input.toelichting, JSON.stringify(input.meldingIds), tx.session.user.id, nowIso());
  const id = Number(res.lastInsertRowid);
  logAccess(tx, { action: 'aanmaken', objectType: `verzoek-${input.soort}`, objectId: id, clientId: input.clientId });
  return toVerzoek(tx.raw, loadVerzoek(tx.raw, id));
}

export async function verzoekenLijst(tx: TxContext, input: z.output<typeof VerzoekLijstSchema>) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.clientId !== undefined) { where.push('client_id = ?'); params.push(input.clientId); }
  if (input.alleenOpen) where.push(`status IN ('ontvangen', 'toegewezen')`);
  const rows = tx.raw.prepare(`SELECT * FROM rechten_verzoeken ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY uiterlijk_op, id LIMIT 500`).all(...params) as VerzoekRow[];
  const beperkt = input.clientId !== undefined && tx.raw.prepare('SELECT 1 FROM clients WHERE id = ?').get(input.clientId)
    ? isBeperkt(tx.raw, input.clientId) : null;
  logAccess(tx, { action: 'lezen', objectType: 'verzoeken', clientId: input.clientId ?? null, detail: `${rows.length} verzoeken` });
  return { verzoeken: rows.map((r) => toVerzoek(tx.raw, r)), beperkt };
}

export async function besluitVerzoek(tx: TxContext, input: z.output<typeof VerzoekBesluitSchema>): Promise<Verzoek> {
  const r = loadVerzoek(tx.raw, input.verzoekId);
  if (r.status !== 'ontvangen') throw new LoketError('conflict', `Over verzoek ${r.id} is al besloten (${r.status}).`);
  if (r.soort === 'opheffing_beperking') throw new LoketError('conflict', 'Dit is geen verzoek van de cliënt.');
  clientExists(tx.raw, r.client_id);
  const vandaag = tx.today();
  let status: Verzoek['status'] = input.besluit;
  if (input.besluit === 'toegewezen') {
    if (r.soort === 'beperking') {
      tx.raw.prepare('UPDATE clients SET verwerking_beperkt = 1 WHERE id = ?').run(r.client_id);
      status = 'uitgevoerd';
    } else if (r.soort === 'vernietiging') {
      const gekozen = JSON.parse(r.melding_ids) as number[];
      const meldingIds = gekozen.length ? gekozen
        : tx.raw.prepare('SELECT id FROM meldingen WHERE client_id = ? ORDER BY id').pluck().all(r.client_id) as number[];
      if (!meldingIds.length) throw new LoketError('conflict', 'Deze cliënt heeft geen zaken. Vernietigen van alleen de cliëntgegevens loopt via de beheerder.');
      const open = tx.raw.prepare(`SELECT id, datum, wet FROM meldingen WHERE id IN (SELECT value FROM json_each(?)) AND status = 'open'`)
        .all(JSON.stringify(meldingIds)) as { id: number; datum: string; wet: string }[];
      if (open.length) {
        throw new LoketError('conflict', `Zaak ${open.map(meldingKenmerk).join(', ')} is nog open. Sluit haar eerst af (bijvoorbeeld met resultaat 'afgebroken'); daarna kan het verzoek worden toegewezen.`);
      }
      tx.raw.prepare(`UPDATE rechten_verzoeken SET status = 'toegewezen', besluit_op = ?, besluit_door = ?, reden = ? WHERE id = ?`)
        .run(vandaag, tx.session.user.id, input.reden, r.id);
      createVoorstel(tx, meldingIds, 'verzoek', r.id, `verzoek ${r.id} van de cliënt (ontvangen ${r.ontvangen_op}, uiterlijk ${r.uiterlijk_op})`);
    }
    // rectificatie: granted here, carried out with rechten.rectificatie.
  }
  tx.raw.prepare(`UPDATE rechten_verzoeken SET status = ?, besluit_op = ?, besluit_door = ?, reden = ?, uitgevoerd_op = ? WHERE id = ?`)
    .run(status, vandaag, tx.session.user.id, input.reden, status === 'uitgevoerd' ? vandaag : null, r.id);
  logAccess(tx, { action: 'wijzigen', objectType: `verzoek-${r.soort}`, objectId: r.id, clientId: r.client_id, detail: `besluit: ${input.besluit}` });
  return toVerzoek(tx.raw, loadVerzoek(tx.raw, r.id));
}

const RECTIFIABLE = ['bsn', 'voornamen', 'voorletters', 'voorvoegsel', 'geslachtsnaam', 'partnerVoorvoegsel', 'partnerGeslachtsnaam',
  'naamgebruik', 'geslacht', 'geboortedatum', 'straat', 'huisnummer', 'huisletter', 'huisnummerToevoeging', 'postcode', 'woonplaats',
  'telefoon', 'email', 'wijk', 'geheimhouding', 'overleden', 'nietIngezetene', 'vertegenwoordigers'] as const;

/**
 * Carries out a rectification in one transaction: the change goes through the client module's
 * operation (with its own log entry), then the request records which fields changed — the field
 * names, never the values.
 */
export async function rectificeer(tx: TxContext, input: z.output<typeof RectificatieSchema>): Promise<{ verzoek: Verzoek; client: Client }> {
  const r = loadVerzoek(tx.raw, input.verzoekId);
  if (r.soort !== 'rectificatie') throw new LoketError('conflict', `Verzoek ${r.id} is geen verzoek om rectificatie.`);
  if (r.status === 'afgewezen' || r.status === 'uitgevoerd') throw new LoketError('conflict', `Verzoek ${r.id} is al ${r.status}.`);
  if (r.client_id !== input.client.id) throw new LoketError('invoer', `Verzoek ${r.id} hoort bij een andere cliënt.`, 'client.id');
  assertClientWritable(tx, r.client_id);
  const reps = (id: number) => JSON.stringify(tx.raw.prepare('SELECT soort, naam, adresregels, telefoon, email, ontvangt_post FROM representatives WHERE client_id = ? ORDER BY id').all(id));
  const before = { row: tx.raw.prepare('SELECT * FROM clients WHERE id = ?').get(r.client_id) as Record<string, unknown>, reps: reps(r.client_id) };
  const client = await updateClient(tx, input.client);
  const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const changed = RECTIFIABLE.filter((k) => {
    if (k === 'vertegenwoordigers') return reps(client.id) !== before.reps;
    const old = before.row[snake(k)];
    const cur = (client as unknown as Record<string, unknown>)[k];
    const norm = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v ?? null);
    return norm(old) !== norm(cur);
  });
  const wijziging = changed.length ? `gewijzigd: ${changed.join(', ')}` : 'geen velden gewijzigd';
  const vandaag = tx.today();
  tx.raw.prepare(`UPDATE rechten_verzoeken SET status = 'uitgevoerd', wijziging = ?, uitgevoerd_op = ?,
      besluit_op = COALESCE(besluit_op, ?), besluit_door = COALESCE(besluit_door, ?), reden = COALESCE(reden, 'rectificatie uitgevoerd')
    WHERE id = ?`).run(wijziging, vandaag, vandaag, tx.session.user.id, input.verzoekId);
  logAccess(tx, { action: 'wijzigen', objectType: 'verzoek-rectificatie', objectId: input.verzoekId, clientId: client.id, detail: wijziging });
  return { verzoek: toVerzoek(tx.raw, loadVerzoek(tx.raw, input.verzoekId)), client };
}

export async function heffBeperkingOp(tx: TxContext, input: z.output<typeof BeperkingOpheffenSchema>): Promise<Verzoek> {
  clientExists(tx.raw, input.clientId);
  if (!isBeperkt(tx.raw, input.clientId)) throw new LoketError('conflict', 'De verwerking van deze cliënt is niet beperkt.');
  tx.raw.prepare('UPDATE clients SET verwerking_beperkt = 0 WHERE id = ?').run(input.clientId);
  const vandaag = tx.today();
  const res = tx.raw.prepare(`INSERT INTO rechten_verzoeken (client_id, soort, ontvangen_op, uiterlijk_op, toelichting, status, besluit_op,
      besluit_door, reden, uitgevoerd_op, geregistreerd_door, created_at)
    VALUES (?, 'opheffing_beperking', ?, ?, NULL, 'uitgevoerd', ?, ?, ?, ?, ?, ?)`)
    .run(input.clientId, vandaag, vandaag, vandaag, tx.session.user.id, input.reden, vandaag, tx.session.user.id, nowIso());
  const id = Number(res.lastInsertRowid);
  logAccess(tx, { action: 'wijzigen', objectType: 'verzoek-beperking', objectId: id, clientId: input.clientId, detail: 'beperking opgeheven' });
  return toVerzoek(tx.raw, loadVerzoek(tx.raw, id));
}
