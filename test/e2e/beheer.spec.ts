import { todayIso } from '../../shared/today';
import { CaseBuilder } from '../support/beheer-cases';
import { Desk, ok, vastgesteldeToekenning } from '../support/cases';
import { ADMIN_PASSWORD } from '../support/vault';
import { exportSettings, ZGW_CLIENT_ID, ZGW_SECRET } from '../support/zgw-fixtures';
import { startZgwServer } from '../support/zgw-server';
import { expect, test, type Page } from './fixtures';
import { checkScreen as check } from './screen';

/**
 * The beheer screens (management information, herindicaties, destruction, AVG requests, closing a
 * case) and the export screen, on a real router and encrypted database. Cases are set up through
 * the router as the desk would (test/support), then the screens are used as the right people.
 */

function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Full-page screenshots from the top: a scrolled page would draw the fixed header mid-image. */
async function checkScreen(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await check(page, name);
}

const ADRES = { straat: 'Kerkstraat', huisnummer: 12, postcode: '1234 AB', woonplaats: 'Voorbeeldstad' };

test('beheer screens: MI counts, herindicatie, closing a case, destruction proposal and approval, AVG request', async ({ page, app, vault, router }) => {
  const today = todayIso();
  const desk = new Desk(vault.file);
  const cases = new CaseBuilder(desk, today);
  let jansen: number, bakker: number, lopend: { id: number; kenmerk: string }, oud: { id: number; kenmerk: string };
  try {
    jansen = await cases.client({ bsn: '999993847', voornamen: 'Johanna', voorletters: 'J.', geslachtsnaam: 'Jansen', geslacht: '2', wijk: 'Centrum', ...ADRES });
    bakker = await cases.client({ bsn: '999993653', voornamen: 'Pieter', voorletters: 'P.', geslachtsnaam: 'Bakker', geslacht: '1', wijk: 'Noord', ...ADRES });
    // Two meldingen this year in Centrum; one with a voorziening that ends within 3 months.
    const c1 = await cases.build({
      clientId: jansen, wet: 'wmo', melding: today, onderzoek: today, aanvraag: today,
      indicaties: [{ productcategorie: '01', leveringsvorm: 'ZIN', ingangsdatum: today, einddatum: plusDays(today, 40) }],
      beschikking: { soort: 'toekenning', vastgesteld: today },
    });
    await cases.build({ clientId: jansen, wet: 'wmo', melding: today });
    // An old case (2010), to be closed through the screen: its retention has long passed.
    const c3 = await cases.build({ clientId: bakker, wet: 'wmo', melding: '2010-01-04' });
    const anna = await cases.as('anna');
    lopend = { id: c1.meldingId, kenmerk: (await ok(anna, 'melding.get', { id: c1.meldingId })).melding.kenmerk };
    oud = { id: c3.meldingId, kenmerk: (await ok(anna, 'melding.get', { id: c3.meldingId })).melding.kenmerk };
  } finally {
    await desk.close();
  }

  await app.open();
  await app.login('anna');
  // Navigation: a consulent sees Herindicaties, not the beheer screens.
  await expect(page.getByRole('link', { name: 'Herindicaties' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Managementinformatie' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Vernietiging (Archiefwet)' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Verzoeken AVG' })).toHaveCount(0);

  // Closing the old case on its melding page.
  await page.goto(`${app.url}#/melding/${oud.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Melding ${oud.kenmerk}` })).toBeVisible();
  // Closing is the melding's last step.
  await page.getByRole('navigation', { name: 'Stappen van de melding' }).getByRole('link', { name: /Afsluiten/ }).click();
  const afsluiten = page.getByRole('region', { name: 'Zaak afsluiten' });
  await afsluiten.getByRole('combobox', { name: 'Resultaat' }).click();
  await page.getByRole('option', { name: 'Afgebroken' }).click();
  await afsluiten.getByLabel('Afsluitdatum').fill('2010-02-01');
  await checkScreen(page, '22-zaak-afsluiten');
  await afsluiten.getByRole('button', { name: 'Zaak afsluiten' }).click();
  // Irreversible: a confirmation next to the button says so.
  await expect(page.getByRole('alertdialog')).toContainText('niet terug te draaien');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, zaak afsluiten' }).click();
  await expect(page.getByText('afgesloten', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Zaak afsluiten' })).toHaveCount(0);
  const archief = await router.call('zaak.archief', { meldingId: oud.id });
  expect(archief.ok && archief.value.archief?.resultaat).toBe('afgebroken');
  expect(archief.ok && archief.value.archief!.archiefactiedatum < today).toBe(true);

  // Herindicatie: the voorziening that ends in 40 days, with a link to its case.
  await page.getByRole('link', { name: 'Herindicaties' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Herindicaties' })).toBeVisible();
  const hRow = page.getByRole('row').filter({ hasText: lopend.kenmerk });
  await expect(hRow).toHaveCount(1);
  await expect(hRow).toContainText('Jansen');
  await expect(hRow).toContainText('Centrum');
  await checkScreen(page, '17-herindicatie');
  await hRow.getByRole('link', { name: lopend.kenmerk }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Melding ${lopend.kenmerk}` })).toBeVisible();
  // The open case offers closing; the closed one did not after closing.
  await page.getByRole('navigation', { name: 'Stappen van de melding' }).getByRole('link', { name: /Afsluiten/ }).click();
  await expect(page.getByRole('region', { name: 'Zaak afsluiten' })).toBeVisible();

  // An AVG request recorded on the client page.
  await page.goto(`${app.url}#/client/${jansen}`);
  const rechten = page.getByRole('region', { name: 'Rechten van de cliënt (AVG)' });
  await expect(rechten).toBeVisible();
  await rechten.getByRole('combobox', { name: 'Soort verzoek' }).click();
  await page.getByRole('option', { name: /^Rectificatie/ }).click();
  await rechten.getByLabel('Wat vraagt de cliënt?').fill('Mijn telefoonnummer klopt niet meer.');
  await rechten.getByRole('button', { name: 'Verzoek vastleggen' }).click();
  await expect(rechten.getByText(/Verzoek \d+ is vastgelegd/)).toBeVisible();
  await expect(rechten.getByRole('cell', { name: 'Rectificatie' })).toBeVisible();
  await checkScreen(page, '19a-client-rechten');
  await app.logout();

  // The besluitbevoegde: MI and the open AVG requests.
  await app.login('bram');
  await page.getByRole('link', { name: 'Managementinformatie' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Managementinformatie' })).toBeVisible();
  const meldingen = page.getByRole('region', { name: 'Meldingen', exact: true });
  // Two meldingen this year in Centrum; the 2010 case in Noord is outside the period.
  await expect(meldingen.getByRole('row').filter({ hasText: 'Centrum' })).toContainText('2');
  await expect(meldingen.getByRole('row').filter({ hasText: 'Noord' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Besluiten', exact: true }).getByRole('row').filter({ hasText: 'Toekenning' })).toContainText('1');
  await expect(page.getByText('Jansen')).toHaveCount(0); // aggregates only, never a name
  await checkScreen(page, '16-managementinformatie');

  await page.getByRole('link', { name: 'Verzoeken AVG' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rechten van de cliënt (AVG)' })).toBeVisible();
  const vRow = page.getByRole('row').filter({ hasText: 'Rectificatie' });
  await expect(vRow).toContainText('ontvangen');
  await checkScreen(page, '19-rechten');
  page.once('dialog', (d) => void d.accept('Het nummer is aantoonbaar gewijzigd.'));
  await vRow.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(page.getByText(/Verzoek \d+: toegewezen\./)).toBeVisible();
  await app.logout();

  // The beheerder proposes destruction of the closed 2010 case.
  await app.login('beheer');
  await expect(page.getByRole('link', { name: 'Herindicaties' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Vernietiging (Archiefwet)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vernietigingslijst' })).toBeVisible();
  const zRow = page.getByRole('row').filter({ hasText: oud.kenmerk });
  await expect(zRow).toContainText('Afgebroken');
  await expect(zRow).toContainText('vrij');
  await expect(page.getByRole('row').filter({ hasText: lopend.kenmerk })).toHaveCount(0);
  await zRow.getByRole('checkbox', { name: `Zaak ${oud.kenmerk} kiezen` }).check();
  await page.getByRole('button', { name: 'Voorstel maken (1)' }).click();
  await expect(page.getByText(/Voorstel \d+ is gemaakt met 1 zaak\./)).toBeVisible();
  await expect(zRow).toContainText(/in voorstel \d+/);
  await checkScreen(page, '18-vernietiging');
  // Four eyes: not the one who proposed.
  await expect(page.getByRole('button', { name: 'Goedkeuren' })).toHaveCount(0);
  await app.logout();

  // The auditor approves (a control act), and sees MI and herindicaties but not the AVG requests.
  await app.login('dirk');
  await expect(page.getByRole('link', { name: 'Verzoeken AVG' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Managementinformatie' })).toBeVisible();
  await page.getByRole('link', { name: 'Vernietiging (Archiefwet)' }).click();
  await page.getByRole('button', { name: 'Goedkeuren' }).click();
  await expect(page.getByText(/Voorstel \d+ is goedgekeurd\./)).toBeVisible();
  await checkScreen(page, '18b-vernietiging-goedgekeurd');

  // A route typed by hand is refused for a role it is not for.
  await page.goto(`${app.url}#/beheer/rechten`);
  await expect(page.getByText('Dit scherm is niet voor uw rol.')).toBeVisible();
});


test('export screen: a sent besluit is queued, a refusal shows the error, the beheerder fixes the secret and retries', async ({ page, app, vault }) => {
  const today = todayIso();
  const server = await startZgwServer({ secret: ZGW_SECRET, clientId: ZGW_CLIENT_ID });
  try {
    const desk = new Desk(vault.file);
    let kenmerk: string;
    try {
      const beheer = await desk.as('beheer', today, ADMIN_PASSWORD);
      await ok(beheer, 'settings.update', exportSettings(server));
      await ok(beheer, 'export.setSecret', { secret: 'een verkeerd secret' });
      const ids = await vastgesteldeToekenning(desk, { bsn: '999991772', voornamen: 'Wilhelmina', geslachtsnaam: 'Dijk', voorvoegsel: 'van' });
      const sent = await ok(await desk.as('carla', today), 'print.send', { beschikkingIds: [ids.beschikkingId] });
      expect(sent.printed).toHaveLength(1);
      kenmerk = (await ok(beheer, 'export.status', {})).jobs[0]!.kenmerk!;
    } finally {
      await desk.close();
    }

    await app.open();
    await app.login('beheer');
    await page.getByRole('link', { name: 'Export zaaksysteem' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Export naar het zaaksysteem' })).toBeVisible();
    await expect(page.getByTestId('export-config-zgw')).toContainText('ingericht');
    await expect(page.getByTestId('export-config-iwmo')).toContainText('ontbreekt');
    const row = page.getByRole('row').filter({ hasText: kenmerk });
    await expect(row).toContainText('ZGW');
    await expect(row).toContainText('Wachtend');

    // The zaaksysteem refuses the wrong secret: the job stops with its Dutch message.
    await page.getByRole('button', { name: 'Nu exporteren' }).click();
    await expect(page.getByTestId('export-run-result')).toContainText('1 met een fout');
    await expect(row).toContainText('Fout: actie nodig');
    await expect(row).toContainText('weigert de toegang');
    await expect(row.getByRole('cell').nth(3)).toHaveText('1'); // attempts
    await checkScreen(page, '20-export');

    // The beheerder sets the right secret; it is never shown back.
    const secret = page.getByLabel('Nieuw secret');
    await expect(secret).toHaveAttribute('type', 'password');
    await secret.fill(ZGW_SECRET);
    await page.getByRole('button', { name: 'Secret instellen' }).click();
    await expect(page.getByText('Het secret is ingesteld.')).toBeVisible();
    await expect(secret).toHaveValue('');
    await expect(page.getByText(ZGW_SECRET)).toHaveCount(0);

    // Retry (keyboard), then export: the case reaches the zaaksysteem.
    const retry = row.getByRole('button', { name: /^Opnieuw proberen/ });
    await retry.focus();
    await page.keyboard.press('Enter');
    await expect(row).toContainText('Wachtend');
    await page.getByRole('button', { name: 'Nu exporteren' }).click();
    await expect(page.getByTestId('export-run-result')).toContainText('1 klaar');
    await expect(row).toContainText('Klaar');
    await expect(row.getByRole('button', { name: /Opnieuw proberen/ })).toHaveCount(0);
    expect(server.counts().zaken).toBe(1);
    expect(server.counts().besluiten).toBe(1);
    await checkScreen(page, '21-export-klaar');
  } finally {
    await server.close();
  }
});
