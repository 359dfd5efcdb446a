import { test, expect, type Browser, type Page } from '@playwright/test';
import path from 'node:path';
import { createRouter } from '../../main/router';
import { buildServer, type LoketServer } from '../../main/server/app';
import { unsealWithPassword } from '../../main/server/seal';
import { lock } from '../../main/vault';
import { LETTERHEAD } from '../support/cases';
import { ApiClient, conceptOverApi, makeCert } from '../support/https';
import { Authenticator } from '../support/totp';
import { ADMIN_PASSWORD, freshVault, TEST_KDF, USER_PASSWORD } from '../support/vault';
import { checkScreen } from './screen';

/**
 * The team server in a browser: the same renderer, served by `loket serve` from dist/renderer over
 * HTTPS (certificate made here), no bridge: the renderer talks to /api with its cookie and CSRF
 * header. A consultant and a besluitbevoegde in two browser contexts; the besluitbevoegde sets up
 * TOTP on her first login, approves, and needs the code at her next login.
 */

const RENDERER = path.resolve(__dirname, '..', '..', 'dist', 'renderer');
let server: LoketServer;
let base: string;
let client: ApiClient;
let ids: { meldingId: number; beschikkingId: number };

test.beforeAll(async () => {
  const v = await freshVault([
    { username: 'consulent01', roles: ['consulent'] },
    { username: 'besluit1', roles: ['besluitbevoegd'], mandaat: 'Mandaatbesluit sociaal domein 2026' },
  ]);
  await lock(v.admin);
  const local = createRouter({ dbFile: v.file, route: 'test', kdf: TEST_KDF });
  expect((await local.call('session.unlock', { username: 'beheer', password: ADMIN_PASSWORD })).ok).toBe(true);
  expect((await local.call('settings.update', LETTERHEAD)).ok).toBe(true);
  await local.close();
  const tls = makeCert(v.dir);
  server = await buildServer({
    dbFile: v.file, tls, kdf: TEST_KDF, rendererDir: RENDERER,
    unsealed: await unsealWithPassword(v.file, 'beheer', ADMIN_PASSWORD, { kdf: TEST_KDF }),
  });
  base = (await server.app.listen({ host: '127.0.0.1', port: 0 })).replace(/^http:/, 'https:');

  // The case up to a concept beschikking, made over the API as the consultant's desktop would.
  client = new ApiClient(base, tls.cert, 'werkplek-voorbereiding');
  expect((await client.login('consulent01', USER_PASSWORD)).status).toBe(200);
  ids = await conceptOverApi(client);
  await client.ok('session.lock');
});

test.afterAll(async () => {
  client?.close();
  await server?.close();
});

async function desk(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'nl-NL' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()) && !/delivered via a <meta> element/.test(m.text())) errors.push(m.text());
  });
  return { page, errors };
}

async function login(page: Page, username: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel(/^Wachtwoord/).fill(USER_PASSWORD);
  await page.getByLabel(/^Wachtwoord/).press('Enter');
}

test('consultant and besluitbevoegde in two browsers against the server, with TOTP enrollment', async ({ browser }) => {
  const consultant = await desk(browser);
  const response = await consultant.page.goto(`${base}/#/melding/${ids.meldingId}`);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(headers['x-frame-options']).toBe('DENY');
  await expect(consultant.page.getByRole('heading', { name: 'Inloggen bij Sociaal Loket' })).toBeVisible();
  await checkScreen(consultant.page, 'server-01-inloggen');
  await login(consultant.page, 'consulent01');
  await expect(consultant.page.getByText('Ingelogd als')).toBeVisible();
  // The script cannot read the session: the cookie is HttpOnly.
  expect(await consultant.page.evaluate(() => document.cookie)).toBe('');
  await consultant.page.getByRole('form', { name: 'Concept-beschikking' }).getByRole('button', { name: 'Ter accordering aanbieden' }).click();
  await expect(consultant.page.getByRole('article', { name: /^Beschikking BES-/ }).getByRole('status')).toContainText('ligt nu ter accordering');

  const besluit = await desk(browser);
  await besluit.page.goto(`${base}/`);
  await login(besluit.page, 'besluit1');
  await expect(besluit.page.getByRole('heading', { name: 'Tweestapsverificatie instellen' })).toBeVisible();
  await expect(besluit.page.getByRole('img', { name: 'QR-code voor de authenticator-app' })).toBeVisible();
  await checkScreen(besluit.page, 'server-02-tweestapsverificatie');
  const app = new Authenticator((await besluit.page.locator('code').innerText()).trim());
  await besluit.page.getByLabel(/^Code uit de authenticator-app/).fill(await app.next());
  await besluit.page.getByRole('button', { name: 'Code controleren' }).click();
  await expect(besluit.page.getByRole('heading', { name: 'Uw herstelcodes' })).toBeVisible();
  await expect(besluit.page.getByRole('listitem')).toHaveCount(10);
  await checkScreen(besluit.page, 'server-03-herstelcodes');
  await besluit.page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();

  await expect(besluit.page.getByRole('heading', { level: 1, name: 'Accorderen' })).toBeVisible();
  const item = besluit.page.getByRole('article', { name: /Dijk/ });
  await item.getByRole('button', { name: 'Accorderen (vaststellen)' }).click();
  await besluit.page.getByRole('alertdialog').getByRole('button', { name: 'Ja, vaststellen' }).click();
  await expect(besluit.page.getByText(/is vastgesteld/)).toBeVisible();

  // Next time the code is asked for after the password.
  await besluit.page.getByRole('button', { name: 'Vergrendelen' }).click();
  await login(besluit.page, 'besluit1');
  const code = besluit.page.getByLabel(/^Code uit de authenticator-app/);
  await expect(code).toBeVisible();
  await checkScreen(besluit.page, 'server-04-inloggen-met-code');
  // A new code: the one that confirmed the enrollment is used up.
  await code.fill(await app.next());
  await code.press('Enter');
  await expect(besluit.page.getByText('Ingelogd als')).toBeVisible();

  expect([...consultant.errors, ...besluit.errors]).toEqual([]);
});
