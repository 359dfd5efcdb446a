import { Worker } from 'node:worker_threads';
import { LoketError, type LoketErrorCode } from '../../../shared/errors';
import type { VerzoekOmToewijzing } from './verzoek';
import { workerFile } from '../../worker-file';

/**
 * Parses a verzoek om toewijzing on a worker thread of its own, with a memory cap, a time cap and
 * the size and element limits of limits.ts: the main process stays free for every other call.
 */
export function parseVerzoekInWorker(xml: string, timeoutMs = 20_000): Promise<VerzoekOmToewijzing> {
  const { file, execArgv } = workerFile('export/iwmo/parse-worker', 'iWmo-worker');
  const worker = new Worker(file, { execArgv, resourceLimits: { maxOldGenerationSizeMb: 256, stackSizeMb: 4 } });
  let timer: NodeJS.Timeout | undefined;
  return new Promise<VerzoekOmToewijzing>((resolve, reject) => {
    const fail = (message: string) => reject(new LoketError('invoer', message));
    timer = setTimeout(() => fail('Het lezen van het bericht duurde te lang en is gestopt; het bestand is te groot of klopt niet.'), timeoutMs);
    worker.once('message', (m: { ok: true; value: VerzoekOmToewijzing } | { ok: false; error: { code: string; message: string; field?: string } | null }) => {
      if (m.ok) resolve(m.value);
      else if (m.error) reject(new LoketError(m.error.code as LoketErrorCode, m.error.message, m.error.field));
      else fail('Het bericht kon niet worden gelezen; vraag de aanbieder om een nieuw bestand.');
    });
    worker.once('error', () => fail('Het bericht kon niet worden gelezen (te groot of te diep genest); vraag de aanbieder om een nieuw bestand.'));
    worker.once('exit', () => fail('Het lezen van het bericht is afgebroken.'));
    worker.postMessage(xml);
  }).finally(() => {
    clearTimeout(timer); // else it keeps the process alive after the message was read
    void worker.terminate();
  });
}
