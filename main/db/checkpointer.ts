import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { nativeBindingInUse, type Db } from './database';

/** The worker's file: the .ts source (through tsx) in tests, the bundled .js in dist/. */
function workerFile(): { file: string; execArgv: string[] } {
  if (__filename.endsWith('.ts')) return { file: join(__dirname, 'checkpoint-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
  const candidates = [join(__dirname, 'checkpoint-worker.js'), join(__dirname, '..', 'db', 'checkpoint-worker.js')];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`checkpoint-worker niet gevonden naast ${__dirname}`);
  return { file: found, execArgv: [] };
}

/** How often the worker copies the WAL into the database file. */
export const CHECKPOINT_EVERY_MS = 250;

/**
 * Moves the work of WAL checkpoints off the connection that serves calls (the team server). With
 * only SQLite's automatic checkpoint, the commit that crosses the threshold copies thousands of
 * pages, decrypting and encrypting each, while every desk waits (stalls up to 90 ms on the server
 * bench at 50 desks). Here a worker thread with its own connection copies committed pages every
 * CHECKPOINT_EVERY_MS on the other core. The automatic checkpoint stays on: under a steady stream
 * of commits the worker never finds the WAL quiet enough to finish, so the WAL could only be
 * started over by the serving connection, whose checkpoint now copies just the last few pages.
 * Returns the stop function, which the Db's close awaits before its final checkpoint.
 */
export function checkpointInBackground(db: Db, key: Buffer): () => Promise<void> {
  const { file, execArgv } = workerFile();
  const worker = new Worker(file, {
    execArgv,
    workerData: { file: db.file, key: key.toString('hex'), nativeBinding: nativeBindingInUse(), everyMs: CHECKPOINT_EVERY_MS },
  });
  let stopped: Promise<void> | null = null;
  return () => (stopped ??= new Promise<void>((resolve) => {
    const done = () => resolve();
    worker.once('message', () => void worker.terminate().then(done, done));
    worker.once('exit', done);
    worker.postMessage('stop');
  }));
}
