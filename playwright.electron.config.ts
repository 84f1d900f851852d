import { defineConfig } from '@playwright/test';

/**
 * `npm run test:electron`: the real desktop app driven by Playwright's `_electron`, for machines
 * that have the Electron binary (it cannot be downloaded on CI machines here; the suite then skips
 * and says why). Not part of `npm test`.
 */
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/electron/globalSetup.ts',
  // One Electron app at a time: the app holds a single-instance lock per data folder anyway.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
