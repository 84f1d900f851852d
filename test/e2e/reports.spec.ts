/**
 * «Отчёты» on the demo workspace in a real browser: the report the endpoint computes over every
 * ticket of a month shows the same figures as the desk's own computation over its working set
 * (offline, in a worker), and a click on a number lists the tickets behind it: offline from the
 * desk's own lists, online a page at a time from the endpoint, an archived one opening from the archive.
 */
import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { presetPeriod } from '#shared/kpi/index.ts';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';
import { repoRoot } from './support/paths.ts';

const head: TestAccount = { login: 'otchety', name: 'Ольга Петрова', role: 'head', password: 'пароль-руководителя' };
const timeZone = 'Europe/Moscow';

let central: CentralServer;
let app: RunningWebServer;
let seeded: { tickets: number; events: number };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  central = new CentralServer();
  const seed = spawnSync(process.execPath, ['server/cli.ts', 'seed', '--demo', '--data', central.dataDir], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
  const counts = /Обращений: (\d+).*записей хронологии: (\d+)/.exec(seed.stdout);
  if (!counts) throw new Error(`no counts in: ${seed.stdout}`);
  seeded = { tickets: Number(counts[1]), events: Number(counts[2]) };
  central.addAccount(head);
  await central.start();
  // The comparison needs the whole year on the desk: a window wider than the demo's history.
  await central.setWorkingSetDays(head, 3650);
  // Of the finished tickets the desk holds the timeline entries its report reads, not the rest.
  seeded.events = await scopedEventCount(3650);
  expect(seeded.events).toBeGreaterThan(0);
  app = await serveApp();
});

/** The timeline entries a desk pulling the working set under `days` holds after its first sync. */
async function scopedEventCount(days: number): Promise<number> {
  const { token } = await central.token(head);
  let count = 0;
  type Checkpoint = { id: string; updatedAt: number } | null;
  let checkpoint: Checkpoint = null;
  for (;;) {
    const q = new URLSearchParams({ scope: 'working', closedWindowDays: String(days), limit: '1000' });
    if (checkpoint) {
      q.set('id', checkpoint.id);
      q.set('updatedAt', String(checkpoint.updatedAt));
    }
    const res = await fetch(`${central.url}/api/replication/events/pull?${q.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await res.json()) as { documents: Array<{ _deleted: boolean }>; checkpoint: Checkpoint };
    count += page.documents.filter((d) => !d._deleted).length;
    checkpoint = page.checkpoint;
    if (page.documents.length < 1000) return count;
  }
}

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
});

/** The previous calendar month in the workspace's time zone: over, so both sides read it as it stood at its end. */
function lastMonth(): { from: string; to: string } {
  const thisMonth = presetPeriod('month', timeZone, Date.now());
  const firstDay = Date.parse(`${thisMonth.from}T12:00:00Z`);
  return presetPeriod('month', timeZone, firstDay - 2 * 86_400_000);
}

/** YYYY-MM-DD as the date fields show and take it from the keyboard: ДД.ММ.ГГГГ. */
const russianDate = (iso: string): string => iso.split('-').reverse().join('.');

async function figures(page: Page): Promise<string> {
  return page.getByTestId('kpi-table').innerText();
}

test('the endpoint report equals the desk’s own figures for the same month', async ({ browser }) => {
  test.setTimeout(360_000);
  const context = await browser.newContext();
  await context.addInitScript(() => localStorage.setItem('pass24desk.testHooks', '1'));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') console.log('console:', m.text());
  });
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await signIn(page, app.url, central.url, head);
  await waitInSync(page, 120_000);
  // The whole demo workspace is on this desk before its own computation is compared.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const ws = (
            window as unknown as { __deskTest: { workspace(): { db: Record<string, { count(): { exec(): Promise<number> } }> } } }
          ).__deskTest.workspace();
          return [await ws.db.tickets!.count().exec(), await ws.db.events!.count().exec()];
        }),
      { timeout: 180_000, intervals: [1000] },
    )
    .toEqual([seeded.tickets, seeded.events]);

  await page.evaluate(() => (location.hash = '#/reports'));
  await expect(page.getByTestId('section-reports')).toBeVisible();
  const month = lastMonth();
  await page.getByTestId('report-period').getByText('Свой').click();
  // The custom period's fields are Russian dates, typed or picked on a Russian calendar.
  await expect(page.getByTestId('report-from')).toHaveValue(/^\d{2}\.\d{2}\.\d{4}$/);
  await page.getByTestId('report-from').fill(russianDate(month.from));
  await page.getByTestId('report-to').fill(russianDate(month.to));
  await page.getByTestId('report-to').press('Escape');
  // The closing calendar stays in the page for its transition: wait until it is gone.
  await expect(page.locator('.mantine-DateInput-calendarHeaderLevel')).toHaveCount(0);
  // The calendar names the month and the weekdays in Russian.
  await page.getByTestId('report-from').click();
  const monthName = new Intl.DateTimeFormat('ru-RU', { month: 'long', year: 'numeric', timeZone }).format(
    new Date(`${month.from}T12:00:00Z`),
  );
  await expect(page.getByRole('button', { name: monthName.replace(/\s*г\.$/, '') })).toBeVisible();
  await expect(page.getByText('пн', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('reports-dates.png') });
  await page.getByTestId('report-from').press('Escape');
  await expect(page.getByTestId('report-from')).toHaveValue(russianDate(month.from));
  await expect(page.getByTestId('report-to')).toHaveValue(russianDate(month.to));
  await expect(page.getByTestId('report-source-server')).toBeVisible({ timeout: 30_000 });
  const online = await figures(page);
  const onlineBreaches = await page.getByTestId('breached-row').count();
  expect(onlineBreaches).toBeGreaterThan(0);
  // A number of the demo month, not an empty table.
  await expect(page.getByTestId('kpi-row-volume')).not.toContainText('создано 0');
  // The README's screenshot is refreshed with UPDATE_SCREENSHOTS=1; otherwise it goes with the test's output.
  const shot = process.env.UPDATE_SCREENSHOTS
    ? `${repoRoot}/docs/screenshots/reports.png`
    : test.info().outputPath('reports.png');
  await page.screenshot({ path: shot, fullPage: false });

  await context.setOffline(true);
  // Offline the desk reads the KPI kinds of its local event log (by the kind index) and the
  // period's tickets before the worker computes: a while on a loaded machine.
  await expect(page.getByTestId('report-source-local')).toBeVisible({ timeout: 150_000 });
  expect(await figures(page)).toBe(online);
  expect(await page.getByTestId('breached-row').count()).toBe(onlineBreaches);

  // A click on a number lists the tickets behind it; one of them opens in the queue.
  await page.getByTestId('kpi-value-slaStandard').click();
  const behind = page.getByTestId('kpi-behind');
  const rows = behind.getByTestId('behind-row');
  await expect(rows.first()).toBeVisible();
  const standardTotal = Number(/из (\d+)/.exec((await behind.getByTestId('behind-shown').innerText()) ?? '')?.[1]);
  expect(standardTotal).toBeGreaterThan(0);
  await rows.first().getByRole('button').click();
  await expect(page.getByTestId('ticket-view')).toBeVisible({ timeout: 15_000 });

  // Online again, with a week's working set: last month's closed tickets leave the desk (it reads
  // the setting when it starts).
  await context.setOffline(false);
  await central.setWorkingSetDays(head, 7);
  await page.reload();
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          try {
            const ws = (
              window as unknown as {
                __deskTest: { workspace(): { db: Record<string, { count(): { exec(): Promise<number> } }> } };
              }
            ).__deskTest.workspace();
            return await ws.db.tickets!.count().exec();
          } catch {
            // Still starting after the reload: nothing dropped yet.
            return Number.MAX_SAFE_INTEGER;
          }
        }),
      { timeout: 120_000, intervals: [1000] },
    )
    .toBeLessThan(seeded.tickets);
  await page.evaluate(() => (location.hash = '#/reports'));
  // The desk remembers the chosen period across the reload: the same month, not «Месяц».
  await expect(page.getByTestId('report-from')).toHaveValue(russianDate(month.from));
  await expect(page.getByTestId('report-to')).toHaveValue(russianDate(month.to));
  await expect(page.getByTestId('report-source-server')).toBeVisible({ timeout: 30_000 });
  expect(await figures(page)).toBe(online);
  // The endpoint's JSON has the numbers; the tickets behind one come from it a page at a time.
  await page.getByTestId('kpi-value-slaStandard').click();
  await expect(behind.getByTestId('behind-shown')).toHaveText(new RegExp(`из ${standardTotal}$`));
  const archived = rows.filter({ has: page.getByTestId('behind-archived') }).first();
  await expect(archived).toBeVisible({ timeout: 15_000 });
  const subject = await archived.locator('td').nth(1).locator('p').first().innerText();
  await archived.getByRole('button').click();
  await expect(page.getByTestId('archive-ticket')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  await expect(page.getByTestId('archive-ticket-subject')).toContainText(subject);
  await context.close();
});
