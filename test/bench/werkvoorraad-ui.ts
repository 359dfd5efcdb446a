// The werkvoorraad at 2,000 clients as the desk sees it: the router's page query, and in Chromium
// the time from a click (next page, sort, phase filter) until the new rows are painted.
import { chromium } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createDemoDatabase } from '../../main/demo/setup';
import { createRouter } from '../../main/router';
import { WERKVOORRAAD_FASEN, WERKVOORRAAD_KOLOMMEN } from '../../shared/ipc/desk-channels';
import { RENDERER, serve } from '../support/static-server';
import { TEST_KDF, tempDir } from '../support/vault';

export interface WerkvoorraadUiResult {
  openCases: number;
  router: number[];
  clicks: number[];
  skipped?: string;
}

const PW = 'bench werkvoorraad wachtwoord';

export async function benchWerkvoorraadUi(today: string): Promise<WerkvoorraadUiResult> {
  if (!existsSync(path.join(RENDERER, 'index.html'))) return { openCases: 0, router: [], clicks: [], skipped: 'dist/renderer ontbreekt: npm run build:renderer' };
  const dir = tempDir('loket-bench-wv-');
  const file = path.join(dir, 'demo.db');
  const server = await serve(RENDERER);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await createDemoDatabase({ file, clients: 2000, seed: 1, today, admin: 'beheer', adminPassword: PW, demoPassword: PW, kdf: TEST_KDF, route: 'test', letters: 0 });
    const router = createRouter({ dbFile: file, route: 'test', kdf: TEST_KDF, today: () => today });
    const login = await router.call('session.unlock', { username: 'consulent01', password: PW });
    if (!login.ok) throw new Error(login.error.message);

    // The router alone: every sort column both ways, every phase, ten pages.
    const queries = [
      ...WERKVOORRAAD_KOLOMMEN.flatMap((sorteer) => (['op', 'af'] as const).map((richting) => ({ sorteer, richting }))),
      ...WERKVOORRAAD_FASEN.map((fase) => ({ fase })),
      ...Array.from({ length: 10 }, (_, i) => ({ pagina: i + 1 })),
    ];
    const routerTimes: number[] = [];
    let openCases = 0;
    for (const q of queries) {
      const t = performance.now();
      const res = await router.call('werkvoorraad.page', q);
      routerTimes.push(performance.now() - t);
      if (!res.ok) throw new Error(res.error.message);
      openCases = res.value.tellingen.open;
    }

    // In the browser: click, then wait until the table is no longer busy and two frames are painted.
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL' });
    await page.exposeBinding('__loketCall', (_src, channel: string, input: unknown) => router.call(channel, input));
    // A string, not a function: tsx (esbuild keepNames) wraps functions in a __name helper the page
    // lacks; the same helper is given to the page for the measuring function below.
    await page.addInitScript({ content: 'window.__name = (f) => f; window.loket = Object.freeze({ call: (c, i) => window.__loketCall(c, i) });' });
    await page.goto(`${server.url}#/werkvoorraad`); // the session is the router's, unlocked above
    await page.getByLabel('Mijn zaken').uncheck();
    await page.locator('caption', { hasText: `van ${openCases}` }).waitFor();
    const clickAndPaint = (selector: string) => page.evaluate((sel) => new Promise<number>((resolve, reject) => {
      const table = document.querySelector('table');
      const target = document.querySelector<HTMLElement>(sel);
      if (!table || !target) { reject(new Error(`niet gevonden: ${sel}`)); return; }
      let sawBusy = false;
      const t0 = performance.now();
      const obs = new MutationObserver(() => {
        const busy = document.querySelector('table')?.getAttribute('aria-busy') === 'true';
        if (busy) sawBusy = true;
        else if (sawBusy) {
          obs.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
        }
      });
      obs.observe(document.querySelector('main') ?? document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
      target.click();
    }), selector);
    const clicks: number[] = [];
    for (let i = 0; i < 8; i++) clicks.push(await clickAndPaint('[aria-label="Volgende pagina"]'));
    await page.getByRole('button', { name: 'Eerste pagina' }).click().catch(() => {});
    for (const name of ['Cliënt', 'Kenmerk', 'Wijk', 'Consulent', 'Fase', 'Wet', 'Termijn']) {
      const idx = await page.locator('thead th').evaluateAll((ths, n) => ths.findIndex((th) => th.textContent?.startsWith(n)), name);
      for (let k = 0; k < 2; k++) clicks.push(await clickAndPaint(`thead th:nth-child(${idx + 1}) button`));
    }
    for (const fase of WERKVOORRAAD_FASEN) clicks.push(await clickAndPaint(`input[type="radio"][value="${fase}"]`));
    await router.close();
    return { openCases, router: routerTimes, clicks };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
