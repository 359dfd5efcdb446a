#!/usr/bin/env node
'use strict';
// Starts the Sociaal Loket desktop app: Electron with dist/main/electron/main.js
// (package.json "main"). Extra arguments (e.g. --db PATH) are passed on.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const mainJs = path.join(root, 'dist', 'main', 'electron', 'main.js');

let electronBinary;
try {
  // The 'electron' package exports the path of the binary; it throws when the binary is missing.
  electronBinary = require('electron');
} catch {
  electronBinary = null;
}
if (typeof electronBinary !== 'string' || !existsSync(electronBinary)) {
  console.error('Electron is niet geïnstalleerd op deze machine (Electron binary missing): voer `npm install` uit met internettoegang (zonder ELECTRON_SKIP_BINARY_DOWNLOAD) / run `npm install` with internet access (without ELECTRON_SKIP_BINARY_DOWNLOAD).');
  console.error('Zonder Electron werkt de app in een browser, via de teamserver / without Electron, use a browser and the team server: `npx loket --db loket.db serve --listen 127.0.0.1:8443 --cert cert.pem --key key.pem`, then open https://127.0.0.1:8443/ (README: "Install the team server").');
  process.exit(1);
}
// The SQLCipher module for Electron's ABI, built once beside the Node build (build/electron-native.mjs).
const native = spawnSync(process.execPath, [path.join(root, 'build', 'electron-native.mjs')], { stdio: 'inherit' });
if (native.status !== 0) process.exit(1);
if (!existsSync(mainJs)) {
  console.error('De app is nog niet gebouwd (dist/main/electron/main.js missing): voer eerst `npm run build` uit / run `npm run build` first.');
  process.exit(1);
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
const child = spawn(electronBinary, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
child.on('error', (e) => {
  console.error(`Electron kon niet starten / could not start Electron: ${e.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
