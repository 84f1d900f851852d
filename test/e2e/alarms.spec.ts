/**
 * Alarms in the web twin: the shared alarm loop on the browser clock, Web Notifications,
 * in-window banners, and the alarm list following sync between agents.
 *
 * Notifications are observed by wrapping window.Notification in a subclass that records every
 * notification it constructs and still constructs the real one; a click is the recorded
 * instance's onclick, as the browser would call it.
 *
 * Time. The first-contact SLA counts on the business calendar (Mon-Fri 09:00-18:00 Moscow), and
 * the machine running the tests may be at night or at a weekend, so the minute-10 warning and the
 * minute-15 breach need a working-day clock. The page gets one with page.clock (installed at
 * Tuesday 24.11.2026 10:00 Moscow, then fast-forwarded like a laptop lid closed and reopened).
 * The app corrects its clock by the server's (each response's X-Server-Time and Date headers, /api/health's `now`):
 * left alone, that correction would bring every SLA instant back to the real server time and
 * undo the fake clock. So these pages see the API without the clock samples (page.route strips
 * them), which is a workstation whose clock agrees with the server's: offset 0, SLA "now" = the
 * page's clock. Tickets for these tests are created in the page at its clock (as the intake form
 * does, through the same repository), so their createdAt and deadlines are on that working day.
 * The intake-API test needs no fake clock: the server stamps createdAt, the page runs on real
 * time, and the arrival alarm is due at once.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

const anna: TestAccount = { login: 'ivanova', name: 'Анна Иванова', role: 'agent', password: 'пароль-для-теста-1' };
const igor: TestAccount = { login: 'volkov', name: 'Игорь Волков', role: 'agent', password: 'пароль-для-теста-2' };
const tuesday10 = Date.parse('2026-11-24T10:00:00+03:00');
const minute = 60_000;

let central: CentralServer;
let app: RunningWebServer;
let intakeKey: string;

interface Recorded {
  title: string;
  /** The web host tags each notification `pass24:<ticketId>:<title>`. */
  tag: string;
  body: string;
  requireInteraction: boolean;
  at: number;
}

/** What these tests add to the page: the recorder below and the app's opt-in test hooks. */
interface AlarmWindow {
  __notifications?: Array<Recorded & { instance: Notification }>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- renderer/src/app/testHooks.ts, typed loosely on purpose
  __deskTest: any;
}

test.beforeAll(async () => {
  central = new CentralServer();
  central.addAccount(anna);
  central.addAccount(igor);
  intakeKey = central.addApiKey('email');
  await central.start();
  app = await serveApp();
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
});

/** A browser context where notifications are allowed, recorded, and the app's test hooks are on. */
async function alarmContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.grantPermissions(['notifications'], { origin: app.url });
  await context.addInitScript(() => {
    localStorage.setItem('pass24desk.testHooks', '1');
    const Real = window.Notification;
    const recorded: NonNullable<AlarmWindow['__notifications']> = [];
    class Recording extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        recorded.push({
          title,
          tag: options?.tag ?? '',
          body: options?.body ?? '',
          requireInteraction: options?.requireInteraction ?? false,
          at: Date.now(),
          instance: this,
        });
      }
      static override get permission(): NotificationPermission {
        return Real.permission;
      }
      static override requestPermission(): Promise<NotificationPermission> {
        return Real.requestPermission();
      }
    }
    window.Notification = Recording;
    (window as unknown as AlarmWindow).__notifications = recorded;
  });
  return context;
}

/** The page sees the API without the server's clock samples (see the file comment). */
async function hideServerClock(page: Page): Promise<void> {
  await page.route(`${central.url}/api/**`, async (route) => {
    if (route.request().url().includes('/pull/stream')) return route.fallback();
    try {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers.date;
      delete headers['x-server-time'];
      let body = await response.body();
      if (route.request().url().includes('/api/health') && response.ok()) {
        const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
        delete json.now;
        body = Buffer.from(JSON.stringify(json));
      }
      await route.fulfill({ status: response.status(), headers, body });
    } catch {
      // The page or the server went away (end of the test): nothing to pass on.
      await route.abort('connectionrefused').catch(() => undefined);
    }
  });
}

/** Signs in on a page whose clock starts at Tuesday 10:00 Moscow. */
async function signInAtWorkingTime(page: Page, account: TestAccount): Promise<void> {
  await page.clock.install({ time: tuesday10 });
  await hideServerClock(page);
  await signIn(page, app.url, central.url, account);
  await waitInSync(page);
}

async function notifications(page: Page): Promise<Recorded[]> {
  return page.evaluate(() =>
    ((window as unknown as AlarmWindow).__notifications ?? []).map(({ title, tag, body, requireInteraction, at }) => ({
      title,
      tag,
      body,
      requireInteraction,
      at,
    })),
  );
}

/** Titles of the notifications about one ticket (the server keeps the tickets of earlier tests). */
async function titles(page: Page, ticketId: string): Promise<string[]> {
  return (await notifications(page)).filter((n) => n.tag.startsWith(`pass24:${ticketId}:`)).map((n) => n.title);
}

/** Files an unassigned emergency in the page's local database at the page's clock, as the intake form does. */
async function createEmergency(page: Page, subject: string): Promise<{ id: string; createdAt: number }> {
  return page.evaluate(async (subject) => {
    const hooks = (window as unknown as AlarmWindow).__deskTest;
    const ws = hooks.workspace();
    const ticket = await hooks.tickets.createTicket(
      ws.db,
      {
        subject,
        description: 'Шлагбаум на въезде не открывается ни по номеру, ни из приложения',
        type: 'incident',
        priority: 'emergency',
        channel: 'phone',
        product: 'pass24_auto',
        organizationName: 'УК «Северный парк»',
        siteName: 'ЖК «Северный парк»',
        contact: { name: 'Сергей Петров', phone: '+7 900 000-00-01' },
      },
      ws.write,
    );
    return { id: ticket.id as string, createdAt: ticket.createdAt as number };
  }, subject);
}

async function applyAction(page: Page, ticketId: string, action: Record<string, unknown>): Promise<void> {
  const ok = await page.evaluate(
    async ({ ticketId, action }) => {
      const hooks = (window as unknown as AlarmWindow).__deskTest;
      const ws = hooks.workspace();
      const outcome = await hooks.tickets.applyTicketAction(ws.db, ticketId, action, ws.write);
      return outcome.ok as boolean;
    },
    { ticketId, action },
  );
  expect(ok).toBe(true);
}

/** Moves the page's clock to `minutes` (and a few seconds) after the ticket was created. */
async function goToMinute(page: Page, createdAt: number, minutes: number): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  const target = createdAt + minutes * minute + 3_000;
  if (target > now) await page.clock.fastForward(target - now);
}

/**
 * Waits until the host holds alarms of the ticket titled with its server number. A jump of the page
 * clock fires the host's timers at once, before the page could re-render and hand over a newer
 * list: without this wait an alarm due in the jump may still carry the title "Новое обращение".
 */
async function hostKnowsNumber(page: Page, ticketId: string, number: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        (id) =>
          ((window as unknown as AlarmWindow).__deskTest.scheduledAlarms() as Array<{ ticketId: string; title: string }>)
            .filter((a) => a.ticketId === id)
            .map((a) => a.title),
        ticketId,
      ),
    )
    .toContainEqual(expect.stringContaining(number));
}

/** The one arrival notification of a ticket filed in this page, whichever of its two titles it got. */
async function arrivalTitle(page: Page, ticketId: string, number: string): Promise<string> {
  await expect.poll(() => titles(page, ticketId)).toHaveLength(1);
  const [title] = await titles(page, ticketId);
  expect(['Новое экстренное обращение', `Экстренное обращение №${number}`]).toContain(title);
  return title!;
}

async function ticketNumber(page: Page, ticketId: string): Promise<string> {
  await expect
    .poll(() =>
      page.evaluate(
        async (id) =>
          (await (window as unknown as AlarmWindow).__deskTest.workspace().db.tickets.findOne(id).exec())?.number ?? null,
        ticketId,
      ),
    )
    .not.toBeNull();
  return page.evaluate(
    async (id) =>
      (await (window as unknown as AlarmWindow).__deskTest.workspace().db.tickets.findOne(id).exec()).number as string,
    ticketId,
  );
}

test('an emergency posted through the intake API raises a notification on a page in the background', async ({ browser }) => {
  const context = await alarmContext(browser);
  const page = await context.newPage();
  await signIn(page, app.url, central.url, anna);
  await waitInSync(page);
  // Headless Chromium keeps every tab visible, so the page is told it went to the background as a
  // browser tells it when the manager switches to another tab or window.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('blur'));
  });

  const posted = await central.intake(intakeKey, {
    channel: 'email',
    externalId: `alarm-e2e-${Date.now()}`,
    subject: 'Не открывается шлагбаум на въезде',
    description: 'Жители не могут въехать',
    contact: { name: 'Сергей Петров', email: 'petrov@example.ru' },
    site: 'ЖК «Лесной»',
    priority: 'emergency',
  });
  // How fast it gets here is the sync bench's live figure (server to desk), not a budget of this test.
  await expect.poll(() => titles(page, posted.id)).toContain(`Экстренное обращение №${posted.number}`);
  const [arrival] = await notifications(page);
  expect(arrival).toMatchObject({ body: 'ЖК «Лесной» — Не открывается шлагбаум на въезде', requireInteraction: true });
  await expect(page).toHaveTitle(/^\(1\) /);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});

test('the first-contact warning at minute 10 and the breach at minute 15 fire once each, and a click opens the ticket', async ({
  browser,
}) => {
  const context = await alarmContext(browser);
  const page = await context.newPage();
  await signInAtWorkingTime(page, anna);
  const { id, createdAt } = await createEmergency(page, 'Камера не распознаёт номера');
  await waitInSync(page);
  const number = await ticketNumber(page, id);
  await hostKnowsNumber(page, id, number);

  // The arrival fires as the ticket is filed: titled "new" if before the server numbered it (the
  // usual case), with its number if the number came first (a slow page).
  const arrival = await arrivalTitle(page, id, number);
  await expect(page.locator(`[data-testid="alarm-banner"][data-alarm^="${id}:"]`)).toHaveCount(1);

  await goToMinute(page, createdAt, 9);
  expect(await titles(page, id)).toHaveLength(1);
  await goToMinute(page, createdAt, 10);
  await expect.poll(() => titles(page, id)).toEqual([arrival, `№${number}: до первого контакта 5 минут`]);

  await goToMinute(page, createdAt, 15);
  await expect.poll(() => titles(page, id)).toHaveLength(3);
  await goToMinute(page, createdAt, 20);
  await page.evaluate(() => (window as unknown as AlarmWindow).__deskTest.tickNow());
  expect(await titles(page, id)).toEqual([
    arrival,
    `№${number}: до первого контакта 5 минут`,
    `№${number}: срок первого контакта истёк`,
  ]);
  // Emergencies also show in the window (newest first), whatever the system did with them.
  await expect(page.getByTestId('alarm-banner').first()).toContainText(`№${number}: срок первого контакта истёк`);

  await page.evaluate(() => {
    const last = (window as unknown as AlarmWindow).__notifications!.at(-1)!.instance;
    last.onclick?.(new Event('click'));
  });
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/queue/${encodeURIComponent(id)}`);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});

test('logging contact with the client cancels the pending first-contact alarms and clears their banners', async ({ browser }) => {
  const context = await alarmContext(browser);
  const page = await context.newPage();
  await signInAtWorkingTime(page, anna);
  const { id, createdAt } = await createEmergency(page, 'Не работает приложение PASS24.Key');
  await expect.poll(() => titles(page, id)).toHaveLength(1);
  const banners = page.locator(`[data-testid="alarm-banner"][data-alarm^="${id}:"]`);
  await expect(banners).toHaveCount(1);
  // The banners sit in the layout above the section: they push the queue down, never cover it.
  const strip = (await page.getByTestId('alarm-banners').boundingBox())!;
  const views = (await page.getByTestId('queue-views').boundingBox())!;
  expect(strip.y + strip.height).toBeLessThanOrEqual(views.y);
  // The page title counts the emergencies waiting for first contact (earlier tests' ones too).
  const waiting = async () => Number(/^\((\d+)\) /.exec(await page.title())?.[1] ?? 0);
  await expect.poll(waiting).toBeGreaterThan(0);
  const before = await waiting();

  await goToMinute(page, createdAt, 2);
  await applyAction(page, id, { type: 'take' });
  await applyAction(page, id, { type: 'logContact', mode: 'call', note: 'Позвонила клиенту, разбираемся' });
  await expect(banners).toHaveCount(0);
  await expect.poll(waiting).toBe(before - 1);

  await goToMinute(page, createdAt, 16);
  await goToMinute(page, createdAt, 17);
  expect(await titles(page, id)).toHaveLength(1);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});

test("every agent on shift hears of a new emergency; once one takes it, the other's alarms stop", async ({ browser }) => {
  const annaContext = await alarmContext(browser);
  const igorContext = await alarmContext(browser);
  const annaPage = await annaContext.newPage();
  const igorPage = await igorContext.newPage();
  await signInAtWorkingTime(annaPage, anna);
  await signInAtWorkingTime(igorPage, igor);

  const { id, createdAt } = await createEmergency(annaPage, 'Не приходят пропуска гостям');
  await waitInSync(annaPage);
  const number = await ticketNumber(annaPage, id);
  await hostKnowsNumber(annaPage, id, number);
  // Anna filed it (usually before the server numbered it); Igor hears of it through sync, numbered.
  await arrivalTitle(annaPage, id, number);
  await expect.poll(() => titles(igorPage, id), { timeout: 15_000 }).toEqual([`Экстренное обращение №${number}`]);

  await applyAction(annaPage, id, { type: 'take' });
  await waitInSync(annaPage);
  const annaId = await annaPage.evaluate(
    () => (window as unknown as AlarmWindow).__deskTest.workspace().session.agent.id as string,
  );
  await expect
    .poll(
      () =>
        igorPage.evaluate(
          async (tid) =>
            (await (window as unknown as AlarmWindow).__deskTest.workspace().db.tickets.findOne(tid).exec())?.assigneeId,
          id,
        ),
      { timeout: 15_000 },
    )
    .toBe(annaId);
  await expect(igorPage.locator(`[data-testid="alarm-banner"][data-alarm^="${id}:"]`)).toHaveCount(0);

  await goToMinute(igorPage, createdAt, 16);
  await goToMinute(annaPage, createdAt, 16);
  // Anna still holds it uncontacted: the breach reaches her (the warning, due in the same jump, is superseded by it).
  await expect
    .poll(async () => (await titles(annaPage, id)).at(-1))
    .toMatch(new RegExp(`^№${number}: срок первого контакта истёк`));
  expect(await titles(igorPage, id)).toEqual([`Экстренное обращение №${number}`]);
  await annaPage.unrouteAll({ behavior: 'ignoreErrors' });
  await igorPage.unrouteAll({ behavior: 'ignoreErrors' });
  await annaContext.close();
  await igorContext.close();
});
