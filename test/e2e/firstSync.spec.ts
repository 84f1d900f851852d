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

test('a finished ticket brings only what the desk reads offline, and its whole history when opened, kept', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('pass24desk.testHooks', '1'));
  const page = await context.newPage();
  await signIn(page, app.url, central.url, agent);
  await waitInSync(page, 120_000);
  await expect(page.getByTestId('sync-arriving')).toHaveCount(0, { timeout: 120_000 });

  type Hooks = {
    workspace(): {
      db: {
        tickets: { find(q: object): { exec(): Promise<Array<{ id: string }>> } };
        events: { find(q: object): { exec(): Promise<Array<{ kind: string }>> } };
      };
    };
    route: { getState(): { openTicket(id: string): void } };
  };
  const localKinds = (ticketId: string) =>
    page.evaluate(async (id) => {
      const hooks = (window as unknown as { __deskTest: Hooks }).__deskTest;
      const events = await hooks
        .workspace()
        .db.events.find({ selector: { ticketId: id } })
        .exec();
      return events.map((e) => e.kind).sort();
    }, ticketId);
  const ticketId = await page.evaluate(async () => {
    const hooks = (window as unknown as { __deskTest: Hooks }).__deskTest;
    const closed = await hooks
      .workspace()
      .db.tickets.find({ selector: { status: 'closed' }, limit: 1 })
      .exec();
    return closed[0]!.id;
  });
  const { token } = await central.token(agent);
  const res = await fetch(`${central.url}/api/tickets/${ticketId}`, { headers: { authorization: `Bearer ${token}` } });
  const onServer = ((await res.json()) as { events: Array<{ kind: string }> }).events.map((e) => e.kind).sort();
  expect(onServer).toContain('created');

  // Of its timeline the first sync brought the entries the KPI report reads, and nothing else.
  const before = await localKinds(ticketId);
  expect(before).toEqual(
    onServer.filter((k) => ['assigned', 'priority_changed', 'escalation_approved', 'resolution'].includes(k)),
  );
  expect(before.length).toBeLessThan(onServer.length);

  // Opened without a connection: what is here, and a word that the rest is on the server.
  await context.setOffline(true);
  await page.evaluate((id) => (window as unknown as { __deskTest: Hooks }).__deskTest.route.getState().openTicket(id), ticketId);
  await expect(page.getByTestId('timeline-part-on-server')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('timeline-entry')).toHaveCount(before.length);

  // Back online: the whole history is fetched, shown and kept on the desk.
  await context.setOffline(false);
  await expect(page.getByTestId('timeline-entry')).toHaveCount(onServer.length, { timeout: 30_000 });
  await expect(page.getByTestId('timeline-part-on-server')).toHaveCount(0);
  await expect(page.locator('[data-testid="timeline-entry"][data-kind="created"]')).toHaveCount(1);
  expect(await localKinds(ticketId)).toEqual(onServer);
  // Nothing of it waits to be sent: the endpoint already holds every entry.
  await waitInSync(page, 30_000);
  await context.close();
});
