// Worker thread for audit.verify: hashing every entry of a year's log takes minutes, and on the
// main thread it would stop every other call of the team server. It reads its own snapshot
// through a read-only connection of its own.
import { parentPort } from 'node:worker_threads';
import { LoketError } from '../shared/errors';
import { verifyLog, verifyLogWithAnchors } from './auditlog';
import { applyKey, openConnection, useNativeBinding } from './db/database';
import type { VerifyJob } from './auditlog-verify';

if (!parentPort) throw new Error('auditlog-verify-worker.ts must run as a worker thread');
const port = parentPort;

port.once('message', (job: VerifyJob) => {
  const key = Buffer.from(job.key);
  try {
    useNativeBinding(job.nativeBinding);
    const conn = openConnection(job.file, { readonly: true, fileMustExist: true });
    try {
      applyKey(conn, key);
      port.postMessage({ ok: true, value: job.chain ? verifyLogWithAnchors(conn, job.chain, job.anchorFiles) : verifyLog(conn) });
    } finally {
      conn.close();
    }
  } catch (e) {
    port.postMessage({ ok: false, error: e instanceof LoketError ? e.toJSON() : null });
  } finally {
    key.fill(0);
  }
});
