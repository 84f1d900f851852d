/**
 * Telegram in a real browser against a real endpoint and the Bot API stand-in (its address given to
 * the endpoint with --api-root, as configuration): a client's message in the chat shows up on the
 * desk as a ticket; the composer says the reply goes to the chat; the agent's reply reaches the
 * chat and its delivery is signed «Telegram» in the timeline; the agent links the chat to an
 * organisation and a contact by keyboard, and the chat's next ticket comes with them.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { startBotApiStandIn, type BotApiStandIn } from '../server/support/botApiStandIn.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

const agent: TestAccount = { login: 'smirnova', name: 'Анна Смирнова', role: 'agent', password: 'пароль-агента-1' };
const chat = 424242;
/** The chat linked to a client (a chat of its own, so each test stands alone). */
const otherChat = 434343;
const organization = { id: 'org-e2e-sever', name: 'УК «Северный квартал»' };

let bot: BotApiStandIn;
let central: CentralServer;
let app: RunningWebServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  bot = await startBotApiStandIn();
  central = new CentralServer();
  central.addAccount(agent);
  central.addTelegramChannel(['--api-root', bot.apiRoot, '--poll-seconds', '1', '--name', 'Бот поддержки'], bot.token);
  await central.start();
  await addOrganization();
  app = await serveApp();
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
  await bot?.close();
});

/** The directory's organisation, kept by the agent through replication as a desk would. */
async function addOrganization(): Promise<void> {
  const { token, agentId } = await central.token(agent);
  const doc = {
    ...organization,
    kind: 'organization',
    parentId: null,
    siteType: null,
    city: 'Казань',
    address: '',
    contacts: [{ name: 'Ольга Смирнова', role: 'диспетчер', phone: '+7 843 200-00-01', email: 'olga@sever.example' }],
    products: [],
    notes: '',
    inn: '',
    crm: null,
    editedAt: Date.now(),
    editedBy: agentId,
    updatedAt: 0,
    _deleted: false,
  };
  const res = await fetch(`${central.url}/api/replication/clients/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify([{ assumedMasterState: null, newDocumentState: doc }]),
  });
  const answer = (await res.json()) as { rejected: unknown[] };
  if (!res.ok || answer.rejected.length > 0) throw new Error(`adding the organisation failed: ${JSON.stringify(answer)}`);
}

const entries = (page: Page, kind: string) => page.locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`);
const sentToChat = () => bot.sent.filter((m) => m.chat_id === String(chat));

async function openTicket(page: Page, subject: string): Promise<string> {
  const row = page.getByTestId('queue-row').filter({ hasText: subject });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  await expect(page.getByTestId('ticket-view')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  await expect(page.getByTestId('ticket-subject')).toContainText(subject);
  return ((await page.getByTestId('ticket-number').textContent()) ?? '').replace('№', '').trim();
}

test('a Telegram message becomes a ticket, the reply reaches the chat and its delivery is signed by the channel', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, app.url, central.url, agent);
  await waitInSync(page);

  bot.clientMessage(chat, 'Не открывается шлагбаум по приложению');
  const number = await openTicket(page, 'Не открывается шлагбаум по приложению');
  expect(number).toMatch(/^\d{4}-\d{6}$/);
  await expect(entries(page, 'clientMessageTelegram')).toHaveCount(1);
  await expect(entries(page, 'clientMessageTelegram')).toContainText(`@client${chat}`);
  // The bot acknowledged in the chat with the number.
  await expect.poll(() => sentToChat().filter((m) => m.text.includes(number)).length, { timeout: 30_000 }).toBe(1);

  await page.keyboard.press('Alt+KeyT');
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'in_progress');
  await expect(page.getByTestId('composer-recipient')).toHaveText(
    `Ответ уйдёт в чат Telegram «Иван Петров (@client${chat})»; первый контакт засчитается, когда Telegram его примет`,
  );
  await page.getByTestId('composer-text').fill('Обновите приложение до последней версии, пожалуйста.');
  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('composer-text')).toHaveValue('');
  await expect
    .poll(
      () =>
        sentToChat()
          .filter((m) => m.text.startsWith('Обновите приложение'))
          .map((m) => m.text),
      { timeout: 30_000 },
    )
    .toEqual(['Обновите приложение до последней версии, пожалуйста.\n\n— Анна Смирнова, техподдержка PASS24']);
  // The acknowledgement's delivery and the reply's.
  await expect(entries(page, 'deliverySent')).toHaveCount(2, { timeout: 30_000 });
  await expect(entries(page, 'deliverySent').last()).toContainText('Telegram');
  await expect(entries(page, 'deliverySent').last()).not.toContainText('Почта');
});

test("the agent links the chat to a client by keyboard, and the chat's next ticket comes with it", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, app.url, central.url, agent);
  await waitInSync(page);
  bot.clientMessage(otherChat, 'Камера не распознаёт номер');
  await openTicket(page, 'Камера не распознаёт номер');

  const link = page.getByTestId('client-link');
  await expect(link).toHaveText('Привязать к клиенту');
  await link.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('link-client-form')).toBeVisible();
  await expect(dialog.getByTestId('link-remembered')).toContainText(`@client${otherChat}`);
  await expect(dialog.getByTestId('link-organization')).toBeFocused();
  await page.keyboard.type('Северный');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('link-organization')).toHaveValue('УК «Северный квартал» · Казань');
  await page.keyboard.press('Tab');
  await expect(dialog.getByTestId('link-contact')).toBeFocused();
  await page.keyboard.type('Ольга');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await dialog.getByTestId('link-submit').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-client-form')).toHaveCount(0);
  const card = page.getByTestId('client-card');
  await expect(card).toContainText(organization.name);
  await expect(card).toContainText('Ольга Смирнова');
  await expect(page.getByTestId('client-link')).toHaveText('Сменить клиента');
  await waitInSync(page);

  bot.clientMessage(otherChat, '/new Пропуск для курьера не приходит');
  await openTicket(page, 'Пропуск для курьера не приходит');
  await expect(page.getByTestId('client-card')).toContainText(organization.name);
  await expect(page.getByTestId('client-card')).toContainText('+7 843 200-00-01');
  await expect(page.getByTestId('client-card')).toContainText(`@client${otherChat}`);
});
