import { verzoek315Xml, type Verzoek315 } from '../support/verzoek315';
import { expect, test } from './fixtures';
import { checkScreen } from './screen';

/**
 * The screen "Verzoeken om toewijzing" on the real router: a JW315 verwijzing comes in, the screen
 * shows its retour and antwoord terms, a 315 that does not fit the client waits "ter beoordeling",
 * and answering the product with a JW319 takes the verzoek off the list.
 */

const dutch = (iso: string) => iso.split('-').reverse().join('-');

const VERWIJZING: Verzoek315 = {
  wet: 'jeugdwet', id: 'VZ-E2E-1', agb: '87654321', gemeentecode: '9999',
  bsn: '999993483', geboortedatum: '2014-05-09', achternaam: 'Yilmaz', voornamen: 'Emre', gezagsdragerBekend: true,
  producten: [{ ref: 'REF-1', categorie: '45', code: '45A53', ingang: '2026-04-13', eind: '2026-10-11', verwijzer: { type: '02', naam: 'Huisartsenpraktijk Centrum' } }],
};

test('verzoeken om toewijzing: a JW315 shows its terms, is answered with a JW319 and leaves the list', async ({ page, app, router }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open();
  await app.login('anna');
  // The desk knows the child; the verwijzing names him the same way. A second 315 for the same
  // BSN under another name waits for a person.
  const c = await router.call('client.create', {
    bsn: '999993483', voornamen: 'Emre', geslachtsnaam: 'Yilmaz', geboortedatum: '2014-05-09', geslacht: '1',
    straat: 'Kerkstraat', huisnummer: 3, postcode: '1234 AB', woonplaats: 'Voorbeeldstad',
  });
  expect(c.ok).toBe(true);
  const imp = await router.call('iwmo.importVerzoek', { xml: verzoek315Xml(VERWIJZING) });
  if (!imp.ok) throw new Error(imp.error.message);
  expect(imp.value.status).toBe('verwerkt');
  const held = await router.call('iwmo.importVerzoek', { xml: verzoek315Xml({ ...VERWIJZING, id: 'VZ-E2E-2', achternaam: 'Janssen' }) });
  expect(held.ok && held.value.status).toBe('wacht_op_beoordeling');

  await page.getByRole('link', { name: 'Verzoeken om toewijzing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verzoeken om toewijzing' })).toBeVisible();
  const card = page.getByRole('region', { name: /Yilmaz · JW315 VZ-E2E-1/ });
  await expect(card).toContainText('Huisartsenpraktijk Centrum');
  await expect(card).toContainText('45A53');
  await expect(card.getByText(`Toewijzing of antwoord (5 werkdagen): op tijd · ${dutch(imp.value.antwoordUiterlijk)}`)).toBeVisible();
  await expect(card.getByText('Retour (3 werkdagen): afgerond')).toBeVisible();
  const heldCard = page.getByRole('region', { name: /Janssen · JW315 VZ-E2E-2/ });
  await expect(heldCard.getByText('Ter beoordeling')).toBeVisible();
  await expect(heldCard).toContainText('achternaam in het bericht (Janssen) verschilt');
  await expect(heldCard.getByRole('button', { name: 'Beoordeling vastleggen' })).toBeVisible();
  await checkScreen(page, '40-verzoeken-om-toewijzing');

  // Answer the product: "aanvraag in onderzoek", confirmed in a dialog that says what is sent.
  await card.getByLabel('Antwoord voor REF-1').selectOption('2');
  await card.getByRole('button', { name: 'Beantwoorden met JW319' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Er gaat een JW319 naar aanbieder 87654321: voor product REF-1 de aanvraag is in onderzoek');
  await dialog.getByRole('button', { name: 'Ja, JW319 versturen' }).click();
  await expect(page.getByRole('status')).toContainText('JW319 voor REF-1 is klaargezet');
  await expect(page.getByRole('region', { name: /Yilmaz · JW315 VZ-E2E-1/ })).toHaveCount(0);
  await expect(heldCard).toBeVisible();

  // The router recorded the answer: the product is beantwoord with antwoord 2.
  const all = await router.call('iwmo.verzoeken', { alleenOpen: false });
  const v = all.ok ? all.value.items.find((i) => i.identificatie === 'VZ-E2E-1') : undefined;
  expect(v?.producten[0]).toMatchObject({ status: 'beantwoord', antwoord: '2' });
});

test('an auditor sees the verzoeken but cannot answer them', async ({ page, app, router }) => {
  await app.open();
  await app.login('anna');
  await router.call('client.create', {
    bsn: '999993483', voornamen: 'Emre', geslachtsnaam: 'Yilmaz', geboortedatum: '2014-05-09', geslacht: '1',
    straat: 'Kerkstraat', huisnummer: 3, postcode: '1234 AB', woonplaats: 'Voorbeeldstad',
  });
  expect((await router.call('iwmo.importVerzoek', { xml: verzoek315Xml(VERWIJZING) })).ok).toBe(true);
  await app.logout();
  await app.login('dirk');
  await page.getByRole('link', { name: 'Verzoeken om toewijzing' }).click();
  const card = page.getByRole('region', { name: /Yilmaz · JW315 VZ-E2E-1/ });
  await expect(card).toContainText('open');
  await expect(card.getByRole('button', { name: 'Beantwoorden met JW319' })).toHaveCount(0);
});
