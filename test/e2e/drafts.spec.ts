import { expect, test } from './fixtures';

test('reloading mid-form restores what was typed (drafts per user + form + record)', async ({ page, app }) => {
  await app.open();
  await app.login('anna');
  await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
  await page.getByLabel('BSN').fill('999993847');
  await page.getByLabel('Voornamen').fill('Pieter');
  await page.getByLabel('Achternaam (geslachtsnaam)').fill('de Vries');
  await page.getByLabel('Geheimhouding persoonsgegevens (BRP)').check();

  // What is typed is stored at once, but only encrypted: no BSN or name in the browser's storage.
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('loket:draft:')).length)).toBeGreaterThan(0);
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  expect(stored).not.toContain('999993847');
  expect(stored).not.toContain('Pieter');

  await page.reload();
  await expect(page.getByText('Uw eerdere invoer (concept) is teruggezet.')).toBeVisible();
  await expect(page.getByLabel('BSN')).toHaveValue('999993847');
  await expect(page.getByLabel('Voornamen')).toHaveValue('Pieter');
  await expect(page.getByLabel('Achternaam (geslachtsnaam)')).toHaveValue('de Vries');
  await expect(page.getByLabel('Geheimhouding persoonsgegevens (BRP)')).toBeChecked();

  // Locking keeps the draft; another user does not see it.
  await app.logout();
  await app.login('bram');
  await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
  await expect(page.getByLabel('BSN')).toHaveValue('');
  await app.logout();
  await app.login('anna');
  await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
  await expect(page.getByLabel('Voornamen')).toHaveValue('Pieter');

  // Discarding clears it.
  await page.getByRole('button', { name: 'Concept weggooien' }).click();
  await expect(page.getByLabel('Voornamen')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('Voornamen')).toHaveValue('');
});

test('router errors appear next to the named field; Enter submits the form', async ({ page, app }) => {
  await app.open();
  await app.login('anna');
  await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
  await page.getByLabel('BSN').fill('123456789');
  await page.getByLabel('BSN').press('Enter');
  // The shared schema (client side) names the field: the BSN fails the elfproef.
  const bsn = page.getByLabel('BSN');
  await expect(bsn).toHaveAttribute('aria-invalid', 'true');
  await expect(bsn).toBeFocused();
});
