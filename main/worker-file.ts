import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Node 20 does not apply `--import tsx` hooks to a worker's own .ts entry ("Unknown file
 * extension"); tsx's CommonJS hook via --require does work (this package is CommonJS).
 */
export const TS_WORKER_ARGV = ['--require', 'tsx/cjs'];

/**
 * A worker thread's entry, named by its path under main/ without extension (`letters/worker`):
 * the .ts source through tsx in tests and in a checkout without a build, else the built .js.
 * Bundled, this code sits in dist/main/cli/ or dist/main/electron/ and the entry in dist/main/;
 * compiled file by file, beside it.
 */
export function workerFile(entry: string, label: string): { file: string; execArgv: string[] } {
  if (__filename.endsWith('.ts')) return { file: join(__dirname, `${entry}.ts`), execArgv: TS_WORKER_ARGV };
  for (const f of [join(__dirname, `${entry}.js`), join(__dirname, '..', `${entry}.js`)]) {
    if (existsSync(f)) return { file: f, execArgv: [] };
  }
  throw new Error(`${label} niet gevonden naast ${__dirname}`);
}
