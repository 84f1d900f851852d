/**
 * Reply scripts in a real browser against a real endpoint: the head writes a shared script in the
 * «Скрипты» section; an agent types «/» in the composer, finds it, sees it filled in from the
 * ticket, answers its question and sends the reply; the head's edit reaches a second desk; an
 * agent is offered no edit of a shared script.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';
import { repoRoot } from './support/paths.ts';

const agent: TestAccount = { login: 'smirnova', name: 'Анна Смирнова', role: 'agent', password: 'пароль-агента-1' };
const agent2: TestAccount = { login: 'volkov', name: 'Игорь Волков', role: 'agent', password: 'пароль-агента-2' };
const head: TestAccount = { login: 'petrova', name: 'Ольга Петрова', role: 'head', password: 'пароль-руководителя' };

const scriptTitle = 'Шлагбаум: диагностика начата';
const firstBody =
  'Здравствуйте, {{client.name}}!\n\nПо обращению {{ticket.number}} на объекте «{{site.name}}» мы начали диагностику: {{? шаг | Что уже сделано}}.\n\nС уважением,\n{{agent.name}}';
const editedBody =
  'Добрый день, {{ client.name }}! Обращение {{ticket.number}}: {{? шаг | Что уже сделано}}. Ваш специалист — {{agent.name}}.';

let central: CentralServer;
let app: RunningWebServer;
let apiKey: string;
let phoneKey: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  central = new CentralServer();
  for (const a of [agent, agent2, head]) central.addAccount(a);
  apiKey = central.addApiKey('email');
  phoneKey = central.addApiKey('phone');
  await central.start();
  app = await serveApp();
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
});

/** The desks' periodic pull of what is not streamed (scripts among it), shortened from 30 s. */
const pollIntervalMs = 2_000;

async function signedInPage(browser: Browser, account: TestAccount): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript((ms) => {
    localStorage.setItem('pass24desk.testHooks', '1');
    localStorage.setItem('pass24desk.testPollIntervalMs', String(ms));
  }, pollIntervalMs);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await signIn(page, app.url, central.url, account);
  await waitInSync(page);
  return page;
}

async function openTicket(page: Page, id: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#/queue/${id}`);
  await expect(page.getByTestId('ticket-view')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
}

async function openScripts(page: Page): Promise<void> {
  await page.getByTestId('nav-scripts').click();
  await expect(page.getByTestId('section-scripts')).toBeVisible();
}

const picker = (page: Page) => page.getByRole('dialog');

/** The README's screenshots are refreshed with UPDATE_SCREENSHOTS=1; otherwise they go with the test's output. */
const screenshotPath = (name: string) =>
  process.env.UPDATE_SCREENSHOTS ? `${repoRoot}/docs/screenshots/${name}` : test.info().outputPath(name);

/** Types «/» at the start of the reply and searches the picker. */
async function pickScript(page: Page, query: string): Promise<void> {
  const composer = page.getByTestId('composer-text');
  await composer.click();
  await composer.press('Slash');
  await expect(page.getByTestId('script-picker-search')).toBeFocused();
  await page.getByTestId('script-picker-search').pressSequentially(query);
  await expect(page.getByTestId('script-picker-title')).toHaveText(scriptTitle);
}

test('the head writes a shared script; an agent picks it with «/», answers its question and sends it filled in', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const headPage = await signedInPage(browser, head);
  await openScripts(headPage);
  await headPage.keyboard.press('Alt+Shift+KeyN');
  await expect(headPage.getByTestId('script-editor')).toHaveAttribute('data-editable', 'true');
  await headPage.getByTestId('script-title').fill(scriptTitle);
  await headPage.getByTestId('script-category').fill('Уточнение');
  await headPage.getByTestId('script-body').fill(firstBody);
  await expect(headPage.getByTestId('script-scope-choice')).toBeVisible();
  await headPage.keyboard.press('Control+KeyS');
  await expect(headPage.getByTestId('scripts-row').filter({ hasText: scriptTitle })).toBeVisible();
  await expect(headPage.getByTestId('script-scope')).toHaveText('Общий');
  await waitInSync(headPage);

  const filed = await central.intake(apiKey, {
    channel: 'email',
    externalId: 'msg-script-1',
    subject: 'Шлагбаум не открывается по номеру',
    description: 'Камера не распознаёт номера жителей.',
    contact: { name: 'Марина Ковалёва', email: 'marina@sever-park.ru' },
    organization: 'УК «Северный парк»',
    site: 'ЖК «Северный парк»',
    priority: 'standard',
  });
  const page = await signedInPage(browser, agent);
  await openTicket(page, filed.id);
  await page.getByTestId('composer-text').fill('Добрый день.\n');
  await pickScript(page, 'диагност');
  const preview = page.getByTestId('script-preview');
  await expect(preview).toContainText('Здравствуйте, Марина Ковалёва!');
  await expect(preview).toContainText(`По обращению ${filed.number} на объекте «ЖК „Северный парк“»`);
  await expect(preview).toContainText(agent.name);
  await expect(page.getByTestId('script-variant')).toHaveText('Для переписки');
  await page.screenshot({ path: screenshotPath('scripts-picker.png') });

  // Enter in the search goes to the unanswered question; Enter there inserts.
  await page.getByTestId('script-picker-search').press('Enter');
  const question = page.getByTestId('script-prompt');
  await expect(question).toBeFocused();
  await question.fill('перезагрузили камеру и проверили список номеров');
  await expect(preview).toContainText('мы начали диагностику: перезагрузили камеру и проверили список номеров.');
  await question.press('Enter');
  await expect(picker(page)).toHaveCount(0);

  const expected = `Здравствуйте, Марина Ковалёва!\n\nПо обращению ${filed.number} на объекте «ЖК „Северный парк“» мы начали диагностику: перезагрузили камеру и проверили список номеров.\n\nС уважением,\n${agent.name}`;
  await expect(page.getByTestId('composer-text')).toHaveValue(`Добрый день.\n${expected}`);
  await expect(page.getByTestId('composer-text')).toBeFocused();
  await page.getByTestId('composer-text').press('Control+Enter');
  await expect(page.getByTestId('composer-text')).toHaveValue('');
  const reply = page.getByTestId('timeline-entry').filter({ hasText: 'мы начали диагностику' });
  await expect(reply).toHaveAttribute('data-kind', 'reply');
  // Sent as it was filled in, line breaks and all.
  await expect(reply.locator('p').filter({ hasText: 'мы начали диагностику' })).toHaveText(`Добрый день.\n${expected}`, {
    useInnerText: true,
  });
  await waitInSync(page);

  // The use is counted from the timeline, live: the head's open section shows it without a reload.
  await expect(headPage.getByTestId('scripts-row').filter({ hasText: scriptTitle }).getByTestId('scripts-usage')).toHaveAttribute(
    'data-count',
    '1',
    { timeout: 15_000 },
  );
  await headPage.context().close();
  await page.context().close();
});

test('the head edits the shared script and a second desk offers the new text; an agent gets no edit of it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const filed = await central.intake(apiKey, {
    channel: 'email',
    externalId: 'msg-script-2',
    subject: 'Не приходит пропуск гостю',
    description: 'Гостевой пропуск не пришёл.',
    contact: { name: 'Олег Миронов', email: 'oleg@vostok.ru' },
    organization: 'БЦ «Восток»',
    priority: 'standard',
  });
  // The second desk is open on the ticket before the edit and keeps working.
  const secondDesk = await signedInPage(browser, agent2);
  await openTicket(secondDesk, filed.id);

  const headPage = await signedInPage(browser, head);
  await openScripts(headPage);
  await headPage.getByTestId('scripts-search').fill('диагностика');
  await headPage.getByTestId('scripts-search').press('Enter');
  await expect(headPage.getByTestId('script-title')).toHaveValue(scriptTitle);
  await headPage.getByTestId('script-body').fill(editedBody);
  await headPage.getByTestId('script-save').click();
  await expect(headPage.getByTestId('script-editor-preview')).toContainText('Добрый день, ');
  await waitInSync(headPage);

  await expect
    .poll(
      async () => {
        await pickScript(secondDesk, 'диагност');
        const text = await secondDesk.getByTestId('script-preview').textContent();
        await secondDesk.keyboard.press('Escape');
        await expect(picker(secondDesk)).toHaveCount(0);
        // Closed without a script, the typed «/» stays typed.
        await expect(secondDesk.getByTestId('composer-text')).toHaveValue('/');
        await secondDesk.getByTestId('composer-text').fill('');
        return text;
      },
      // Scripts are not streamed live: a desk pulls them on reconnect and periodically.
      { timeout: 30_000 },
    )
    .toContain(`Добрый день, Олег Миронов! Обращение ${filed.number}: . Ваш специалист — ${agent2.name}.`);

  // An agent sees the shared script read-only: no save, no archive, fields not editable.
  const agentPage = await signedInPage(browser, agent);
  await openScripts(agentPage);
  await agentPage.getByTestId('scripts-row').filter({ hasText: scriptTitle }).click();
  const editor = agentPage.getByTestId('script-editor');
  await expect(editor).toHaveAttribute('data-editable', 'false');
  await expect(agentPage.getByTestId('script-read-only')).toBeVisible();
  await expect(agentPage.getByTestId('script-save')).toHaveCount(0);
  await expect(agentPage.getByTestId('script-archive')).toHaveCount(0);
  await expect(agentPage.getByTestId('script-body')).toHaveAttribute('readonly', '');
  // The endpoint refuses the same edit pushed with the agent's account, whatever the desk offers.
  const signed = (await (
    await fetch(`${central.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: agent.login, password: agent.password }),
    })
  ).json()) as { token: string; agent: { id: string } };
  const auth = { authorization: `Bearer ${signed.token}`, 'content-type': 'application/json' };
  const pulled = (await (await fetch(`${central.url}/api/replication/templates/pull?limit=1000`, { headers: auth })).json()) as {
    documents: Array<Record<string, unknown> & { id: string; title: string; ownerId: string | null; body: string }>;
  };
  const shared = pulled.documents.find((d) => d.title === scriptTitle && d.ownerId === null)!;
  const pushed = (await (
    await fetch(`${central.url}/api/replication/templates/push`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify([
        {
          assumedMasterState: shared,
          newDocumentState: { ...shared, body: 'Агент переписал общий скрипт', editedBy: signed.agent.id, editedAt: Date.now() },
        },
      ]),
    })
  ).json()) as { rejected: unknown[] };
  expect(pushed.rejected).toEqual([{ id: shared.id, code: 'forbidden_action', reason: expect.stringMatching(/руководитель/) }]);

  // A personal copy is theirs to edit.
  await agentPage.getByTestId('script-copy-personal').click();
  await expect(agentPage.getByTestId('script-editor')).toHaveAttribute('data-editable', 'true');
  await expect(agentPage.getByTestId('script-scope')).toHaveText('Личный');
  await expect(agentPage.getByTestId('script-scope-choice')).toHaveCount(0);
  await agentPage.getByTestId('script-title').fill(`${scriptTitle} (моя версия)`);
  await agentPage.getByTestId('script-save').click();
  await expect(agentPage.getByTestId('scripts-row').filter({ hasText: '(моя версия)' })).toBeVisible();
  await expect(agentPage.getByTestId('script-editor')).toHaveAttribute('data-editable', 'true');
  await agentPage.getByTestId('scripts-row').first().scrollIntoViewIfNeeded();
  await agentPage.getByTestId('scripts-row').filter({ hasText: scriptTitle }).first().click();
  await agentPage.screenshot({ path: screenshotPath('scripts.png') });
  for (const p of [secondDesk, headPage, agentPage]) await p.context().close();
});

test('an emergency phoned in and not yet contacted offers the acknowledgement, read aloud from its phone text', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const headPage = await signedInPage(browser, head);
  await openScripts(headPage);
  await headPage.getByTestId('scripts-new').click();
  await headPage.getByTestId('script-title').fill('Авария: приём подтверждён');
  await headPage.getByTestId('script-category').fill('Экстренное');
  await headPage
    .getByTestId('script-body')
    .fill('{{client.name}}, обращение {{ticket.number}} принято как экстренное. Срок решения — {{sla.due}}.');
  await headPage
    .getByTestId('script-phone-body')
    .fill('{{client.name}}, это {{agent.name}}. Мы уже работаем, решим {{sla.resolveDue}}.');
  await headPage.getByTestId('script-tags').fill('экстренное принято');
  await headPage.getByTestId('script-tags').press('Enter');
  await headPage.getByTestId('script-save').click();
  await expect(headPage.getByTestId('scripts-row').filter({ hasText: 'Авария: приём подтверждён' })).toBeVisible();
  await waitInSync(headPage);
  await headPage.context().close();

  const filed = await central.intake(phoneKey, {
    channel: 'phone',
    externalId: 'call-emergency-1',
    subject: 'Не открывается шлагбаум на въезде',
    description: 'Жители не могут заехать.',
    contact: { name: 'Сергей Ковалёв', phone: '+7 900 123-45-67' },
    organization: 'УК «Северный парк»',
    priority: 'emergency',
  });
  const page = await signedInPage(browser, agent);
  await openTicket(page, filed.id);
  const suggestion = page.getByTestId('script-suggestion');
  await expect(suggestion).toHaveAttribute('data-situation', 'emergencyAcknowledgement');
  await expect(suggestion).toContainText('Авария: приём подтверждён');

  await page.keyboard.press('Alt+KeyK');
  await expect(page.getByTestId('script-picker-result').first()).toContainText('Авария: приём подтверждён');
  await expect(page.getByTestId('script-picker-result').first()).toContainText('Подходит сейчас');
  await expect(page.getByTestId('script-variant')).toHaveText('Для звонка');
  await expect(page.getByTestId('script-preview')).toHaveAttribute('data-variant', 'phone');
  // The resolution deadline in words, whatever the hour of the run: «сегодня до 13:05», «завтра до 10:00»…
  await expect(page.getByTestId('script-preview')).toHaveText(
    /^Сергей Ковалёв, это Анна Смирнова\. Мы уже работаем, решим .+ до \d\d:\d\d\.$/,
  );
  await page.getByTestId('script-switch-variant').click();
  await expect(page.getByTestId('script-preview')).toContainText(`обращение ${filed.number} принято как экстренное`);
  await page.getByTestId('script-picker-search').press('Enter');
  await expect(page.getByTestId('composer-text')).toHaveValue(
    new RegExp(`^Сергей Ковалёв, обращение ${filed.number} принято как экстренное\\. Срок решения — `),
  );
  await page.getByTestId('composer-text').press('Control+Enter');
  // A reply on a ticket with no address reaches nobody, so it is not the first contact: the
  // acknowledgement stays offered until a call is logged (shared/sla/README.md).
  await expect(page.getByTestId('timeline')).toContainText(`обращение ${filed.number} принято как экстренное`);
  await expect(page.getByTestId('script-suggestion')).toHaveCount(1);

  // The call itself: the call log offers the script's phone text, shown large to read aloud, and
  // the logged call records the script.
  await page.keyboard.press('Alt+KeyC');
  await expect(page.getByTestId('dialog-logContact')).toBeVisible();
  await page.getByTestId('call-script-open').click();
  await page.getByTestId('script-picker-search').fill('авария');
  await expect(page.getByTestId('script-picker-title')).toHaveText('Авария: приём подтверждён');
  await expect(page.getByTestId('script-variant')).toHaveText('Для звонка');
  await page.getByTestId('script-picker-search').press('Enter');
  const callScript = page.getByTestId('call-script');
  await expect(callScript).toHaveText(/^Сергей Ковалёв, это Анна Смирнова\. Мы уже работаем, решим .+ до \d\d:\d\d\.$/);
  await expect(callScript).toHaveCSS('font-size', /^(1[89]|2\d)(\.\d+)?px$/);
  await page.getByTestId('dialog-text').fill('Подтвердил приём по телефону');
  await page.getByTestId('dialog-submit').click();
  await expect(page.getByTestId('dialog-logContact')).toHaveCount(0);
  const call = page.getByTestId('timeline-entry').filter({ hasText: 'Подтвердил приём по телефону' });
  await expect(call).toHaveAttribute('data-kind', 'contactCall');
  // Contacted: the acknowledgement is no longer offered.
  await expect(page.getByTestId('script-suggestion')).toHaveCount(0);
  await waitInSync(page);

  // Both the reply and the call count as uses of the script.
  await openScripts(page);
  await expect(
    page.getByTestId('scripts-row').filter({ hasText: 'Авария: приём подтверждён' }).getByTestId('scripts-usage'),
  ).toHaveAttribute('data-count', '2');
});

test('two desks edit one script offline; the editor shows both texts side by side and the save merges them', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const title = 'Конфликт: напоминание о проверке';
  const a = await signedInPage(browser, head);
  await openScripts(a);
  await a.getByTestId('scripts-new').click();
  await a.getByTestId('script-title').fill(title);
  await a.getByTestId('script-body').fill('Исходный текст для {{client.name}}.');
  await a.getByTestId('script-save').click();
  await expect(a.getByTestId('scripts-row').filter({ hasText: title })).toBeVisible();
  await waitInSync(a);

  const b = await signedInPage(browser, head);
  await openScripts(b);
  // B's first pull brings the script A saved.
  await expect(b.getByTestId('scripts-row').filter({ hasText: title })).toBeVisible({ timeout: 30_000 });
  await b.getByTestId('scripts-row').filter({ hasText: title }).click();
  await a.getByTestId('scripts-row').filter({ hasText: title }).click();

  for (const [page, text] of [
    [a, 'Версия A: проверьте, пожалуйста.'],
    [b, 'Версия B: будем благодарны за проверку.'],
  ] as const) {
    await page.context().setOffline(true);
    await page.getByTestId('script-body').fill(text);
    await page.getByTestId('script-save').click();
    await expect(page.getByTestId('script-editor-preview')).toContainText(text.slice(0, 8));
  }
  await a.context().setOffline(false);
  await waitInSync(a, 30_000);
  await b.context().setOffline(false);
  await waitInSync(b, 30_000);

  // B pushed second on a stale base: the server's text (A's) stays, B's is the conflict draft,
  // shown beside it in B's open editor.
  await expect(b.getByTestId('script-conflict')).toBeVisible({ timeout: 30_000 });
  await expect(b.getByTestId('script-conflict-body-current')).toHaveValue(/Версия A/);
  await expect(b.getByTestId('script-conflict-body-other')).toHaveValue(/Версия B/);
  await expect(b.getByTestId('scripts-row').filter({ hasText: title }).getByTestId('scripts-conflict')).toBeVisible();
  await b.getByTestId('script-conflict-body-take-current').click();
  await expect(b.getByTestId('script-body')).toHaveValue(/Версия A/);
  await b.getByTestId('script-body').fill('Версии A и B: проверьте, пожалуйста, будем благодарны.');
  await b.getByTestId('script-save').click();
  await expect(b.getByTestId('script-conflict')).toHaveCount(0);
  await waitInSync(b);

  // Desk A gets the merged text and no conflict.
  await expect
    .poll(
      async () => {
        await a.keyboard.press('Escape');
        await a.getByTestId('scripts-row').filter({ hasText: title }).click();
        return a.getByTestId('script-body').inputValue();
      },
      { timeout: 45_000 },
    )
    .toBe('Версии A и B: проверьте, пожалуйста, будем благодарны.');
  await expect(a.getByTestId('script-conflict')).toHaveCount(0);
  for (const p of [a, b]) await p.context().close();
});
