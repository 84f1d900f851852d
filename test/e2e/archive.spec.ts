/**
 * The working set and «Архив» in a real browser against a real endpoint holding a year of demo
 * history: the desk keeps only the working set, an old ticket is found in the archive by its
 * number and by a word, opened read-only with its timeline, and continued as a new linked ticket;
 * offline, the archive searches what the desk keeps and says so.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

const dayMs = 86_400_000;

let central: CentralServer;
let app: RunningWebServer;
let agent: TestAccount;
let old: { id: string; number: string; subject: string };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  central = new CentralServer();
  const accounts = central.seedDemo();
  agent = accounts.find((a) => a.role === 'agent')!;
  await central.start();
  app = await serveApp();
  // A ticket closed long before the window (90 days), found through the endpoint's own archive.
  const { token } = await central.token(agent);
  const to = new Date(Date.now() - 200 * dayMs).toISOString().slice(0, 10);
  const res = await fetch(`${central.url}/api/tickets/search?status=closed&to=${to}&limit=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const found = (await res.json()) as { tickets: Array<{ id: string; number: string; subject: string }> };
  old = found.tickets[0]!;
  expect(old.number).toMatch(/^\d{4}-\d{6}$/);
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
});

async function localTicketIds(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const ws = (
      window as unknown as {
        __deskTest: { workspace(): { db: { tickets: { find(): { exec(): Promise<Array<{ id: string }>> } } } } };
      }
    ).__deskTest.workspace();
    return (await ws.db.tickets.find().exec()).map((t) => t.id);
  });
}

test('an old ticket is not on the desk, is found in the archive, opened read-only and continued as a linked one', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('pass24desk.testHooks', '1'));
  const page = await context.newPage();
  await signIn(page, app.url, central.url, agent);
  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 60_000 });
  await waitInSync(page, 120_000);
  expect(await localTicketIds(page)).not.toContain(old.id);

  await page.keyboard.press('Alt+Digit6');
  await expect(page.getByTestId('section-archive')).toBeVisible();
  const search = page.getByTestId('archive-search');
  await expect(search).toBeFocused();
  await search.fill(old.number);
  await expect(page.getByTestId('archive-row').first()).toHaveAttribute('data-ticket-id', old.id);
  await search.press('Enter');

  await expect(page.getByTestId('archive-ticket')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('archive-ticket-subject')).toContainText(old.subject);
  await expect(page.getByTestId('archive-ticket-status')).toHaveText('Закрыто');
  await expect(page.getByTestId('archive-ticket').getByText('только просмотр', { exact: false })).toBeVisible();
  // Read-only: none of the ticket view's actions or its composer.
  await expect(page.getByTestId('composer')).toHaveCount(0);

  await page.getByTestId('archive-new-linked').click();
  await expect(page.getByTestId('intake-form')).toBeVisible();
  await expect(page.getByTestId('repeat-linked')).toHaveAttribute('data-ticket-id', old.id);
  await expect(page.getByTestId('repeat-linked')).toContainText(old.number);
  await page.getByTestId('intake-cancel').click();
  await expect(page.getByTestId('intake-form')).toBeHidden();

  // Back to the same results.
  await page.getByTestId('archive-back').click();
  await expect(page.getByTestId('archive-search')).toHaveValue(old.number);

  // A word in another form finds tickets too (Russian full text on the endpoint).
  await search.fill('шлагбаумы');
  await expect(page.getByTestId('archive-row').first()).toBeVisible();

  // Offline: only what the desk keeps, said so.
  await context.setOffline(true);
  await search.fill(old.number);
  await expect(page.getByTestId('archive-offline')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('archive-row')).toHaveCount(0);
  await context.close();
});

test('the client page lists the client’s tickets across the archive, beyond what the desk keeps', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('pass24desk.testHooks', '1'));
  const page = await context.newPage();
  await signIn(page, app.url, central.url, agent);
  await waitInSync(page, 120_000);
  await page.getByTestId('queue-row').first().click();
  await page.getByTestId('client-page-link').click();
  await expect(page.getByTestId('section-clients')).toBeVisible();
  await expect(page.getByTestId('client-ticket-row').first()).toBeVisible({ timeout: 30_000 });
  const shown = await page
    .getByTestId('client-ticket-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket-id')));
  const local = new Set(await localTicketIds(page));
  // A year of history: the client's archived tickets are listed, and the desk does not keep them.
  expect(shown.filter((id) => id && !local.has(id)).length).toBeGreaterThan(0);
  await expect(page.getByTestId('client-ticket-row').first().getByRole('cell').nth(4)).toHaveText(/В срок|Нарушен|Идёт/);

  await page.getByTestId('client-new-ticket').click();
  await expect(page.getByTestId('intake-form')).toBeVisible();
  await page.getByTestId('intake-cancel').click();
  await context.close();
});
