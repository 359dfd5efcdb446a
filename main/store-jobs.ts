import { Worker } from 'node:worker_threads';
import { LoketError, type LoketErrorCode } from '../shared/errors';
import type { VerifyResult } from './auditlog';
import { nativeBindingInUse } from './db/database';
import { workerFile } from './worker-file';

/**
 * The store's long jobs, each on a worker thread with a connection of its own (store-worker.ts),
 * so the caller's event loop keeps serving every other call meanwhile. The worker gets a copy of
 * the key for that one job and zeroes it after.
 */
export type StoreJob = { file: string; key: Uint8Array; nativeBinding?: string } & (
  | { kind: 'verify'; chain: string | null; anchorFiles: string[] }
  | { kind: 'backup'; out: string });

function runInWorker<T>(job: StoreJob, aborted: string): Promise<T> {
  const { file, execArgv } = workerFile('store-worker', 'store-worker');
  const worker = new Worker(file, { execArgv });
  return new Promise<T>((resolve, reject) => {
    const fail = (cause?: string) => reject(new LoketError('opslag', cause ? `${aborted} (oorzaak: ${cause})` : aborted));
    worker.once('message', (m: { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } | null; cause: string }) => {
      if (m.ok) resolve(m.value);
      else if (m.error) reject(new LoketError(m.error.code as LoketErrorCode, m.error.message, m.error.field));
      else fail(m.cause);
    });
    worker.once('error', (e) => fail(e.message));
    worker.once('exit', () => fail());
    const binding = nativeBindingInUse();
    worker.postMessage({ ...job, ...(binding ? { nativeBinding: binding } : {}) });
    job.key.fill(0);
  }).finally(() => void worker.terminate());
}

/** The access log's chain, and the anchors when a chain id is given (a year's log takes minutes). */
export function verifyLogInWorker(file: string, key: Buffer, chain: string | null, anchorFiles: string[]): Promise<VerifyResult> {
  return runInWorker({ kind: 'verify', file, key: new Uint8Array(key), chain, anchorFiles },
    'De controle van het toegangslog is afgebroken. Probeer het opnieuw; lukt het weer niet, meld het de beheerder.');
}

/** A copy of the database (VACUUM INTO `out`, mode 0600), read back: integrity, row counts and the log's head. */
export function backupCopyInWorker(file: string, key: Buffer, out: string): Promise<{ counts: Record<string, number>; head: { seq: number; head: string } }> {
  return runInWorker({ kind: 'backup', file, key: new Uint8Array(key), out },
    `De back-up naar ${out} is afgebroken. Controleer of er genoeg ruimte is en probeer het opnieuw.`);
}
