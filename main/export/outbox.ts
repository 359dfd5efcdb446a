/**
 * The export outbox: export jobs in the encrypted database (table export_outbox), run by
 * `runOutbox`. One job per verzonden beschikking and kind:
 *   - 'zgw':  the case to the central zaaksysteem (zaak, rol, statussen, documents, besluit,
 *             resultaat, eindstatus), resumable step by step (caseExport.ts);
 *   - 'iwmo': the WMO301/JW301 toewijzingsbericht(en) for its ZIN indicaties (iwmoExport.ts).
 *
 * Crash safety: each ZGW step's URL is saved in its own transaction the moment the step
 * succeeds, so a crash, abort or timeout resumes at the next step. A running job holds a lease
 * (next_attempt_at = lease end, renewed on every step); a job left 'bezig' by a crashed process
 * is taken up again by the next run once its lease has passed, or at once when this process
 * itself ran it (an aborted runner in this process leaves nothing behind).
 *
 * Errors: a refusal by the zaaksysteem (4xx) → status 'fout' with the server's Dutch message and
 * field, for a person to fix and retry (export.retry). Unreachable/5xx/timeout → back to 'wachtend'
 * with exponential backoff and jitter (next_attempt_at). Every run of a job writes the access log
 * (action 'exporteren', with the client id).
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { LoketError } from '../../shared/errors';
import { todayIso } from '../../shared/today';
import { appendLog } from '../auditlog';
import type { Db } from '../db/database';
import {
  AanvraagEntity, BeschikkingEntity, BeschikkingIndicatieEntity, IndicatieEntity, MeldingEntity, OutboxEntity, type BeschikkingRow, type OutboxRow,
} from '../db/entities';
import { iwmoConfigProblems, readExportConfig, scrubNumbers, zgwConfigProblems, type ExportConfig } from './config';
import { runIwmoJob } from './iwmoExport';
import { createZgwClient, ZgwClientError, ZgwTransientError, type RetryOptions } from './zgw/client';
import { caseExportStepKeys, runCaseExport, type StepState } from './zgw/caseExport';
import { buildZgwPlan } from './zgwPlan';
import { isBeperkt } from '../services/beperking';

export const EXPORT_BEPERKT = 'De verwerking van de gegevens van deze cliënt is beperkt (AVG art. 18): de export is gestopt. ' +
  'Bied de opdracht opnieuw aan (export.retry) zodra de beperking is opgeheven.';

export type { StepState };
export type OutboxKind = OutboxRow['kind'];
export type OutboxStatus = OutboxRow['status'];

/** Who runs the export: the logged-in person (goes into the JWT and the access log). */
export interface OutboxActor {
  user: { id: number; username: string; displayName: string; roles: string[] };
  origin: string;
}

export interface RunOutboxOptions {
  now?: () => Date;
  /** Today's Dutch calendar date (iWmo Dagtekening); default from `now`. */
  today?: () => string;
  signal?: AbortSignal;
  maxJobs?: number;
  kinds?: OutboxKind[];
  /** In-run retries per ZGW step (before the job is put back with backoff). Default 3 attempts. */
  retry?: RetryOptions;
  /** Per ZGW request. Default 30 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** How long a running job holds its lease. Default 2 minutes. */
  leaseMs?: number;
  /** Backoff between runs of a job after a transient error. */
  backoff?: { baseMs?: number; maxMs?: number; jitter?: number; random?: () => number };
  /** Called after each saved ZGW step (tests, progress). */
  onStepSaved?: (jobId: number, key: string) => void;
}

export interface JobOutcome {
  id: number;
  kind: OutboxKind;
  subjectId: number;
  status: OutboxStatus;
  error?: { message: string; field?: string };
}

export interface RunOutboxResult {
  taken: number;
  klaar: number;
  wachtend: number;
  fout: number;
  aborted: boolean;
  jobs: JobOutcome[];
  /** Why a kind did not run (not configured). */
  skipped: { kind: OutboxKind; reason: string }[];
}

export const MAX_ATTEMPTS = 20;
const DEFAULT_LEASE_MS = 120_000;

/** Jobs this process is running now, per database file: never taken over by a second runner here. */
const active = new Set<string>();

const activeKey = (db: Db, id: number) => `${db.file}#${id}`;

// ---------------------------------------------------------------- enqueue

interface EnqueueTx { m: EntityManager; session: { user: { id: number } } }

/**
 * The one rule of what is due for export, per kind: ZGW takes a verzonden beschikking (its letter
 * goes into the zaak); iWmo takes a vastgestelde or verzonden beschikking with an approved ZIN
 * toewijzing under the Wmo or the Jeugdwet, its own or one of the decision it changes (a wijziging
 * to a PGB ends those; PGB never has a toewijzing of its own, OP043). Each selects the due
 * beschikkingen as `b` (their id as `id`); callers add their own conditions.
 */
const DUE: Record<OutboxKind, (m: EntityManager) => SelectQueryBuilder<BeschikkingRow>> = {
  zgw: (m) => m.createQueryBuilder(BeschikkingEntity, 'b').select('b.id', 'id')
    .where(`b.status = 'verzonden'`),
  iwmo: (m) => m.createQueryBuilder(BeschikkingEntity, 'b').select('b.id', 'id').distinct(true)
    .innerJoin(BeschikkingIndicatieEntity.options.name, 'bi', 'bi.beschikkingId = b.id OR bi.beschikkingId = b.vervangtId')
    .innerJoin(IndicatieEntity.options.name, 'i', 'i.id = bi.indicatieId')
    .where(`b.status IN ('vastgesteld', 'verzonden') AND i.leveringsvorm = 'ZIN' AND i.toewijzingNummer IS NOT NULL`)
    .andWhere(`i.wet IN ('wmo', 'jeugdwet')`),
};

/** Due beschikkingen of a kind whose job is missing or still open, with that job's id: what a run would take. */
export async function dueForExport(m: EntityManager, kind: OutboxKind): Promise<{ job: number | null; beschikkingId: number }[]> {
  const rows = await DUE[kind](m)
    .leftJoin(OutboxEntity.options.name, 'o', 'o.kind = :kind AND o.subjectId = b.id', { kind })
    .addSelect('o.id', 'job')
    .andWhere(`(o.id IS NULL OR o.status IN ('wachtend', 'bezig'))`)
    .orderBy('b.id')
    .getRawMany<{ id: number; job: number | null }>();
  return rows.map((r) => ({ job: r.job, beschikkingId: r.id }));
}

async function enqueue(m: EntityManager, kind: OutboxKind, subjectId: number, createdBy: number, now: Date): Promise<number> {
  const existing = await m.findOneBy(OutboxEntity, { kind, subjectId });
  if (existing) return existing.id;
  const iso = now.toISOString();
  const res = await m.insert(OutboxEntity, {
    kind, subjectId, status: 'wachtend', steps: {}, attempts: 0, nextAttemptAt: null, lastError: null,
    createdBy, createdAt: iso, updatedAt: iso,
  });
  return res.identifiers[0]!.id as number;
}

/**
 * Queues every export a beschikking is due for whose kind is configured (idempotent: one job per
 * beschikking and kind). Call inside the transaction that sends it, so a job is never lost.
 */
export async function enqueueDueExports(tx: EnqueueTx, beschikkingId: number, now: Date = new Date()): Promise<void> {
  const cfg = await readExportConfig(tx.m);
  const configured: Record<OutboxKind, boolean> = { zgw: zgwConfigProblems(cfg).length === 0, iwmo: iwmoConfigProblems(cfg).length === 0 };
  for (const kind of ['zgw', 'iwmo'] as const) {
    if (!configured[kind]) continue;
    if (await DUE[kind](tx.m).andWhere('b.id = :beschikkingId', { beschikkingId }).getRawOne()) {
      await enqueue(tx.m, kind, beschikkingId, tx.session.user.id, now);
    }
  }
}

/** Due beschikkingen without a job get one (the safety net beside enqueueing at sending). */
async function enqueueMissing(m: EntityManager, kind: OutboxKind, createdBy: number, now: Date): Promise<number> {
  const rows = await DUE[kind](m)
    .leftJoin(OutboxEntity.options.name, 'o', 'o.kind = :kind AND o.subjectId = b.id', { kind })
    .andWhere('o.id IS NULL')
    .orderBy('b.id')
    .getRawMany<{ id: number }>();
  for (const r of rows) await enqueue(m, kind, r.id, createdBy, now);
  return rows.length;
}

// ---------------------------------------------------------------- errors

export interface StoredError { message: string; field?: string; status?: number }

export function parseStoredError(s: string | null): StoredError | null {
  if (!s) return null;
  try {
    const v = JSON.parse(s) as StoredError;
    if (typeof v?.message === 'string') return v;
  } catch { /* plain text */ }
  return { message: s };
}

function storeError(e: StoredError): string {
  return JSON.stringify({ ...e, message: scrubNumbers(e.message) });
}

const INTERN = 'De export liep vast op een onverwachte fout. Probeer het opnieuw; meld het aan de beheerder als het blijft gebeuren.';

// ---------------------------------------------------------------- runner

export async function runOutbox(db: Db, actor: OutboxActor, opts: RunOutboxOptions = {}): Promise<RunOutboxResult> {
  const now = opts.now ?? (() => new Date());
  const today = opts.today ?? (() => todayIso(now()));
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const kinds = opts.kinds ?? ['zgw', 'iwmo'];
  const maxJobs = opts.maxJobs ?? 50;
  const result: RunOutboxResult = { taken: 0, klaar: 0, wachtend: 0, fout: 0, aborted: false, jobs: [], skipped: [] };

  const cfg = await db.write((m) => readExportConfig(m));
  const runnable: OutboxKind[] = [];
  for (const kind of kinds) {
    const problems = kind === 'zgw' ? zgwConfigProblems(cfg) : iwmoConfigProblems(cfg);
    if (problems.length) result.skipped.push({ kind, reason: `Niet ingesteld: ${problems.join(', ')}. Vraag de beheerder dit in te vullen bij Instellingen › Koppelingen.` });
    else runnable.push(kind);
  }
  if (!runnable.length) return result;

  // Crash recovery and the safety net, in one transaction.
  await db.write(async (m) => {
    const t = now();
    const stale = await m.find(OutboxEntity, { where: { status: 'bezig' } });
    for (const j of stale) {
      if (active.has(activeKey(db, j.id))) continue;
      if (j.nextAttemptAt && Date.parse(j.nextAttemptAt) > t.getTime()) continue; // lease of a live runner elsewhere
      await m.update(OutboxEntity, { id: j.id }, { status: 'wachtend', nextAttemptAt: null, updatedAt: t.toISOString() });
    }
    for (const kind of runnable) await enqueueMissing(m, kind, actor.user.id, t);
  });

  const tried = new Set<number>();
  while (result.taken < maxJobs) {
    if (opts.signal?.aborted) { result.aborted = true; break; }
    const job = await claimNext(db, runnable, tried, now(), leaseMs);
    if (!job) break;
    tried.add(job.id);
    result.taken++;
    active.add(activeKey(db, job.id));
    let outcome: JobOutcome;
    try {
      outcome = await runJob(db, actor, job, cfg, { ...opts, now, today, leaseMs });
    } finally {
      active.delete(activeKey(db, job.id));
    }
    if (outcome.status === 'bezig') { result.aborted = true; break; }
    result.jobs.push(outcome);
    if (outcome.status === 'klaar') result.klaar++;
    else if (outcome.status === 'fout') result.fout++;
    else result.wachtend++;
  }
  return result;
}

async function claimNext(db: Db, kinds: OutboxKind[], tried: Set<number>, t: Date, leaseMs: number): Promise<OutboxRow | null> {
  return db.write(async (m) => {
    const iso = t.toISOString();
    const rows = await m.createQueryBuilder(OutboxEntity, 'o').select('o.id', 'id')
      .where(`o.status = 'wachtend' AND o.kind IN (:...kinds)`, { kinds })
      .andWhere('(o.nextAttemptAt IS NULL OR o.nextAttemptAt <= :iso)', { iso })
      .orderBy('COALESCE(o.nextAttemptAt, o.createdAt)').addOrderBy('o.id')
      .limit(50)
      .getRawMany<{ id: number }>();
    const next = rows.find((r) => !tried.has(r.id));
    if (!next) return null;
    await m.update(OutboxEntity, { id: next.id }, { status: 'bezig', nextAttemptAt: new Date(t.getTime() + leaseMs).toISOString(), updatedAt: iso });
    return m.findOneByOrFail(OutboxEntity, { id: next.id });
  });
}

type Resolved = RunOutboxOptions & { now: () => Date; today: () => string; leaseMs: number };

function log(db: Db, actor: OutboxActor, e: { objectType: string; objectId: number; clientId: number | null; result: 'gelukt' | 'mislukt' | 'geweigerd'; detail: string }) {
  appendLog(db.raw, {
    actor: actor.user.username, role: actor.user.roles.join(','), action: 'exporteren', origin: actor.origin,
    objectType: e.objectType, objectId: e.objectId, clientId: e.clientId, result: e.result, detail: scrubNumbers(e.detail),
  });
}

async function clientIdOfBeschikking(m: EntityManager, beschikkingId: number): Promise<number | null> {
  const r = await m.createQueryBuilder(BeschikkingEntity, 'b')
    .innerJoin(AanvraagEntity.options.name, 'a', 'a.id = b.aanvraagId')
    .innerJoin(MeldingEntity.options.name, 'm', 'm.id = a.meldingId')
    .select('m.clientId', 'id')
    .where('b.id = :beschikkingId', { beschikkingId })
    .getRawOne<{ id: number }>();
  return r?.id ?? null;
}

async function runJob(db: Db, actor: OutboxActor, job: OutboxRow, cfg: ExportConfig, opts: Resolved): Promise<JobOutcome> {
  const objectType = job.kind === 'zgw' ? 'zgw-zaak' : 'iwmo-toewijzing';
  let clientId: number | null = null;
  try {
    let detail: string;
    // AVG art. 18: while processing is restricted, nothing about the client leaves the desk.
    const beperkt = await db.write(async (m) => {
      clientId = await clientIdOfBeschikking(m, job.subjectId);
      return clientId !== null && await isBeperkt(m, clientId);
    });
    if (beperkt) throw new LoketError('geen_toegang', EXPORT_BEPERKT);
    if (job.kind === 'zgw') {
      const built = await db.write((m) => buildZgwPlan(m, job.subjectId, cfg));
      clientId = built.clientId;
      const client = createZgwClient({
        zakenUrl: cfg.export.zakenUrl, documentenUrl: cfg.export.documentenUrl, besluitenUrl: cfg.export.besluitenUrl,
        clientId: cfg.export.clientId, secret: cfg.secret, user: { id: actor.user.username, representation: actor.user.displayName },
        timeoutMs: opts.timeoutMs, fetch: opts.fetch, // the JWT's iat uses the real clock, whatever `now` the outbox runs on
        auditToelichting: `Sociaal Loket: export beschikking ${built.kenmerk}`,
      });
      const res = await runCaseExport(built.plan, job.steps, {
        client,
        retry: { attempts: 3, baseMs: 500, maxMs: 5_000, ...opts.retry, signal: opts.signal },
        saveStep: async (key, url) => {
          await db.write(async (m) => {
            const row = await m.findOneByOrFail(OutboxEntity, { id: job.id });
            const t = opts.now();
            await m.update(OutboxEntity, { id: job.id }, {
              steps: { ...row.steps, [key]: url }, nextAttemptAt: new Date(t.getTime() + opts.leaseMs).toISOString(), updatedAt: t.toISOString(),
            });
          });
          opts.onStepSaved?.(job.id, key);
          opts.signal?.throwIfAborted();
        },
      });
      const made = res.steps.filter((s) => s.outcome !== 'skipped').length;
      detail = `beschikking ${built.kenmerk} naar het zaaksysteem: ${made} van ${caseExportStepKeys(built.plan).length} stappen in deze ronde, zaak ${res.zaakUrl}`;
    } else {
      const r = await runIwmoJob(db, job, cfg, opts.today(), opts.now);
      clientId = r.clientId;
      detail = r.detail;
    }
    await db.write(async (m) => {
      await m.update(OutboxEntity, { id: job.id }, { status: 'klaar', lastError: null, nextAttemptAt: null, updatedAt: opts.now().toISOString() });
      log(db, actor, { objectType, objectId: job.subjectId, clientId, result: 'gelukt', detail });
    });
    return { id: job.id, kind: job.kind, subjectId: job.subjectId, status: 'klaar' };
  } catch (e) {
    if (opts.signal?.aborted) {
      // Graceful stop: give the job back; the steps saved so far stay.
      await db.write(async (m) => {
        await m.update(OutboxEntity, { id: job.id }, { status: 'wachtend', nextAttemptAt: null, updatedAt: opts.now().toISOString() });
      });
      return { id: job.id, kind: job.kind, subjectId: job.subjectId, status: 'bezig' };
    }
    return db.write(async (m) => {
      clientId ??= await clientIdOfBeschikking(m, job.subjectId);
      const t = opts.now();
      const attempts = job.attempts + 1;
      let status: OutboxStatus;
      let error: StoredError;
      let next: string | null = null;
      if (e instanceof ZgwTransientError && attempts < MAX_ATTEMPTS) {
        status = 'wachtend';
        error = { message: e.message };
        const b = opts.backoff ?? {};
        const exp = Math.min(b.maxMs ?? 3_600_000, (b.baseMs ?? 30_000) * 2 ** (attempts - 1));
        const delay = Math.round(exp * (1 - (b.jitter ?? 0.5) * (b.random ?? Math.random)()));
        next = new Date(t.getTime() + delay).toISOString();
      } else if (e instanceof ZgwClientError) {
        status = 'fout';
        error = { message: e.message, field: e.field, status: e.status };
      } else if (e instanceof LoketError) {
        status = 'fout';
        error = { message: e instanceof ZgwTransientError ? `${e.message} Na ${attempts} pogingen is de export gestopt; probeer het later opnieuw.` : e.message, field: e.field };
      } else {
        status = 'fout';
        error = { message: INTERN };
      }
      await m.update(OutboxEntity, { id: job.id }, { status, attempts, nextAttemptAt: next, lastError: storeError(error), updatedAt: t.toISOString() });
      const refused = e instanceof LoketError && e.code === 'geen_toegang';
      log(db, actor, { objectType, objectId: job.subjectId, clientId, result: refused ? 'geweigerd' : 'mislukt', detail: `${status === 'fout' ? 'gestopt' : 'later opnieuw'}: ${error.message}` });
      return { id: job.id, kind: job.kind, subjectId: job.subjectId, status, error: { message: scrubNumbers(error.message), ...(error.field ? { field: error.field } : {}) } };
    });
  }
}

// ---------------------------------------------------------------- status, retry

export interface JobView {
  id: number;
  kind: OutboxKind;
  subjectId: number;
  kenmerk: string | null;
  clientId: number | null;
  status: OutboxStatus;
  attempts: number;
  stepsDone: number;
  nextAttemptAt: string | null;
  lastError: { message: string; field?: string } | null;
  createdAt: string;
  updatedAt: string;
}

export async function listJobs(m: EntityManager, filter: { status?: OutboxStatus; kind?: OutboxKind; limit: number }): Promise<JobView[]> {
  const where: Record<string, string> = {};
  if (filter.status) where.status = filter.status;
  if (filter.kind) where.kind = filter.kind;
  const rows = await m.find(OutboxEntity, { where, order: { id: 'DESC' }, take: filter.limit });
  const out: JobView[] = [];
  for (const r of rows) {
    const b = await m.findOneBy(BeschikkingEntity, { id: r.subjectId });
    const err = parseStoredError(r.lastError);
    out.push({
      id: r.id, kind: r.kind, subjectId: r.subjectId, kenmerk: b?.kenmerk ?? null, clientId: await clientIdOfBeschikking(m, r.subjectId),
      status: r.status, attempts: r.attempts, stepsDone: Object.keys(r.steps ?? {}).length, nextAttemptAt: r.nextAttemptAt,
      lastError: err ? { message: scrubNumbers(err.message), ...(err.field ? { field: err.field } : {}) } : null,
      createdAt: r.createdAt, updatedAt: r.updatedAt,
    });
  }
  return out;
}

/** A job that stopped ('fout') goes back to 'wachtend' (after the cause was fixed); its saved steps stay. */
export async function retryJob(m: EntityManager, id: number, now: Date = new Date()): Promise<OutboxRow> {
  const j = await m.findOneBy(OutboxEntity, { id });
  if (!j) throw new LoketError('niet_gevonden', `Exportopdracht ${id} bestaat niet.`);
  if (j.status !== 'fout') {
    throw new LoketError('conflict', `Exportopdracht ${id} staat op '${j.status}'; alleen een opdracht met een fout kan opnieuw worden aangeboden.`);
  }
  await m.update(OutboxEntity, { id }, { status: 'wachtend', attempts: 0, nextAttemptAt: null, updatedAt: now.toISOString() });
  return m.findOneByOrFail(OutboxEntity, { id });
}
