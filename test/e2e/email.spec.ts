/**
 * Email both ways in a real browser against a real endpoint, a real Dovecot and a real SMTP
 * server: a client's mail shows up on the desk as a ticket; the agent takes it and answers; the
 * answer reaches the client's mailbox with the ticket's number in its subject; the client's
 * answer joins the same ticket, resumes it and tells the agent; a reply written offline is sent
 * once after the desk reconnects. A second mailbox, configured with a wrong password, is shown
 * failing to the admin (and not to the agent).
 */
import { expect, test, type Page } from '@playwright/test';
import type { RunningWebServer } from '../../scripts/webServer.ts';
import { startDovecot, type DovecotServer } from '../support/dovecotServer.ts';
import { appendMail, readMailbox, startSmtpSink, type SmtpSink } from '../support/smtpSink.ts';
import { serveApp, signIn, waitInSync } from './support/app.ts';
import { CentralServer, type TestAccount } from './support/central.ts';

const agent: TestAccount = { login: 'smirnova', name: 'Анна Смирнова', role: 'agent', password: 'пароль-агента-1' };
const admin: TestAccount = { login: 'orlov', name: 'Павел Орлов', role: 'admin', password: 'пароль-администратора' };
const desk = { address: 'support@pass24.test', password: 'desk-secret' };
/** A second mailbox configured with a wrong password: its connector fails. */
const broken = { address: 'sales@pass24.test', password: 'sales-secret', configured: 'not-the-password' };
const client = { address: 'sokolova@uk-dom.test', password: 'client-secret', name: 'Ирина Соколова' };

let dovecot: DovecotServer;
let smtp: SmtpSink;
let central: CentralServer;
let app: RunningWebServer;

test.beforeAll(async () => {
  // Dovecot, an SMTP server, four CLI runs and a server start on PGlite: slow on a busy machine.
  test.setTimeout(180_000);
  dovecot = await startDovecot();
  dovecot.addUser(desk.address, desk.password);
  dovecot.addUser(client.address, client.password);
  dovecot.addUser(broken.address, broken.password);
  smtp = await startSmtpSink({
    user: desk.address,
    password: desk.password,
    dovecot,
    mailboxPasswords: { [client.address]: client.password, [desk.address]: desk.password },
  });
  central = new CentralServer();
  central.addAccount(agent);
  central.addAccount(admin);
  const mailbox = (address: string) => [
    '--imap-host',
    dovecot.host,
    '--imap-port',
    String(dovecot.port),
    '--smtp-host',
    '127.0.0.1',
    '--smtp-port',
    String(smtp.port),
    '--user',
    address,
    '--from',
    address,
    '--poll-seconds',
    '5',
  ];
  central.addEmailChannel([...mailbox(broken.address), '--name', 'Продажи'], broken.configured);
  central.addEmailChannel([...mailbox(desk.address), '--name', 'Поддержка'], desk.password);
  await central.start();
  app = await serveApp();
});

test.afterAll(async () => {
  await app?.close();
  await central?.dispose();
  await smtp?.stop();
  dovecot?.stop();
});

let sequence = 0;
/** A message from the client, as a mail client writes it (encoded subject and body). */
function mailFromClient(subject: string, body: string, headers: Record<string, string> = {}): string {
  const all = {
    From: `=?UTF-8?B?${Buffer.from(client.name).toString('base64')}?= <${client.address}>`,
    To: desk.address,
    Subject: `=?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    'Message-ID': `<e2e-${Date.now()}-${++sequence}@uk-dom.test>`,
    Date: new Date().toUTCString(),
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Transfer-Encoding': 'base64',
    ...headers,
  };
  const head = Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return `${head}\r\n\r\n${Buffer.from(body).toString('base64')}\r\n`;
}

const clientMail = () => readMailbox(dovecot, client.address, client.password);
const mailWith = async (text: string) => (await clientMail()).filter((m) => m.text?.includes(text));
const entries = (page: Page, kind: string) => page.locator(`[data-testid="timeline-entry"][data-kind="${kind}"]`);

test('a mail becomes a ticket, the answer reaches the client threaded, the client’s answer joins it', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, app.url, central.url, agent);
  await waitInSync(page);
  // A failing mailbox is the admin's business: the agent's desk shows no banner for it.
  await expect(page.getByTestId('channel-health-banner')).toHaveCount(0);

  await appendMail(
    dovecot,
    desk.address,
    desk.password,
    mailFromClient('Не открывается шлагбаум', 'Добрый день! Шлагбаум на въезде 2 не открывается с утра.'),
  );
  const row = page.getByTestId('queue-row').filter({ hasText: 'Не открывается шлагбаум' });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.click();
  await expect(page.getByTestId('ticket-view')).toHaveAttribute('data-state', 'ready', { timeout: 15_000 });
  const number = ((await page.getByTestId('ticket-number').textContent()) ?? '').replace('№', '').trim();
  expect(number).toMatch(/^\d{4}-\d{6}$/);
  await expect(entries(page, 'clientMessage')).toHaveCount(1);
  await expect(entries(page, 'clientMessage')).toContainText('Шлагбаум на въезде 2 не открывается с утра.');

  // The acknowledgement went out on its own.
  await expect
    .poll(async () => (await clientMail()).filter((m) => m.subject?.includes(number)).length, { timeout: 30_000 })
    .toBe(1);
  await expect(entries(page, 'deliverySent')).toHaveCount(1, { timeout: 30_000 });

  await page.keyboard.press('Alt+KeyT');
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'in_progress');
  await expect(page.getByTestId('composer-recipient')).toContainText(client.address);
  await page.getByTestId('composer-text').fill('Перезагрузите, пожалуйста, контроллер шлагбаума.');
  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('composer-text')).toHaveValue('');
  await expect(entries(page, 'deliverySent')).toHaveCount(2, { timeout: 30_000 });

  const answers = await mailWith('Перезагрузите, пожалуйста, контроллер шлагбаума.');
  expect(answers).toHaveLength(1);
  const answer = answers[0]!;
  expect(answer.subject).toBe(`Re: Не открывается шлагбаум [PASS24 #${number}]`);
  expect(answer.from?.value[0]).toMatchObject({ name: agent.name, address: desk.address });

  // The agent waits for the client; the client answers the reply, naming it only in In-Reply-To.
  await page.getByTestId('action-waitForClient').click();
  await page.getByRole('dialog').getByTestId('dialog-text').fill('Ждём, перезагрузят ли контроллер');
  await page.getByRole('dialog').getByTestId('dialog-submit').click();
  await expect(page.getByTestId('dialog-submit')).toHaveCount(0);
  await expect(page.getByTestId('sla-resolution')).toHaveAttribute('data-stage', 'paused');
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'waiting_client');
  await appendMail(
    dovecot,
    desk.address,
    desk.password,
    mailFromClient('Re: шлагбаум', 'Перезагрузили, заработало. Спасибо!', {
      'In-Reply-To': answer.messageId!,
      References: answer.messageId!,
    }),
  );
  await expect(entries(page, 'clientMessage')).toHaveCount(2, { timeout: 30_000 });
  await expect(entries(page, 'clientMessage').last()).toContainText('Перезагрузили, заработало. Спасибо!');
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'in_progress');
  await expect(page.getByTestId('sla-resolution')).not.toHaveAttribute('data-stage', 'paused');
  await expect(page.getByTestId('follow-up-notice')).toContainText(number);
  await expect(page.getByTestId('queue-row').filter({ hasText: 'шлагбаум' })).toHaveCount(1);

  // Written offline, the reply goes out once the desk is back, and only once.
  await page.context().setOffline(true);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('composer-text').fill('Рады, что заработало. Закрываем обращение.');
  await page.getByTestId('composer-send').click();
  await expect(page.getByTestId('composer-text')).toHaveValue('');
  await page.context().setOffline(false);
  await waitInSync(page, 30_000);
  await expect.poll(async () => (await mailWith('Рады, что заработало.')).length, { timeout: 30_000 }).toBe(1);
  await expect(entries(page, 'deliverySent')).toHaveCount(3, { timeout: 30_000 });
  expect(smtp.messages.filter((m) => m.parsed.text?.includes('Рады, что заработало.'))).toHaveLength(1);
});

test('the admin sees a failing mailbox above the section, with the reason and what to do', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, app.url, central.url, admin);
  const banner = page.getByTestId('channel-health-banner');
  await expect(banner).toContainText(
    'Канал «Продажи» (sales@pass24.test) не работает: Почтовый сервер не принял логин или пароль.',
    {
      timeout: 30_000,
    },
  );
  await expect(banner).toContainText('Письма клиентов сейчас не забираются');
  await expect(banner).toContainText('channel disable --channel sales@pass24.test');
  // The working mailbox is not in it.
  await expect(banner).not.toContainText(desk.address);
});
