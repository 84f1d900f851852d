/**
 * The support workflow in a real browser against a real endpoint: an emergency from the intake API
 * is taken, contacted, escalated, approved by the head in the approvals view, answered by
 * development, resolved with a KB article and closed with the client's rating; a standard ticket's
 * countdown stops while waiting for the client.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { defaultRussianCalendar, nextWorkingInstant } from '#shared/sla/index.ts';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

const agent: TestAccount = { login: 'smirnova', name: 'Анна Смирнова', role: 'agent', password: 'пароль-агента-1' };
const agent2: TestAccount = { login: 'volkov', name: 'Игорь Волков', role: 'agent', password: 'пароль-агента-2' };
const head: TestAccount = { login: 'petrova', name: 'Ольга Петрова', role: 'head', password: 'пароль-руководителя' };

let central: CentralServer;
let app: RunningWebServer;
let apiKey: string;

test.beforeAll(async () => {
  // Four CLI runs and a server start on PGlite: slow on a busy 2-core machine.
  test.setTimeout(180_000);
  central = new CentralServer();
  for (const a of [agent, agent2, head]) central.addAccount(a);
  apiKey = central.addApiKey('email');
  await central.start();
  app = await serveApp();
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
});

async function openTicket(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#/queue/${id}`);
  await expect(page.getByTestId('ticket-view')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
}

async function signedInPage(browser: Browser, account: TestAccount, options: { clock?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext();
  // Playwright's clock: it runs on its own until a test stops or moves it.
  if (options.clock) await context.clock.install();
  const page = await context.newPage();
  await signIn(page, app.url, central.url, account);
  await waitInSync(page);
  return page;
}

/** A standard ticket e-mailed by a client of БЦ «Восток» through the intake API, open on the account's desk. */
async function openEmailedTicket(
  browser: Browser,
  account: TestAccount,
  mail: { externalId: string; subject: string; description: string; contact: { name: string; email: string } },
  options: { clock?: boolean } = {},
): Promise<Page> {
  const filed = await central.intake(apiKey, { channel: 'email', ...mail, organization: 'БЦ «Восток»', priority: 'standard' });
  const page = await signedInPage(browser, account, options);
  await openTicket(page, filed.id);
  return page;
}

/**
 * Cuts the page off from the endpoint (an answer would set its server clock straight again) and
 * stops its clock, so nothing on screen moves until jumpIntoWorkingTime.
 */
async function stopTime(page: Page): Promise<void> {
  await page.context().setOffline(true);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
}

/**
 * Moves the stopped clock to ten minutes into the next working time (now, if it is working time)
 * and waits until the status bar's clock shows the move: the countdowns are drawn by the same tick.
 */
async function jumpIntoWorkingTime(page: Page): Promise<void> {
  const clock = page.getByTestId('clock');
  const before = (await clock.textContent()) ?? '';
  const now = Date.now();
  await page.clock.fastForward(nextWorkingInstant(defaultRussianCalendar(), now) + 10 * 60_000 - now);
  await expect(clock).not.toHaveText(before);
}

/** The clock runs again and the page is back on the network, in sync (its server clock set again). */
async function resumeTime(page: Page): Promise<void> {
  await page.clock.resume();
  await page.context().setOffline(false);
  await waitInSync(page);
}

const status = (page: Page) => page.getByTestId('ticket-status');
const dialogText = (page: Page) => page.getByRole('dialog').getByTestId('dialog-text');
const submitDialog = (page: Page) => page.getByRole('dialog').getByTestId('dialog-submit').click();
/** Submits a dialog the move is expected to pass, and waits until it has closed. */
async function submitAccepted(page: Page): Promise<void> {
  await submitDialog(page);
  await expect(page.getByTestId('dialog-submit')).toHaveCount(0);
}

test('an emergency goes from intake through escalation to closing with the client’s rating', async ({ browser }) => {
  // Two workstations and a dozen steps, each waiting on real sync.
  test.setTimeout(180_000);
  const filed = await central.intake(apiKey, {
    channel: 'email',
    externalId: 'msg-emergency-1',
    subject: 'Не открывается шлагбаум на въезде',
    description: 'С 8 утра камера не распознаёт номера, жители не могут заехать.',
    contact: { name: 'Сергей Ковалёв', phone: '+7 900 123-45-67', email: 'kovalev@sever-park.ru' },
    organization: 'УК «Северный парк»',
    site: 'ЖК «Северный парк»',
    priority: 'emergency',
  });
  const page = await signedInPage(browser, agent);
  await openTicket(page, filed.id);

  await expect(page.getByTestId('ticket-number')).toHaveText(`№ ${filed.number}`);
  await expect(page.getByTestId('ticket-priority')).toHaveText('Экстренное');
  await expect(status(page)).toHaveText('Новое');
  await expect(page.getByTestId('client-card')).toContainText('УК «Северный парк»');
  await expect(page.getByTestId('client-phone')).toHaveText('+7 900 123-45-67');
  await expect(page.getByTestId('client-email')).toHaveText('kovalev@sever-park.ru');
  await expect(page.getByTestId('sla-firstContact')).not.toHaveAttribute('data-stage', 'met');
  await expect(page.getByTestId('sla-resolution')).toBeVisible();
  // Only the legal moves are offered: a new ticket is taken first; nobody resolves it unseen.
  await expect(page.getByTestId('action-take')).toBeVisible();
  await expect(page.getByTestId('action-resolve')).toHaveCount(0);
  await expect(page.getByTestId('action-approveEscalation')).toHaveCount(0);

  await page.keyboard.press('Alt+KeyT');
  await expect(status(page)).toHaveAttribute('data-status', 'in_progress');
  await expect(page.getByTestId('ticket-assignee')).toHaveText(agent.name);

  // Contact by phone (Alt+C) meets the first-contact target.
  await page.keyboard.press('Alt+KeyC');
  await expect(page.getByTestId('dialog-logContact')).toBeVisible();
  await dialogText(page).fill('Позвонил, подтвердил аварию, обещал перезвонить через час.');
  await submitAccepted(page);
  await expect(page.getByTestId('sla-firstContact')).toHaveAttribute('data-stage', 'met');
  await expect(page.getByTestId('sla-firstContact-text')).toContainText('выполнено');

  // An internal note does not reach the client.
  await page
    .getByTestId('composer-mode')
    .getByText(/Внутренняя заметка/)
    .click();
  await page.getByTestId('composer-text').fill('Проверить прошивку камеры LPR-2.');
  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('composer-text')).toHaveValue('');

  // Escalation needs a reason; the refusal keeps the dialog open.
  await page.getByTestId('action-requestEscalation').click();
  await submitDialog(page);
  await expect(page.getByTestId('dialog-error')).toHaveText('Укажите причину.');
  await dialogText(page).fill('Камера LPR-2 не распознаёт номера после обновления 2.4.0');
  await submitAccepted(page);
  await expect(status(page)).toHaveAttribute('data-status', 'escalation_requested');
  await expect(page.getByTestId('action-approveEscalation')).toHaveCount(0);

  // The head decides in the approvals view of another workstation.
  const headPage = await signedInPage(browser, head);
  await headPage.getByTestId('nav-approvals').click();
  const row = headPage.getByTestId('approval-row').filter({ hasText: filed.number });
  await expect(row).toBeVisible();
  await expect(row.getByTestId('approval-reason')).toHaveText('Камера LPR-2 не распознаёт номера после обновления 2.4.0');
  await expect(row).toContainText(agent.name);
  await row.getByTestId('approval-approve').click();
  await expect(row.getByTestId('approval-error')).toHaveText('Укажите задачу разработки (номер или ссылку).');
  await row.getByTestId('approval-dev-task').fill('DEV-777');
  await row.getByTestId('approval-approve').click();
  await expect(headPage.getByTestId('approval-row').filter({ hasText: filed.number })).toHaveCount(0);

  // Back at the agent: escalated, development answers.
  await expect(status(page)).toHaveAttribute('data-status', 'escalated', { timeout: 15_000 });
  await expect(page.getByTestId('escalation-dev-task')).toContainText('DEV-777');
  await page.getByTestId('action-developmentAnswered').click();
  await dialogText(page).fill('Исправлено в 2.4.1, обновление выкачено на объект.');
  await submitAccepted(page);
  await expect(status(page)).toHaveAttribute('data-status', 'in_progress');

  // Resolving needs a KB article: refused without one, the summary stays typed.
  await page.keyboard.press('Alt+KeyS');
  const summary = 'Обновили прошивку камеры до 2.4.1, номера распознаются.';
  await dialogText(page).fill(summary);
  await submitDialog(page);
  await expect(page.getByTestId('dialog-error')).toHaveText(
    'Привяжите статью базы знаний: выберите существующую или создайте черновик.',
  );
  await expect(dialogText(page)).toHaveValue(summary);
  await page.getByTestId('kb-create-draft').click();
  await expect(page.getByTestId('kb-linked-title')).toHaveText('Не открывается шлагбаум на въезде');
  await submitAccepted(page);
  await expect(status(page)).toHaveAttribute('data-status', 'resolved');
  await expect(page.getByTestId('sla-resolution')).toHaveAttribute('data-stage', 'met');
  await expect(page.getByTestId('resolution-article')).toHaveText('Не открывается шлагбаум на въезде');

  // Closing only with the client's confirmation; rating 5.
  await page.getByTestId('action-confirmClosure').click();
  await dialogText(page).fill('Клиент перезвонил: шлагбаум работает.');
  const fiveStars = await page.getByTestId('csat-rating').locator('input[value="5"]').getAttribute('id');
  await page.locator(`label[for="${fiveStars}"]`).click();
  await page.getByTestId('csat-comment').fill('Быстро и понятно');
  await submitAccepted(page);
  await expect(status(page)).toHaveAttribute('data-status', 'closed');
  await expect(page.getByTestId('csat-card')).toContainText('Оценка клиента: 5 из 5');
  await expect(page.getByTestId('ticket-actions')).toHaveCount(0);

  const kinds = await page.getByTestId('timeline-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  const steps = [
    'created',
    'assigned',
    'contactCall',
    'note',
    'escalationRequested',
    'escalationApproved',
    'developmentAnswered',
    'kbLinked',
    'resolution',
    'confirmation',
    'csat',
  ];
  expect(kinds.filter((k) => steps.includes(k ?? ''))).toEqual(steps);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('Звонок клиенту');
  await expect(timeline).toContainText('Статус: Новое → В работе');
  await expect(timeline).toContainText('Эскалация одобрена · задача DEV-777');
  await expect(timeline).toContainText(`${head.name} · `);
  await expect(timeline).toContainText('Привязана статья базы знаний: Не открывается шлагбаум на въезде');
  await expect(timeline).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  await page.getByTestId('ticket-header').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('closed-ticket.png') });
  await headPage.context().close();
  await page.context().close();
});

test('a standard ticket’s countdown stops while waiting for the client and runs again after', async ({ browser }) => {
  const page = await openEmailedTicket(
    browser,
    agent2,
    {
      externalId: 'msg-standard-1',
      subject: 'Не приходят пуш-уведомления о гостях',
      description: 'Жители не получают уведомления в приложении PASS24.Key.',
      contact: { name: 'Мария Орлова', email: 'orlova@bc-vostok.ru' },
    },
    { clock: true },
  );
  await expect(page.getByTestId('sla-firstContact')).toHaveCount(0);
  await page.getByTestId('action-take').click();
  await expect(status(page)).toHaveAttribute('data-status', 'in_progress');
  const timer = page.getByTestId('sla-resolution-text');
  await expect(page.getByTestId('sla-resolution')).not.toHaveAttribute('data-stage', 'paused');

  await page.getByTestId('action-waitForClient').click();
  await dialogText(page).fill('Попросили скриншот настроек уведомлений');
  await submitAccepted(page);
  await expect(status(page)).toHaveAttribute('data-status', 'waiting_client');
  await expect(page.getByTestId('sla-resolution')).toHaveAttribute('data-stage', 'paused');
  await expect(timer).toContainText('пауза · осталось');
  // Working time passes while the clock moves: a running countdown would show less left.
  await stopTime(page);
  const paused = (await timer.textContent()) ?? '';
  await jumpIntoWorkingTime(page);
  await expect(timer).toHaveText(paused);
  await resumeTime(page);

  await page.getByTestId('action-clientAnswered').click();
  await expect(status(page)).toHaveAttribute('data-status', 'in_progress');
  await expect(page.getByTestId('sla-resolution')).not.toHaveAttribute('data-stage', 'paused');
  await expect(timer).toContainText(/^осталось \d+:\d{2}:\d{2}$/);
  await waitInSync(page);
  await stopTime(page);
  const running = (await timer.textContent()) ?? '';
  await jumpIntoWorkingTime(page);
  await expect(timer).not.toHaveText(running);
  await resumeTime(page);
  await page.context().close();
});

test('the head hands a ticket over to another agent from the keyboard, and the history says so', async ({ browser }) => {
  const page = await openEmailedTicket(browser, head, {
    externalId: 'msg-assign-1',
    subject: 'Не печатаются пропуска на ресепшен',
    description: 'Принтер пропусков на ресепшен не получает задания.',
    contact: { name: 'Ольга Ким', email: 'kim@bc-vostok.ru' },
  });
  await page.keyboard.press('Alt+KeyG');
  const dialog = page.getByRole('dialog');
  // The list of colleagues opens at once; away from it, nobody chosen: refused with a message, the dialog stays.
  await expect(page.getByRole('option', { name: agent2.name })).toBeVisible();
  await dialog.getByText('Обращение перейдёт').click();
  await submitDialog(page);
  await expect(dialog.getByTestId('dialog-error')).toHaveText('Выберите, кому передать обращение.');
  await dialog.getByTestId('assign-agent').fill('Игорь');
  await page.getByRole('option', { name: agent2.name }).click();
  await submitAccepted(page);
  await expect(page.getByTestId('ticket-assignee')).toHaveText(agent2.name);
  await expect(page.getByTestId('timeline')).toContainText(`Назначено: ${agent2.name}`);
  await waitInSync(page);
  await page.context().close();
});

test("a ticket's subject and contact are corrected in the edit dialog; an empty subject is refused and the rest kept", async ({
  browser,
}) => {
  const page = await openEmailedTicket(browser, agent, {
    externalId: 'msg-edit-1',
    subject: 'Не работает турникет',
    description: 'Турникет на входе не читает карты.',
    contact: { name: 'Пётр Орлов', email: 'orlov@bc-vostok.ru' },
  });
  await page.keyboard.press('Alt+KeyI');
  const form = page.getByTestId('edit-ticket-form');
  await form.getByTestId('edit-subject').fill('');
  await form.getByTestId('edit-phone').fill('+7 900 123-45-67');
  await form.getByTestId('edit-submit').click();
  await expect(form).toContainText('Укажите тему обращения');
  await expect(form.getByTestId('edit-phone')).toHaveValue('+7 900 123-45-67');
  await form.getByTestId('edit-subject').fill('Турникет на входе не читает карты');
  await form.getByTestId('edit-submit').click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('ticket-subject')).toHaveText('Турникет на входе не читает карты');
  await expect(page.getByTestId('timeline')).toContainText(
    'Изменено поле «Тема»: Не работает турникет → Турникет на входе не читает карты',
  );
  await expect(page.getByTestId('timeline')).toContainText(
    'Изменено поле «Контакт»: Пётр Орлов, orlov@bc-vostok.ru → Пётр Орлов, +7 900 123-45-67, orlov@bc-vostok.ru',
  );
  await waitInSync(page);
  await page.context().close();
});
