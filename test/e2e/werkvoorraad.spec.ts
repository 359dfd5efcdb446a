import { rmSync } from 'node:fs';
import path from 'node:path';
import { createDemoDatabase } from '../../main/demo/setup';
import { todayIso } from '../../shared/today';
import { expect, test as base } from './fixtures';
import { checkScreen } from './screen';
import { ADMIN_PASSWORD, TEST_KDF, tempDir } from '../support/vault';

const DEMO_PASSWORD = 'demo wachtwoord voor de test';

/** The same fixtures, on a demo municipality of 2,000 clients. */
const test = base.extend({
  vault: async ({}, use) => {
    const dir = tempDir('loket-wv-');
    const file = path.join(dir, 'demo.db');
    await createDemoDatabase({
      file, clients: 2000, seed: 1, today: todayIso(), admin: 'beheer', adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD,
      kdf: TEST_KDF, route: 'test', letters: 0,
    });
    await use({ file, dir });
    rmSync(dir, { recursive: true, force: true });
  },
});

test('werkvoorraad at 2,000 clients: counts, sort, filter, search and paging through the router', async ({ page, app, router }) => {
  test.setTimeout(240_000);
  await app.open();
  await page.getByLabel('Gebruikersnaam').fill('consulent01');
  await page.getByLabel(/^Wachtwoord/).fill(DEMO_PASSWORD);
  await page.getByLabel(/^Wachtwoord/).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Werkvoorraad' })).toBeVisible();
  const caption = page.locator('caption');
  await expect(caption).toContainText(/Zaken 1–\d+ van \d+/);

  await page.getByLabel('Mijn zaken').uncheck();
  const all = await router.call('werkvoorraad.page', {});
  if (!all.ok) throw new Error(all.error.message);
  const total = all.value.totaal;
  expect(total).toBeGreaterThan(50);
  await expect(caption).toHaveText(`Zaken 1–25 van ${total}`);
  await expect(page.getByRole('radio', { name: `Alle open (${total})` })).toBeChecked();
  await checkScreen(page, '13-werkvoorraad');

  // Paging: the next page, timed from click to rows on screen (printed; the target is in the bench).
  const timings: Record<string, number> = {};
  const timed = async (label: string, act: () => Promise<void>, done: () => Promise<void>) => {
    const t0 = Date.now();
    await act();
    await done();
    timings[label] = Date.now() - t0;
  };
  await timed('volgende pagina', () => page.getByRole('button', { name: 'Volgende pagina' }).click(), () => expect(caption).toHaveText(`Zaken 26–50 van ${total}`));
  const page2 = await router.call('werkvoorraad.page', { pagina: 2 });
  await expect(page.locator('tbody tr').first()).toContainText(page2.ok ? page2.value.items[0]!.kenmerk : 'x');

  // Sorting by client name, then descending: the router's order, page 1 again.
  await timed('sorteren op cliënt', () => page.getByRole('button', { name: /^Cliënt/ }).click(), () => expect(page.getByRole('columnheader', { name: /Cliënt/ })).toHaveAttribute('aria-sort', 'ascending'));
  await expect(caption).toHaveText(`Zaken 1–25 van ${total}`);
  const byName = await router.call('werkvoorraad.page', { sorteer: 'client' });
  const names = await page.locator('tbody tr td:nth-child(3)').allTextContents();
  expect(names).toEqual(byName.ok ? byName.value.items.map((i) => i.clientNaam) : []);
  await page.getByRole('button', { name: /^Cliënt/ }).click();
  await expect(page.getByRole('columnheader', { name: /Cliënt/ })).toHaveAttribute('aria-sort', 'descending');

  // Filter on a phase by its count; then on wet; then search.
  const accordering = all.value.tellingen.fase.accordering;
  await timed('filter fase', () => page.locator('label', { hasText: `Accordering (${accordering})` }).click(), () => expect(caption).toHaveText(accordering === 0 ? 'Geen zaken gevonden met deze filters.' : `Zaken 1–${Math.min(25, accordering)} van ${accordering}`));
  for (const cell of await page.locator('tbody tr td:nth-child(5)').allTextContents()) expect(cell).toBe('Accordering');
  await page.locator('label', { hasText: 'Alle fasen' }).click();
  await page.getByLabel('Wet', { exact: true }).selectOption('jeugdwet');
  const jeugd = await router.call('werkvoorraad.page', { wet: 'jeugdwet' });
  await expect(caption).toContainText(`van ${jeugd.ok ? jeugd.value.totaal : -1}`);
  await page.getByLabel('Wet', { exact: true }).selectOption('');
  const someone = all.value.items[3]!;
  const surname = someone.clientNaam.split(' ').at(-1)!;
  await timed('zoeken', () => page.getByLabel('Zoeken in de werkvoorraad').fill(surname), () => expect(page.locator('tbody')).toContainText(someone.clientNaam));
  console.log(`werkvoorraad bij 2.000 cliënten (${total} open zaken), klik tot rijen op het scherm: ${Object.entries(timings).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);

  // 200% zoom: half the CSS pixels of 1366×768.
  await page.getByLabel('Zoeken in de werkvoorraad').fill('');
  await page.setViewportSize({ width: 683, height: 384 });
  await checkScreen(page, '13b-werkvoorraad-200');
  // The menu folds away at 200% zoom and opens from its button.
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();
  await page.getByRole('button', { name: 'Menu openen' }).click();
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cliënt zoeken' })).toBeVisible();
  await checkScreen(page, '13c-menu-200');
});
