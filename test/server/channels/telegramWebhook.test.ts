/**
 * The Telegram channel in webhook mode, against the Bot API stand-in posting updates to the
 * endpoint as Telegram does: the connector sets the webhook with a secret derived from the token;
 * the endpoint's route files a posted message the way polling does and answers 2xx only once it is
 * filed (until then the stand-in posts it again); a call with a wrong or missing secret is refused
 * with a log line and files nothing; odd updates (an unknown kind, a sticker, a photo over the
 * limit) are logged and the bot goes on; switching back to long polling removes the webhook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '#shared/protocol.ts';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { addTelegramChannel, setChannelEnabled } from '../../../server/channels/channelStore.ts';
import { startBotApiStandIn, type BotApiStandIn } from '../support/botApiStandIn.ts';
import { eventDoc } from '../support/documents.ts';
import { eventually, fastChannels } from '../support/emailWorld.ts';
import { backends } from '../support/testDatabase.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

describe.each(backends)('Telegram channel by webhook on %s', (backend) => {
  let api: BotApiStandIn;
  let server: TestServer;
  let channelId: string;
  let webhookUrl: string;
  const logLines: string[] = [];
  let chatSeq = 300;
  const newChat = () => ++chatSeq + (backend === 'postgres' ? 5000 : 0);

  beforeAll(async () => {
    api = await startBotApiStandIn(7_000_000_002);
    server = await startTestServer(backend, {
      channels: fastChannels,
      logger: { level: 'info' },
      logStream: { write: (line: string) => logLines.push(line) },
    });
    webhookUrl = `${server.url}/api/telegram/${api.botId}/updates`;
    channelId = await addTelegramChannel(server.database.db, {
      name: 'Бот поддержки (вебхук)',
      address: `telegram:${api.botId}`,
      secret: api.token,
      settings: { apiRoot: api.apiRoot, pollTimeoutSeconds: 1, webhookUrl },
    });
    await eventually(async () => api.webhook(), 'the webhook set');
  });
  afterAll(async () => {
    await server.close();
    await api.close();
  });

  const tickets = async () => (await server.asAgent.pullAll<Ticket>('tickets')).documents;
  const events = async (ticketId: string) =>
    (await server.asAgent.pullAll<TicketEvent>('events')).documents.filter((e) => e.ticketId === ticketId);
  const sentTo = (chat: number) => api.sent.filter((m) => m.chat_id === String(chat));
  const ticketsOf = async (chat: number) => (await tickets()).filter((t) => t.contact.messenger === `@client${chat}`);
  const logged = () => logLines.map((l) => JSON.parse(l) as { msg: string; kind?: string; channel?: string });

  it('sets the webhook to the endpoint with a secret of its own and one connection at a time, and never polls', async () => {
    const hook = api.webhook()!;
    expect(hook.url).toBe(webhookUrl);
    expect(hook.secretToken).toMatch(/^[\w-]{20,256}$/);
    expect(hook.secretToken).not.toContain(api.token.split(':')[1]!);
    expect(hook.maxConnections).toBe(1);
    expect(api.calls.filter((c) => c.method === 'getUpdates')).toEqual([]);
    expect(logLines.join('\n')).not.toContain(hook.secretToken);
  });

  it('files a posted message as a ticket, answers 200 only once it is filed, and the reply goes to the chat', async () => {
    const chat = newChat();
    const update = api.clientMessage(chat, 'Не открывается шлагбаум по номеру');
    const ticket = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the ticket');
    expect(ticket).toMatchObject({ channel: 'messenger', subject: 'Не открывается шлагбаум по номеру' });
    expect(api.posts.filter((p) => p.updateId === update)).toEqual([{ updateId: update, status: 200 }]);
    await eventually(async () => sentTo(chat).find((m) => m.text.includes(ticket.number!)), 'the acknowledgement');
    expect(api.unconfirmed()).toBe(0);

    api.clientMessage(chat, 'Номер А777АА');
    await eventually(
      async () => (await events(ticket.id)).filter((e) => e.kind === 'client_message').length === 2,
      'the second message on the same ticket',
    );
    const reply = eventDoc({
      ticketId: ticket.id,
      kind: 'reply',
      public: true,
      authorId: server.agent.id,
      authorName: 'Анна Петрова',
      body: 'Добавили номер в список, попробуйте снова.',
      at: Date.now(),
    });
    expect((await server.asAgent.push('events', [{ assumedMasterState: null, newDocumentState: reply }])).rejected).toEqual([]);
    await eventually(async () => sentTo(chat).find((m) => m.text.startsWith('Добавили номер')), 'the reply in the chat');
    const sent = await eventually(
      async () =>
        (await events(ticket.id)).find((e) => e.kind === 'delivery' && e.data.replyId === reply.id && e.data.state === 'sent'),
      'the delivery signed by the channel',
    );
    expect(sent).toMatchObject({ authorName: 'Telegram', data: { channel: 'telegram', to: String(chat) } });
  });

  it('refuses a call with a wrong or missing secret with a log line, files nothing, and goes on', async () => {
    const chat = newChat();
    const message = (text: string) => ({
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chat, type: 'private' },
        from: { id: chat, is_bot: false, first_name: 'Чужой', username: `client${chat}` },
        text,
      },
    });
    expect(await api.postToWebhook(message('Поддельное сообщение'), 'wrong-secret')).toBe(401);
    expect(await api.postToWebhook(message('Без секрета'), null)).toBe(401);
    const refusals = logged().filter((l) => l.msg === 'telegram webhook: wrong or missing secret token, update refused');
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toMatchObject({ channel: channelId });
    expect(logLines.join('\n')).not.toContain('wrong-secret');
    // The bot is not stopped by the forgery: the client's real message is filed.
    api.clientMessage(chat, 'Настоящее сообщение');
    await eventually(async () => (await ticketsOf(chat)).find((t) => t.subject === 'Настоящее сообщение'), 'the real ticket');
    expect((await ticketsOf(chat)).map((t) => t.subject)).toEqual(['Настоящее сообщение']);
  });

  it('logs and passes over an update of an unknown kind and a sticker, answers 200 so Telegram does not post them again', async () => {
    const chat = newChat();
    const unknown = api.addUpdate({ message_reaction: { chat: { id: chat, type: 'private' }, message_id: 1 } });
    const sticker = api.clientMessage(chat, null, {
      sticker: { file_id: 's1', file_unique_id: 's', type: 'regular', width: 512, height: 512 },
    });
    await eventually(async () => api.unconfirmed() === 0, 'both taken');
    expect(api.posts.filter((p) => p.updateId === unknown || p.updateId === sticker).map((p) => p.status)).toEqual([200, 200]);
    expect(logged()).toContainEqual(
      expect.objectContaining({
        msg: 'telegram channel: update of a kind the desk does not take, passed over',
        kind: 'message_reaction',
      }),
    );
    expect(logged()).toContainEqual(
      expect.objectContaining({
        msg: 'telegram channel: message with nothing the desk keeps (no text, photo or file) passed over',
        kind: 'sticker',
      }),
    );
    expect(await ticketsOf(chat)).toEqual([]);
    expect(sentTo(chat)[0]!.text).toMatch(/^Это сообщение мы не можем передать специалисту/);
  });

  it('files the text of a message whose 20 MB photo is over the limit, the photo recorded as refused with its size', async () => {
    const chat = newChat();
    const size = 20 * 1024 * 1024;
    const photoId = api.addFile(Buffer.from('x'), 'huge.jpg', size);
    api.clientMessage(chat, null, {
      caption: 'Фото табло с ошибкой',
      photo: [
        { file_id: 'small', file_unique_id: 'a', width: 90, height: 90, file_size: 1000 },
        { file_id: photoId, file_unique_id: 'b', width: 8000, height: 6000, file_size: size },
      ],
    });
    const ticket = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the ticket');
    expect(ticket.subject).toBe('Фото табло с ошибкой');
    const message = (await events(ticket.id)).find((e) => e.kind === 'client_message')!;
    expect(message.body).toBe('Фото табло с ошибкой');
    expect(JSON.parse(String(message.data.refusedAttachments))).toEqual([
      { filename: expect.stringMatching(/^photo-\d+\.jpg$/), size },
    ]);
    expect(logged()).toContainEqual(expect.objectContaining({ msg: 'telegram channel: file refused, larger than the limit' }));
    const stored = await server.database.db.selectFrom('attachments').select('id').where('ticket_id', '=', ticket.id).execute();
    expect(stored).toEqual([]);
  });

  it('keeps posting an update the endpoint did not take, and files it once the bot is back', async () => {
    const chat = newChat();
    await setChannelEnabled(server.database.db, channelId, false);
    const update = api.clientMessage(chat, 'Пока бот отключён');
    await eventually(async () => api.posts.filter((p) => p.updateId === update).length >= 2, 'the update posted again');
    expect(new Set(api.posts.filter((p) => p.updateId === update).map((p) => p.status))).toEqual(new Set([404]));
    expect(api.unconfirmed()).toBe(1);
    await setChannelEnabled(server.database.db, channelId, true);
    await eventually(async () => (await ticketsOf(chat)).find((t) => t.subject === 'Пока бот отключён'), 'the ticket');
    await eventually(async () => api.unconfirmed() === 0, 'the update taken');
    expect(api.posts.filter((p) => p.updateId === update).at(-1)!.status).toBe(200);
    expect(await ticketsOf(chat)).toHaveLength(1);
  });

  it("shows a bot whose webhook Telegram cannot reach as failing, with Telegram's words", async () => {
    const unreachable = await startBotApiStandIn(7_000_000_004);
    try {
      const url = `http://127.0.0.1:1/api/telegram/${unreachable.botId}/updates`;
      const id = await addTelegramChannel(server.database.db, {
        name: 'Бот за недоступным адресом',
        address: `telegram:${unreachable.botId}`,
        secret: unreachable.token,
        settings: { apiRoot: unreachable.apiRoot, pollTimeoutSeconds: 1, webhookUrl: url, webhookCheckSeconds: 1 },
      });
      await eventually(async () => unreachable.webhook(), 'the webhook set');
      unreachable.clientMessage(newChat(), 'Сообщение, которое Telegram не может доставить');
      const failing = await eventually(async () => {
        const health = await server.anonymous.get<HealthResponse>('/api/health');
        return health.body.channels.find((c) => c.id === id && c.state === 'failing');
      }, 'the failing bot in /api/health');
      expect(failing.detail).toBe(`Telegram не может доставить обновления на ${url}: Connection refused`);
      expect(logged()).toContainEqual(
        expect.objectContaining({ msg: 'telegram channel: Telegram cannot reach the webhook', channel: id }),
      );
      await setChannelEnabled(server.database.db, id, false);
    } finally {
      await unreachable.close();
    }
  });

  it('a bot switched off gives up its webhook; with Telegram out of reach it is off all the same, and the admin is told', async () => {
    const other = await startBotApiStandIn(7_000_000_005);
    try {
      const id = await addTelegramChannel(server.database.db, {
        name: 'Бот, который отключают',
        address: `telegram:${other.botId}`,
        secret: other.token,
        settings: {
          apiRoot: other.apiRoot,
          pollTimeoutSeconds: 1,
          webhookUrl: `${server.url}/api/telegram/${other.botId}/updates`,
        },
      });
      await eventually(async () => other.webhook(), 'the webhook set');
      const off = await server.asAdmin.post<{ ok: boolean; warning: string }>(`/api/admin/channels/${id}/disable`, {});
      expect([off.status, off.body.warning]).toEqual([200, '']);
      expect(other.webhook()).toBeNull();

      const on = await server.asAdmin.post(`/api/admin/channels/${id}/enable`, {});
      expect(on.status).toBe(200);
      await eventually(async () => other.webhook(), 'the webhook set again');
      await other.close();
      const offAgain = await server.asAdmin.post<{ ok: boolean; warning: string }>(`/api/admin/channels/${id}/disable`, {});
      expect(offAgain.status).toBe(200);
      expect(offAgain.body.warning).toMatch(/^Вебхук бота в Telegram не снят: Bot API не отвечает/);
      const listed = await server.asAdmin.get<Array<{ id: string; enabled: boolean }>>('/api/admin/channels');
      expect(listed.body.find((c) => c.id === id)?.enabled).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('removes the webhook and polls when the bot is added again without a webhook address', async () => {
    await setChannelEnabled(server.database.db, channelId, false);
    await addTelegramChannel(server.database.db, {
      name: 'Бот поддержки (опрос)',
      address: `telegram:${api.botId}`,
      secret: api.token,
      settings: { apiRoot: api.apiRoot, pollTimeoutSeconds: 1 },
    });
    await eventually(async () => api.webhook() === null, 'the webhook removed');
    const chat = newChat();
    api.clientMessage(chat, 'Уже через опрос');
    await eventually(async () => (await ticketsOf(chat)).find((t) => t.subject === 'Уже через опрос'), 'the polled ticket');
    expect(api.calls.some((c) => c.method === 'getUpdates')).toBe(true);
    expect(logged()).toContainEqual(expect.objectContaining({ msg: 'telegram channel: webhook removed, long polling' }));
  });
});
