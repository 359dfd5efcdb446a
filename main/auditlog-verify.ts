import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { LoketError, type LoketErrorCode } from '../shared/errors';
import type { VerifyResult } from './auditlog';
import { nativeBindingInUse } from './db/database';

/** What the worker needs: the file, its key (copied, zeroed after), the chain id and the anchors. */
export interface VerifyJob {
  file: string;
  key: Uint8Array;
  chain: string | null;
  anchorFiles: string[];
  nativeBinding?: string;
}

/** The worker's file: the .ts source (through tsx) in tests, the bundled .js in dist/. */
function workerFile(): { file: string; execArgv: string[] } {
  if (__filename.endsWith('.ts')) return { file: join(__dirname, 'auditlog-verify-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
  const candidates = [join(__dirname, 'auditlog-verify-worker.js'), join(__dirname, '..', 'auditlog-verify-worker.js')];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`controle-worker niet gevonden naast ${__dirname}`);
  return { file: found, execArgv: [] };
}

/**
 * The access log's chain (and anchors, when a chain id is given) checked on a worker thread with a
 * read-only connection of its own: the caller's event loop keeps serving every other call.
 */
export function verifyLogInWorker(file: string, key: Buffer, chain: string | null, anchorFiles: string[]): Promise<VerifyResult> {
  const { file: script, execArgv } = workerFile();
  const worker = new Worker(script, { execArgv });
  return new Promise<VerifyResult>((resolve, reject) => {
    const fail = () => reject(new LoketError('opslag', 'De controle van het toegangslog is afgebroken. Probeer het opnieuw; lukt het weer niet, meld het de beheerder.'));
    worker.once('message', (m: { ok: true; value: VerifyResult } | { ok: false; error: { code: string; message: string; field?: string } | null }) => {
      if (m.ok) resolve(m.value);
      else if (m.error) reject(new LoketError(m.error.code as LoketErrorCode, m.error.message, m.error.field));
      else fail();
    });
    worker.once('error', fail);
    worker.once('exit', fail);
    const job: VerifyJob = { file, key: new Uint8Array(key), chain, anchorFiles, ...(nativeBindingInUse() ? { nativeBinding: nativeBindingInUse() } : {}) };
    worker.postMessage(job);
    job.key.fill(0);
  }).finally(() => void worker.terminate());
}
