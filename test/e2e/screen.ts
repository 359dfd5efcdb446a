import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const SCREENSHOTS = path.resolve(__dirname, '..', 'output', 'screenshots');

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Every screen: no serious or critical axe violation, and a screenshot for people to look at. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect.soft(await seriousViolations(page), `accessibility on screen '${name}'`).toEqual([]);
}

/**
 * A screen at 100% (1366×768) and at 200% zoom (the same window holds half the CSS pixels:
 * 683×384): axe at both, a screenshot of each into `dir`; at every size, and also at 200% of a
 * 1920×1080 screen (960×540, where the navigation stays open), the header keeps its own height
 * (nothing wraps under the navigation) and the page does not scroll sideways.
 */
export async function checkScreenZoomed(page: Page, name: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const sizes = [['100', { width: 1366, height: 768 }], ['200', { width: 683, height: 384 }], ['1920-200', { width: 960, height: 540 }]] as const;
  for (const [zoom, size] of sizes) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForLoadState('networkidle').catch(() => {});
    if (zoom !== '1920-200') {
      await page.screenshot({ path: path.join(dir, zoom === '100' ? `${name}.png` : `${name}-200.png`), fullPage: true });
      expect.soft(await seriousViolations(page), `accessibility on screen '${name}' at ${zoom}%`).toEqual([]);
    }
    const layout = await page.evaluate(() => {
      const header = document.querySelector('header');
      const nav = document.querySelector('nav');
      const h = header?.getBoundingClientRect();
      const n = nav && getComputedStyle(nav).visibility !== 'hidden' ? nav.getBoundingClientRect() : null;
      return {
        headerOverflows: header ? header.scrollHeight > header.clientHeight + 1 : false,
        navUnderHeader: h && n ? n.top + 1 >= h.bottom : true,
        sideways: document.documentElement.scrollWidth > window.innerWidth + 1,
      };
    });
    expect.soft(layout, `layout of '${name}' at ${zoom}%`).toEqual({ headerOverflows: false, navUnderHeader: true, sideways: false });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}
