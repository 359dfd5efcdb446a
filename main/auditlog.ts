import { createHash } from 'node:crypto';
import { anchorProblems, checkAnchors, readAnchors, type AnchorCheck } from './anchor';
import { prepared, type RawDb } from './db/database';

/**
 * The access log (BIO2 8.15.01, NEN 7513): who did what to which object, with what result, from
 * where, on whose behalf, when. Append-only (triggers refuse UPDATE and DELETE) and hash-chained:
 * each entry's hash covers the previous entry's hash, so an edit made around the triggers (with a
 * hex editor, or by rebuilding the table) is found by `verifyLog`, which names the first broken entry.
 * Never log secrets, passwords, keys, or a BSN: objects are named by their internal id.
 */

export type LogAction =
  | 'lezen' | 'zoeken' | 'aanmaken' | 'wijzigen' | 'verwijderen' | 'afdrukken' | 'exporteren'
  | 'inloggen' | 'uitloggen' | 'beheer' | 'vernietigen';
export type LogResult = 'gelukt' | 'geweigerd' | 'mislukt';

export interface LogEntry {
  actor: string;
  onBehalfOf?: string | null;
  role?: string | null;
  action: LogAction;
  objectType: string;
  objectId?: string | number | null;
  clientId?: number | null;
  /** The clients a search or list showed: one entry names them all (NEN 7513 without an entry per client). */
  clientIds?: readonly number[] | null;
  result: LogResult;
  origin: string;
  detail?: string | null;
}

export interface StoredLogEntry {
  seq: number;
  ts: string;
  actor: string;
  on_behalf_of: string | null;
  role: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  client_id: number | null;
  result: string;
  origin: string;
  detail: string | null;
  prev_hash: string;
  hash: string;
  /** JSON array of client ids (migration 0023); null on entries that name no list. */
  client_ids: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hashed content of an entry: every field but the hash itself, in a fixed order. `client_ids`
 * came later (migration 0023) and is appended only when set, so entries written before keep their hash.
 */
export function entryHash(e: Omit<StoredLogEntry, 'hash'>): string {
  const fields: unknown[] = [
    e.seq, e.ts, e.actor, e.on_behalf_of, e.role, e.action, e.object_type, e.object_id,
    e.client_id, e.result, e.origin, e.detail, e.prev_hash,
  ];
  if (e.client_ids !== null && e.client_ids !== undefined) fields.push(e.client_ids);
  const canonical = JSON.stringify(fields);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** The two statements of an append, prepared once per connection (every call appends). */
const LAST_ENTRY = 'SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1';
const INSERT_ENTRY = `INSERT INTO access_log (seq, ts, actor, on_behalf_of, role, action, object_type, object_id,
    client_id, result, origin, detail, prev_hash, hash, client_ids)
  VALUES (@seq, @ts, @actor, @on_behalf_of, @role, @action, @object_type, @object_id,
    @client_id, @result, @origin, @detail, @prev_hash, @hash, @client_ids)`;

const INSERT_KEUZES = `INSERT OR IGNORE INTO access_log_keuzes (soort, waarde) VALUES ('actor', ?), ('action', ?)`;

/** Appends one entry. Call it inside the transaction of the change it records, so both land or neither. */
export function appendLog(raw: RawDb, entry: LogEntry, now: Date = new Date()): StoredLogEntry {
  const last = prepared(raw, LAST_ENTRY).get() as { seq: number; hash: string } | undefined;
  const row: Omit<StoredLogEntry, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    ts: now.toISOString(),
    actor: entry.actor,
    on_behalf_of: entry.onBehalfOf ?? null,
    role: entry.role ?? null,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId === undefined || entry.objectId === null ? null : String(entry.objectId),
    client_id: entry.clientId ?? null,
    result: entry.result,
    origin: entry.origin,
    detail: entry.detail ?? null,
    prev_hash: last?.hash ?? GENESIS_HASH,
    client_ids: entry.clientIds?.length ? JSON.stringify(entry.clientIds) : null,
  };
  const stored = { ...row, hash: entryHash(row) };
  prepared(raw, INSERT_ENTRY).run(stored);
  // The auditor's filter lists (migration 0024); a pair already there writes nothing.
  prepared(raw, INSERT_KEUZES).run(stored.actor, stored.action);
  return stored;
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  /** The first entry that does not match the chain, and why (Dutch, for the auditor). */
  firstBroken?: { seq: number; reason: string };
  /** The comparison with the anchors outside the database (absent when none was given). */
  anchors?: {
    files: string[];
    unreadable: string[];
    checked: number;
    lastAnchoredSeq: number;
    problems: string[];
    restores: AnchorCheck['restores'];
  };
}

/** The chain's head: the last entry's sequence number and hash (0 and the genesis hash when empty). */
export function chainHead(raw: RawDb): { seq: number; head: string } {
  const last = prepared(raw, LAST_ENTRY).get() as { seq: number; hash: string } | undefined;
  return { seq: last?.seq ?? 0, head: last?.hash ?? GENESIS_HASH };
}

/**
 * The chain check, then the comparison with every anchor that can be read: a chain rebuilt inside
 * the database passes the first and fails the second (a rewrite), a cut tail fails the second.
 */
export function verifyLogWithAnchors(raw: RawDb, chain: string, anchorFiles: string[]): VerifyResult {
  const result = verifyLog(raw);
  if (anchorFiles.length === 0) return result;
  const { records, unreadable } = readAnchors(anchorFiles, chain);
  const { seq: end } = chainHead(raw);
  const hashAt = raw.prepare('SELECT hash FROM access_log WHERE seq = ?').pluck();
  const check = checkAnchors(records, end, (seq) => hashAt.get(seq) as string | undefined);
  const problems = anchorProblems(check);
  if (unreadable.length) problems.push(`anker niet leesbaar: ${unreadable.join(', ')}`);
  if (records.length === 0 && !unreadable.length) problems.push('het anker bevat geen enkele regel voor deze database');
  const anchors = { files: anchorFiles, unreadable, checked: check.checked, lastAnchoredSeq: check.lastAnchoredSeq, problems, restores: check.restores };
  if (problems.length && result.ok) {
    const seq = check.rewrite?.seq ?? (check.truncation ? end + 1 : 0);
    return { ...result, ok: false, firstBroken: { seq, reason: problems.join('; ') }, anchors };
  }
  return { ...result, anchors };
}

export function verifyLog(raw: RawDb): VerifyResult {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (const e of raw.prepare('SELECT * FROM access_log ORDER BY seq').iterate() as Iterable<StoredLogEntry>) {
    entries++;
    if (e.seq !== expectedSeq) {
      return { ok: false, entries, firstBroken: { seq: expectedSeq, reason: `regel ${expectedSeq} ontbreekt (verwijderd)` } };
    }
    if (e.prev_hash !== prevHash) {
      return { ok: false, entries, firstBroken: { seq: e.seq, reason: `regel ${e.seq} verwijst niet naar de vorige regel` } };
    }
    const { hash, ...rest } = e;
    if (entryHash(rest) !== hash) {
      return { ok: false, entries, firstBroken: { seq: e.seq, reason: `regel ${e.seq} is gewijzigd na het vastleggen` } };
    }
    prevHash = hash;
    expectedSeq++;
  }
  return { ok: true, entries };
}
