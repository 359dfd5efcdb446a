import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WIJKEN } from '../../main/demo/data';
import { validTestBsns } from '../../main/demo/generate';
import { todayIso } from '../../shared/today';
import { CaseBuilder } from '../support/beheer-cases';
import { conceptToekenning, Desk, ok } from '../support/cases';
import { ADMIN_PASSWORD, TEST_WIJKEN } from '../support/vault';
import { expect, test, type Page, type TestUser } from './fixtures';
import { checkScreenZoomed } from './screen';

/**
 * Every role's screens at 100% and 200% zoom (axe, header, screenshots in test/output/issue16),
 * and the screens that were CLI-only: the auditor's export and the AVG inzage with its request.
 */

const OUT = path.resolve(__dirname, '..', 'output', 'issue16');

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle').catch(() => {});
}

interface Ids { clientId: number; meldingId: number }

async function seed(file: string): Promise<Ids> {
  const today = todayIso();
  const desk = new Desk(file);
  try {
    const cases = new CaseBuilder(desk, today);
    const clientId = await cases.client({
      bsn: '999993847', voornamen: 'Anna Maria', voorletters: 'A.M.', voorvoegsel: 'van', geslachtsnaam: 'Vliet', geslacht: '2', wijk: 'Centrum',
      straat: 'Hovenlaan', huisnummer: 37, postcode: '7423 AH', woonplaats: 'Deventer',
    });
    // One for the print queue (vastgesteld), one for the accordering queue (submitted).
    await cases.build({
      clientId, wet: 'wmo', melding: today, onderzoek: today, aanvraag: today,
      indicaties: [{ productcategorie: '01', leveringsvorm: 'ZIN', ingangsdatum: today, einddatum: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` }],
      beschikking: { soort: 'toekenning', vastgesteld: today },
    });
    const bakker = await cases.client({
      bsn: '999993653', voornamen: 'Pieter', voorletters: 'P.', geslachtsnaam: 'Bakker', geslacht: '1', wijk: 'Noord',
      straat: 'Kerkstraat', huisnummer: 12, postcode: '1234 AB', woonplaats: 'Voorbeeldstad',
    });
    const anna = await cases.as('anna');
    const concept = await conceptToekenning(anna, bakker, today);
    await ok(anna, 'beschikking.submit', { id: concept.beschikkingId });
    // A melding in every other wijk of the demo municipality: seven labels for the MI chart.
    // The beheerder puts the demo's other wijken on the pick list first (a client's wijk is one from the list).
    const beheer = await desk.as('beheer', today, ADMIN_PASSWORD);
    for (const w of WIJKEN.filter((x) => !(TEST_WIJKEN as readonly string[]).includes(x.naam))) await ok(beheer, 'keuzelijst.wijk.opslaan', { naam: w.naam });
    const bsns = validTestBsns().filter((b) => b !== '999993847' && b !== '999993653');
    for (const [n, w] of WIJKEN.filter((x) => x.naam !== 'Centrum' && x.naam !== 'Noord').entries()) {
      const id = await cases.client({
        bsn: bsns[n]!, voornamen: 'Kees', voorletters: 'K.', geslachtsnaam: `Wijkbewoner${n}`, geslacht: '1', wijk: w.naam,
        straat: w.straten[0]!, huisnummer: n + 1, postcode: `${w.postcodes[0]} AB`, woonplaats: 'Voorbeeldstad',
      });
      await cases.build({ clientId: id, wet: 'wmo', melding: today });
    }
    return { clientId, meldingId: concept.meldingId };
  } finally {
    await desk.close();
  }
}

/** Screens outside the navigation, per role; every screen in a role's navigation is checked as well. */
const EXTRA: Record<TestUser, (ids: Ids) => string[]> = {
  anna: (i) => [`/client/${i.clientId}`, `/client/${i.clientId}/melding/nieuw`, `/melding/${i.meldingId}`, '/wachtwoord'],
  bram: (i) => [`/melding/${i.meldingId}`],
  carla: (i) => [`/client/${i.clientId}`],
  dirk: (i) => [`/client/${i.clientId}`],
  beheer: () => ['/wachtwoord'],
};
const ROLE: Record<TestUser, string> = { anna: 'consulent', bram: 'besluitbevoegd', carla: 'administratie', dirk: 'auditor', beheer: 'beheerder' };

test('every role\'s screens pass axe at 100% and 200% zoom, with the header above the navigation', async ({ page, app, vault }) => {
  test.setTimeout(900_000);
  const ids = await seed(vault.file);
  await app.open();
  for (const who of Object.keys(EXTRA) as TestUser[]) {
    await app.login(who);
    const nav = await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.replace(/^#/, '')));
    expect(nav.length).toBeGreaterThan(2);
    for (const hash of [...nav, ...EXTRA[who](ids)]) {
      await go(page, hash);
      await checkScreenZoomed(page, `${ROLE[who]}${hash.replace(/\//g, '-')}`, OUT);
    }
    await app.logout();
  }
});

test('management information names every wijk in its chart at 1366×768', async ({ page, app, vault }) => {
  await seed(vault.file);
  await app.open();
  await app.login('beheer');
  await page.setViewportSize({ width: 1366, height: 768 });
  await go(page, '/beheer/mi');
  // Every wijk's name is drawn as an axis label (recharts leaves out labels that would overlap).
  const labels = page.getByRole('img', { name: /meldingen per wijk/ }).locator('svg text');
  await expect(labels.filter({ hasText: 'Buitengebied' })).toBeVisible();
  const drawn = (await labels.allTextContents()).filter((t) => !/^\d+$/.test(t));
  expect(drawn.sort()).toEqual(WIJKEN.map((w) => w.naam).sort());
  await checkScreenZoomed(page, 'mi-grafieken', OUT);
});

test('the desk registers an AVG inzage request; the auditor answers it and exports a period', async ({ page, app, vault }) => {
  const ids = await seed(vault.file);
  await app.open();
  await app.login('anna');
  await expect(page.getByRole('link', { name: 'Audit-export' })).toHaveCount(0);
  await go(page, `/client/${ids.clientId}`);
  // The AVG request form presets no kind: an irreversible "Vernietiging" is chosen, never a default.
  await expect(page.getByRole('combobox', { name: 'Soort verzoek' })).toHaveValue('');
  const form = page.getByRole('form', { name: 'Inzageverzoek vastleggen' });
  await form.getByRole('button', { name: 'Inzageverzoek vastleggen' }).click();
  await expect(form.getByText(/Schrijf kort op hoe het verzoek binnenkwam/)).toBeVisible();
  await form.getByLabel(/Hoe kwam het verzoek binnen/).fill('Brief van de cliënt: zij wil weten welke gegevens de gemeente van haar heeft.');
  await form.getByRole('button', { name: 'Inzageverzoek vastleggen' }).click();
  await expect(page.getByText(/^Inzageverzoek \d+ is vastgelegd/)).toBeVisible();
  // The consulent registers; only the auditor or the beheerder makes the inzage.
  await expect(page.getByRole('button', { name: /^Inzage maken/ })).toHaveCount(0);
  await page.getByRole('heading', { name: 'Inzageverzoeken (AVG art. 15)' }).scrollIntoViewIfNeeded();
  await checkScreenZoomed(page, 'inzageverzoek-vastgelegd', OUT);
  await app.logout();

  await app.login('dirk');
  await page.getByRole('link', { name: 'Audit-export' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit-export' })).toBeVisible();
  await page.getByRole('checkbox', { name: /Met BSN/ }).check();
  await page.getByRole('button', { name: 'Export maken' }).click();
  await expect(page.getByText(/Een export met BSN kan alleen met een reden/)).toBeVisible();
  await page.getByRole('checkbox', { name: /Met BSN/ }).uncheck();
  await page.getByRole('button', { name: 'Eerst tellen' }).click();
  await expect(page.getByRole('status').filter({ hasText: /2 beschikkingen, 2 indicaties/ })).toContainText('Er is nog niets geëxporteerd.');
  await expect(page.getByText('Toegangslog in orde')).toBeVisible();
  await page.getByRole('button', { name: 'Export maken' }).click();
  const csvButton = page.getByRole('button', { name: /-beschikkingen\.csv opslaan$/ });
  await expect(csvButton).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), csvButton.click()]);
  expect(csv.suggestedFilename()).toMatch(/^audit-\d{4}-01-01-\d{4}-\d{2}-\d{2}-beschikkingen\.csv$/);
  expect(readFileSync(await csv.path(), 'utf8')).toMatch(/;BES-\d{4}-\d+;/);
  await checkScreenZoomed(page, 'audit-export', OUT);

  // The auditor's client page: the registered request, answered with the inzage export.
  await go(page, `/client/${ids.clientId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'A.M. van Vliet: inzage met reden' })).toBeVisible();
  const rij = page.getByRole('row', { name: /Brief van de cliënt/ });
  await expect(rij).toContainText('nog niet');
  const [pdf] = await Promise.all([page.waitForEvent('download'), rij.getByRole('button', { name: /^Inzage maken voor verzoek/ }).click()]);
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByText(/De inzage voor verzoek \d+ is gemaakt/)).toBeVisible();
  await expect(rij).not.toContainText('nog niet');
  await checkScreenZoomed(page, 'auditor-inzage-gemaakt', OUT);

  // The log names the client and the export.
  await page.getByRole('link', { name: 'Toegangslog' }).click();
  await expect(page.getByRole('row', { name: /exporteren inzage/ }).first()).toContainText('van Vliet');
});

test('letters that cannot be made: one line per reason, naming kenmerk and client, in Dutch', async ({ page, app, vault }) => {
  await seed(vault.file);
  // A second vastgestelde beschikking; the letterhead of this fresh database is still empty.
  const today = todayIso();
  const desk = new Desk(vault.file);
  try {
    const cases = new CaseBuilder(desk, today);
    const jansen = await cases.client({
      bsn: '999990056', voornamen: 'Trijntje', voorletters: 'T.', geslachtsnaam: 'Jansen', geslacht: '2', wijk: 'Oost',
      straat: 'Tulpstraat', huisnummer: 4, postcode: '7416 AB', woonplaats: 'Voorbeeldstad',
    });
    await cases.build({
      clientId: jansen, wet: 'wmo', melding: today, onderzoek: today, aanvraag: today,
      indicaties: [{ productcategorie: '01', leveringsvorm: 'ZIN', ingangsdatum: today, einddatum: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` }],
      beschikking: { soort: 'toekenning', vastgesteld: today },
    });
  } finally {
    await desk.close();
  }
  await app.open();
  await app.login('carla');
  await go(page, '/print');
  await page.getByRole('button', { name: 'Brieven maken (2)' }).click();
  const fout = page.getByRole('alert').filter({ hasText: 'Niet klaargezet' });
  await expect(fout.getByRole('listitem')).toHaveCount(1);
  await expect(fout).toContainText(/^Niet klaargezetDe brief is niet compleet\. Vul eerst aan: .+ — 2 brieven: BES-\d{4}-\d+ \((A\.M\. van Vliet|T\. Jansen)\), BES-\d{4}-\d+ \((A\.M\. van Vliet|T\. Jansen)\)$/);
  await checkScreenZoomed(page, 'print-niet-klaargezet', OUT);
});
