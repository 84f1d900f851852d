/**
 * The working set and «Архив» in a real browser against a real endpoint holding a year of demo
 * history: the desk keeps only the working set, an old ticket is found in the archive by its
 * number and by a word, opened read-only with its timeline, and continued as a new linked ticket;
 * a resolved one is reopened from the archive and shows up in a second desk's queue; a ticket that
 * ages out of a narrowed window leaves the desk and is found again in the archive; offline, the
 * archive searches what the desk keeps and says so.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createTicketDocument } from '#shared/domain/ticketFactory.ts';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

const dayMs = 86_400_000;

let central: CentralServer;
let app: RunningWebServer;
let agent: TestAccount;
let head: TestAccount;
let old: { id: string; number: string; subject: string };
/** A ticket resolved 200 days ago and never confirmed: out of the window, and reopenable by the head. */
let unconfirmed: { id: string; number: string };
const unconfirmedSubject = 'Считыватель на КПП не видит карты жильцов';

async function api<T>(path: string, token: string, body?: unknown): Promise<T> {
  const res = await fetch(`${central.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The head's desk pushes a ticket it took and resolved long ago (legal moves, in its own name). */
async function seedUnconfirmed(): Promise<{ id: string; number: string }> {
  const { token, agentId } = await central.token(head);
  const resolvedAt = Date.now() - 200 * dayMs;
  const id = randomUUID();
  const base = createTicketDocument(
    {
      subject: unconfirmedSubject,
      description: 'На въезде 2 считыватель перестал принимать карты жильцов',
      type: 'incident',
      priority: 'standard',
      channel: 'phone',
      product: null,
      organizationName: 'УК «Тестовый квартал»',
      siteName: 'ЖК «Тестовый квартал»',
      contact: { name: 'Игорь', phone: '+7 900 000-00-01' },
    },
    { id, now: resolvedAt - dayMs, authorId: agentId },
  );
  const ticket = {
    ...base,
    status: 'resolved',
    assigneeId: agentId,
    firstContactAt: resolvedAt - dayMs + 60_000,
    resolvedAt,
    resolution: { summary: 'Перезагрузили контроллер считывателя', kbArticleId: 'kb-demo' },
    statusLog: [...base.statusLog, { status: 'in_progress', at: resolvedAt - dayMs }, { status: 'resolved', at: resolvedAt }],
    editedAt: resolvedAt,
    editedBy: agentId,
    _deleted: false,
  };
  const pushed = await api<{ rejected: unknown[]; conflicts: Array<{ id: string; number: string }> }>(
    '/api/replication/tickets/push',
    token,
    [{ assumedMasterState: null, newDocumentState: ticket }],
  );
  expect(pushed.rejected).toEqual([]);
  const note = { id: randomUUID(), ticketId: id, kind: 'note', at: resolvedAt - 1000, authorId: agentId, authorName: head.name };
  const events = await api<{ rejected: unknown[] }>('/api/replication/events/push', token, [
    {
      assumedMasterState: null,
      newDocumentState: {
        ...note,
        public: false,
        body: 'Контроллер перезагружен удалённо',
        data: {},
        updatedAt: 0,
        _deleted: false,
      },
    },
  ]);
  expect(events.rejected).toEqual([]);
  const number = pushed.conflicts.find((d) => d.id === id)?.number;
  expect(number).toMatch(/^\d{4}-\d{6}$/);
  return { id, number: number! };
}

/** The head sets the workspace's working-set window (the SLA settings' «workingSetDays»). */
async function setWindowDays(days: number): Promise<void> {
  const { token, agentId } = await central.token(head);
  const page = await api<{ documents: Array<{ id: string; value: Record<string, unknown> } & Record<string, unknown>> }>(
    '/api/replication/config/pull?limit=1000',
    token,
  );
  // The demo workspace has no saved workspace settings until the head saves them once.
  const stored = page.documents.find((d) => d.id === 'workspace') ?? null;
  const value = stored?.value ?? { emailAcknowledgement: true, weeklyReview: { enabled: false, recipients: [] } };
  const next = {
    ...(stored ?? { id: 'workspace', updatedAt: 0, _deleted: false }),
    value: { ...value, workingSetDays: days },
    editedAt: Date.now(),
    editedBy: agentId,
  };
  const res = await api<{ rejected: unknown[] }>('/api/replication/config/push', token, [
    { assumedMasterState: stored, newDocumentState: next },
  ]);
  expect(res.rejected).toEqual([]);
}

/** The agent's second desk, kept from one test to the next: a first sync of a year's working set is not quick. */
let agentDesk: Page | null = null;
async function sharedAgentDesk(browser: Browser): Promise<Page> {
  agentDesk ??= await desk(browser, agent);
  return agentDesk;
}

async function desk(browser: Browser, account: TestAccount): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('pass24desk.testHooks', '1'));
  const page = await context.newPage();
  await signIn(page, app.url, central.url, account);
  await waitInSync(page, 120_000);
  return page;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  central = new CentralServer();
  const accounts = central.seedDemo();
  agent = accounts.find((a) => a.role === 'agent')!;
  head = accounts.find((a) => a.role === 'head')!;
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
  unconfirmed = await seedUnconfirmed();
});

test.afterAll(async () => {
  await agentDesk?.context().close();
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

test('a resolved ticket found in the archive is reopened and shows up in the queue of a second desk', async ({ browser }) => {
  test.setTimeout(240_000);
  const [headDesk, second] = await Promise.all([desk(browser, head), sharedAgentDesk(browser)]);
  expect(await localTicketIds(headDesk)).not.toContain(unconfirmed.id);
  expect(await localTicketIds(second)).not.toContain(unconfirmed.id);

  // A closed ticket is final: only the linked ticket is offered, and the screen says why.
  await second.keyboard.press('Alt+Digit6');
  await second.getByTestId('archive-search').fill(old.number);
  await expect(second.getByTestId('archive-row').first()).toHaveAttribute('data-ticket-id', old.id);
  await second.getByTestId('archive-search').press('Enter');
  await expect(second.getByTestId('archive-reopen-unavailable')).toHaveAttribute('data-reason', 'final');
  await expect(second.getByTestId('archive-reopen')).toHaveCount(0);

  await headDesk.keyboard.press('Alt+Digit6');
  await headDesk.getByTestId('archive-search').fill(unconfirmed.number);
  await expect(headDesk.getByTestId('archive-row').first()).toHaveAttribute('data-ticket-id', unconfirmed.id);
  await headDesk.getByTestId('archive-search').press('Enter');
  await expect(headDesk.getByTestId('archive-ticket-status')).toHaveText('Решено');
  await headDesk.getByTestId('archive-reopen').click();
  await headDesk.getByTestId('archive-reopen-reason').fill('Клиент звонит: считыватель снова не видит карты');
  await headDesk.getByTestId('archive-reopen-confirm').click();
  // Reopened by the endpoint, it arrives through sync with its timeline and opens in the queue.
  await expect(headDesk.getByTestId('ticket-view')).toHaveAttribute('data-ticket-id', unconfirmed.id, { timeout: 30_000 });
  await expect(headDesk.getByTestId('ticket-view').getByText('Контроллер перезагружен удалённо')).toBeVisible();

  await second.keyboard.press('Alt+Digit1');
  await second.getByTestId('queue-filter').fill(unconfirmed.number);
  await expect(second.locator(`[data-testid="queue-row"][data-ticket-id="${unconfirmed.id}"]`)).toBeVisible({
    timeout: 30_000,
  });
  await headDesk.context().close();
});

test('a ticket ageing out of a narrowed window leaves the desk and stays on the server, found in the archive', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { token } = await central.token(agent);
  // A ticket closed between 10 and 60 days ago: in the 90-day window, out of a 5-day one.
  const from = new Date(Date.now() - 60 * dayMs).toISOString().slice(0, 10);
  const to = new Date(Date.now() - 12 * dayMs).toISOString().slice(0, 10);
  const found = await api<{ tickets: Array<{ id: string; number: string; closedAt: number }> }>(
    `/api/tickets/search?status=closed&from=${from}&to=${to}&limit=50`,
    token,
  );
  const recent = found.tickets.find((t) => t.closedAt < Date.now() - 10 * dayMs)!;
  expect(recent).toBeDefined();
  const page = await sharedAgentDesk(browser);
  expect(await localTicketIds(page)).toContain(recent.id);
  try {
    await setWindowDays(5);
    await expect.poll(() => localTicketIds(page), { timeout: 60_000 }).not.toContain(recent.id);
    await page.keyboard.press('Alt+Digit6');
    await page.getByTestId('archive-search').fill(recent.number);
    await expect(page.getByTestId('archive-row').first()).toHaveAttribute('data-ticket-id', recent.id);
    await page.getByTestId('archive-search').press('Enter');
    await expect(page.getByTestId('archive-ticket')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('archive-ticket').getByText('только просмотр', { exact: false })).toBeVisible();
  } finally {
    await setWindowDays(90);
  }
});
