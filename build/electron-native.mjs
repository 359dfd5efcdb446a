#!/usr/bin/env node
/**
 * Builds a second copy of the SQLCipher module (better-sqlite3-multiple-ciphers) for Electron's
 * ABI, beside the Node build instead of over it: the CLI and the tests keep loading the Node
 * build from node_modules, the Electron main process loads this one through `nativeBinding`.
 *
 *   node build/electron-native.mjs     (run by `npm start`; needs internet for Electron's headers)
 *
 * Result: .electron-native/better_sqlite3-electron-<version>.node (main/electron/main.ts looks
 * for exactly this name). Skips itself when Electron's binary is absent. Packaging (`npm run
 * dist`) does not use it: electron-builder rebuilds the module for the package itself.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MODULE = 'better-sqlite3-multiple-ciphers';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Where the Electron build of the module lives for a given Electron version. */
export function electronBindingFile(version) {
  return join(root, '.electron-native', `better_sqlite3-electron-${version}.node`);
}

function electronBinary() {
  try {
    const p = require('electron'); // the binary's path; throws when the binary was not downloaded
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export async function buildElectronNative() {
  if (!electronBinary()) {
    console.log('Electron is niet geïnstalleerd: de databasemodule voor Electron wordt niet gebouwd (niet nodig voor de CLI, de server en de tests).');
    return null;
  }
  const version = require('electron/package.json').version;
  const target = electronBindingFile(version);
  if (existsSync(target)) return target;

  // A private copy of the module's sources, rebuilt there; node_modules stays as it is.
  const work = join(root, '.electron-native', `build-${version}`);
  rmSync(work, { recursive: true, force: true });
  const source = dirname(require.resolve(`${MODULE}/package.json`));
  const copy = join(work, 'node_modules', MODULE);
  mkdirSync(dirname(copy), { recursive: true });
  cpSync(source, copy, { recursive: true, filter: (f) => !f.startsWith(join(source, 'build')) });
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'loket-electron-native', private: true, dependencies: { [MODULE]: require(`${MODULE}/package.json`).version } }));

  console.log(`De databasemodule wordt gebouwd voor Electron ${version} (eenmalig, ongeveer twee minuten)…`);
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: work, electronVersion: version, onlyModules: [MODULE], force: true, buildFromSource: true });
  copyFileSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(work, { recursive: true, force: true });
  return target;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectronNative().then(
    (file) => { if (file) console.log(`Databasemodule voor Electron: ${file}`); },
    (e) => {
      console.error(`De databasemodule voor Electron kon niet worden gebouwd: ${e instanceof Error ? e.message : e}\nControleer de internetverbinding (Electron's headers worden gedownload) en probeer \`npm start\` opnieuw.`);
      process.exit(1);
    },
  );
}
