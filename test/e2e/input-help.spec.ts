import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from './fixtures';

/** Issue 16, "help with input": screenshots at 1366×768 of the screens this part changed, and axe on each. */
const OUT = path.resolve(__dirname, '..', 'output', 'issue16');

async function shot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect.soft(bad, `accessibility on ${name}`).toEqual([]);
}

test('client form: DD-MM-JJJJ dates, no birth date ahead, three address fields with Dutch errors, phone checked', async ({ page, app, router }) => {
  await app.open();
  await app.login('anna');
  await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
  const geboorte = page.getByRole('textbox', { name: 'Geboortedatum' });
  await page.getByLabel('BSN').fill('999.927.243');
  await page.getByLabel('Voornamen').fill('Anna');
  await page.getByLabel('Achternaam (geslachtsnaam)').fill('van Vliet');

  // A date in the future is refused next to the field, in the screen's own format.
  await geboorte.fill('1-2-2999');
  await geboorte.blur();
  await expect(page.getByText('Datum 01-02-2999 ligt in de toekomst. Controleer het jaar.')).toBeVisible();
  // Something that is no date says how to type it.
  await geboorte.fill('31-02-1950');
  await geboorte.blur();
  await expect(page.getByText('Datum 31-02-1950 klopt niet: februari 1950 heeft 28 dagen. Controleer de dag, of vul 00 in als die onbekend is.')).toBeVisible();
  await expect(geboorte).toHaveValue('31-02-1950');

  // "12a" in the number field and "06-1234" as phone: each field says what to do.
  await page.getByLabel('Straat', { exact: true }).fill('Hovenlaan');
  await page.getByRole('textbox', { name: 'Huisnummer' }).fill('12a');
  await page.getByLabel('Postcode', { exact: true }).fill('1234.ab');
  await page.getByLabel('Telefoon').fill('06-1234');
  await page.getByRole('button', { name: 'Cliënt opslaan' }).click();
  await expect(page.getByText('Huisnummer "12a": de letter hoort in het veld Huisletter. Vul bij Huisnummer 12 in en bij Huisletter a.')).toBeVisible();
  await expect(page.getByText(/NaN/)).toHaveCount(0);
  await expect(page.getByText(/Telefoonnummer 06-1234 klopt niet: een Nederlands nummer heeft 10 cijfers/)).toBeVisible();
  await expect(page.getByText('Datum 31-02-1950 klopt niet: februari 1950 heeft 28 dagen. Controleer de dag, of vul 00 in als die onbekend is.')).toBeVisible();
  await shot(page, 'client-nieuw-fouten');

  // Typed the short way: 1-2-1950, and the fields split as the BRP has them.
  await geboorte.fill('1-2-1950');
  await geboorte.blur();
  await expect(geboorte).toHaveValue('01-02-1950');
  await page.getByRole('textbox', { name: 'Huisnummer' }).fill('12');
  await page.getByRole('textbox', { name: 'Huisletter' }).fill('a');
  await page.getByRole('textbox', { name: 'Toevoeging' }).fill('2');
  await page.getByLabel('Telefoon').fill('06 1234 5678');
  await page.getByRole('button', { name: 'Cliënt opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Vliet/ })).toBeVisible();

  // What the router stored: ISO date, the number as a number, the normal postcode and BSN.
  const id = Number(/#\/client\/(\d+)/.exec(page.url())![1]);
  const r = await router.call('client.get', { id });
  expect(r.ok && r.value).toMatchObject({ bsn: '999927243', geboortedatum: '1950-02-01', huisnummer: 12, huisletter: 'a', huisnummerToevoeging: '2', postcode: '1234 AB' });
  await expect(page.getByText('Hovenlaan 12a-2')).toBeVisible();
});

test('the router refuses a birth date after today, in Dutch, whatever the screen lets through', async ({ app, router }) => {
  await app.open();
  await app.login('anna');
  const r = await router.call('client.create', { bsn: '999927243', voornamen: 'Anna', geslachtsnaam: 'Vliet', geboortedatum: '2999-01-01' });
  expect(r.ok).toBe(false);
  expect(!r.ok && r.error).toMatchObject({ field: 'geboortedatum', message: 'Datum 01-01-2999 ligt in de toekomst. Controleer het jaar.' });
  const t = await router.call('client.create', { bsn: '999927243', voornamen: 'Anna', geslachtsnaam: 'Vliet', geboortedatum: '1950-01-01', telefoon: '06-1234' });
  expect(!t.ok && t.error.message).toContain('Telefoonnummer 06-1234 klopt niet');
});

test('beheer: pick lists of wijken and aanbieders; the client form picks a wijk and never makes "Centrun"', async ({ page, app }) => {
  await app.open();
  await app.login('beheer');
  await page.getByRole('link', { name: 'Keuzelijsten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keuzelijsten' })).toBeVisible();
  await page.getByLabel('Nieuwe wijk').fill('Haven');
  await page.getByRole('button', { name: 'Wijk toevoegen' }).click();
  await expect(page.getByText('Wijk Haven is toegevoegd.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Naam van wijk Haven' }).fill('Havenkwartier');
  await page.getByRole('button', { name: 'Naam van wijk Haven opslaan' }).click();
  await expect(page.getByText('Wijk Haven heet nu Havenkwartier.')).toBeVisible();
  await page.getByLabel('Wijk Zuid te kiezen').click();
  await expect(page.getByText('Wijk Zuid is niet meer te kiezen.')).toBeVisible();
  // An AGB code is 8 digits: the error says so next to the field.
  const form = page.getByRole('form', { name: 'Aanbieder toevoegen' });
  await form.getByLabel('AGB-code').fill('1234567');
  await form.getByLabel('Naam aanbieder').fill('Zorg Aan Huis');
  await form.getByRole('button', { name: 'Aanbieder toevoegen' }).click();
  await expect(form.getByText(/AGB-code 1234567 klopt niet: een AGB-code heeft 8 cijfers, dit zijn er 7/)).toBeVisible();
  await form.getByLabel('AGB-code').fill('7575 0001');
  await form.getByRole('button', { name: 'Aanbieder toevoegen' }).click();
  await expect(page.getByText('Zorg Aan Huis (AGB 75750001) is toegevoegd.')).toBeVisible();
  await shot(page, 'beheer-keuzelijsten');
  await app.logout();

  await app.login('anna');
  await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
  const wijk = page.getByRole('combobox', { name: 'Wijk' });
  await wijk.fill('Centrun');
  await expect(page.getByText('Geen wijk met deze naam in de lijst van de beheerder')).toBeVisible();
  await wijk.fill('Haven');
  await expect(page.getByRole('option', { name: 'Havenkwartier' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Zuid' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Havenkwartier' }).click();
  await expect(wijk).toHaveValue('Havenkwartier');
});

test('the product picker finds persoonlijke verzorging by "douchen" and woonvoorzieningen by "traplift"', async ({ page, app, router }) => {
  await app.open();
  await app.login('anna');
  const c = await router.call('client.create', { bsn: '999927243', voornamen: 'Anna', geslachtsnaam: 'Vliet', geboortedatum: '1950-01-01', wijk: 'Centrum' });
  if (!c.ok) throw new Error(c.error.message);
  const m = await router.call('melding.create', { clientId: c.value.id, datum: '2026-03-02', kanaal: 'balie', wet: 'wmo', hulpvraag: 'Douchen lukt niet meer.', toestemming: true, clientondersteuningAangeboden: true });
  if (!m.ok) throw new Error(m.error.message);
  const a = await router.call('aanvraag.create', { meldingId: m.value.melding.id, ontvangenOp: '2026-03-10', omschrijving: 'Hulp bij douchen' });
  if (!a.ok) throw new Error(a.error.message);
  await page.goto(`${app.url}#/melding/${m.value.melding.id}/indicaties`);
  const ind = page.getByRole('form', { name: 'Nieuwe indicatie' });
  const product = ind.getByRole('combobox', { name: /^Productcategorie/ });
  await product.fill(''); await product.pressSequentially('douchen'); // typed, as people do
  await expect(page.getByRole('listbox').getByRole('option').first()).toHaveText('03 Persoonlijke verzorging');
  await product.press('Enter');
  await expect(product).toHaveValue('03 Persoonlijke verzorging');
  await product.fill(''); await product.pressSequentially('douchen'); // typed, as people do
  await shot(page, 'indicatie-product-douchen');
  await product.fill(''); await product.pressSequentially('traplift'); // typed, as people do
  await expect(page.getByRole('listbox').getByRole('option').first()).toHaveText('13 Woonvoorzieningen');
  await product.fill(''); await product.pressSequentially('vervoer'); // typed, as people do
  await expect(page.getByRole('option', { name: '08 Vervoerdiensten' })).toBeVisible();
  await expect(page.getByRole('option', { name: '12 Vervoervoorzieningen' })).toBeVisible();
  // The aanbieder comes from the beheerder's list, found by name.
  await ind.getByRole('combobox', { name: /^Aanbieder/ }).fill('linde');
  await expect(page.getByRole('option', { name: 'Thuiszorg De Linde (AGB 12345678)' })).toBeVisible();
});
