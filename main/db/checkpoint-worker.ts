// The WAL checkpointer of a busy server, on a thread and connection of its own (see
// checkpointer.ts): copies committed pages from the WAL into the database file while the main
// connection keeps committing, so no desk's call waits for a checkpoint.
import { parentPort, workerData } from 'node:worker_threads';
import { applyKey, openConnection, useNativeBinding } from './database';

interface Input { file: string; key: string; nativeBinding?: string; everyMs: number }

const input = workerData as Input;
useNativeBinding(input.nativeBinding);
const conn = openConnection(input.file, { fileMustExist: true });
applyKey(conn, Buffer.from(input.key, 'hex'));
// A checkpoint is durable: the database file is fsynced before the WAL may be reused.
conn.pragma('synchronous = FULL');

// PASSIVE never waits for or blocks the writer: it copies what no reader still needs, and once all
// is copied the writer starts the WAL over from its beginning.
const step = () => {
  try {
    conn.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another checkpoint, a backup): the next round tries again.
  }
};
const timer = setInterval(step, input.everyMs);
parentPort!.on('message', (m: string) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  conn.close();
  parentPort!.postMessage('stopped');
});
