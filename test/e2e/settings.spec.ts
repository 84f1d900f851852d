/**
 * The head's settings and the admin's console in real browsers against a real central endpoint:
 * an imported calendar year moves the deadline of a ticket filed after it across the new holiday
 * (one filed before keeps its own); the head switches emergency first contact to 24/7 and a second
 * desk's countdown for a new emergency on that holiday follows within seconds; an open settings
 * form follows another desk's save until something is typed in it; the admin adds an
 * agent who signs in at once, and revokes an intake key that then gets 401. Time is Moscow's.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

const head: TestAccount = { login: 'lebedev', name: 'Олег Лебедев', role: 'head', password: 'пароль-руководителя-1' };
const agent: TestAccount = { login: 'petrova', name: 'Мария Петрова', role: 'agent', password: 'пароль-агента-1' };
const admin: TestAccount = { login: 'root', name: 'Анна Администратор', role: 'admin', password: 'пароль-админа-1' };

const timeZone = 'Europe/Moscow';
const minute = 60_000;

let central: CentralServer;
let app: RunningWebServer;
let phoneKey: string;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  central = new CentralServer();
  for (const account of [head, agent, admin]) central.addAccount(account);
  phoneKey = central.addApiKey('phone');
  await central.start();
  app = await serveApp();
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
});

/** A Moscow date as the desk prints it (dd.mm.yyyy). */
const moscowDate = (at: number) =>
  new Intl.DateTimeFormat('ru-RU', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);

/** The Moscow weekday as the settings' rows name it. */
const moscowWeekday = (at: number) =>
  new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(at).toLowerCase().slice(0, 3);

async function desk(browser: Browser, account: TestAccount): Promise<Page> {
  const context = await browser.newContext({ timezoneId: timeZone, locale: 'ru-RU' });
  const page = await context.newPage();
  await signIn(page, app.url, central.url, account);
  await waitInSync(page, 60_000);
  return page;
}

/** Files an emergency through the endpoint's intake (the phone connector). */
async function fileEmergency(externalId: string): Promise<string> {
  const filed = await central.intake(phoneKey, {
    channel: 'phone',
    externalId,
    subject: 'Ночью не открывается шлагбаум',
    description: 'Шлагбаум на въезде не открывается ни по номеру, ни с пульта.',
    contact: { name: 'Охрана ЖК', phone: '+7 900 555-00-11' },
    priority: 'emergency',
  });
  return filed.id;
}

/** The first-contact deadline the desk shows for a ticket. */
async function firstContactDue(page: Page, ticketId: string): Promise<string> {
  await page.evaluate((h) => (location.hash = h), `#/queue/${ticketId}`);
  const due = page.getByTestId('sla-firstContact-due');
  await expect(due).toBeVisible({ timeout: 30_000 });
  return (await due.textContent()) ?? '';
}

test("the head's calendar and policy apply from their instant: deadlines move, old ones stay, a second desk follows", async ({
  browser,
}) => {
  const headPage = await desk(browser, head);
  const agentPage = await desk(browser, agent);
  // The head's settings are the head's: the agent reads them, the admin's console is not in the agent's navigation.
  await agentPage.getByTestId('nav-settings').click();
  await expect(agentPage.getByTestId('sla-settings')).toContainText('только для чтения');
  await expect(agentPage.getByTestId('nav-admin')).toHaveCount(0);

  // Today a working day round the clock, so a new emergency is due 15 minutes from now, today.
  const today = Date.now();
  const weekday = moscowWeekday(today);
  await headPage.getByTestId('nav-settings').click();
  const day = headPage.getByTestId(`sla-day-${weekday}`);
  await day.getByRole('checkbox').check();
  await headPage.getByTestId(`sla-day-${weekday}-from`).fill('00:00');
  await headPage.getByTestId(`sla-day-${weekday}-to`).fill('24:00');
  await headPage.getByTestId(`sla-day-${weekday}-breaks`).fill('13:00-12:00');
  await headPage.getByTestId('sla-settings-save').click();
  // A break that ends before it starts is refused in Russian and what was typed stays.
  await expect(headPage.getByTestId('sla-settings-errors')).toContainText('Интервал заканчивается раньше, чем начинается.');
  await expect(headPage.getByTestId(`sla-day-${weekday}-breaks`)).toHaveValue('13:00-12:00');
  await headPage.getByTestId(`sla-day-${weekday}-breaks`).fill('');
  await headPage.getByTestId('sla-settings-save').click();
  await expect(headPage.getByTestId('sla-settings-saved')).toBeVisible();
  await waitInSync(headPage);
  // The agent's settings, open all along and untouched, follow the head's save.
  await expect(agentPage.getByTestId(`sla-day-${weekday}-to`)).toHaveValue('24:00', { timeout: 30_000 });

  const before = await fileEmergency(`settings-before-${today}`);
  const beforeDue = await firstContactDue(headPage, before);
  expect(beforeDue).toContain(moscowDate(Date.now() + 15 * minute));

  // The official list pasted in, with today a holiday: the change is shown before it is saved.
  const todayIso = new Intl.DateTimeFormat('en-CA', { timeZone }).format(today);
  await headPage.getByTestId('nav-settings').click();
  await headPage.getByTestId('calendar-import-year').fill(todayIso.slice(0, 4));
  await headPage.getByTestId('calendar-import-text').fill(`${moscowDate(today)} Праздник проверки`);
  await headPage.getByTestId('calendar-import-check').click();
  await expect(headPage.getByTestId('calendar-import-diff')).toContainText(todayIso);
  await headPage.getByTestId('calendar-import-save').click();
  await expect(headPage.getByTestId('calendar-import-saved')).toBeVisible();
  await waitInSync(headPage);

  // Filed after the import: due on the next working day, past the holiday. Filed before: unchanged.
  const after = await fileEmergency(`settings-after-${today}`);
  const afterDue = await firstContactDue(headPage, after);
  expect(afterDue).not.toContain(moscowDate(today));
  expect(afterDue).not.toBe(beforeDue);
  expect(await firstContactDue(headPage, before)).toBe(beforeDue);

  // Emergency first contact round the clock, from now on.
  await headPage.getByTestId('nav-settings').click();
  await headPage.getByTestId('sla-emergency-first-contact-clock').getByText('24/7').click();
  await headPage.getByTestId('sla-settings-save').click();
  await expect(headPage.getByTestId('sla-settings-saved')).toBeVisible();
  await waitInSync(headPage);

  // The second desk files an emergency on the holiday: due within 15 wall-clock minutes, today.
  await agentPage.getByTestId('nav-queue').click();
  await agentPage.keyboard.press('Alt+KeyN');
  await expect(agentPage.getByTestId('intake-form')).toBeVisible();
  await agentPage.getByTestId('intake-organization').fill('УК «Круглые сутки»');
  await agentPage.getByTestId('intake-contact-name').fill('Дежурный');
  await agentPage.getByTestId('intake-contact-phone').fill('+7 900 555-00-22');
  await agentPage.getByTestId('intake-subject').fill('Не открываются ворота');
  await agentPage.getByTestId('intake-description').fill('Ворота не открываются с пульта охраны.');
  await agentPage.getByTestId('intake-priority-emergency').check();
  await agentPage.getByTestId('intake-subject').press('Control+Enter');
  await expect(agentPage.getByTestId('intake-form')).toBeHidden({ timeout: 30_000 });
  await expect(agentPage.getByTestId('sla-firstContact-due')).toContainText(moscowDate(Date.now() + 15 * minute), {
    timeout: 15_000,
  });
  // The ticket view says which settings its deadlines came from.
  await expect(agentPage.getByTestId('sla-policy-source')).toContainText('Сроки по правилам от');
  await expect(agentPage.getByTestId('sla-policy-source')).toContainText(head.name);

  // The endpoint's intake follows the same version: an emergency it files now is due today as well.
  const roundTheClock = await fileEmergency(`settings-247-${today}`);
  expect(await firstContactDue(agentPage, roundTheClock)).toContain(moscowDate(Date.now() + 15 * minute));

  await headPage.context().close();
  await agentPage.context().close();
});

test('an open settings form follows another desk’s save until something is typed in it, then keeps what was typed', async ({
  browser,
}) => {
  const headPage = await desk(browser, head);
  const adminPage = await desk(browser, admin);
  await headPage.getByTestId('nav-settings').click();
  await adminPage.getByTestId('nav-settings').click();
  const headWarning = headPage.getByTestId('sla-standard-warning');
  const adminWarning = adminPage.getByTestId('sla-standard-warning');

  // Untouched, the admin's form follows the head's save; the head's own save is no news to the head.
  await headWarning.fill('50');
  await headPage.getByTestId('sla-settings-save').click();
  await expect(headPage.getByTestId('sla-settings-saved')).toBeVisible();
  await expect(adminWarning).toHaveValue('50', { timeout: 30_000 });
  await expect(adminPage.getByTestId('sla-settings-changed')).toHaveCount(0);
  await waitInSync(headPage);
  await expect(headPage.getByTestId('sla-settings-changed')).toHaveCount(0);

  // With an edit of its own the admin's form keeps it, says the settings changed, and takes them when asked.
  await adminWarning.fill('45');
  await headWarning.fill('55');
  await headPage.getByTestId('sla-settings-save').click();
  await expect(adminPage.getByTestId('sla-settings-changed')).toBeVisible({ timeout: 30_000 });
  await expect(adminWarning).toHaveValue('45');
  await adminPage.getByTestId('sla-settings-take').click();
  await expect(adminWarning).toHaveValue('55');
  await expect(adminPage.getByTestId('sla-settings-changed')).toHaveCount(0);

  await headPage.context().close();
  await adminPage.context().close();
});

test('the admin adds an agent who signs in at once and revokes a key that then gets 401', async ({ browser }) => {
  const adminPage = await desk(browser, admin);
  await adminPage.getByTestId('nav-admin').click();
  await expect(adminPage.getByTestId('admin-accounts')).toBeVisible();

  // A login in Cyrillic is refused in Russian; what was typed stays.
  await adminPage.getByTestId('admin-account-login').fill('Смирнов');
  await adminPage.getByTestId('admin-account-name').fill('Игорь Смирнов');
  await adminPage.getByTestId('admin-account-password').fill('новый-пароль-1');
  await adminPage.getByTestId('admin-account-submit').click();
  await expect(adminPage.getByText('Логин: от 2 до 100 символов, латинские буквы, цифры и . _ @ -')).toBeVisible();
  await expect(adminPage.getByTestId('admin-account-name')).toHaveValue('Игорь Смирнов');
  await expect(adminPage.getByTestId('admin-account-password')).toHaveValue('новый-пароль-1');

  await adminPage.getByTestId('admin-account-login').fill('smirnov');
  await adminPage.getByTestId('admin-account-login').press('Enter');
  await expect(adminPage.getByTestId('admin-secret-value')).toHaveText('новый-пароль-1');
  await expect(adminPage.locator('[data-testid="admin-account-row"][data-login="smirnov"]')).toContainText('Активна');

  const newcomer = await desk(browser, { login: 'smirnov', name: 'Игорь Смирнов', role: 'agent', password: 'новый-пароль-1' });
  await expect(newcomer.getByTestId('agent-name')).toHaveText('Игорь Смирнов');
  await newcomer.context().close();

  // A key made here works for intake until it is revoked here.
  await adminPage.getByTestId('admin-tab-keys').click();
  await adminPage.getByTestId('admin-key-channel').selectOption('web');
  await adminPage.getByTestId('admin-key-add').click();
  const key = ((await adminPage.getByTestId('admin-secret-value').textContent()) ?? '').trim();
  expect(key).toMatch(/^p24k_/);
  const intake = (externalId: string) =>
    fetch(`${central.url}/api/intake/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({
        channel: 'web',
        externalId,
        subject: 'Заявка с сайта',
        description: 'Не приходит код подтверждения.',
        contact: { name: 'Житель', email: 'resident@example.ru' },
        priority: 'standard',
      }),
    });
  expect((await intake('admin-key-1')).status).toBe(201);

  const row = adminPage.locator('[data-testid="admin-key-row"][data-revoked="false"]').filter({ hasText: 'Сайт' });
  await row.getByTestId('admin-key-revoke').click();
  await row.getByTestId('admin-key-revoke-confirm').click();
  await expect(adminPage.locator('[data-testid="admin-key-row"][data-revoked="false"]').filter({ hasText: 'Сайт' })).toHaveCount(
    0,
  );
  expect((await intake('admin-key-2')).status).toBe(401);
  // «Обновить» asks the endpoint again: the revoked key stays revoked.
  await adminPage.getByTestId('admin-keys-reload').click();
  await expect(adminPage.locator('[data-testid="admin-key-row"][data-revoked="true"]').filter({ hasText: 'Сайт' })).toHaveCount(
    1,
  );

  // Both changes are in the trail, in the admin's name.
  await adminPage.getByTestId('admin-tab-audit').click();
  const added = adminPage.locator('[data-testid="admin-audit-row"][data-action="account.add"]').filter({ hasText: 'smirnov' });
  await expect(added).toContainText(admin.login);
  await expect(adminPage.locator('[data-testid="admin-audit-row"][data-action="apikey.revoke"]')).toContainText(admin.login);
  // Accounts made on the server's command line are there too, in its name.
  await expect(
    adminPage.locator('[data-testid="admin-audit-row"][data-action="account.add"]').filter({ hasText: head.login }),
  ).toContainText('командная строка сервера');
  await adminPage.context().close();
});
