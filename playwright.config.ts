import { defineConfig } from '@playwright/test';

/**
 * `npx playwright test` (part of `npm test`): the web twin (dist-web, built once in globalSetup)
 * in Debian's Chromium, against real central endpoints started as processes by each spec
 * (test/e2e/support/central.ts). No browser download: /usr/bin/chromium.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/support/globalSetup.ts',
  // Each spec starts its own servers on free ports, so two specs run side by side: the suite waits
  // on sync, timers and servers as much as it computes, and the 2-core machine is kept busy.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
