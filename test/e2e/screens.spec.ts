import { expect, test } from './fixtures';
import { checkScreen } from './screen';

test('search, access log and admin screens pass axe and get a screenshot', async ({ page, app, router }) => {
  await app.open();
  await app.login('anna');
  await page.getByRole('link', { name: 'Cliënt zoeken' }).click();
  await page.getByLabel(/Zoek op BSN/).fill('Jansen');
  await expect(page.getByText(/Niets gevonden|gevonden/).first()).toBeVisible();
  await checkScreen(page, '11-zoeken');
  await page.getByRole('link', { name: 'Export zaaksysteem' }).click();
  await expect(page.getByText('Export naar het zaaksysteem: nog niet ingericht.')).toBeVisible();
  await checkScreen(page, '12-export');
  // Navigation shows only what the role allows.
  await expect(page.getByRole('link', { name: 'Instellingen' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Accorderen' })).toHaveCount(0);
  // A client and a melding, so the log has a name and a kenmerk to show the auditor.
  const nieuw = await router.call('client.create', {
    bsn: '999990056', voornamen: 'Trijntje', geslachtsnaam: 'Bakker', geboortedatum: '1941-05-12', geslacht: '2',
    straat: 'Kerkstraat', huisnummer: 12, postcode: '1234 AB', woonplaats: 'Voorbeeldstad', wijk: 'Centrum',
  });
  if (!nieuw.ok) throw new Error(nieuw.error.message);
  const melding = await router.call('melding.create', {
    clientId: nieuw.value.id, datum: '2026-03-02', kanaal: 'telefoon', wet: 'wmo', hulpvraag: 'Ik kan mijn huis niet meer schoonhouden.',
    toestemming: true, clientondersteuningAangeboden: true,
  });
  if (!melding.ok) throw new Error(melding.error.message);
  await app.logout();

  await app.login('dirk');
  await page.getByRole('link', { name: 'Toegangslog' }).click();
  await expect(page.getByRole('cell', { name: 'anna' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Keten controleren' }).click();
  await expect(page.getByText('De keten is heel')).toBeVisible();
  await checkScreen(page, '13-toegangslog');
  // Names, kenmerk and a Dutch date and time instead of internal ids; the detail opens per row.
  const dag = (offset: number) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' })
    .format(new Date(Date.now() + offset * 86_400_000)).replace(/\//g, '-');
  await page.getByLabel('Cliënt (naam of BSN)').fill('999 990 056');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page.getByText('1 cliënt gevonden; het log toont hun regels.')).toBeVisible();
  const aangemaakt = page.getByRole('row', { name: /aanmaken melding WMO-2026-0+\d+/ });
  await expect(aangemaakt).toContainText('T. Bakker');
  await expect(aangemaakt).toContainText('anna');
  await expect(aangemaakt.getByRole('cell').first()).toHaveText(new RegExp(`^${dag(0)} \\d{2}:\\d{2}:\\d{2}$`));
  await aangemaakt.getByRole('button', { name: /^Details van regel/ }).click();
  await expect(page.getByText(/^Regel \d+ · melding \(intern nummer \d+\) · oorsprong/)).toBeVisible();
  await expect(page.getByText('Geen toelichting vastgelegd.')).toBeVisible();
  await checkScreen(page, '13b-toegangslog-filter');
  await page.getByRole('textbox', { name: 'Van' }).fill(dag(1));
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page.getByRole('row', { name: /T\. Bakker/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page.getByRole('row', { name: /T\. Bakker/ }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nieuwe cliënt' })).toHaveCount(0);
  await app.logout();

  await app.login('beheer');
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await expect(page.getByLabel('Naam van de gemeente')).toHaveValue('Voorbeeldstad');
  await page.getByLabel('Naam ondertekenaar').fill('M. de Wethouder');
  await page.getByLabel('Automatisch vergrendelen na (minuten zonder activiteit)').fill('15');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.getByText('Instellingen opgeslagen.')).toBeVisible();
  await checkScreen(page, '14-instellingen');

  await page.getByRole('link', { name: 'Gebruikers en rollen' }).click();
  await expect(page.getByRole('cell', { name: 'Mandaatbesluit Wmo 2026' })).toBeVisible();
  const add = page.getByRole('form', { name: 'Gebruiker toevoegen' });
  await add.getByLabel('Gebruikersnaam').fill('eva');
  await add.getByLabel(/^Naam( \*)?$/).fill('Eva Consulent');
  await add.getByLabel('Consulent').check();
  await add.getByLabel(/Eerste wachtwoord/).fill('een heel lang wachtwoord');
  await add.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByText('Gebruiker eva is toegevoegd.')).toBeVisible();
  await checkScreen(page, '15-gebruikers');

  // Roles and mandate of a colleague
  await page.getByRole('button', { name: 'Rollen en mandaat van eva wijzigen' }).click();
  const rollen = page.getByRole('form', { name: 'Rollen van eva' });
  await rollen.getByLabel('Besluitbevoegd (mandaat)').check();
  await rollen.getByRole('button', { name: 'Rollen opslaan' }).click();
  await expect(rollen.getByText(/heeft een mandaat nodig/)).toBeVisible();
  await rollen.getByRole('textbox', { name: 'Mandaat' }).fill('Mandaatbesluit sociaal domein 2026');
  await checkScreen(page, '15b-gebruiker-rollen');
  await rollen.getByRole('button', { name: 'Rollen opslaan' }).click();
  await expect(page.getByText(/De rollen van eva zijn gewijzigd/)).toBeVisible();
  await expect(page.getByRole('row', { name: /eva/ })).toContainText('Mandaatbesluit sociaal domein 2026');

  // Change your own password
  await page.getByRole('link', { name: 'Mijn wachtwoord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn wachtwoord wijzigen' })).toBeVisible();
  await page.getByLabel(/^Huidig wachtwoord/).fill('fout wachtwoord');
  await page.getByLabel(/^Nieuw wachtwoord( \*)?$/).fill('een nieuw lang wachtwoord voor de beheerder');
  await page.getByLabel(/^Nieuw wachtwoord nog eens/).fill('een ander wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByText('De twee nieuwe wachtwoorden zijn niet gelijk', { exact: false })).toBeVisible();
  await checkScreen(page, '16-wachtwoord');

  // One language at a time: the half-translated English switch is gone, the page says it is Dutch.
  await expect(page.getByRole('button', { name: /English|Taal/ })).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('auto-lock after inactivity returns to the login screen', async ({ page, app, router }) => {
  await app.open();
  await app.login('beheer');
  const settings = await router.call('settings.get', {});
  if (!settings.ok) throw new Error(settings.error.message);
  expect((await router.call('settings.update', { ...settings.value, autoLockMinuten: 1 })).ok).toBe(true);
  // Shortest allowed setting is 1 minute; fake the clock so the test does not wait.
  await page.clock.install();
  await page.reload();
  await expect(page.getByText('Ingelogd als')).toBeVisible();
  await page.clock.runFor(61_000);
  await expect(page.getByText(/vergrendeld omdat u een tijd niets deed/)).toBeVisible();
  const current = await router.call('session.current', {});
  expect(current.ok && current.value.user).toBeNull();
});
