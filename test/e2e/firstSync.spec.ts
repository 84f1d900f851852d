/**
 * A fresh desk on a workspace with a year of history shows its queue before the history has
 * arrived: the open tickets come first. The history's requests (the finished tickets' part and the
 * timeline) are held at the browser's network layer until the queue has been looked at, so the
 * order is what is tested, not the timing; they then go to the real endpoint unchanged.
 */
import { expect, test, type Route } from '@playwright/test';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

let central: CentralServer;
let app: RunningWebServer;
let agent: TestAccount;
let openOnServer: number;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  central = new CentralServer();
  agent = central.seedDemo().find((a) => a.role === 'agent')!;
  await central.start();
  app = await serveApp();
  const { token } = await central.token(agent);
  const res = await fetch(`${central.url}/api/replication/tickets/pull?scope=working&part=open&limit=1000`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const page = (await res.json()) as { documents: Array<{ _deleted: boolean }> };
  openOnServer = page.documents.filter((d) => !d._deleted).length;
  expect(openOnServer).toBeGreaterThan(0);
  expect(openOnServer).toBeLessThan(1000);
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
});

test('a fresh desk shows its queue while the history is still arriving, and says so', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('pass24desk.testHooks', '1'));
  const held: Route[] = [];
  let holding = true;
  const hold = async (route: Route) => {
    if (holding) held.push(route);
    else await route.continue();
  };
  await context.route(/\/api\/replication\/tickets\/pull\?.*part=closed/, hold);
  await context.route(/\/api\/replication\/events\/pull\?/, hold);
  const page = await context.newPage();
  await signIn(page, app.url, central.url, agent);

  await expect(page.getByTestId('queue-row').first()).toBeVisible({ timeout: 60_000 });
  const arriving = page.getByTestId('sync-arriving');
  // The open tickets and the small collections are in; the history is held back.
  await expect(arriving).toHaveAttribute('data-parts', 'closedTickets events kb', { timeout: 60_000 });
  await expect(arriving).toHaveText('Ещё загружаются: закрытые обращения, лента обращений, база знаний');
  await expect(page.getByTestId('last-sync')).toHaveText('Синхронизация не завершена');
  // Every open ticket is on the desk, and no finished one yet.
  const local = await page.evaluate(async () => {
    const ws = (
      window as unknown as {
        __deskTest: { workspace(): { db: { tickets: { find(): { exec(): Promise<Array<{ status: string }>> } } } } };
      }
    ).__deskTest.workspace();
    return (await ws.db.tickets.find().exec()).map((t) => t.status);
  });
  expect(local.length).toBe(openOnServer);
  expect(local.filter((s) => s === 'resolved' || s === 'closed')).toEqual([]);
  expect(held.length).toBeGreaterThan(0);

  holding = false;
  for (const route of held.splice(0)) await route.continue();
  await waitInSync(page, 120_000);
  await expect(arriving).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('last-sync')).toHaveText(/^Синхронизировано в \d{2}:\d{2}:\d{2}$/);
  await context.close();
});
