// Worker thread for the store's long jobs (store-jobs.ts): checking a year's access log or copying
// a large database takes seconds to minutes, and on the main thread it would stop every other call
// of the team server. Each job reads its own snapshot through a connection of its own.
import { chmodSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { LoketError } from '../shared/errors';
import { chainHead, verifyLog, verifyLogWithAnchors } from './auditlog';
import { openWithKey, useNativeBinding, type RawDb } from './db/database';
import { tableCounts } from './db/sqlite/schema';
import type { StoreJob } from './store-jobs';

if (!parentPort) throw new Error('store-worker.ts must run as a worker thread');
const port = parentPort;

function withConnection<T>(file: string, key: Buffer, fn: (conn: RawDb) => T): T {
  const conn = openWithKey(file, key);
  try {
    return fn(conn);
  } finally {
    conn.close();
  }
}

function run(job: StoreJob, key: Buffer): unknown {
  if (job.kind === 'verify') {
    return withConnection(job.file, key, (conn) => (job.chain ? verifyLogWithAnchors(conn, job.chain, job.anchorFiles) : verifyLog(conn)));
  }
  // A consistent snapshot, encrypted with the same key; then read back before anyone relies on it.
  withConnection(job.file, key, (conn) => conn.prepare('VACUUM INTO ?').run(job.out));
  chmodSync(job.out, 0o600);
  return withConnection(job.out, key, (copy) => {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new LoketError('opslag', `De back-up ${job.out} is beschadigd (${String(integrity)}). Probeer het opnieuw.`);
    return { counts: tableCounts(copy), head: chainHead(copy) };
  });
}

port.once('message', (job: StoreJob) => {
  const key = Buffer.from(job.key);
  try {
    useNativeBinding(job.nativeBinding);
    port.postMessage({ ok: true, value: run(job, key) });
  } catch (e) {
    // An unexpected failure (disk full, a missing module build) travels as its message, for the beheerder.
    port.postMessage({ ok: false, error: e instanceof LoketError ? e.toJSON() : null, cause: e instanceof Error ? e.message : String(e) });
  } finally {
    key.fill(0);
  }
});
