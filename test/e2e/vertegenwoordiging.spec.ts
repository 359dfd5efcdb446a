import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { LETTERHEAD } from '../support/cases';
import { must } from './must';
import { checkScreen } from './screen';

/**
 * Issue 14 through the screens: the consulent registers a curator with his office and postal
 * address on the client page (an error shows next to the field it is about), then verdaagt the
 * beslistermijn (Awb 4:14) on the melding page. The verdaging letter that downloads is read back:
 * addressed to the curator's office "t.a.v." him, the client only in the reference block.
 */

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

test('a curator with office address and a verdaging, entered on the screens: the letter goes to the curator', async ({ page, app, router }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  // The letterhead is filled in; the client and her aanvraag came in earlier.
  await must(router.call('session.unlock', { username: 'beheer', password: 'correct paard batterij niet' }));
  await must(router.call('settings.update', LETTERHEAD));
  await must(router.call('session.lock', {}));
  await app.open();
  await app.login('anna');
  const c = await must(router.call('client.create', {
    bsn: '999993847', voornamen: 'Gerda', voorletters: 'G.', geslachtsnaam: 'Mulder', geboortedatum: '1941-02-03', geslacht: '2',
    straat: 'Dorpsstraat', huisnummer: 4, postcode: '1234 AB', woonplaats: 'Voorbeeldstad',
  }));
  const m = await must(router.call('melding.create', {
    clientId: c.id, datum: today(), kanaal: 'brief', wet: 'wmo', hulpvraag: 'Mevrouw kan niet meer zelf koken.', toestemming: true, clientondersteuningAangeboden: true,
  }));
  await must(router.call('aanvraag.create', { meldingId: m.melding.id, ontvangenOp: today(), omschrijving: 'Maaltijdvoorziening' }));

  // The curator, on the client page.
  await app.open(`/client/${c.id}`);
  const sectie = page.getByRole('region', { name: 'Vertegenwoordiging en post' });
  await expect(sectie).toContainText('brieven gaan naar de cliënt');
  await sectie.getByRole('button', { name: 'Vertegenwoordiger toevoegen' }).click();
  const form = page.getByRole('form', { name: 'Vertegenwoordiger toevoegen' });
  await expect(form.getByLabel('Soort vertegenwoordiger')).toHaveValue('curator');
  // A curator acts in care and money (BW 1:378): both are ticked for him.
  await expect(form.getByRole('checkbox', { name: 'Zorg en ondersteuning' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Geldzaken' })).toBeChecked();
  await form.getByRole('button', { name: 'Vertegenwoordiger opslaan' }).click();
  const naam = form.getByRole('textbox', { name: 'Naam', exact: true });
  await expect(naam).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Vul de naam van de vertegenwoordiger in.')).toBeVisible();
  await naam.fill('mr. A.B. Bakker');
  await form.getByLabel('Aanhef (geslacht)').selectOption('1');
  await form.getByLabel('Kantoor of organisatie').fill('Bakker Curatele en Mentorschap B.V.');
  await form.getByLabel('Postadres').fill('Postbus 55\n1230 AB  VOORBEELDSTAD');
  await form.getByLabel('Telefoon').fill('0201234567');
  await checkScreen(page, '50-vertegenwoordiger-invoeren');
  await form.getByRole('button', { name: 'Vertegenwoordiger opslaan' }).click();
  await expect(sectie.getByRole('status')).toContainText('Vertegenwoordiger mr. A.B. Bakker opgeslagen.');
  await expect(sectie.getByRole('table')).toContainText('Bakker Curatele en Mentorschap B.V.');
  await expect(sectie.getByRole('table')).toContainText('Postbus 55, 1230 AB  VOORBEELDSTAD');
  const stored = await must(router.call('client.get', { id: c.id }));
  expect(stored.vertegenwoordigers).toEqual([expect.objectContaining({
    soort: 'curator', naam: 'mr. A.B. Bakker', organisatie: 'Bakker Curatele en Mentorschap B.V.', geslacht: '1',
    adresregels: ['Postbus 55', '1230 AB  VOORBEELDSTAD'], handeltIn: ['zorg', 'financieel'], telefoon: '0201234567',
  })]);
  await checkScreen(page, '51-client-vertegenwoordiging');

  // The verdaging, on the melding page: too long is refused next to the field, then it is made.
  await app.open(`/melding/${m.melding.id}/aanvraag`);
  const verdaging = page.getByRole('form', { name: 'Beslistermijn verdagen (Awb 4:14)' });
  await verdaging.getByLabel('Verdagen met (dagen)').fill('70');
  await verdaging.getByLabel('Reden van de verdaging').fill('Wij wachten op het advies van de diëtist.');
  await verdaging.getByRole('button', { name: 'Verdagen en brief maken' }).click();
  await expect(verdaging.getByText(/hoogstens 8 weken/)).toBeVisible();
  await verdaging.getByLabel('Verdagen met (dagen)').fill('14');
  await checkScreen(page, '52-verdaging');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    verdaging.getByRole('button', { name: 'Verdagen en brief maken' }).click(),
  ]);
  await expect(verdaging.getByRole('status')).toContainText('De verdagingsbrief is gemaakt en bewaard');
  const out = path.resolve(__dirname, '..', 'output', 'issue14');
  mkdirSync(out, { recursive: true });
  const pdf = path.join(out, 'e2e-verdaging-curator.pdf');
  await download.saveAs(pdf);

  const tekst = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const mm = (v: number) => String(Math.round((v * 72) / 25.4));
  const venster = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-x', mm(22), '-y', mm(50), '-W', mm(90), '-H', mm(45), '-layout', pdf, '-'], { encoding: 'utf8' });
  expect(venster).toContain('Bakker Curatele en Mentorschap B.V.');
  expect(venster).toContain('t.a.v. mr. A.B. Bakker');
  expect(venster).toContain('Postbus 55');
  expect(venster).not.toMatch(/Mulder|Dorpsstraat|curator|inzake/i);
  expect(tekst).toContain('Geachte heer Bakker');
  expect(tekst).toContain('Over G. Mulder');
  expect(tekst).toContain('4:14');
  expect(tekst).toContain('advies van de diëtist');
  const t = (await must(router.call('melding.get', { id: m.melding.id }))).termijnen.find((x) => x.soort === 'beschikking')!;
  expect(t.verlengingen).toEqual([expect.objectContaining({ dagen: 14, reden: 'Wij wachten op het advies van de diëtist.' })]);
});
