import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshVault, USER_PASSWORD } from '../support/vault';

function electronBinary(): string | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const p = require('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const mainJs = path.resolve(__dirname, '..', '..', 'dist', 'main', 'electron', 'main.js');

test('Electron: launch, unlock, werkvoorraad', async () => {
  test.skip(!binary, 'Electron binary not installed on this machine: require(\'electron\') throws (ELECTRON_SKIP_BINARY_DOWNLOAD); run `npm install` with internet access to run this test.');
  test.skip(!existsSync(mainJs), 'dist/main/electron/main.js missing: run `npm run build` first.');
  const v = await freshVault([{ username: 'anna', roles: ['consulent'] }]);
  await v.admin.db.close();
  const env: Record<string, string> = {};
  for (const [k, val] of Object.entries(process.env)) if (val !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = val;
  const userData = mkdtempSync(path.join(os.tmpdir(), 'loket-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [path.resolve(__dirname, '..', '..'), '--db', v.file, `--user-data-dir=${userData}`, '--no-sandbox'],
    env,
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { name: 'Inloggen bij Sociaal Loket' })).toBeVisible();
    // The preload exposes exactly one narrow object.
    expect(await win.evaluate(() => Object.keys((window as unknown as { loket: object }).loket))).toEqual(['call']);
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    await win.getByLabel('Gebruikersnaam').fill('anna');
    await win.getByLabel(/^Wachtwoord/).fill(USER_PASSWORD);
    await win.getByLabel(/^Wachtwoord/).press('Enter');
    await expect(win.getByRole('heading', { name: 'Werkvoorraad' })).toBeVisible();
  } finally {
    await app.close();
  }
});
