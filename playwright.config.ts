import { defineConfig } from '@playwright/test';

// The renderer must be built first (npm run build:renderer); `npm test` builds before testing.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Native date inputs follow the browser's UI locale: Dutch (dd-mm-jjjj) needs chromium-l10n and LANG.
      env: { ...process.env, LANG: 'nl_NL.UTF-8', LANGUAGE: 'nl' },
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=nl-NL',
      ],
    },
  },
});
