#!/usr/bin/env node
'use strict';
// The `loket` command: runs the built CLI (dist/main/cli/loket.js) or, in a checkout without a
// build, main/cli/loket.ts through tsx. Arguments, stdio and the exit code pass straight through.
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '..');
const built = path.join(root, 'dist', 'main', 'cli', 'loket.js');
const source = path.join(root, 'main', 'cli', 'loket.ts');
const args = process.argv.slice(2);

let nodeArgs;
if (existsSync(built)) {
  nodeArgs = [built, ...args];
} else if (existsSync(source)) {
  let tsx;
  try {
    // Resolved from this package, so `loket` works from any working directory.
    tsx = pathToFileURL(require.resolve('tsx', { paths: [root] })).href;
  } catch {
    console.error('tsx ontbreekt en de CLI is niet gebouwd (tsx missing, CLI not built): voer `npm run build:main` uit / run `npm run build:main`.');
    process.exit(1);
  }
  nodeArgs = ['--import', tsx, source, ...args];
} else {
  console.error('De loket-CLI ontbreekt (main/cli/loket.ts not found).');
  process.exit(1);
}

const child = spawn(process.execPath, nodeArgs, { stdio: 'inherit' });
child.on('error', (e) => {
  console.error(`loket kon niet starten / could not start: ${e.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
