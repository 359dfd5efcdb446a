// printBatch: render many letters on worker threads (one per core by default), report progress
// in input order, cancel via AbortSignal, and name failing letters without stopping the others.
//
// Combined mode renders every letter on its own (so each letter's pages, "pagina 1 van 2" and
// PDF/A properties are exactly those of the single letter) and then concatenates the pages with
// our small pdfkit-output merger (pdf-merge.ts). A single pdfmake document with page breaks
// would be ~1.5x faster on one core, but it runs on one core only, needs a hack for per-letter
// page numbers, and one bad letter would break the whole document.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { TS_WORKER_ARGV, workerFile } from '../worker-file';
import { isoToUtcDate } from './format';
import { mergePdfs } from './pdf-merge';
import { failureReason } from './render';
import type { LetterDataInput as LetterData } from './types';
import type { RenderRequest, RenderResponse } from './worker';

export interface BatchItem {
  id: string;
  data: LetterData;
}
export interface BatchProgress {
  done: number;
  total: number;
  id: string;
  ok: boolean;
}
export interface BatchOptions {
  mode: 'combined' | 'separate';
  /** Worker threads; default: the number of cores, at most 4, never more than items. */
  workers?: number;
  onProgress?: (e: BatchProgress) => void;
  signal?: AbortSignal;
}
export interface BatchResult {
  combined?: Buffer;
  files?: { id: string; pdf: Buffer }[];
  failures: { id: string; reason: string }[];
}

/** Worker entry: LOKET_LETTER_WORKER when set (tests), else the letters worker beside this code (worker-file.ts). */
export function workerEntry(): { file: string; execArgv: string[] } {
  const override = process.env.LOKET_LETTER_WORKER;
  if (override) return { file: override, execArgv: override.endsWith('.ts') ? TS_WORKER_ARGV : [] };
  return workerFile('letters/worker', 'Brieven-worker');
}

export class BatchAbortedError extends Error {
  constructor() {
    super('Het printen is afgebroken.');
    this.name = 'AbortError';
  }
}

export function printBatch(items: BatchItem[], opts: BatchOptions): Promise<BatchResult> {
  const total = items.length;
  const nWorkers = Math.max(1, Math.min(opts.workers ?? Math.min(availableParallelism(), 4), total || 1));
  const results: (RenderResponse | undefined)[] = new Array(total);
  const { file, execArgv } = workerEntry();

  return new Promise<BatchResult>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new BatchAbortedError());
    if (total === 0) return resolve(finish([], opts.mode, []));

    let nextToSend = 0;
    let nextToReport = 0;
    let settled = false;
    const workers = new Set<Worker>();
    const inFlight = new Map<Worker, number[]>();

    const stopAll = () => {
      for (const w of workers) void w.terminate();
      workers.clear();
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      stopAll();
      reject(e);
    };
    const onAbort = () => fail(new BatchAbortedError());
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const report = () => {
      while (nextToReport < total && results[nextToReport]) {
        const r = results[nextToReport]!;
        nextToReport++;
        try {
          opts.onProgress?.({ done: nextToReport, total, id: r.id, ok: r.ok });
        } catch {
          // a throwing progress listener must not break printing
        }
      }
      if (nextToReport === total && !settled) {
        settled = true;
        stopAll();
        try {
          resolve(finish(items, opts.mode, results as RenderResponse[]));
        } catch (e) {
          reject(e);
        }
      }
    };

    const send = (w: Worker) => {
      if (settled || nextToSend >= total) return;
      const index = nextToSend++;
      inFlight.get(w)!.push(index);
      const item = items[index]!;
      const req: RenderRequest = { index, id: item.id, data: item.data };
      try {
        w.postMessage(req);
      } catch (e) {
        // e.g. data that cannot be cloned: fail this letter only
        inFlight.get(w)!.pop();
        results[index] = { index, id: item.id, ok: false, reason: failureReason(e) };
        report();
        send(w);
      }
    };

    const spawn = () => {
      const w = new Worker(file, { execArgv });
      let started = false;
      workers.add(w);
      inFlight.set(w, []);
      w.on('message', (res: RenderResponse) => {
        started = true;
        if (settled) return;
        const q = inFlight.get(w)!;
        q.splice(q.indexOf(res.index), 1);
        results[res.index] = res;
        send(w);
        report();
      });
      const died = (reason: string) => {
        if (settled || !workers.has(w)) return;
        workers.delete(w);
        for (const index of inFlight.get(w) ?? []) {
          results[index] = { index, id: items[index]!.id, ok: false, reason };
        }
        inFlight.delete(w);
        report();
        if (!settled && (nextToSend < total || workers.size === 0)) {
          if (nextToSend < total) {
            const nw = spawn();
            send(nw);
            send(nw);
          }
        }
      };
      w.on('error', (e) => {
        // A worker that cannot even start (missing file, broken bundle) fails the whole batch.
        if (!started) fail(new Error(`Het printproces kan niet starten: ${e.message}`));
        else died(`Fout in het printproces: ${e.message}`);
      });
      w.on('exit', (code) => died(`Printproces gestopt (code ${code})`));
      return w;
    };

    for (let i = 0; i < nWorkers; i++) {
      const w = spawn();
      // Two letters in flight per worker: the next one is queued while the result travels back.
      send(w);
      send(w);
    }
  });
}

function finish(items: BatchItem[], mode: BatchOptions['mode'], results: RenderResponse[]): BatchResult {
  const failures: BatchResult['failures'] = [];
  const ok: { id: string; pdf: Buffer; index: number }[] = [];
  for (const r of results) {
    if (r.ok) ok.push({ id: r.id, index: r.index, pdf: Buffer.from(r.pdf.buffer, r.pdf.byteOffset, r.pdf.byteLength) });
    else failures.push({ id: r.id, reason: r.reason });
  }
  if (mode === 'separate') return { files: ok.map(({ id, pdf }) => ({ id, pdf })), failures };
  if (ok.length === 0) return { failures };
  const first = items[ok[0]!.index]!.data;
  const combined = mergePdfs(
    ok.map((f) => f.pdf),
    {
      title: `Brieven Wmo (${ok.length})`,
      author: `Gemeente ${first.gemeente.naam}`,
      date: isoToUtcDate(first.datum),
    },
  );
  return { combined, failures };
}
