/**
 * Readable all day: axe-core (the standard accessibility engine) on every screen and dialog of the
 * web twin's production build, in the light and the dark theme at the desk's normal density, on the
 * demo workspace. A critical or serious finding fails, and so do the structure rules the desk keeps
 * (one level-one heading per screen, one banner). At a zoom of 125 % and 150 % the queue and a
 * ticket beside it fit the window: no horizontal scrolling of the page, the ticket's moves in view.
 *
 * Each screen is opened once, on a desk whose theme follows the system («Авто»): axe runs all its
 * rules in the light scheme, then the system scheme turns dark and axe runs again with only the
 * rules whose outcome depends on colours (`colourRules`). Structure, ARIA, names and landmarks do
 * not change with the theme, so they are checked once. The sign-in screens load each theme as chosen.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

type Theme = 'light' | 'dark';

/** Moderate by axe's measure, but kept here: they are how a screen reader finds its way. */
const alsoEnforced = new Set(['page-has-heading-one', 'landmark-no-duplicate-banner', 'landmark-unique']);

/**
 * axe's colour rules (its category «cat.color») that its default run applies: the AAA
 * `color-contrast-enhanced` is off there, so it is off here too.
 */
const colourRules = ['color-contrast', 'link-in-text-block'];

/** Findings accepted on purpose: the rule, the elements (matched on axe's selector), the reason. */
const exceptions: ReadonlyArray<{ rule: string; target: RegExp; reason: string }> = [
  {
    rule: 'scrollable-region-focusable',
    target: /mantine-ScrollArea-root\[data-autosize="true"\]/,
    reason:
      'an open combobox option list (Mantine ScrollArea.Autosize, the only one on the desk): focus stays in its input, and the arrows move through the options and scroll the list',
  },
];

let central: CentralServer;
let app: RunningWebServer;
let apiKey: string;
let head: TestAccount;
let admin: TestAccount;

test.beforeAll(async () => {
  // The demo seed and a server start on PGlite: slow on a busy 2-core machine.
  test.setTimeout(180_000);
  central = new CentralServer();
  const accounts = central.seedDemo();
  head = accounts.find((a) => a.role === 'head')!;
  admin = accounts.find((a) => a.role === 'admin')!;
  apiKey = central.addApiKey('email');
  await central.start();
  app = await serveApp();
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
});

/** The signed-in desk a screen is opened on: the head, who sees every section. */
interface Desk {
  page: Page;
  /** A ticket taken into work (so every move has its dialog), filed for this run. */
  ticketId: string;
}

/** Waits until nothing on the page is still fading or sliding in (spinners aside): axe reads final colours. */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          document
            .getAnimations()
            .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity).length,
      ),
    )
    .toBe(0);
}

/** Closes whatever dialog or palette is open and goes to a section (by the address, as a reload would). */
async function goTo(page: Page, hash: string): Promise<void> {
  for (let i = 0; i < 3 && (await page.locator('[role="dialog"]:visible').count()) > 0; i += 1) {
    await page.keyboard.press('Escape');
  }
  await expect(page.locator('[role="dialog"]:visible')).toHaveCount(0);
  await page.evaluate((h) => (location.hash = h), hash);
}

async function ticketBesideQueue(desk: Desk): Promise<void> {
  await goTo(desk.page, `#/queue/${desk.ticketId}`);
  await expect(desk.page.getByTestId('ticket-view')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  await expect(desk.page.getByTestId('queue-row').first()).toBeVisible();
  await expect(desk.page.getByTestId('composer-text')).toBeVisible();
  await expect(desk.page.getByTestId('timeline')).toBeVisible();
}

/** A ticket's dialog, opened from its moves bar or by its shortcut. */
function ticketDialog(open: (page: Page) => Promise<void>, testId: string) {
  return async (desk: Desk) => {
    await ticketBesideQueue(desk);
    await open(desk.page);
    await expect(desk.page.getByRole('dialog').getByTestId(testId)).toBeVisible();
  };
}

const click = (testId: string) => (page: Page) => page.getByTestId(testId).click();

/**
 * Every screen and dialog, one line each.
 */
const screens: ReadonlyArray<{ name: string; open: (desk: Desk) => Promise<void> }> = [
  {
    name: 'queue',
    open: ({ page }) => goTo(page, '#/queue').then(() => expect(page.getByTestId('queue-row').first()).toBeVisible()),
  },
  { name: 'ticket beside the queue', open: ticketBesideQueue },
  { name: 'ticket: edit dialog', open: ticketDialog(click('ticket-edit'), 'edit-ticket-form') },
  { name: 'ticket: link to a client dialog', open: ticketDialog(click('client-link'), 'link-client-form') },
  { name: 'ticket: assign dialog', open: ticketDialog((p) => p.keyboard.press('Alt+KeyG'), 'assign-agent') },
  { name: 'ticket: resolve dialog', open: ticketDialog((p) => p.keyboard.press('Alt+KeyS'), 'dialog-resolve') },
  { name: 'ticket: escalation dialog', open: ticketDialog(click('action-requestEscalation'), 'dialog-requestEscalation') },
  { name: 'ticket: call log with its script', open: ticketDialog((p) => p.keyboard.press('Alt+KeyC'), 'dialog-logContact') },
  {
    name: 'ticket: script picker',
    open: async (desk) => {
      await ticketBesideQueue(desk);
      await desk.page.getByTestId('composer-text').focus();
      await desk.page.keyboard.press('Alt+KeyK');
      await expect(desk.page.getByTestId('script-picker-results')).toBeVisible();
    },
  },
  {
    name: 'intake form',
    open: ({ page }) =>
      goTo(page, '#/queue')
        .then(() => click('new-ticket-button')(page))
        .then(() => expect(page.getByTestId('intake-form')).toBeVisible()),
  },
  {
    name: 'knowledge base',
    open: ({ page }) => goTo(page, '#/kb').then(() => expect(page.getByTestId('kb-row').first()).toBeVisible()),
  },
  {
    name: 'knowledge base article',
    open: ({ page }) =>
      goTo(page, '#/kb')
        .then(() => page.getByTestId('kb-row').first().click())
        .then(() => expect(page.getByTestId('kb-article-body')).toBeVisible()),
  },
  {
    name: 'knowledge base editor',
    open: ({ page }) =>
      goTo(page, '#/kb')
        .then(() => expect(page.getByTestId('kb-row').first()).toBeVisible())
        .then(() => page.keyboard.press('Alt+Shift+KeyN'))
        .then(() => expect(page.getByTestId('kb-editor-symptoms')).toBeVisible()),
  },
  {
    name: 'knowledge base version history',
    open: ({ page }) =>
      goTo(page, '#/kb')
        // The editor of the screen before is left by Esc, as a manager would.
        .then(async () => (await page.getByTestId('kb-editor').isVisible()) && page.keyboard.press('Escape'))
        .then(() => page.getByTestId('kb-row').first().click())
        .then(() => expect(page.getByTestId('kb-article-body')).toBeVisible())
        .then(() => page.keyboard.press('Alt+KeyH'))
        .then(() => expect(page.getByTestId('kb-history-version').first()).toBeVisible()),
  },
  {
    name: 'scripts section',
    open: ({ page }) => goTo(page, '#/scripts').then(() => expect(page.getByTestId('section-scripts')).toBeVisible()),
  },
  {
    name: 'scripts editor',
    open: ({ page }) =>
      goTo(page, '#/scripts')
        .then(() => page.getByTestId('scripts-row').first().click())
        .then(() => expect(page.getByTestId('script-editor')).toBeVisible()),
  },
  {
    name: 'reports section',
    open: ({ page }) => goTo(page, '#/reports').then(() => expect(page.getByTestId('section-reports')).toBeVisible()),
  },
  {
    name: 'archive search',
    open: async ({ page }) => {
      await goTo(page, '#/archive');
      await page.getByTestId('archive-search').fill('шлагбаум');
      await expect(page.getByTestId('archive-row').first()).toBeVisible();
    },
  },
  {
    name: 'archive ticket',
    open: async ({ page }) => {
      await goTo(page, '#/archive');
      await page.getByTestId('archive-search').fill('шлагбаум');
      await page.getByTestId('archive-row').first().click();
      await expect(page.getByTestId('archive-ticket')).toHaveAttribute('data-state', 'ready');
    },
  },
  {
    name: 'client page',
    open: async ({ page }) => {
      const clientId = await page.evaluate(async () => {
        type Hooks = { workspace(): { db: { clients: { findOne(q: object): { exec(): Promise<{ id: string } | null> } } } } };
        const hooks = (window as unknown as { __deskTest: Hooks }).__deskTest;
        return (await hooks
          .workspace()
          .db.clients.findOne({ selector: { kind: 'organization' } })
          .exec())!.id;
      });
      await goTo(page, `#/clients/${clientId}`);
      await expect(page.getByTestId('client-ticket-row').first()).toBeVisible({ timeout: 30_000 });
    },
  },
  {
    name: 'approvals',
    open: ({ page }) => goTo(page, '#/approvals').then(() => expect(page.getByTestId('approval-row').first()).toBeVisible()),
  },
  {
    name: 'approvals: article drafts',
    open: ({ page }) => goTo(page, '#/approvals').then(() => expect(page.getByTestId('kb-draft-row').first()).toBeVisible()),
  },
  {
    name: 'approvals: returning a draft',
    open: ({ page }) =>
      goTo(page, '#/approvals')
        .then(() => page.getByTestId('kb-draft-return').first().click())
        .then(() => expect(page.getByRole('dialog').getByTestId('kb-draft-return-comment')).toBeVisible()),
  },
  {
    name: 'sync problems',
    open: ({ page }) => goTo(page, '#/problems').then(() => expect(page.getByTestId('problem-row').first()).toBeVisible()),
  },
  {
    name: 'settings',
    open: ({ page }) => goTo(page, '#/settings').then(() => expect(page.getByTestId('settings-theme')).toBeVisible()),
  },
  {
    name: 'command palette',
    open: ({ page }) =>
      goTo(page, '#/queue')
        .then(() => page.keyboard.press('Control+k'))
        .then(() => expect(page.getByTestId('palette-input')).toBeVisible()),
  },
  {
    name: 'shortcuts help',
    open: ({ page }) =>
      goTo(page, '#/queue')
        .then(() => page.keyboard.press('Shift+Slash'))
        .then(() => expect(page.getByTestId('shortcuts-help')).toBeVisible()),
  },
];

/** The admin's console, one tab each (the head does not see it). */
const adminScreens: ReadonlyArray<{ name: string; open: (page: Page) => Promise<void> }> = [
  {
    name: 'administration: accounts, with a refused login',
    open: async (page) => {
      await goTo(page, '#/admin');
      await page.getByTestId('admin-tab-accounts').click();
      await expect(page.getByTestId('admin-account-row').first()).toBeVisible();
      // A refused field shows its message: that state has to read well too.
      await page.getByTestId('admin-account-login').fill('Не латиница');
      await page.getByTestId('admin-account-submit').click();
      await expect(page.getByTestId('admin-account-login')).toHaveAttribute('aria-invalid', 'true');
    },
  },
  {
    name: 'administration: API keys',
    open: (page) =>
      goTo(page, '#/admin')
        .then(() => page.getByTestId('admin-tab-keys').click())
        .then(() => expect(page.getByTestId('admin-key-row').first()).toBeVisible()),
  },
  {
    name: 'administration: channels',
    open: (page) =>
      goTo(page, '#/admin')
        .then(() => page.getByTestId('admin-tab-channels').click())
        .then(() => expect(page.getByTestId('admin-channels')).toBeVisible()),
  },
  {
    name: 'administration: audit trail',
    open: (page) =>
      goTo(page, '#/admin')
        .then(() => page.getByTestId('admin-tab-audit').click())
        .then(() => expect(page.getByTestId('admin-audit-row').first()).toBeVisible()),
  },
];

/** Turns the system's colour scheme, which a desk on «Авто» follows as it runs. */
async function systemScheme(page: Page, scheme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
}

/** All of axe's rules in the light scheme, then the colour rules in the dark one: what fails, per theme. */
async function findingsInBothThemes(page: Page): Promise<{ light: string[]; dark: string[] }> {
  await systemScheme(page, 'light');
  const light = await findings(page);
  await systemScheme(page, 'dark');
  const dark = await findings(page, colourRules);
  return { light, dark };
}

/** axe's findings that fail the check, as "rule (impact): where" lines, exceptions left out. */
async function findings(page: Page, rules?: readonly string[]): Promise<string[]> {
  await settled(page);
  const axe = new AxeBuilder({ page });
  if (rules) axe.withRules([...rules]);
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious' || alsoEnforced.has(v.id))
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter((n) => !exceptions.some((e) => e.rule === v.id && e.target.test(n.target.join(' ')))),
    }))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}${v.nodes.length > 5 ? ` … ${v.nodes.length} in all` : ''}`,
    );
}

/** Files a ticket by e-mail, opens it beside the queue and takes it into work. */
async function takeFiledTicket(page: Page, externalId: string, subject: string): Promise<Desk> {
  const filed = await central.intake(apiKey, {
    channel: 'email',
    externalId,
    subject,
    description: 'С 8 утра камера не распознаёт номера, жители не могут заехать.',
    contact: { name: 'Сергей Ковалёв', phone: '+7 900 123-45-67', email: 'kovalev@sever-park.ru' },
    organization: 'УК «Северный парк»',
    priority: 'emergency',
  });
  const desk = { page, ticketId: filed.id };
  await ticketBesideQueue(desk);
  await page.getByTestId('action-take').click();
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'in_progress');
  return desk;
}

/**
 * The desk's screens with something on them: a ticket in work (every move has its dialog), one
 * waiting for the head's approval, an article draft waiting to be published, and a change the
 * server refuses (a sync problem).
 */
async function prepareDesk(page: Page, run: string): Promise<Desk> {
  await goTo(page, '#/kb');
  await page.getByTestId('kb-new').click();
  await page.getByTestId('kb-editor-title').fill(`Черновик для проверки доступности ${run}`);
  await page.getByTestId('kb-editor-body').fill('## Решение\n\nПерезапустите контроллер.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('kb-article').getByTestId('kb-status')).toHaveText('Черновик');

  const escalated = await takeFiledTicket(page, `a11y-${run}-escalated`, 'Камера LPR-2 не распознаёт номера');
  await page.getByTestId('action-requestEscalation').click();
  await page.getByRole('dialog').getByTestId('dialog-text').fill('Не распознаёт номера после обновления 2.4.0');
  await page.getByRole('dialog').getByTestId('dialog-submit').click();
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'escalation_requested');

  const desk = await takeFiledTicket(page, `a11y-${run}`, 'Не открывается шлагбаум на въезде');
  await waitInSync(page);
  // createdAt never changes once the server stored a ticket: this write is refused and waits in the problems.
  await page.evaluate(async (id) => {
    type Doc = { createdAt: number; incrementalPatch(patch: object): Promise<unknown> };
    type Hooks = { workspace(): { db: { tickets: { findOne(id: string): { exec(): Promise<Doc | null> } } } } };
    const doc = await (window as unknown as { __deskTest: Hooks }).__deskTest.workspace().db.tickets.findOne(id).exec();
    await doc!.incrementalPatch({ createdAt: Number(doc!.createdAt) - 3_600_000 });
  }, escalated.ticketId);
  await expect(page.getByTestId('nav-problems')).toBeVisible({ timeout: 15_000 });
  return desk;
}

/**
 * A fresh browser context with the test hooks, the theme chosen before the first page (if given)
 * and a light system scheme.
 */
async function openDesk(
  browser: Browser,
  options: { theme?: Theme | 'auto'; width?: number; deviceScaleFactor?: number } = {},
): Promise<Page> {
  const width = options.width ?? 1440;
  const context = await browser.newContext({
    viewport: { width, height: Math.round((900 * width) / 1440) },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    colorScheme: 'light',
  });
  await context.addInitScript((theme) => {
    localStorage.setItem('pass24desk.testHooks', '1');
    // What Настройки → Тема stores (shell.spec.ts chooses it there).
    if (theme) localStorage.setItem('pass24desk.settings.v1', JSON.stringify({ theme }));
  }, options.theme);
  return context.newPage();
}

for (const theme of ['light', 'dark'] as const) {
  test(`the sign-in screen passes axe in the ${theme} theme`, async ({ browser }) => {
    const page = await openDesk(browser, { theme });
    await page.goto(app.url);
    await expect(page.getByTestId('signin-submit')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme);
    expect(await findings(page, theme === 'dark' ? colourRules : undefined)).toEqual([]);
    await page.context().close();
  });
}

test.describe('signed in as the head', () => {
  let desk: Desk;
  test.beforeAll(async ({ browser }) => {
    // The first pull of the demo workspace and three tickets through real sync: slow on a busy machine.
    test.setTimeout(300_000);
    const page = await openDesk(browser, { theme: 'auto' });
    await signIn(page, app.url, central.url, head);
    await waitInSync(page, 120_000);
    desk = await prepareDesk(page, Date.now().toString(36));
  });
  test.afterAll(async () => {
    await desk?.page.context().close();
  });

  for (const screen of screens) {
    test(`${screen.name} passes axe in both themes`, async () => {
      test.setTimeout(120_000);
      await systemScheme(desk.page, 'light');
      await screen.open(desk);
      expect(await findingsInBothThemes(desk.page)).toEqual({ light: [], dark: [] });
    });
  }
});

test.describe('signed in as the admin', () => {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000);
    page = await openDesk(browser, { theme: 'auto' });
    await signIn(page, app.url, central.url, admin);
    await waitInSync(page, 120_000);
  });
  test.afterAll(async () => {
    await page?.context().close();
  });

  for (const screen of adminScreens) {
    test(`${screen.name} passes axe in both themes`, async () => {
      test.setTimeout(120_000);
      await systemScheme(page, 'light');
      await screen.open(page);
      expect(await findingsInBothThemes(page)).toEqual({ light: [], dark: [] });
    });
  }
});

/**
 * Whether all of an element shows inside the ticket pane's visible part and above the status bar
 * (the window's viewport alone would count the strip the status bar covers as in view).
 */
function wholeInTicketPane(page: Page, testId: string): Promise<boolean> {
  return page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
    const pane = document.querySelector('[data-testid="ticket-view"] .mantine-ScrollArea-viewport')!.getBoundingClientRect();
    const statusBar = document.querySelector('[data-testid="status-bar"]')!;
    const barTop = (statusBar.closest('footer') ?? statusBar).getBoundingClientRect().top;
    return el.top >= pane.top && el.bottom <= Math.min(pane.bottom, barTop) && el.left >= pane.left && el.right <= pane.right;
  }, testId);
}

for (const zoom of [1.25, 1.5]) {
  test(`at a zoom of ${zoom * 100} % the queue and a ticket fit the window without scrolling sideways`, async ({ browser }) => {
    test.setTimeout(180_000);
    // The operating system's scaling: fewer CSS pixels across, each drawn larger.
    const page = await openDesk(browser, { width: Math.round(1440 / zoom), deviceScaleFactor: zoom });
    await signIn(page, app.url, central.url, head);
    await waitInSync(page, 120_000);
    const filed = await central.intake(apiKey, {
      channel: 'email',
      externalId: `a11y-zoom-${zoom}-${Date.now().toString(36)}`,
      subject: 'Гостевой пропуск не печатается на ресепшен',
      description: 'Принтер пропусков на ресепшен не получает задания.',
      contact: { name: 'Ольга Ким', email: 'kim@bc-vostok.ru' },
      organization: 'БЦ «Восток»',
      priority: 'standard',
    });
    const noSideScroll = () =>
      page.evaluate(() => {
        const el = document.scrollingElement!;
        return el.scrollWidth <= el.clientWidth;
      });

    await expect(page.getByTestId('queue-row').first()).toBeVisible();
    expect(await noSideScroll()).toBe(true);

    const desk = { page, ticketId: filed.id };
    await ticketBesideQueue(desk);
    expect(await noSideScroll()).toBe(true);
    // The queue's SLA column stays in view beside the ticket: its stage icon whole, its text begun
    // (a long overdue text may end in an ellipsis at the pane's edge).
    await expect(page.getByTestId('sla-countdown-text').first()).toBeInViewport();
    // Breached, critical and paused rows carry an icon beside their colour.
    const stageIcon = page.getByTestId('sla-countdown').first().getByRole('img');
    if ((await stageIcon.count()) > 0) await expect(stageIcon).toBeInViewport({ ratio: 1 });
    for (const id of ['ticket-subject', 'ticket-status', 'action-take']) {
      await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
      expect(await wholeInTicketPane(page, id), id).toBe(true);
    }
    // The composer sits further down: the ticket pane scrolls to it, and then all of it shows,
    // none under the status bar. Suggestions arriving late may push it down: scroll again then.
    for (const id of ['composer-text', 'composer-send']) {
      await expect(async () => {
        await page.getByTestId(id).scrollIntoViewIfNeeded();
        expect(await wholeInTicketPane(page, id), id).toBe(true);
      }).toPass({ timeout: 15_000 });
      await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
    }
    expect(await noSideScroll()).toBe(true);
    await page.context().close();
  });
}
