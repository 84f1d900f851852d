/**
 * The Telegram channel against a local Bot API stand-in (the connector knows only its address):
 * a chat's first message opens a numbered ticket and the bot answers with the number and the
 * promised time; later messages join it; /new starts another; /status lists them; the desk's
 * reply reaches the chat through the outbound queue, waits out a 429, fails with the reason when
 * the client blocked the bot; photos and documents are kept within the limits of mail; stickers
 * and unknown updates are logged and passed over; the token is never shown.
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

describe.each(backends)('Telegram channel on %s', (backend) => {
  let api: BotApiStandIn;
  let server: TestServer;
  let channelId: string;
  const logLines: string[] = [];
  let chatSeq = 100;
  const newChat = () => ++chatSeq + (backend === 'postgres' ? 5000 : 0);

  beforeAll(async () => {
    api = await startBotApiStandIn();
    server = await startTestServer(backend, {
      channels: fastChannels,
      logger: { level: 'info' },
      logStream: { write: (line: string) => logLines.push(line) },
    });
    channelId = await addTelegramChannel(server.database.db, {
      name: 'Бот поддержки',
      address: `telegram:${api.botId}`,
      secret: api.token,
      settings: { apiRoot: api.apiRoot, pollTimeoutSeconds: 1 },
    });
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
  const reply = async (ticket: Ticket, body: string) => {
    const event = eventDoc({
      ticketId: ticket.id,
      kind: 'reply',
      public: true,
      authorId: server.agent.id,
      authorName: 'Анна Петрова',
      body,
      at: Date.now(),
    });
    expect((await server.asAgent.push('events', [{ assumedMasterState: null, newDocumentState: event }])).rejected).toEqual([]);
    return event;
  };
  const rowStatus = async (id: string) =>
    (await server.database.db.selectFrom('channels').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const deliveryStates = async (ticketId: string, replyId: string) =>
    (await events(ticketId)).filter((e) => e.kind === 'delivery' && e.data.replyId === replyId).map((e) => e.data.state);

  it('opens a ticket on the first message, answers with the number and the promised time, joins the next message to it', async () => {
    const chat = newChat();
    const first = api.clientMessage(chat, 'Не работает приложение PASS24 на телефоне\nПишет «ошибка сети»');
    const ticket = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the ticket');
    expect(ticket).toMatchObject({
      channel: 'messenger',
      status: 'new',
      subject: 'Не работает приложение PASS24 на телефоне',
      description: 'Не работает приложение PASS24 на телефоне\nПишет «ошибка сети»',
      contact: { name: 'Иван Петров', messenger: `@client${chat}`, email: '' },
    });
    const ack = await eventually(async () => sentTo(chat).find((m) => m.text.includes(ticket.number!)), 'the acknowledgement');
    expect(ack.text).toMatch(/(сегодня|завтра|\d+)[^\n]* до \d\d:\d\d/);
    // No script in this workspace: the built-in text for a chat, which has no subject to keep the number in.
    expect(ack.text).toContain('Ответ придёт в этот чат');
    expect(ack.text).not.toContain('теме письма');
    expect(ack.reply_to).not.toBeNull();
    expect(first).toBeGreaterThan(0);

    api.clientMessage(chat, 'Телефон Android 14');
    await eventually(
      async () => (await events(ticket.id)).filter((e) => e.kind === 'client_message').length === 2,
      'the second message on the same ticket',
    );
    const messages = (await events(ticket.id)).filter((e) => e.kind === 'client_message');
    expect(messages.map((e) => e.body)).toEqual([
      'Не работает приложение PASS24 на телефоне\nПишет «ошибка сети»',
      'Телефон Android 14',
    ]);
    expect(messages[1]!.data).toMatchObject({ channel: 'telegram', from: `@client${chat}` });
    expect(await ticketsOf(chat)).toHaveLength(1);
    // One acknowledgement: the joined message is not acknowledged again.
    expect(sentTo(chat)).toHaveLength(1);
  });

  it('starts another ticket on /new, with its text or with the next message, and answers /status with both', async () => {
    const chat = newChat();
    api.clientMessage(chat, 'Шлагбаум не открывается');
    const first = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the first ticket');
    api.clientMessage(chat, '/new Пропуск для гостя не приходит');
    const second = await eventually(
      async () => (await ticketsOf(chat)).find((t) => t.subject === 'Пропуск для гостя не приходит' && t.number),
      'the ticket of /new with text',
    );
    api.clientMessage(chat, '/new');
    await eventually(async () => sentTo(chat).find((m) => m.text.startsWith('Опишите, пожалуйста, новый вопрос')), 'the prompt');
    api.clientMessage(chat, 'Камера на въезде не распознаёт номера');
    const third = await eventually(
      async () => (await ticketsOf(chat)).find((t) => t.subject === 'Камера на въезде не распознаёт номера' && t.number),
      'the ticket after /new',
    );
    expect(new Set([first.id, second.id, third.id]).size).toBe(3);
    // A later message joins the latest ticket, not the first.
    api.clientMessage(chat, 'Номер машины А123ВС');
    await eventually(
      async () => (await events(third.id)).some((e) => e.kind === 'client_message' && e.body === 'Номер машины А123ВС'),
      'the message on the latest ticket',
    );

    api.clientMessage(chat, '/status');
    const status = await eventually(
      async () => sentTo(chat).find((m) => m.text.startsWith('Ваши открытые обращения')),
      'the status',
    );
    for (const t of [first, second, third])
      expect(status.text).toContain(`${t.number} «${t.subject}» — принято, ждёт специалиста`);
    expect(await ticketsOf(chat)).toHaveLength(3);
  });

  it("sends the desk's reply to the chat through the queue, with the delivery in the timeline", async () => {
    const chat = newChat();
    api.clientMessage(chat, 'Не приходит код в SMS');
    const ticket = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the ticket');
    const event = await reply(ticket, 'Проверьте, пожалуйста, номер телефона в профиле.');
    const delivered = await eventually(
      async () => sentTo(chat).find((m) => m.text.includes('Проверьте')),
      'the reply in the chat',
    );
    expect(delivered.text).toBe('Проверьте, пожалуйста, номер телефона в профиле.\n\n— Анна Петрова, техподдержка PASS24');
    await eventually(async () => (await deliveryStates(ticket.id, event.id)).includes('sent'), 'the sent status');
    expect(await deliveryStates(ticket.id, event.id)).toEqual(['queued', 'sent']);
    const contacted = await eventually(
      async () => (await tickets()).find((t) => t.id === ticket.id && t.firstContactAt !== null),
      'first contact',
    );
    expect(contacted.firstContactAt).not.toBeNull();
  });

  it('waits out a 429 as long as Telegram asks, more times than the attempts allow, and never drops the reply', async () => {
    const chat = newChat();
    api.clientMessage(chat, 'Не открывается калитка');
    const ticket = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the ticket');
    await eventually(async () => sentTo(chat).length === 1, 'the acknowledgement');
    // More 429s than fastChannels' maxAttempts (3): waiting is not failing.
    api.throttle(4, 1);
    const event = await reply(ticket, 'Калитку открыли удалённо.');
    const delivered = await eventually(
      async () => sentTo(chat).find((m) => m.text.startsWith('Калитку открыли')),
      'the reply after the waits',
      30_000,
    );
    const states = await eventually(async () => {
      const s = await deliveryStates(ticket.id, event.id);
      return s.includes('sent') && s;
    }, 'the sent status');
    expect(states[0]).toBe('queued');
    expect(states.at(-1)).toBe('sent');
    expect(states.filter((s) => s === 'retrying').length).toBeGreaterThanOrEqual(1);
    expect(states).not.toContain('failed');
    const waits = (await events(ticket.id)).filter((e) => e.kind === 'delivery' && e.data.state === 'retrying');
    expect(waits[0]!.data.reason).toMatch(/подождать 1 с \(429\)/);
    // Not sent before Telegram's wait ran out after the first 429.
    expect(delivered.at - waits[0]!.at).toBeGreaterThanOrEqual(900);
  }, 60_000);

  it('fails the reply with the reason when the client blocked the bot, after one try', async () => {
    const chat = newChat();
    api.clientMessage(chat, 'Не работает пульт');
    const ticket = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the ticket');
    await eventually(async () => sentTo(chat).length === 1, 'the acknowledgement');
    api.block(chat);
    const event = await reply(ticket, 'Замените батарейку в пульте.');
    const failed = await eventually(
      async () =>
        (await events(ticket.id)).find((e) => e.kind === 'delivery' && e.data.replyId === event.id && e.data.state === 'failed'),
      'the failed status',
    );
    expect(failed.data.reason).toBe('Клиент заблокировал бота в Telegram: Forbidden: bot was blocked by the user');
    expect(await deliveryStates(ticket.id, event.id)).toEqual(['queued', 'failed']);
    const row = await server.database.db
      .selectFrom('outbound_messages')
      .select(['state', 'attempts'])
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'failed', attempts: 1 });
  });

  it('keeps a photo and a document as attachments, refuses a file over the limit by name without fetching it', async () => {
    const chat = newChat();
    const photo = Buffer.from('\xff\xd8\xff\xe0 not really a jpeg but bytes', 'latin1');
    const pdf = Buffer.from('%PDF-1.4 договор');
    const photoId = api.addFile(photo, 'photo-1.jpg');
    api.clientMessage(chat, null, {
      caption: 'Вот фото ошибки',
      photo: [
        { file_id: 'thumb-not-fetched', file_unique_id: 't', width: 90, height: 90, file_size: 10 },
        { file_id: photoId, file_unique_id: 'p', width: 1280, height: 960, file_size: photo.length },
      ],
    });
    const ticket = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the ticket');
    expect(ticket.subject).toBe('Вот фото ошибки');
    const pdfId = api.addFile(pdf, 'contract.pdf');
    api.clientMessage(chat, null, {
      document: {
        file_id: pdfId,
        file_unique_id: 'd',
        file_name: 'договор.pdf',
        mime_type: 'application/pdf',
        file_size: pdf.length,
      },
    });
    const bigId = api.addFile(Buffer.from('x'), 'big.bin', 20 * 1024 * 1024);
    api.clientMessage(chat, 'И большой файл', {
      document: {
        file_id: bigId,
        file_unique_id: 'b',
        file_name: 'big.zip',
        mime_type: 'application/zip',
        file_size: 20 * 1024 * 1024,
      },
    });
    // Announced small, over the limit when fetched: refused by the size the download declares.
    const sneakyId = api.addFile(Buffer.alloc(11 * 1024 * 1024, 1), 'sneaky.bin', 1000);
    api.clientMessage(chat, 'И ещё файл', {
      document: { file_id: sneakyId, file_unique_id: 'n', file_name: 'scan.tiff', mime_type: 'image/tiff', file_size: 1000 },
    });
    await eventually(
      async () => (await events(ticket.id)).filter((e) => e.kind === 'client_message').length === 4,
      'four messages on the ticket',
    );
    const stored = await server.database.db
      .selectFrom('attachments')
      .select(['filename', 'content_type', 'content'])
      .where('ticket_id', '=', ticket.id)
      .orderBy('created_at')
      .execute();
    expect(stored.map((a) => [a.filename, a.content_type, Buffer.from(a.content).toString('latin1')])).toEqual([
      [expect.stringMatching(/^photo-\d+\.jpg$/), 'image/jpeg', photo.toString('latin1')],
      ['договор.pdf', 'application/pdf', pdf.toString('latin1')],
    ]);
    const messages = (await events(ticket.id)).filter((e) => e.kind === 'client_message');
    expect(messages[1]!.body).toBe('(без текста)');
    expect(JSON.parse(String(messages[2]!.data.refusedAttachments))).toEqual([{ filename: 'big.zip', size: 20 * 1024 * 1024 }]);
    expect(JSON.parse(String(messages[3]!.data.refusedAttachments))).toEqual([{ filename: 'scan.tiff', size: 11 * 1024 * 1024 }]);
    expect(api.calls.filter((c) => c.method === 'getFile')).toHaveLength(3);
  });

  it('passes over a sticker and an update of an unknown kind with a log line, and goes on', async () => {
    const chat = newChat();
    api.clientMessage(chat, null, { sticker: { file_id: 's1', file_unique_id: 's', type: 'regular', width: 512, height: 512 } });
    api.addUpdate({ some_future_update: { id: 1 } });
    api.addUpdate({ edited_message: { message_id: 1, date: 0, chat: { id: chat, type: 'private' }, text: 'правка' } });
    api.clientMessage(chat, 'После стикера');
    const ticket = await eventually(
      async () => (await ticketsOf(chat)).find((t) => t.subject === 'После стикера' && t.number),
      'the ticket after the odd updates',
    );
    expect((await events(ticket.id)).filter((e) => e.kind === 'client_message')).toHaveLength(1);
    const logged = logLines.map((l) => JSON.parse(l) as { msg: string; kind?: string });
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: 'telegram channel: message with nothing the desk keeps (no text, photo or file) passed over',
        kind: 'sticker',
      }),
    );
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: 'telegram channel: update of a kind the desk does not take, passed over',
        kind: 'some_future_update',
      }),
    );
    expect(sentTo(chat)[0]!.text).toMatch(/^Это сообщение мы не можем передать специалисту/);
    await eventually(async () => api.unconfirmed() === 0, 'every update confirmed');
  });

  it('reports a bot whose token Telegram refuses as failing, with a sentence and without the token, and the other bot goes on', async () => {
    const wrongToken = '7000000009:AAWrongSecretPart0123456789abcdefXYZ';
    const wrongId = await addTelegramChannel(server.database.db, {
      name: 'Старый бот',
      address: 'telegram:7000000009',
      secret: wrongToken,
      settings: { apiRoot: api.apiRoot, pollTimeoutSeconds: 1 },
    });
    const failing = await eventually(async () => {
      const health = await server.anonymous.get<HealthResponse>('/api/health');
      return health.body.channels.find((c) => c.id === wrongId && c.state === 'failing') && health;
    }, 'the failing bot in /api/health');
    expect(failing.body.channels.find((c) => c.id === wrongId)!.detail).toBe(
      'Telegram не принял токен бота (401): проверьте токен.',
    );
    expect(failing.text).not.toContain('WrongSecretPart');
    const chat = newChat();
    api.clientMessage(chat, 'Пока старый бот не работает');
    await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'a ticket through the working bot');
    await setChannelEnabled(server.database.db, wrongId, false);
    await eventually(async () => (await rowStatus(wrongId)) === 'stopped', 'the wrong bot stopped');
    expect(logLines.join('\n')).not.toContain('WrongSecretPart');
  });

  it('picks up what was written while the bot was stopped when it starts again, filing nothing twice', async () => {
    const chat = newChat();
    api.clientMessage(chat, 'До перезапуска');
    const ticket = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the ticket');
    await eventually(async () => api.unconfirmed() === 0, 'the update confirmed');
    await setChannelEnabled(server.database.db, channelId, false);
    await eventually(async () => (await rowStatus(channelId)) === 'stopped', 'the connector stopped');
    const getMeBefore = api.calls.filter((c) => c.method === 'getMe').length;
    api.clientMessage(chat, 'Пока бот был остановлен');
    await setChannelEnabled(server.database.db, channelId, true);
    await eventually(
      async () => (await events(ticket.id)).some((e) => e.kind === 'client_message' && e.body === 'Пока бот был остановлен'),
      'the message sent while stopped',
    );
    expect(api.calls.filter((c) => c.method === 'getMe').length).toBe(getMeBefore + 1);
    expect((await events(ticket.id)).filter((e) => e.kind === 'client_message').map((e) => e.body)).toEqual([
      'До перезапуска',
      'Пока бот был остановлен',
    ]);
  });

  it('never shows the token: not in /api/health, not in pull, not in the log', async () => {
    const health = await server.anonymous.get<HealthResponse>('/api/health');
    expect(health.body.channels).toContainEqual(
      expect.objectContaining({ id: channelId, kind: 'telegram', address: `telegram:${api.botId}`, state: 'running' }),
    );
    const secretPart = api.token.split(':')[1]!;
    expect(health.text).not.toContain(secretPart);
    for (const collection of ['tickets', 'events', 'config', 'templates'] as const) {
      expect(JSON.stringify((await server.asAdmin.pullAll(collection)).documents)).not.toContain(secretPart);
    }
    expect(logLines.join('\n')).not.toContain(secretPart);
    expect(logLines.some((l) => l.includes('telegram channel: message filed'))).toBe(true);
  });

  it("answers a new chat with the script the head wrote, filled in with the chat's ticket", async () => {
    const script = {
      id: `tg-ack-${backend}`,
      title: 'Автоответ',
      category: 'Приём обращения',
      body: 'Здравствуйте, {{client.name}}! Обращение {{ticket.number}} принято. Решим {{sla.due}}.\nСлужба поддержки',
      phoneBody: null,
      channels: [],
      tags: ['автоответ'],
      ownerId: null,
      archived: false,
      conflictDraft: null,
      editedAt: Date.now(),
      editedBy: server.head.id,
      updatedAt: 0,
      _deleted: false,
    };
    expect((await server.asHead.push('templates', [{ assumedMasterState: null, newDocumentState: script }])).rejected).toEqual(
      [],
    );
    const chat = newChat();
    api.clientMessage(chat, 'Не работает домофон');
    const ticket = await eventually(async () => (await ticketsOf(chat)).find((t) => t.number), 'the ticket');
    const ack = await eventually(async () => sentTo(chat).find((m) => m.text.includes(ticket.number!)), 'the acknowledgement');
    expect(ack.text).toMatch(
      new RegExp(
        `^Здравствуйте, Иван Петров! Обращение ${ticket.number} принято\\. Решим [^\\n]* до \\d\\d:\\d\\d\\.\\nСлужба поддержки$`,
      ),
    );
  });
});
