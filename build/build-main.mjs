// Bundles the Node side (Electron main, preload, the loket CLI, the letter worker) into dist/.
// Dependencies stay external: they ship in node_modules (native SQLCipher module unpacked from asar).
import { build } from 'esbuild';
import { cpSync, existsSync, rmSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, outbase: '.', outdir: 'dist', logLevel: 'warning' };

rmSync('dist/main', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: ['main/electron/main.ts', 'main/cli/loket.ts', 'main/letters/worker.ts', 'main/export/iwmo/parse-worker.ts', 'main/store-worker.ts'].filter((f) => existsSync(f)),
  packages: 'external',
});
// The sandboxed preload may only require 'electron': everything else is bundled in.
if (existsSync('main/electron/preload.ts')) {
  await build({ ...common, entryPoints: ['main/electron/preload.ts'], external: ['electron'] });
}
if (existsSync('main/letters/fonts')) cpSync('main/letters/fonts', 'dist/main/letters/fonts', { recursive: true });
