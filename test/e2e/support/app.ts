/** The web twin for e2e tests: dist-web served on loopback, and signing in through the real form. */
import { expect, type Page } from '@playwright/test';
import { startWebServer, type RunningWebServer } from '../../../scripts/webServer.ts';
import type { TestAccount } from './central.ts';
import { distWeb } from './paths.ts';

/** Serves the built web twin. `embedded` makes it sign in to that endpoint by itself. */
export function serveApp(embedded?: { url: string; login: string; password: string }): Promise<RunningWebServer> {
  return startWebServer({ root: distWeb, embedded: () => embedded ?? null });
}

/** Opens the app and signs in with the form; resolves when the desk is on screen. */
export async function signIn(
  page: Page,
  appUrl: string,
  endpointUrl: string,
  account: Pick<TestAccount, 'login' | 'password'>,
): Promise<void> {
  await page.goto(appUrl);
  await page.getByTestId('signin-endpoint').fill(endpointUrl);
  await page.getByTestId('signin-login').fill(account.login);
  await page.getByTestId('signin-password').fill(account.password);
  await page.getByTestId('signin-submit').click();
  await expect(page.getByTestId('status-bar')).toBeVisible();
}

/** Waits until the status bar says online and nothing waits to be sent. */
export async function waitInSync(page: Page, timeout = 15_000): Promise<void> {
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online', { timeout });
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout });
}
