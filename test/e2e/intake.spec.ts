/**
 * «Новое обращение» and the knowledge base in a real browser against a real central endpoint (an
 * empty workspace: organisations and sites are created inline from the form, the KB articles are
 * pushed by another workstation): validation that keeps what was typed, a ticket created offline that gets
 * its number from the server, repeat suggestions linked with one click, KB search by word form.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import type { KbArticle } from '../../shared/schema/kbSchema.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

const agent: TestAccount = { login: 'petrova', name: 'Мария Петрова', role: 'agent', password: 'пароль-для-приёма-1' };
const head: TestAccount = { login: 'lebedev', name: 'Олег Лебедев', role: 'head', password: 'пароль-для-приёма-2' };
let central: CentralServer;
let app: RunningWebServer;

function article(id: string, title: string, body: string, over: Partial<KbArticle> = {}): KbArticle & { _deleted: false } {
  const at = Date.now() - 86_400_000;
  return {
    id,
    title,
    body,
    product: null,
    tags: [],
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
    ...over,
  };
}

const articles = [
  article(
    'kb-e2e-barrier',
    'Шлагбаум не открывается по номеру автомобиля',
    '## Что проверить\n\n1. Номер есть в списке пропусков.\n2. Камера распознаёт номер.\n\n<script>window.__injected = true</script><b>сырой HTML</b>',
    { product: 'pass24_auto', tags: ['камера'] },
  ),
  article('kb-e2e-turnstile', 'Турникет не пропускает по ключу', 'Перезагрузите контроллер турникета.', {
    product: 'pass24_key',
  }),
  article('kb-e2e-guest', 'Как выдать гостевой пропуск', 'В приложении жителя: «Пропуска» → «Новый».', {
    product: 'pass24_online',
    status: 'draft',
  }),
];

/** Writes KB articles through the replication API, as the head's workstation would. */
async function publishArticles(): Promise<void> {
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
  const body = (await res.json()) as { rejected: unknown[]; conflicts: unknown[] };
  expect(body).toEqual({ conflicts: [], rejected: [] });
}

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  central = new CentralServer();
  central.addAccount(agent);
  central.addAccount(head);
  await central.start();
  await publishArticles();
  app = await serveApp();
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
});

/** Signs in and waits for the first sync, so a save below never queues behind it. */
async function signInSynced(page: Page): Promise<void> {
  await signIn(page, app.url, central.url, agent);
  await waitInSync(page, 60_000);
}

async function openIntakeForm(page: Page): Promise<void> {
  await page.getByTestId('new-ticket-button').click();
  await expect(page.getByTestId('intake-form')).toBeVisible();
}

const openTicketId = (page: Page) => new URL(page.url()).hash.match(/^#\/queue\/(.+)$/)?.[1] ?? null;

test('an empty subject is refused with a message next to it, and everything typed is kept', async ({ page }) => {
  await signInSynced(page);
  await openIntakeForm(page);
  await page.getByTestId('intake-organization').fill('УК «Проверка формы»');
  await page.getByTestId('intake-contact-name').fill('Сергей, диспетчер');
  await page.getByTestId('intake-contact-phone').fill('+7 912 345-67-89');
  await page.getByTestId('intake-description').fill('Жители не могут пройти через калитку');
  await page.getByTestId('intake-priority-emergency').check();
  await page.getByTestId('intake-submit').click();

  await expect(page.getByText('Укажите тему обращения: коротко, что случилось.')).toBeVisible();
  await expect(page.getByTestId('intake-subject')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('intake-subject')).toBeFocused();
  await expect(page.getByTestId('intake-organization')).toHaveValue('УК «Проверка формы»');
  await expect(page.getByTestId('intake-contact-name')).toHaveValue('Сергей, диспетчер');
  await expect(page.getByTestId('intake-contact-phone')).toHaveValue('+7 912 345-67-89');
  await expect(page.getByTestId('intake-description')).toHaveValue('Жители не могут пройти через калитку');
  await expect(page.getByTestId('intake-priority-emergency')).toBeChecked();

  // Closed by accident and opened again: the draft is still there.
  await page.getByTestId('intake-cancel').click();
  await expect(page.getByTestId('intake-form')).toBeHidden({ timeout: 30_000 });
  await page.keyboard.press('Alt+KeyN');
  await expect(page.getByTestId('intake-restored')).toBeVisible();
  await expect(page.getByTestId('intake-description')).toHaveValue('Жители не могут пройти через калитку');

  // Fixing the subject clears its message live.
  await page.getByTestId('intake-subject').fill('Калитка не открывается');
  await expect(page.getByText('Укажите тему обращения: коротко, что случилось.')).toBeHidden();
});

test('a ticket created offline opens as «ещё не синхронизировано» and shows its number once the server has it', async ({
  page,
}) => {
  await signInSynced(page);
  await central.stop();
  await openIntakeForm(page);
  await page.getByTestId('intake-organization').fill('ТСЖ «Офлайн»');
  await page.getByTestId('intake-site').fill('ЖК «Тихий двор»');
  await page.getByTestId('intake-contact-email').fill('chair@tihiy-dvor.ru');
  await page.getByTestId('intake-subject').fill('Не работает домофон у второго подъезда');
  await page.getByTestId('intake-subject').press('Control+Enter');

  await expect(page.getByTestId('intake-form')).toBeHidden({ timeout: 30_000 });
  await expect.poll(() => openTicketId(page)).not.toBeNull();
  const id = openTicketId(page)!;
  const view = page.getByTestId('ticket-view');
  await expect(view).toHaveAttribute('data-ticket-id', id);
  await expect(view).toContainText('Не работает домофон у второго подъезда');
  await expect(view).toContainText('ТСЖ «Офлайн»');
  await expect(page.getByTestId('ticket-not-synced')).toHaveText('ещё не синхронизировано');
  await expect(page.getByTestId('ticket-number')).toHaveCount(0);

  await central.start();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^№ \d{4}-\d{6}$/, { timeout: 120_000 });
  await expect(page.getByTestId('ticket-not-synced')).toHaveCount(0);

  // The draft was cleared by the successful create.
  await openIntakeForm(page);
  await expect(page.getByTestId('intake-subject')).toHaveValue('');
  await expect(page.getByTestId('intake-restored')).toHaveCount(0);
});

test('a similar ticket of the same organisation is suggested as a repeat and linked with one click', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('pass24desk.testHooks', '1'));
  await signInSynced(page);

  await openIntakeForm(page);
  await page.getByTestId('intake-organization').fill('УК «Повторы»');
  await page.getByTestId('intake-subject').fill('Не открывается шлагбаум на въезде');
  await page.getByTestId('intake-description').fill('Камера не распознаёт номера жителей');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-form')).toBeHidden({ timeout: 30_000 });
  await expect.poll(() => openTicketId(page)).not.toBeNull();
  const first = openTicketId(page)!;

  await openIntakeForm(page);
  await page.getByTestId('intake-organization').fill('УК «Повторы»');
  await expect(page.getByTestId('repeat-suggestions')).not.toContainText('Это повтор');
  await page.getByTestId('intake-subject').fill('Опять шлагбаум не открывается');
  const suggestion = page.locator(`[data-testid="repeat-suggestion"][data-ticket-id="${first}"]`);
  await expect(suggestion).toContainText('Не открывается шлагбаум на въезде');
  await page.getByTestId(`repeat-link-${first}`).click();
  await expect(page.getByTestId('repeat-linked')).toHaveAttribute('data-ticket-id', first);
  await page.getByTestId('intake-submit').click();

  await expect(page.getByTestId('intake-form')).toBeHidden({ timeout: 30_000 });
  await expect.poll(() => openTicketId(page)).not.toBe(first);
  const second = openTicketId(page)!;
  const repeatOf = await page.evaluate(async (id) => {
    type Hooks = {
      workspace(): { db: { tickets: { findOne(id: string): { exec(): Promise<{ repeatOf: string | null } | null> } } } };
    };
    const hooks = (window as unknown as { __deskTest: Hooks }).__deskTest;
    return (await hooks.workspace().db.tickets.findOne(id).exec())?.repeatOf ?? null;
  }, second);
  expect(repeatOf).toBe(first);

  // Another organisation's similar ticket is not offered.
  await openIntakeForm(page);
  await page.getByTestId('intake-organization').fill('УК «Другая»');
  await page.getByTestId('intake-subject').fill('Шлагбаум не открывается на въезде');
  await expect(page.getByTestId('repeat-none')).toBeVisible();
  await expect(page.getByTestId('repeat-suggestion')).toHaveCount(0);
});

test('KB search finds an article by another word form and reads it as Markdown without raw HTML', async ({ page }) => {
  await signInSynced(page);
  await page.keyboard.press('Alt+Digit2');
  await expect(page.getByTestId('section-kb')).toBeVisible();
  await expect(page.getByTestId('kb-row')).toHaveCount(3);

  await page.keyboard.press('Slash');
  await expect(page.getByTestId('kb-search')).toBeFocused();
  await page.keyboard.type('шлагбаума');
  await expect(page.getByTestId('kb-row')).toHaveCount(1);
  await expect(page.getByTestId('kb-row')).toContainText('Шлагбаум не открывается по номеру автомобиля');
  await expect(page.getByTestId('kb-count')).toHaveText('Найдена 1 статья');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/#\/kb\/kb-e2e-barrier$/);
  await expect(page.getByTestId('kb-article-title')).toHaveText('Шлагбаум не открывается по номеру автомобиля');
  const body = page.getByTestId('kb-article-body');
  await expect(body.locator('h2')).toHaveText('Что проверить');
  await expect(body.locator('ol > li')).toHaveCount(2);
  await expect(body.locator('script, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();

  // Drafts carry their status; the product filter narrows the list.
  await page.getByTestId('kb-search').fill('');
  await expect(page.locator('[data-testid="kb-row"][data-article-id="kb-e2e-guest"] [data-testid="kb-status"]')).toHaveText(
    'Черновик',
  );
  await page.getByTestId('kb-product').click();
  await page.getByRole('option', { name: 'PASS24.Key' }).click();
  await expect(page.getByTestId('kb-row')).toHaveCount(1);
  await expect(page.getByTestId('kb-row')).toContainText('Турникет не пропускает по ключу');

  // ↑ ↓ and Enter from the list.
  await page.getByTestId('section-kb').locator('button[aria-label="Все продукты"]').click();
  await page.getByTestId('kb-search').fill('пропуск');
  await expect(page.getByTestId('kb-row')).toHaveCount(3);
  const secondRow = await page.getByTestId('kb-row').nth(1).getAttribute('data-article-id');
  await page.getByTestId('kb-search').press('ArrowDown');
  await page.getByTestId('kb-search').press('Enter');
  await expect(page.getByTestId('kb-article')).toHaveAttribute('data-article-id', secondRow!);
});
