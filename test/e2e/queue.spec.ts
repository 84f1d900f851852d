/**
 * The prioritised queue in a real browser against a real central endpoint: tickets posted by a
 * channel connector reach another agent's queue live, in urgency order, with running countdowns;
 * views count; the keyboard moves and opens; the quick filter narrows.
 *
 * SLA clocks run on working time (Mon-Fri 09:00-18:00, Moscow, production calendar), so at night
 * a countdown rightly stands still. To see it run at any hour, the central endpoint's clock is set
 * to a working hour (Date shifted in the server process); the app follows the server's clock, as
 * it does in production, so browser and server agree on "now".
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startWebServer, type RunningWebServer } from '../../scripts/webServer.ts';
import { defaultRussianCalendar } from '../../shared/sla/index.ts';
import { addWorkingMs, workingMsBetween } from '../../shared/sla/workingTime.ts';
import { benchTickets } from '../bench/queue/benchTickets.ts';
import { signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';
import { distWeb } from './support/paths.ts';

const author: TestAccount = { login: 'ivanova', name: 'Анна Иванова', role: 'agent', password: 'пароль-для-теста-1' };
const colleague: TestAccount = { login: 'petrov', name: 'Пётр Петров', role: 'agent', password: 'пароль-для-теста-2' };

let central: CentralServer;
let app: RunningWebServer;
let apiKey: string;
let clockDir: string;
let standardId: string;
let consultationId: string;

/** How far to move the server's clock so that the next 45 minutes are working time (0 when they already are). */
function shiftToWorkingHours(now: number): number {
  const cal = defaultRussianCalendar();
  const window = 45 * 60_000;
  let at = now;
  for (let i = 0; i < 2000 && workingMsBetween(cal, at, at + window) < window; i++) at = addWorkingMs(cal, at, 60_000);
  return at - now;
}

async function startServerInWorkingHours(server: CentralServer): Promise<void> {
  const shift = shiftToWorkingHours(Date.now());
  clockDir = mkdtempSync(join(tmpdir(), 'pass24-e2e-clock-'));
  const preload = join(clockDir, 'shiftedClock.mjs');
  writeFileSync(
    preload,
    `import http from 'node:http';
const shift = ${shift};
const RealDate = Date;
class ShiftedDate extends RealDate {
  constructor(...args) { if (args.length === 0) super(RealDate.now() + shift); else super(...args); }
  static now() { return RealDate.now() + shift; }
}
globalThis.Date = ShiftedDate;
// Node writes the Date header with its own clock; the app's server clock reads that header too.
const writeHead = http.ServerResponse.prototype.writeHead;
http.ServerResponse.prototype.writeHead = function (...args) {
  if (!this.headersSent && !this.hasHeader('date')) this.setHeader('date', new ShiftedDate().toUTCString());
  return writeHead.apply(this, args);
};
`,
  );
  const before = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${before ?? ''} --import=${preload}`.trim();
  try {
    await server.start();
  } finally {
    if (before === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = before;
  }
}

test.beforeAll(async () => {
  central = new CentralServer();
  central.addAccount(author);
  central.addAccount(colleague);
  apiKey = central.addApiKey('email');
  await startServerInWorkingHours(central);
  // A copy of the web build: other specs' global setup may rebuild dist-web while this one runs.
  cpSync(distWeb, join(clockDir, 'web'), { recursive: true });
  app = await startWebServer({ root: join(clockDir, 'web'), embedded: () => null });
  standardId = (
    await central.intake(apiKey, {
      channel: 'email',
      externalId: 'mail-standard-1',
      subject: 'Карта доступа не работает после перевыпуска',
      description: 'Жительница перевыпустила карту, турникет её не видит',
      contact: { name: 'Ольга Сидорова' },
      priority: 'standard',
    })
  ).id;
  consultationId = (
    await central.intake(apiKey, {
      channel: 'email',
      externalId: 'mail-consultation-1',
      subject: 'Как выгрузить журнал проездов за месяц',
      description: 'Нужен отчёт для собрания собственников',
      contact: { name: 'Игорь Белов' },
      priority: 'consultation',
    })
  ).id;
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
  if (clockDir) rmSync(clockDir, { recursive: true, force: true });
});

const rows = (page: Page) => page.getByTestId('queue-row');
const rowOf = (page: Page, id: string) => page.locator(`[data-testid="queue-row"][data-ticket-id="${id}"]`);

async function switchView(page: Page, view: string): Promise<void> {
  const input = page.getByTestId('palette-input');
  // A banner or notification arriving at that moment can take the key press, and a second press
  // while a slow palette is still opening closes it again: open and type until the text is in.
  await expect(async () => {
    if (!(await input.isVisible())) await page.keyboard.press('Control+k');
    await input.fill(`Очередь: ${view}`, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page.keyboard.press('Enter');
}

async function openQueue(page: Page, account: TestAccount): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('pass24desk.testHooks', '1'));
  await signIn(page, app.url, central.url, account);
  await waitInSync(page);
  await expect(page.getByTestId('section-queue')).toBeVisible();
  await expect(rows(page)).toHaveCount(2);
}

test('J/K move the selection, Enter opens the ticket beside the queue, Esc closes it', async ({ page }) => {
  await openQueue(page, colleague);
  // The standard ticket (24 working hours) is due before the consultation (48).
  await expect(rows(page).nth(0)).toHaveAttribute('data-ticket-id', standardId);
  await expect(rows(page).nth(1)).toHaveAttribute('data-ticket-id', consultationId);

  await page.keyboard.press('j');
  await expect(rowOf(page, standardId)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(rowOf(page, consultationId)).toHaveAttribute('aria-selected', 'true');
  await expect(rowOf(page, standardId)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('k');
  await expect(rowOf(page, standardId)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('queue-ticket-pane')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/queue/${standardId}$`));
  // Beside the ticket the queue keeps the columns that decide what is next.
  await expect(page.getByTestId('queue-sort-organization')).toHaveCount(0);
  await expect(page.getByTestId('queue-sort-sla')).toBeVisible();
  await expect(rowOf(page, standardId)).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/queue/${consultationId}$`));

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('queue-ticket-pane')).toBeHidden();
  await expect(page).toHaveURL(/#\/queue$/);
  await expect(page.getByTestId('queue-sort-organization')).toBeVisible();
});

test('the queue is a grid of plain elements: no table elements, no custom properties set inline in the rows', async ({
  page,
}) => {
  // Table elements make a scroll's style recalculation grow with every scroll in the same page, and
  // inline `--x` colours on every cell cost more. Both are checked here; the frame rate itself is
  // npm run bench:queue (docs/performance-queue.md).
  await openQueue(page, colleague);
  const grid = page.getByTestId('queue-table');
  await expect(grid).toHaveAttribute('role', 'grid');
  await expect(rows(page).first()).toHaveAttribute('role', 'row');
  await expect(rows(page).first()).toHaveAttribute('aria-rowindex', '2');
  await expect(grid.locator('table, thead, tbody, tr, th, td')).toHaveCount(0);
  await expect(rows(page).first().locator('[role="gridcell"]').first()).toBeVisible();
  const inlineVars = await grid.evaluate(
    (el) =>
      [...el.querySelectorAll('[data-testid="queue-row"], [data-testid="queue-row"] *')].filter((node) =>
        (node.getAttribute('style') ?? '').includes('--'),
      ).length,
  );
  expect(inlineVars).toBe(0);
});

test('the quick filter narrows the rows by subject, contact or number, and says when nothing matches', async ({ page }) => {
  await openQueue(page, colleague);
  await page.keyboard.press('/');
  const filter = page.getByTestId('queue-filter');
  await expect(filter).toBeFocused();

  await page.keyboard.type('журнал');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-ticket-id', consultationId);

  await filter.fill('сидорова');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-ticket-id', standardId);

  const number = await rows(page).first().locator('[data-column="number"]').innerText();
  await filter.fill(number.slice(-4));
  await expect(rows(page)).toHaveCount(1);

  await filter.fill('турникет шлагбаум камера');
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByTestId('queue-empty')).toHaveText('Ничего не найдено по запросу «турникет шлагбаум камера»');
  await expect(filter).toHaveValue('турникет шлагбаум камера');

  await page.keyboard.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(rows(page)).toHaveCount(2);
});

test('the palette switches views and opens a ticket by its number', async ({ page }) => {
  await openQueue(page, colleague);
  const number = await rowOf(page, consultationId).locator('[data-column="number"]').innerText();

  await switchView(page, 'Ожидают клиента');
  await expect(page.getByTestId('queue-view-waiting')).toHaveAttribute('data-active', 'true');
  await expect(page.getByTestId('queue-empty')).toHaveText('В этом списке обращений нет');

  await page.getByTestId('queue-view-open').click();
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill(number);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/queue/${consultationId}$`));
});

test('a column sort reorders the rows, and the chosen columns are remembered', async ({ page }) => {
  await openQueue(page, colleague);
  await page.getByTestId('queue-sort-subject').click();
  // "Как выгрузить…" before "Карта доступа…".
  await expect(rows(page).nth(0)).toHaveAttribute('data-ticket-id', consultationId);
  await page.getByTestId('queue-sort-subject').click();
  await expect(rows(page).nth(0)).toHaveAttribute('data-ticket-id', standardId);

  await page.getByTestId('queue-columns-menu').click();
  await page.getByTestId('queue-column-toggle-channel').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('queue-sort-channel')).toHaveCount(0);
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId('queue-sort-channel')).toHaveCount(0);
  await expect(page.getByTestId('queue-sort-subject')).toBeVisible();
});

test('a fast scroll skims: the rows show only their number until the scroll stops, then every cell again', async ({ page }) => {
  await openQueue(page, colleague);
  // 600 more tickets in this page's own database only: replication stopped, nothing is pushed.
  await page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- renderer/src/app/testHooks.ts, typed loosely on purpose
    await (window as unknown as { __deskTest: any }).__deskTest.workspace().sync.stop();
  });
  const agentId = await page.evaluate(
    () =>
      (window as unknown as { __deskTest: { workspace(): { session: { agent: { id: string } } } } }).__deskTest.workspace()
        .session.agent.id,
  );
  const extra = benchTickets(600, Date.now(), [agentId]);
  const refused = await page.evaluate(
    async (docs) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
      (await (window as unknown as { __deskTest: any }).__deskTest.workspace().db.tickets.bulkInsert(docs)).error
        .length as number,
    extra,
  );
  expect(refused).toBe(0);
  const grid = page.getByTestId('queue-table');
  // The header row, the spec's two tickets and the open ones among the extra.
  await expect(grid).toHaveAttribute('aria-rowcount', String(1 + 2 + extra.filter((t) => t.status !== 'closed').length));

  // A screen and more a frame, as a dragged scrollbar: what the rows show in each frame.
  const seen = await grid.evaluate(async (scroller) => {
    const frames: Array<{ skimming: number; rows: number; emptySubjects: number; numbers: number }> = [];
    for (let i = 0; i < 12; i++) {
      scroller.scrollTop += scroller.clientHeight * 1.5;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const rowEls = [...scroller.querySelectorAll('[data-testid="queue-row"]')];
      frames.push({
        skimming: rowEls.filter((r) => r.hasAttribute('data-skim')).length,
        rows: rowEls.length,
        emptySubjects: rowEls.filter((r) => r.querySelector('[data-column="subject"]')?.textContent === '').length,
        numbers: rowEls.filter((r) => (r.querySelector('[data-column="number"]')?.textContent ?? '') !== '').length,
      });
    }
    return frames;
  });
  const skimmed = seen.filter((f) => f.skimming > 0);
  expect(skimmed.length).toBeGreaterThan(0);
  for (const frame of skimmed) {
    expect(frame.skimming).toBe(frame.rows);
    expect(frame.emptySubjects).toBe(frame.rows);
    expect(frame.numbers).toBe(frame.rows);
  }
  // Stopped: every row has its cells back.
  await expect(grid.locator('[data-testid="queue-row"][data-skim]')).toHaveCount(0);
  const subjects = await grid.locator('[data-testid="queue-row"] [data-column="subject"]').allInnerTexts();
  expect(subjects.length).toBeGreaterThan(10);
  expect(subjects.every((text) => text.length > 0)).toBe(true);

  // A wheel, a few rows at a time, never skims.
  await grid.hover();
  const wheelSkims = await grid.evaluate(async (scroller) => {
    let skims = 0;
    for (let i = 0; i < 10; i++) {
      scroller.scrollTop -= 96;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      skims += scroller.querySelectorAll('[data-skim]').length;
    }
    return skims;
  });
  expect(wheelSkims).toBe(0);
});

// Last: it adds a third ticket that the tests above do not expect.
test('an emergency posted through the intake API rises to the top of another agent’s queue with a running countdown', async ({
  page,
}) => {
  await openQueue(page, colleague);
  await expect(page.getByTestId('queue-count-open')).toHaveText('2');
  await expect(page.getByTestId('queue-count-emergency')).toHaveText('0');

  const emergency = await central.intake(apiKey, {
    channel: 'email',
    externalId: 'mail-emergency-1',
    subject: 'Не открывается шлагбаум на въезде, очередь машин',
    description: 'Камера не распознаёт номера с утра',
    contact: { name: 'Дмитрий Егоров' },
    priority: 'emergency',
  });

  await expect(rows(page).first()).toHaveAttribute('data-ticket-id', emergency.id, { timeout: 8_000 });
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByTestId('queue-count-open')).toHaveText('3');
  await expect(page.getByTestId('queue-count-emergency')).toHaveText('1');
  await expect(page.getByTestId('queue-count-burning')).toHaveText('1');
  await expect(page.getByTestId('queue-count-mine')).toHaveText('0');

  const top = rows(page).first();
  await expect(top).toContainText(emergency.number);
  await expect(top).toContainText('Экстренное');
  const countdown = top.getByTestId('sla-countdown');
  await expect(countdown).toHaveAttribute('data-metric', 'firstContact');
  const first = await countdown.getByTestId('sla-countdown-text').innerText();
  expect(first).toMatch(/^1[45] мин \d{2} с$/);
  await expect.poll(() => countdown.getByTestId('sla-countdown-text').innerText(), { timeout: 5_000 }).not.toBe(first);

  // Through the palette: the emergency alarm's notification may cover the view switch.
  await switchView(page, 'Экстренные');
  await expect(page.getByTestId('queue-view-emergency')).toHaveAttribute('data-active', 'true');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-ticket-id', emergency.id);
  await switchView(page, 'Все открытые');
  await expect(rows(page)).toHaveCount(3);
});
