import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { checkScreen } from './screen';

const BSN = '999993847';

function isoPlusDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
}

test('consulent registers, besluitbevoegde approves, administratie prints: the letter names client and voorziening', async ({ page, app, router }) => {
  await app.open();
  await checkScreen(page, '01-login');

  // The beheerder completes the letterhead first: the letter service refuses incomplete letters.
  await app.login('beheer');
  await page.getByRole('link', { name: 'Instellingen' }).click();
  await page.getByLabel('Straat en huisnummer').fill('Raadhuisplein 1');
  await page.getByLabel('Postcode', { exact: true }).fill('1234 AB');
  await page.getByLabel('Plaats', { exact: true }).fill('Voorbeeldstad');
  await page.getByLabel('Telefoon', { exact: true }).fill('14 0999');
  await page.getByLabel('Naam ondertekenaar').fill('M. de Wethouder');
  await page.getByLabel('Functie ondertekenaar', { exact: true }).fill('Teamleider Wmo');
  await page.getByLabel('Ter attentie van').fill('Commissie bezwaarschriften');
  await page.getByLabel('Adres of postbus').fill('Postbus 1');
  await page.getByLabel('Postcode (bezwaar)').fill('1234 AA');
  await page.getByLabel('Plaats (bezwaar)').fill('Voorbeeldstad');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
  await expect(page.getByText('Instellingen opgeslagen.')).toBeVisible();
  await app.logout();

  await app.login('anna');
  await expect(page.getByRole('heading', { name: 'Werkvoorraad' })).toBeVisible();

  // New client
  await page.getByRole('link', { name: 'Nieuwe cliënt' }).click();
  await page.getByLabel('BSN').fill(BSN);
  await page.getByLabel('Geboortedatum').fill('1948-03-15');
  await page.getByLabel('Voornamen').fill('Johanna Maria');
  await page.getByLabel('Voorletters').fill('J.M.');
  await page.getByLabel('Achternaam (geslachtsnaam)').fill('Jansen');
  await page.getByLabel('Straat', { exact: true }).fill('Dorpsstraat');
  await page.getByLabel('Huisnummer').fill('12');
  await page.getByLabel('Postcode', { exact: true }).fill('1234 AB');
  await page.getByLabel('Woonplaats').fill('Voorbeeldstad');
  // The wijk is picked from the beheerder's list (typing filters it).
  await page.getByRole('combobox', { name: 'Wijk' }).pressSequentially('Centr');
  await page.getByRole('option', { name: 'Centrum' }).click();
  await checkScreen(page, '03-client-nieuw');
  await page.getByRole('button', { name: 'Cliënt opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Jansen/ })).toBeVisible();
  await checkScreen(page, '04-client');

  // Melding
  await page.getByRole('link', { name: 'Nieuwe melding' }).click();
  await page.getByLabel('Hulpvraag (in de woorden van de cliënt)').fill('Ik kan mijn huis niet meer schoonhouden sinds mijn heupoperatie.');
  await page.getByLabel(/toestemming/).check();
  await page.getByLabel(/cliëntondersteuning/).check();
  await checkScreen(page, '05-melding-nieuw');
  await page.getByRole('button', { name: 'Melding opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Melding / })).toBeVisible();

  // Gespreksverslag: each topic a–e its own labelled field
  const verslag = page.getByRole('form', { name: 'Gespreksverslag' });
  await verslag.getByLabel('Aanwezigen').fill('Mevrouw Jansen, dochter Petra, consulent Anna');
  await verslag.getByLabel('a. Behoeften, persoonskenmerken en voorkeuren').fill('Wil zelfstandig thuis blijven wonen; schoon huis is belangrijk.');
  await verslag.getByLabel('b. Eigen kracht en gebruikelijke hulp').fill('Kan licht huishoudelijk werk zelf; zwaar werk niet.');
  await verslag.getByLabel('c. Mantelzorg en sociaal netwerk').fill('Dochter komt wekelijks maar woont ver weg.');
  await verslag.getByLabel('d. Ondersteuning van de mantelzorger').fill('Dochter is overbelast; respijt besproken.');
  await verslag.getByLabel('e. Algemene voorzieningen en voorliggende voorzieningen').fill('Geen algemene voorziening voor zwaar huishoudelijk werk in de wijk.');
  await verslag.getByLabel('Benodigde ondersteuning').fill('Hulp bij het huishouden, 3 uur per week.');
  await verslag.getByLabel('Het persoonsgebonden budget (pgb) is uitgelegd').check();
  await verslag.getByLabel('De eigen bijdrage is uitgelegd').check();
  await verslag.getByLabel('Conclusies').fill('Maatwerkvoorziening hulp bij het huishouden is nodig.');
  await verslag.getByRole('button', { name: 'Gespreksverslag opslaan' }).click();
  await expect(page.getByText('Gespreksverslag opgeslagen.')).toBeVisible();

  // Aanvraag
  const aanvraag = page.getByRole('form', { name: 'Aanvraag' });
  await aanvraag.getByLabel('Wat vraagt de cliënt aan?').fill('Hulp bij het huishouden');
  await aanvraag.getByRole('button', { name: 'Aanvraag vastleggen' }).click();
  await expect(page.getByText(/Aanvraag ontvangen op/)).toBeVisible();

  // Indicatie: Hulp bij het huishouden, 3 uur per week, ZIN, AGB 12345678
  const ind = page.getByRole('form', { name: 'Nieuwe indicatie' });
  await ind.getByLabel(/^Productcategorie/).fill('huishouden');
  await page.getByRole('option', { name: /Hulp bij het huishouden/ }).click();
  await ind.getByLabel('Zorg in natura (ZIN)').check();
  await ind.getByLabel(/^Volume/).fill('3');
  await ind.getByLabel('Eenheid', { exact: true }).selectOption('04');
  await ind.getByLabel('Frequentie', { exact: true }).selectOption('2');
  // The aanbieder from the beheerder's list, found by its AGB code; its name comes with it.
  await ind.getByRole('combobox', { name: /^Aanbieder/ }).pressSequentially('12345678');
  await page.getByRole('option', { name: 'Thuiszorg De Linde (AGB 12345678)' }).click();
  await ind.getByLabel('Einddatum').fill(isoPlusDays(365));
  await ind.getByLabel('Motivering').fill('Mevrouw kan het zware huishoudelijke werk niet zelf; 3 uur per week is volgens het normenkader nodig.');
  await checkScreen(page, '06-melding-indicatie');
  await ind.getByRole('button', { name: 'Indicatie opslaan' }).click();
  const indicaties = page.getByRole('region', { name: 'Indicaties (voorzieningen)' });
  await expect(indicaties.getByRole('cell', { name: /Hulp bij het huishouden/ })).toBeVisible();
  await page.getByRole('link', { name: 'Verder naar de beschikking' }).click();

  // Beschikking: toekenning, saved as concept (preview), then submitted
  const besch = page.getByRole('form', { name: 'Concept-beschikking' });
  await besch.getByLabel('Soort besluit').selectOption('toekenning');
  await besch.getByRole('checkbox', { name: /Hulp bij het huishouden/ }).check();
  await besch.getByLabel(/^Besluit( \*)?$/).fill('U krijgt hulp bij het huishouden, 3 uur per week, in natura.');
  await besch.getByLabel('Motivering').fill('Uit het onderzoek blijkt dat u het zware huishoudelijke werk niet zelf kunt doen en dat uw netwerk dit niet kan overnemen.');
  await besch.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByTestId('letter-preview')).toBeVisible();
  // Drawn by PDF.js in the page (no plug-in): at least one page on a canvas.
  await expect(page.getByTestId('letter-preview').locator('canvas').first()).toBeVisible();
  await checkScreen(page, '07-beschikking-concept');
  await page.getByRole('form', { name: 'Concept-beschikking' }).getByRole('button', { name: 'Ter accordering aanbieden' }).click();
  // The read-only card with its status takes the form's place, with the message on it.
  const card = page.getByRole('article', { name: /^Beschikking BES-/ });
  await expect(card.getByRole('status')).toContainText('ligt nu ter accordering');
  await expect(card.getByText('Ter accordering', { exact: true })).toBeVisible();
  await expect(card).toBeFocused();
  await expect(page.getByRole('form', { name: 'Concept-beschikking' })).toHaveCount(0);
  await checkScreen(page, '07b-beschikking-ter-accordering');
  // A second beschikking for the same voorziening is refused by the router, in Dutch, next to the field.
  await page.getByRole('button', { name: /Nog een beschikking maken/ }).click();
  const tweede = page.getByRole('form', { name: 'Concept-beschikking' });
  await expect(tweede.getByRole('checkbox', { name: /Hulp bij het huishouden/ })).not.toBeChecked();
  await tweede.getByRole('checkbox', { name: /Hulp bij het huishouden/ }).check();
  await tweede.getByLabel(/^Besluit( \*)?$/).fill('U krijgt nog eens hulp bij het huishouden.');
  await tweede.getByLabel('Motivering').fill('Dezelfde voorziening, per ongeluk een tweede keer aangeboden ter accordering.');
  await tweede.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(tweede.getByText(/zit al in beschikking BES-\d{4}-\d{6} \(ter accordering\)/)).toBeVisible();
  await page.getByRole('link', { name: 'Werkvoorraad' }).click();
  await expect(page.getByRole('link', { name: /Jansen/ }).first()).toBeVisible();
  await checkScreen(page, '02-werkvoorraad');
  await app.logout();

  // Bram lands on his queue and sends it back with a reason
  await app.login('bram');
  await expect(page.getByRole('heading', { level: 1, name: 'Accorderen' })).toBeVisible();
  let item = page.getByRole('article', { name: /Jansen/ });
  await expect(item).toBeVisible();
  await checkScreen(page, '08-accordering');
  await item.getByRole('button', { name: 'Terugsturen' }).click();
  await item.getByLabel('Reden van terugsturen').fill('Noem in de motivering ook wat de dochter nog wel kan doen.');
  await item.getByRole('button', { name: 'Terugsturen' }).last().click();
  await expect(page.getByText(/is teruggestuurd naar/)).toBeVisible();
  await app.logout();

  // Anna gets a notification with the reason, and sees it on the concept
  await app.login('anna');
  await page.getByRole('button', { name: /Berichten \(\d+ nieuw\)/ }).click();
  const berichten = page.getByRole('dialog', { name: 'Berichten' });
  await expect(berichten.getByText(/teruggestuurd door .*Noem in de motivering ook wat de dochter nog wel kan doen/)).toBeVisible();
  await checkScreen(page, '11-berichten');
  await berichten.getByRole('link', { name: 'melding openen' }).first().click();
  await expect(page.getByRole('note')).toContainText('Noem in de motivering ook wat de dochter nog wel kan doen.');
  await page.getByRole('form', { name: 'Concept-beschikking' }).getByLabel('Motivering')
    .fill('Uit het onderzoek blijkt dat u het zware huishoudelijke werk niet zelf kunt doen; uw dochter helpt met boodschappen maar woont te ver weg voor het huishouden.');
  await page.getByRole('form', { name: 'Concept-beschikking' }).getByRole('button', { name: 'Ter accordering aanbieden' }).click();
  await expect(page.getByRole('article', { name: /^Beschikking BES-/ }).getByRole('status')).toContainText('ligt nu ter accordering');
  await app.logout();

  // Bram approves, after a confirmation that says what happens
  await app.login('bram');
  item = page.getByRole('article', { name: /Jansen/ });
  await item.getByRole('button', { name: 'Accorderen (vaststellen)' }).click();
  const confirmApprove = page.getByRole('alertdialog');
  await expect(confirmApprove).toContainText('verandert daarna niet meer');
  await checkScreen(page, '08b-accordering-bevestigen');
  await confirmApprove.getByRole('button', { name: 'Ja, vaststellen' }).click();
  await expect(page.getByText(/is vastgesteld/)).toBeVisible();
  await app.logout();

  // Carla lands on the print queue and prints in two steps
  await app.login('carla');
  await expect(page.getByRole('heading', { level: 1, name: 'Printen en verzenden' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'J.M. Jansen', exact: true })).toBeVisible();
  await checkScreen(page, '09-print');
  await page.getByRole('button', { name: 'Brieven maken (1)' }).click();
  await expect(page.getByText(/1 van 1 brief klaargezet/)).toBeVisible({ timeout: 60_000 });
  const kept = await router.call('print.batches', {});
  const batch = kept.ok ? kept.value.batches[0]! : null;
  expect(batch?.brieven).toHaveLength(1);
  // Generated is not sent: the beschikking is still vastgesteld, also after navigating away.
  expect(await router.call('beschikking.get', { id: batch!.brieven[0]!.beschikkingId })).toMatchObject({ ok: true, value: { status: 'vastgesteld', letterId: null } });
  await page.getByRole('link', { name: 'Cliënt zoeken' }).click();
  await page.getByRole('link', { name: 'Printen en verzenden' }).click();
  const stapel = page.getByRole('article', { name: /^Stapel / });
  await expect(stapel).toContainText('J.M. Jansen');
  await checkScreen(page, '10-print-stapel');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    stapel.getByRole('button', { name: 'PDF opslaan om te printen' }).click(),
  ]);
  const outDir = path.resolve(__dirname, '..', 'output');
  mkdirSync(outDir, { recursive: true });
  const pdfFile = path.join(outDir, 'workflow-brieven.pdf');
  await download.saveAs(pdfFile);
  await stapel.getByRole('button', { name: 'Geprint: markeer als verzonden' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('niet terug te draaien');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Ja, alles is geprint' }).click();
  await expect(page.getByText(/Klaar\. 1 brief verzonden/)).toBeVisible();
  await checkScreen(page, '10b-print-klaar');
  const sent = await router.call('beschikking.get', { id: batch!.brieven[0]!.beschikkingId });
  expect(sent).toMatchObject({ ok: true, value: { status: 'verzonden', letterSha256: batch!.brieven[0]!.sha256 } });

  // A reprint from the client page is exactly the stored letter
  await page.getByRole('link', { name: 'Cliënt zoeken' }).click();
  await page.getByLabel(/Zoek/).first().fill('Jansen');
  await page.getByLabel(/Zoek/).first().press('Enter');
  await page.getByRole('link', { name: /Jansen/ }).first().click();
  await expect(page.getByRole('region', { name: 'Verzonden brieven' })).toBeVisible();
  await checkScreen(page, '12-client-brieven');
  const [reprint] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('region', { name: 'Verzonden brieven' }).getByRole('button', { name: /Opnieuw afdrukken/ }).first().click(),
  ]);
  const reprintFile = path.join(outDir, 'workflow-herdruk.pdf');
  await reprint.saveAs(reprintFile);
  expect(createHash('sha256').update(readFileSync(reprintFile)).digest('hex')).toBe(batch!.brieven[0]!.sha256);

  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  writeFileSync(path.join(outDir, 'workflow-brieven.txt'), text);
  expect(text).toMatch(/Jansen/);
  expect(text).toMatch(/Hulp bij het huishouden/i);
});
