import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { LETTERHEAD } from '../support/cases';
import { must } from './must';
import { checkScreen } from './screen';

/**
 * Issue 14 through the screens, the other new parts: the salutation from geslacht and naamgebruik,
 * the aanvulverzoek with its hersteltermijn (Awb 4:5), and an ambtshalve beëindiging after a
 * voornemen and the client's zienswijze (Awb 4:8): the voornemen letter is read back, the concept
 * carries the aanleiding, the voornemen and the reden einde.
 */

const dag = (plus: number) => {
  const d = new Date();
  d.setDate(d.getDate() + plus);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
};

test('aanhef, aanvulverzoek, voornemen with zienswijze and an ambtshalve beëindiging, entered on the screens', async ({ page, app, router }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  const als = async (username: string, password: string) => {
    await router.call('session.lock', {});
    await must(router.call('session.unlock', { username, password }));
  };
  // The letterhead, and a vastgestelde toekenning of hulp bij het huishouden that the gemeente now wants to end.
  await als('beheer', 'correct paard batterij niet');
  await must(router.call('settings.update', LETTERHEAD));
  await als('anna', 'een ander lang wachtwoord');
  const c = await must(router.call('client.create', {
    bsn: '999993847', voornamen: 'Johanna', voorletters: 'J.', voorvoegsel: 'de', geslachtsnaam: 'Vries', partnerGeslachtsnaam: 'Dijk', partnerVoorvoegsel: 'van',
    geboortedatum: '1941-02-03', straat: 'Dorpsstraat', huisnummer: 4, postcode: '1234 AB', woonplaats: 'Voorbeeldstad',
  }));
  const m = await must(router.call('melding.create', {
    clientId: c.id, datum: dag(-20), kanaal: 'telefoon', wet: 'wmo', hulpvraag: 'Ik kan mijn huis niet meer schoonhouden.', toestemming: true, clientondersteuningAangeboden: true,
  }));
  const a = await must(router.call('aanvraag.create', { meldingId: m.melding.id, ontvangenOp: dag(-10), omschrijving: 'Hulp bij het huishouden' }));
  const i = await must(router.call('indicatie.create', {
    aanvraagId: a.id, productcategorie: '01', omvang: { volume: 3, eenheid: '04', frequentie: '2' }, leveringsvorm: 'ZIN', aanbiederAgb: '12345678',
    aanbiederNaam: 'Thuiszorg De Linde', ingangsdatum: dag(-5), einddatum: dag(360), motivering: 'Het zware huishoudelijke werk lukt niet zelf.',
  }));
  const b = await must(router.call('beschikking.create', {
    aanvraagId: a.id, soort: 'toekenning', indicatieIds: [i.id], besluitTekst: 'U krijgt hulp bij het huishouden, 3 uur per week.',
    motivering: 'Uit het onderzoek blijkt dat u het zware huishoudelijke werk niet zelf kunt doen.', wettelijkeGrondslag: ['Wmo 2015 art. 2.3.5'],
  }));
  await must(router.call('beschikking.submit', { id: b.id }));
  await als('bram', 'een ander lang wachtwoord');
  await must(router.call('beschikking.approve', { id: b.id }));
  await router.call('session.lock', {});
  // A second melding whose aanvraag is incomplete.
  await als('anna', 'een ander lang wachtwoord');
  const m2 = await must(router.call('melding.create', {
    clientId: c.id, datum: dag(-3), kanaal: 'brief', wet: 'wmo', hulpvraag: 'Ik wil een traplift.', toestemming: true, clientondersteuningAangeboden: true,
  }));
  await must(router.call('aanvraag.create', { meldingId: m2.melding.id, ontvangenOp: dag(-1), omschrijving: 'Traplift' }));
  await router.call('session.lock', {});

  await app.open();
  await app.login('anna');

  // The salutation: geslacht and naamgebruik, shown as the letter will say it.
  await app.open(`/client/${c.id}`);
  const aanhef = page.getByRole('form', { name: 'Aanhef in brieven' });
  await expect(aanhef).toContainText('De brief begint met: Beste J. de Vries,');
  await aanhef.getByLabel('Geslacht').selectOption('2');
  await aanhef.getByLabel('Naamgebruik').selectOption('V');
  await expect(aanhef).toContainText('De brief begint met: Beste mevrouw Van Dijk-de Vries,');
  await aanhef.getByRole('button', { name: 'Aanhef opslaan' }).click();
  await expect(aanhef.getByRole('status')).toContainText('Aanhef opgeslagen.');
  expect(await must(router.call('client.get', { id: c.id }))).toMatchObject({ geslacht: '2', naamgebruik: 'V' });

  // Aanvulverzoek (Awb 4:5): an error next to the field, then the letter; the beslistermijn stands still.
  await app.open(`/melding/${m2.melding.id}/aanvraag`);
  const aanvul = page.getByRole('form', { name: 'Aanvraag laten aanvullen (Awb 4:5)' });
  await aanvul.getByLabel('Hersteltermijn tot en met').fill(dag(14));
  await aanvul.getByRole('button', { name: 'Verzoek om aanvulling maken' }).click();
  await expect(aanvul.getByText('Noem wat er ontbreekt aan de aanvraag.')).toBeVisible();
  await aanvul.getByLabel('Wat ontbreekt er?').fill('een verklaring van uw fysiotherapeut\nde maten van uw trap');
  await checkScreen(page, '53-aanvulverzoek');
  const [aanvulPdf] = await Promise.all([page.waitForEvent('download'), aanvul.getByRole('button', { name: 'Verzoek om aanvulling maken' }).click()]);
  await expect(page.getByRole('status').filter({ hasText: 'Het verzoek om aanvulling is gemaakt en bewaard' })).toBeVisible();
  const out = path.resolve(__dirname, '..', 'output', 'issue14');
  mkdirSync(out, { recursive: true });
  await aanvulPdf.saveAs(path.join(out, 'e2e-aanvulverzoek.pdf'));
  const at = execFileSync('pdftotext', ['-layout', path.join(out, 'e2e-aanvulverzoek.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(at).toContain('een verklaring van uw fysiotherapeut');
  expect(at).toContain('de maten van uw trap');
  expect(at).toContain('Beste mevrouw Van Dijk-de Vries');
  const t2 = (await must(router.call('melding.get', { id: m2.melding.id }))).termijnen.find((t) => t.soort === 'beschikking')!;
  expect(t2.opgeschort).toBe(true);

  // The voornemen (Awb 4:8) on the decision, then the client's zienswijze.
  await app.open(`/melding/${m.melding.id}/beschikking`);
  await page.getByRole('button', { name: 'Voornemen sturen (beëindigen, herzien of terugvorderen)' }).click();
  const vn = page.getByRole('form', { name: 'Voornemen sturen' });
  await vn.getByLabel('Per datum').fill(dag(30));
  await vn.getByLabel('Reageren kan tot en met').fill(dag(14));
  await vn.getByLabel('Wat wij van plan zijn').fill('Wij willen uw hulp bij het huishouden stoppen.');
  await vn.getByLabel('Waarom').fill('U woont sinds kort in een verpleeghuis met zorg uit de Wet langdurige zorg.');
  await checkScreen(page, '54-voornemen');
  const [vnPdf] = await Promise.all([page.waitForEvent('download'), vn.getByRole('button', { name: 'Voornemen maken' }).click()]);
  await vnPdf.saveAs(path.join(out, 'e2e-voornemen.pdf'));
  const vt = execFileSync('pdftotext', ['-layout', path.join(out, 'e2e-voornemen.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(vt).toContain('Dit is nog geen besluit');
  expect(vt).toContain('verpleeghuis');
  const sectie = page.getByRole('region', { name: 'Voornemen en zienswijze (Awb 4:8)' });
  await expect(sectie.getByRole('status')).toContainText('De cliënt kan reageren tot en met');
  await sectie.getByRole('button', { name: /Zienswijze vastleggen/ }).click();
  const zw = sectie.getByRole('form', { name: /Zienswijze bij/ });
  await zw.getByLabel('Reactie van de cliënt').fill('Ik begrijp het en ga akkoord.');
  await zw.getByRole('button', { name: 'Zienswijze opslaan' }).click();
  await expect(sectie.getByRole('table')).toContainText('Ik begrijp het en ga akkoord.');

  // The ambtshalve beëindiging that follows: reden einde, aanleiding and the voornemen in the form.
  await page.getByRole('button', { name: 'Nog een beschikking maken (wijziging, beëindiging of ander besluit)' }).click();
  const bf = page.getByRole('form', { name: 'Concept-beschikking' });
  await bf.getByLabel('Soort besluit').selectOption('beeindiging');
  await bf.getByLabel('Verandert besluit').selectOption(String(b.id));
  await bf.getByLabel('Stopt per').fill(dag(30));
  await bf.getByLabel('Waarom stopt de ondersteuning?').selectOption('ander_domein');
  await bf.getByRole('checkbox', { name: /Ambtshalve/ }).check();
  await bf.getByLabel('Aanleiding').fill('U woont sinds kort in een verpleeghuis');
  const keuze = bf.getByLabel('Voornemen waarop de cliënt kon reageren');
  await keuze.selectOption({ index: 1 });
  await bf.getByRole('checkbox', { name: /Hulp bij het huishouden/ }).check();
  await bf.getByRole('textbox', { name: 'Besluit', exact: true }).fill('Uw hulp bij het huishouden stopt, omdat u nu zorg krijgt uit de Wet langdurige zorg.');
  await bf.getByRole('textbox', { name: 'Motivering', exact: true }).fill('U woont in een verpleeghuis. De zorg daar komt uit de Wet langdurige zorg.');
  await checkScreen(page, '55-ambtshalve-beeindiging');
  await bf.getByRole('button', { name: 'Concept opslaan' }).click();
  await expect(page.getByText(/Concept BES-\d{4}-\d+ opgeslagen/)).toBeVisible();
  const detail = await must(router.call('melding.get', { id: m.melding.id }));
  const concept = detail.beschikkingen.find((x) => x.status === 'concept')!;
  const voornemens = await must(router.call('voornemen.list', { meldingId: m.melding.id }));
  expect(concept).toMatchObject({
    soort: 'beeindiging', vervangtId: b.id, perDatum: dag(30), redenEinde: 'ander_domein',
    ambtshalveAanleiding: 'U woont sinds kort in een verpleeghuis', voornemenId: voornemens.voornemens[0]!.id,
  });
});
