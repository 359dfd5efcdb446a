import { test as base, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRouter, type Router } from '../../main/router';
import { freshVault, TEST_KDF, USER_PASSWORD, ADMIN_PASSWORD } from '../support/vault';
import { RENDERER, serve } from '../support/static-server';

/**
 * The renderer served from dist/renderer over a tiny HTTP server with the app's CSP, talking to
 * the real Router on a fresh encrypted database through the same API shape the preload exposes.
 */


export const USERS = {
  anna: { username: 'anna', password: USER_PASSWORD },
  bram: { username: 'bram', password: USER_PASSWORD },
  carla: { username: 'carla', password: USER_PASSWORD },
  dirk: { username: 'dirk', password: USER_PASSWORD },
  beheer: { username: 'beheer', password: ADMIN_PASSWORD },
} as const;
export type TestUser = keyof typeof USERS;

interface Fixtures {
  vault: { file: string; dir: string };
  router: Router;
  app: { url: string; open: (hash?: string) => Promise<void>; login: (who: TestUser) => Promise<void>; logout: () => Promise<void> };
}

export const test = base.extend<Fixtures, { server: { url: string } }>({
  server: [async ({}, use) => {
    if (!existsSync(path.join(RENDERER, 'index.html'))) {
      throw new Error('dist/renderer is missing: run `npm run build:renderer` first.');
    }
    const s = await serve(RENDERER);
    await use(s);
    await s.close();
  }, { scope: 'worker' }],

  vault: async ({}, use) => {
    const v = await freshVault([
      { username: 'anna', roles: ['consulent'] },
      { username: 'bram', roles: ['besluitbevoegd'], mandaat: 'Mandaatbesluit Wmo 2026' },
      { username: 'carla', roles: ['administratie'] },
      { username: 'dirk', roles: ['auditor'] },
    ]);
    await v.admin.db.close();
    await use({ file: v.file, dir: v.dir });
  },

  router: async ({ vault }, use) => {
    const router = createRouter({ dbFile: vault.file, route: 'test', kdf: TEST_KDF });
    await use(router);
    await router.close();
  },

  page: async ({ page, router }, use) => {
    await page.exposeBinding('__loketCall', (_src, channel: string, input: unknown) => router.call(channel, input));
    await page.addInitScript(() => {
      const w = window as unknown as { loket: unknown; __loketCall: (c: string, i: unknown) => Promise<unknown> };
      w.loket = Object.freeze({ call: (c: string, i: unknown) => w.__loketCall(c, i) });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()) && !/delivered via a <meta> element/.test(m.text())) errors.push(m.text());
    });
    await use(page);
    expect(errors, 'no script errors or CSP violations in the page').toEqual([]);
  },

  app: async ({ page, server }, use) => {
    const open = async (hash = '') => {
      await page.goto(`${server.url}${hash ? `#${hash}` : ''}`);
    };
    const login = async (who: TestUser) => {
      const u = USERS[who];
      await page.getByLabel('Gebruikersnaam').fill(u.username);
      await page.getByLabel(/^Wachtwoord/).fill(u.password);
      await page.getByLabel(/^Wachtwoord/).press('Enter');
      await expect(page.getByText('Ingelogd als')).toBeVisible();
    };
    const logout = async () => {
      await page.getByRole('button', { name: 'Vergrendelen' }).click();
      await expect(page.getByRole('heading', { name: 'Inloggen bij Sociaal Loket' })).toBeVisible();
    };
    await use({ url: server.url, open, login, logout });
  },
});

export { expect };
export type { Page };
