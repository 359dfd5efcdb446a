import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { todayIso } from '../../shared/today';
import { CaseBuilder } from '../support/beheer-cases';
import { Desk, LETTERHEAD, ok } from '../support/cases';
import { ADMIN_PASSWORD } from '../support/vault';
import { expect, test, type Page } from './fixtures';

/**
 * The melding as steps (issue 16): step navigation, the sticky action bar with the confirmation
 * beside the button pressed, the next step opening with its first field focused, the warning for
 * a second open melding, form and letter side by side at 1920, and closing behind a confirmation
 * that names what happens. Every step screen: axe (serious/critical) at 100% and 200% zoom, and
 * screenshots at 1366×768 and 1920×1080 in test/output/issue16/.
 */

const OUT = path.resolve(__dirname, '..', 'output', 'issue16');
const SIZES = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }] as const;
// 200% zoom of a 1366×768 screen: the page lays out in half the CSS pixels.
const ZOOM_200 = { width: 683, height: 384 };

async function axe(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect.soft(bad, `accessibility on '${name}'`).toEqual([]);
}

/** Screenshots as the user sees the window (sticky header and action bar in place), then axe at 100% and 200%. */
async function checkStep(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => {});
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(OUT, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]);
  await axe(page, `${name} 100%`);
  await page.setViewportSize(ZOOM_200);
  await page.screenshot({ path: path.join(OUT, `${name}-zoom200.png`) });
  await axe(page, `${name} 200%`);
  await page.setViewportSize(SIZES[0]);
}

/** The vertical gap between two elements, in CSS pixels (0 when they overlap). */
async function gap(a: ReturnType<Page['locator']>, b: ReturnType<Page['locator']>): Promise<number> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error('niet zichtbaar');
  return Math.max(0, Math.max(x.y, y.y) - Math.min(x.y + x.height, y.y + y.height));
}

test('the melding as steps: navigation, action bar, focus, second-melding warning, side-by-side letter, closing', async ({ page, app, vault }) => {
  test.setTimeout(240_000);
  const today = todayIso();
  const desk = new Desk(vault.file);
  const cases = new CaseBuilder(desk, today);
  let nieuw: number, gevorderd: number, kenmerkNieuw: string;
  try {
    await ok(await desk.as('beheer', today, ADMIN_PASSWORD), 'settings.update', LETTERHEAD);
    const jansen = await cases.client({ bsn: '999993847', voornamen: 'Johanna', voorletters: 'J.', geslachtsnaam: 'Jansen', geslacht: '2', wijk: 'Centrum', straat: 'Kerkstraat', huisnummer: 12, postcode: '1234 AB', woonplaats: 'Voorbeeldstad' });
    gevorderd = (await cases.build({
      clientId: jansen, wet: 'wmo', melding: today, onderzoek: today, aanvraag: today,
      indicaties: [{ productcategorie: '01', leveringsvorm: 'ZIN', ingangsdatum: today, einddatum: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` }],
    })).meldingId;
    nieuw = (await cases.build({ clientId: jansen, wet: 'wmo', melding: today, hulpvraag: 'Hulp bij het douchen.' })).meldingId;
    kenmerkNieuw = (await ok(await cases.as('anna'), 'melding.get', { id: nieuw })).melding.kenmerk;
  } finally {
    await desk.close();
  }

  await app.open();
  await app.login('anna');

  // A new melding opens where the case stands: the gespreksverslag, its first field focused.
  await page.goto(`${app.url}#/melding/${nieuw}`);
  await expect(page.getByRole('heading', { level: 1, name: `Melding ${kenmerkNieuw} · J. Jansen` })).toBeVisible();
  const stappen = page.getByRole('navigation', { name: 'Stappen van de melding' });
  await expect(stappen.getByRole('link', { name: /Gespreksverslag/ })).toHaveAttribute('aria-current', 'step');
  await expect(stappen.getByRole('link', { name: /Aanvraag/ })).toContainText('nog te doen');
  const verslag = page.getByRole('form', { name: 'Gespreksverslag' });
  await expect(verslag.getByLabel('Aanwezigen')).toBeFocused();
  // The other open melding of the same client is named, with a link.
  const tweede = page.getByRole('note').filter({ hasText: 'Deze cliënt heeft nog een open melding' });
  await expect(tweede.getByRole('link')).toHaveAttribute('href', `#/melding/${gevorderd}`);
  await checkStep(page, '01-stap-gespreksverslag');

  await verslag.getByLabel('Aanwezigen').fill('cliënt en consulent');
  for (const label of ['a. Behoeften, persoonskenmerken en voorkeuren', 'b. Eigen kracht en gebruikelijke hulp', 'c. Mantelzorg en sociaal netwerk',
    'd. Ondersteuning van de mantelzorger', 'e. Algemene voorzieningen en voorliggende voorzieningen', 'Benodigde ondersteuning', 'Conclusies']) {
    await verslag.getByLabel(label).fill('Besproken met de cliënt.');
  }
  await verslag.getByRole('button', { name: 'Gespreksverslag opslaan' }).click();

  // Saved: the aanvraag step opens with its field focused, and the confirmation stands beside its button.
  await expect(page).toHaveURL(new RegExp(`#/melding/${nieuw}/aanvraag$`));
  const aanvraag = page.getByRole('form', { name: 'Aanvraag' });
  await expect(aanvraag.getByLabel('Wat vraagt de cliënt aan?')).toBeFocused();
  const bevestiging = aanvraag.getByRole('status').filter({ hasText: 'Gespreksverslag opgeslagen.' });
  await expect(bevestiging).toBeVisible();
  expect(await gap(bevestiging, aanvraag.getByRole('button', { name: 'Aanvraag vastleggen' }))).toBeLessThan(40);
  await expect(stappen.getByRole('link', { name: /Gespreksverslag/ })).not.toContainText('nog te doen');
  await checkStep(page, '02-stap-aanvraag');

  // A long form: the action bar stays on the screen while the form scrolls under it.
  await stappen.getByRole('link', { name: /Gespreksverslag/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Gespreksverslag (onderzoek)' })).toBeFocused();
  const opslaan = page.getByRole('button', { name: 'Gespreksverslag opslaan' });
  await expect(opslaan).toBeInViewport();
  await page.getByRole('link', { name: /Aanvraag/ }).click();

  await aanvraag.getByLabel('Wat vraagt de cliënt aan?').fill('Hulp bij het douchen');
  await aanvraag.getByLabel('Wat vraagt de cliënt aan?').press('Control+Enter');
  await expect(page).toHaveURL(new RegExp(`#/melding/${nieuw}/indicaties$`));
  await expect(page.getByRole('form', { name: 'Nieuwe indicatie' }).getByLabel(/^Productcategorie/)).toBeFocused();
  await checkStep(page, '03-stap-indicaties');

  // The melding itself: hulpvraag, letters and the legal clocks.
  await stappen.getByRole('link', { name: /Melding/ }).click();
  await expect(page.getByText('Hulp bij het douchen.')).toBeVisible();
  // Extending the beslistermijn (Awb 4:14): the form closes, and the confirmation stands where it was, with the focus.
  const termijnen = page.getByRole('region', { name: 'Melding' }).getByRole('table');
  await termijnen.getByRole('row', { name: /^Beschikking/ }).getByRole('button', { name: 'Verlengen' }).click();
  const verleng = page.getByRole('form', { name: 'Termijn verlengen (Awb 4:14)' });
  await verleng.getByLabel(/^Reden/).fill('Wij wachten op een advies van de ergotherapeut.');
  await verleng.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(verleng).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'De verlenging is vastgelegd' })).toBeFocused();
  await expect(termijnen).toContainText('+14 dagen: Wij wachten op een advies van de ergotherapeut.');
  await checkStep(page, '04-stap-melding');

  // The other case stands at its beschikking: at 1920 the letter stands beside the form.
  await tweede.getByRole('link').click();
  await expect(stappen.getByRole('link', { name: /Beschikking/ })).toHaveAttribute('aria-current', 'step');
  const besch = page.getByRole('form', { name: 'Concept-beschikking' });
  await expect(besch.getByLabel(/^Besluit( \*)?$/)).toBeFocused();
  await besch.getByLabel(/^Besluit( \*)?$/).fill('U krijgt hulp bij het huishouden.');
  await besch.getByLabel('Motivering').fill('Uit het onderzoek blijkt dat u het zware huishoudelijke werk niet zelf kunt doen.');
  await besch.getByRole('button', { name: 'Concept opslaan' }).click();
  const opgeslagen = besch.getByRole('status').filter({ hasText: /Concept BES-\d{4}-\d+ opgeslagen/ });
  await expect(opgeslagen).toBeVisible();
  expect(await gap(opgeslagen, besch.getByRole('button', { name: 'Concept opslaan' }))).toBeLessThan(40);
  await page.setViewportSize({ width: 1920, height: 1080 });
  const preview = page.getByTestId('letter-preview');
  await expect(preview.locator('canvas').first()).toBeVisible();
  const [f, p] = [await besch.boundingBox(), await preview.boundingBox()];
  expect(f && p && p.x >= f.x + f.width).toBe(true);
  await page.setViewportSize(SIZES[0]);
  await checkStep(page, '05-stap-beschikking');

  // Closing names what is still open, and asks before it does what cannot be undone.
  await stappen.getByRole('link', { name: /Afsluiten/ }).click();
  await expect(page.getByRole('note').filter({ hasText: 'Nog niet alles is afgerond' })).toContainText(/Beschikking BES-\d{4}-\d+ is concept/);
  const afsluiten = page.getByRole('region', { name: 'Zaak afsluiten' });
  await afsluiten.getByRole('combobox', { name: 'Resultaat' }).click();
  await page.getByRole('option', { name: 'Afgebroken' }).click();
  await afsluiten.getByRole('button', { name: 'Zaak afsluiten' }).click();
  const vraag = page.getByRole('alertdialog');
  await expect(vraag).toContainText("met resultaat 'Afgebroken'");
  await expect(vraag).toContainText('niet terug te draaien');
  await checkStep(page, '06-stap-afsluiten-bevestigen');
  await vraag.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByText('open', { exact: true })).toBeVisible();
});
