/**
 * The knowledge base as a working tool, in a real browser against a real central endpoint: the
 * ticket's panel suggests the article for the client's problem as the client put it, and linking
 * it works with the network gone (it reaches the endpoint when the network returns); an agent
 * writes a draft, the head sends it back with a comment from «Согласования», the agent improves
 * it and the head publishes it, then restores its first text from the history; script and markup
 * written into an article stay text.
 */
import { expect, test, type Page } from '@playwright/test';
import type { NewTicketInput } from '#shared/domain/ticketFactory.ts';
import type { KbArticle } from '#shared/schema/kbSchema.ts';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { loadArticles } from '../../server/seed/demoContent.ts';
import { ticketInput } from '../support/ticketFactory.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

const agent: TestAccount = { login: 'orlova', name: 'Вера Орлова', role: 'agent', password: 'пароль-для-базы-1' };
const head: TestAccount = { login: 'sokolov', name: 'Павел Соколов', role: 'head', password: 'пароль-для-базы-2' };
let central: CentralServer;
let app: RunningWebServer;

/** The demo articles, as another workstation would have written them. */
function demoArticles(): (KbArticle & { _deleted: false })[] {
  const at = Date.now() - 86_400_000;
  return loadArticles().map((a) => ({
    // Ids are at most 40 characters: the slug's start is unique among the demo articles.
    id: `kb-${a.slug.slice(0, 36)}`,
    title: a.title,
    body: a.body,
    product: a.product,
    tags: a.tags,
    category: null,
    symptoms: [],
    status: 'published',
    createdAt: at,
    createdBy: '',
    editedAt: at,
    editedBy: '',
    sourceTicketId: null,
    conflictDraft: null,
    summary: null,
    returned: null,
    updatedAt: 0,
    _deleted: false,
  }));
}

async function pushArticles(articles: readonly object[]): Promise<void> {
  const login = await fetch(`${central.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: head.login, password: head.password }),
  });
  // Published articles come from the head, in the head's name: the endpoint takes nothing else.
  const { token, agent: signer } = (await login.json()) as { token: string; agent: { id: string } };
  const res = await fetch(`${central.url}/api/replication/kb/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(
      articles.map((a) => ({ assumedMasterState: null, newDocumentState: { ...a, createdBy: signer.id, editedBy: signer.id } })),
    ),
  });
  expect(await res.json()).toEqual({ conflicts: [], rejected: [] });
}

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  expect(new Set(demoArticles().map((a) => a.id)).size).toBe(demoArticles().length);
  central = new CentralServer();
  central.addAccount(agent);
  central.addAccount(head);
  await central.start();
  await pushArticles(demoArticles());
  app = await serveApp();
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
});

interface DeskWindow {
  __deskTest: {
    workspace(): { db: unknown; write: unknown } | null;
    tickets: { createTicket(db: unknown, input: NewTicketInput, write: unknown): Promise<{ id: string }> };
  };
}

async function openTicket(page: Page, input: NewTicketInput): Promise<string> {
  const { id } = await page.evaluate(async (input) => {
    const hooks = (window as unknown as DeskWindow).__deskTest;
    const ws = hooks.workspace()!;
    return hooks.tickets.createTicket(ws.db, input, ws.write);
  }, input);
  await page.goto(`${app.url}/#/queue/${id}`);
  await expect(page.getByTestId('ticket-view')).toHaveAttribute('data-state', 'ready');
  return id;
}

test('the panel suggests the article for a client-phrased problem, and linking it works offline', async ({ page, context }) => {
  await context.addInitScript(() => localStorage.setItem('pass24desk.testHooks', '1'));
  await signIn(page, app.url, central.url, agent);
  await waitInSync(page, 60_000);
  await openTicket(page, {
    ...ticketInput,
    product: 'pass24_online',
    subject: 'Гостю не пришла смс с пропуском',
    description: 'Житель заказал пропуск, а гость говорит, что сообщение со ссылкой так и не получил.',
  });

  const panel = page.getByTestId('kb-suggestions');
  const expected = `kb-${'online-gost-ne-poluchil-sms-s-propuskom'.slice(0, 36)}`;
  await expect(panel.locator(`[data-testid="kb-suggestion"][data-article-id="${expected}"]`)).toBeVisible();
  await expect(panel.getByTestId('kb-highlight').first()).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  // Alt+B opens the first suggestion beside the ticket; Alt+L links the open one.
  const reader = page.getByTestId('kb-article');
  for (
    let tries = 0;
    tries < 3 && (await reader.getAttribute('data-article-id', { timeout: 1000 }).catch(() => null)) !== expected;
    tries++
  ) {
    await page.keyboard.press('Alt+KeyB');
    await expect(reader).toBeVisible();
  }
  await expect(reader).toHaveAttribute('data-article-id', expected);
  await page.keyboard.press('Alt+KeyL');
  await expect(page.getByTestId('kb-suggest-link')).toBeDisabled();
  // Alt+V puts the article's answer for the client into the reply and closes the article.
  await page.keyboard.press('Alt+KeyV');
  await expect(page.getByTestId('kb-article')).toBeHidden();
  await expect(page.getByTestId('composer-text')).toHaveValue(/перешлите ему ссылку на пропуск через мессенджер/);
  await expect(page.getByTestId('timeline')).toContainText(
    'Привязана статья базы знаний: Гость не получил SMS со ссылкой на пропуск',
  );
  await expect(page.getByTestId('pending-count')).not.toHaveAttribute('data-count', '0');

  await context.setOffline(false);
  await waitInSync(page, 30_000);
});

test('an agent writes a draft, the head returns it with a comment, then publishes it from «Согласования»; markup stays inert', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const desk = async (account: TestAccount) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, app.url, central.url, account);
    await waitInSync(page, 60_000);
    await page.goto(`${app.url}/#/kb`);
    await expect(page.getByTestId('section-kb')).toBeVisible();
    return { context, page };
  };
  const a = await desk(agent);
  const b = await desk(head);

  await a.page.keyboard.press('Alt+Shift+KeyN');
  await expect(a.page.getByTestId('kb-editor')).toBeVisible();
  await a.page.getByTestId('kb-editor-title').fill('Домофон Визит не открывает калитку <img src=x onerror="window.__xss=1">');
  await a.page.getByTestId('kb-editor-tags').fill('домофон,');
  await a.page
    .getByTestId('kb-editor-body')
    .fill(
      '## Решение\n\nПерезапустите модуль домофона.\n\n<script>window.__xss=2</script>\n<img src=x onerror="window.__xss=3">\n\n[ссылка](javascript:window.__xss=4) ![картинка](https://evil.example/a.png)',
    );
  const preview = a.page.getByTestId('kb-editor-preview');
  await expect(preview.locator('h2')).toHaveText('Решение');
  await expect(preview.locator('script, img, [onerror]')).toHaveCount(0);
  await expect(preview.locator('a[href^="javascript"]')).toHaveCount(0);
  await a.page.keyboard.press('Control+Enter');
  const reader = a.page.getByTestId('kb-article');
  await expect(reader.getByTestId('kb-article-title')).toContainText('Домофон Визит');
  await expect(reader.getByTestId('kb-status')).toHaveText('Черновик');
  // The agent is offered no publishing.
  await expect(a.page.getByTestId('kb-status-published')).toHaveCount(0);
  await reader.getByText('ссылка', { exact: true }).click();
  expect(await a.page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)).toBeNull();
  await waitInSync(a.page);

  // The head finds the draft in «Согласования» and sends it back with what to change.
  await b.page.goto(`${app.url}/#/approvals`);
  const waiting = b.page.locator('[data-testid="kb-draft-row"]').filter({ hasText: 'Домофон Визит' });
  await expect(waiting).toBeVisible({ timeout: 30_000 });
  await waiting.getByTestId('kb-draft-return').click();
  await b.page.getByTestId('kb-draft-return-comment').fill('Добавьте, где находится модуль домофона.');
  await b.page.getByTestId('kb-draft-return-submit').click();
  await expect(waiting).toBeHidden();
  await waitInSync(b.page);

  // The author reads the comment on the draft, adds the step, and the draft waits for the head again.
  await expect(reader.getByTestId('kb-returned')).toContainText('Добавьте, где находится модуль домофона.', { timeout: 30_000 });
  await a.page.keyboard.press('Alt+KeyI');
  await a.page.getByTestId('kb-editor-body').fill('## Решение\n\nМодуль домофона стоит в щите у калитки: перезапустите его.');
  await a.page.keyboard.press('Control+Enter');
  await expect(reader.getByTestId('kb-returned')).toBeHidden();
  await waitInSync(a.page);

  await expect(waiting).toBeVisible({ timeout: 30_000 });
  await waiting.getByTestId('kb-draft-publish').click();
  await expect(waiting).toBeHidden();
  await waitInSync(b.page);
  await b.page.goto(`${app.url}/#/kb`);
  await b.page.getByTestId('kb-search').fill('домофон визит калитка');
  const row = b.page.locator('[data-testid="kb-row"]').filter({ hasText: 'Домофон Визит' });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  await expect(b.page.getByTestId('kb-article').getByTestId('kb-status')).toHaveText('Опубликована');

  await a.page.getByTestId('kb-search').fill('домофон визит');
  await expect(a.page.getByTestId('kb-article').getByTestId('kb-status')).toHaveText('Опубликована', { timeout: 30_000 });
  expect(await a.page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null)).toBeNull();

  // The history lists every stored version with its author; the head brings the first text back as a new version.
  await b.page.keyboard.press('Alt+KeyH');
  const versions = b.page.getByTestId('kb-history-version');
  await expect(versions).toHaveCount(4);
  await expect(versions.first()).toContainText('Павел Соколов');
  await expect(versions.last()).toContainText('Вера Орлова');
  await versions.last().click();
  await expect(b.page.getByTestId('kb-history-body')).toContainText('Перезапустите модуль домофона.');
  await b.page.getByTestId('kb-history-restore').click();
  await expect(b.page.getByTestId('kb-history-restored')).toBeVisible();
  await expect(versions).toHaveCount(5, { timeout: 30_000 });
  await b.page.keyboard.press('Escape');
  await expect(a.page.getByTestId('kb-article-body')).toContainText('Перезапустите модуль домофона.', { timeout: 30_000 });
  await expect(a.page.getByTestId('kb-article').getByTestId('kb-status')).toHaveText('Опубликована');
  await a.context.close();
  await b.context.close();
});

test('two desks edit one article offline; the conflict shows both texts and is resolved by hand', async ({ browser }) => {
  const desk = async (account: TestAccount) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, app.url, central.url, account);
    await waitInSync(page, 60_000);
    await page.goto(`${app.url}/#/kb/${`kb-${'hw-zamena-kontrollera'.slice(0, 36)}`}`);
    await expect(page.getByTestId('kb-article')).toBeVisible();
    return { context, page };
  };
  const a = await desk(agent);
  const b = await desk(head);
  const edit = async (page: Page, text: string) => {
    await page.keyboard.press('Alt+KeyI');
    await page.getByTestId('kb-editor-body').fill(text);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('kb-editor')).toBeHidden();
  };

  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await edit(a.page, '## Решение\n\nЗамену делает монтажник, версия A.');
  await edit(b.page, '## Решение\n\nЗамену делает техник объекта, версия B.');
  await a.context.setOffline(false);
  await waitInSync(a.page, 30_000);
  await b.context.setOffline(false);
  await waitInSync(b.page, 30_000);

  // B pushed second: the server's text (A's) stays, B's is kept as the conflict draft.
  await expect(b.page.getByTestId('kb-conflict-alert')).toBeVisible({ timeout: 30_000 });
  await b.page.keyboard.press('Alt+KeyI');
  await expect(b.page.getByTestId('kb-conflict-current')).toHaveValue(/версия A/);
  await expect(b.page.getByTestId('kb-conflict-other')).toHaveValue(/версия B/);
  await b.page.getByTestId('kb-conflict-take-other').click();
  await b.page.getByTestId('kb-editor-body').fill('## Решение\n\nЗамену делает монтажник или техник объекта (версии A и B).');
  await b.page.keyboard.press('Control+Enter');
  await expect(b.page.getByTestId('kb-conflict-alert')).toBeHidden();
  await waitInSync(b.page);

  await expect(a.page.getByTestId('kb-article-body')).toContainText('версии A и B', { timeout: 30_000 });
  await expect(a.page.getByTestId('kb-conflict-alert')).toBeHidden();
  await a.context.close();
  await b.context.close();
});
