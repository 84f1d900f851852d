/**
 * What goes wrong with mail, against real servers: SMTP down (retries, then failed, then sent
 * once when asked again), a mailbox with a wrong password (reported, the others go on), robots
 * that must get no acknowledgement, a bounce, follow-ups on resolved and closed tickets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '#shared/protocol.ts';
import type { Ticket } from '#shared/schema/index.ts';
import { addEmailChannel } from '../../../server/channels/channelStore.ts';
import { appendMail } from '../../support/smtpSink.ts';
import { eventDoc, update } from '../support/documents.ts';
import { client, desk, eventually, mailFromClient, startEmailWorld, type EmailWorld } from '../support/emailWorld.ts';

describe('email failures on pglite', () => {
  let world: EmailWorld;
  beforeAll(async () => {
    world = await startEmailWorld('pglite');
  });
  afterAll(() => world.close());

  const newTicket = async (subject: string, headers: Record<string, string> = {}) => {
    await world.deliver(mailFromClient(subject, `Текст: ${subject}`, headers));
    return eventually(async () => (await world.tickets()).find((t) => t.subject === subject && t.number), `ticket «${subject}»`);
  };
  const reply = async (ticket: Ticket, body: string) => {
    const event = eventDoc({
      ticketId: ticket.id,
      kind: 'reply',
      public: true,
      authorId: world.server.agent.id,
      authorName: 'Анна',
      body,
      at: Date.now(),
    });
    expect((await world.server.asAgent.push('events', [{ assumedMasterState: null, newDocumentState: event }])).rejected).toEqual(
      [],
    );
    return event;
  };
  const states = async (ticketId: string, replyId: string) =>
    (await world.events(ticketId)).filter((e) => e.kind === 'delivery' && e.data.replyId === replyId).map((e) => e.data.state);
  const sentWith = (text: string) => world.smtp.messages.filter((m) => m.parsed.text?.includes(text));
  const queueOf = (ticketId: string) =>
    world.server.database.db.selectFrom('outbound_messages').selectAll().where('ticket_id', '=', ticketId).execute();
  const setStatus = async (ticket: Ticket, status: Ticket['status'], extra: Partial<Ticket> = {}) => {
    const master = (await world.tickets()).find((t) => t.id === ticket.id)!;
    const next = { ...master, ...extra, status, statusLog: [...master.statusLog, { status, at: Date.now() }] };
    expect((await world.server.asAgent.push('tickets', [update(master, next)])).rejected).toEqual([]);
  };

  it('retries while SMTP is down, fails for good after the last attempt, and sends once when retried', async () => {
    const ticket = await newTicket('SMTP лежит');
    await eventually(
      async () => (await queueOf(ticket.id)).every((r) => r.state === 'sent') && (await queueOf(ticket.id)).length > 0,
      'the acknowledgement',
    );
    await world.smtp.stop();
    const first = await reply(ticket, 'Ответ при лежащем SMTP');
    await eventually(async () => (await states(ticket.id, first.id)).includes('failed'), 'the final failure');
    const failed = (await world.events(ticket.id)).filter((e) => e.kind === 'delivery' && e.data.replyId === first.id);
    expect(failed.map((e) => e.data.state)).toEqual(['queued', 'retrying', 'retrying', 'failed']);
    expect(String(failed.at(-1)!.data.reason)).toMatch(/не отвечает|ECONNREFUSED/);
    expect((await world.tickets()).find((t) => t.id === ticket.id)!.firstContactAt).toBeNull();

    // A second reply while down is retrying when SMTP comes back: it goes out once.
    const second = await reply(ticket, 'Второй ответ, пока SMTP лежит');
    await eventually(async () => (await states(ticket.id, second.id)).includes('retrying'), 'a retry of the second reply');
    await world.smtp.start();
    await eventually(async () => (await states(ticket.id, second.id)).includes('sent'), 'the second reply sent');

    // The agent asks for the failed one again.
    const retry = eventDoc({
      ticketId: ticket.id,
      kind: 'delivery',
      public: false,
      authorId: world.server.agent.id,
      data: { replyId: first.id, state: 'retry' },
      at: Date.now(),
    });
    await world.server.asAgent.push('events', [{ assumedMasterState: null, newDocumentState: retry }]);
    await eventually(async () => (await states(ticket.id, first.id)).includes('sent'), 'the retried reply sent');
    expect(sentWith('Ответ при лежащем SMTP')).toHaveLength(1);
    expect(sentWith('Второй ответ, пока SMTP лежит')).toHaveLength(1);
    expect((await world.tickets()).find((t) => t.id === ticket.id)!.firstContactAt).not.toBeNull();
  });

  it('reports a mailbox with a wrong password in /api/health and keeps the other one working', async () => {
    world.dovecot.addUser('sales@pass24.test', 'right');
    const broken = await addEmailChannel(world.server.database.db, {
      name: 'Продажи',
      address: 'sales@pass24.test',
      secret: 'wrong',
      settings: {
        imapHost: world.dovecot.host,
        imapPort: world.dovecot.port,
        imapSecure: false,
        smtpHost: '127.0.0.1',
        smtpPort: world.smtp.port,
        smtpSecure: false,
        user: 'sales@pass24.test',
        mailbox: 'INBOX',
        pollMs: 5000,
      },
    });
    const health = await eventually(async () => {
      const res = await world.server.anonymous.get<HealthResponse>('/api/health');
      return res.body.channels.find((c) => c.id === broken && c.state === 'failing') ? res : null;
    }, 'the failing connector');
    expect(health.status).toBe(200);
    expect(health.body.channels.find((c) => c.id === broken)!.detail).toBe('Почтовый сервер не принял логин или пароль.');
    expect(health.body.channels.find((c) => c.id === world.channelId)!.state).toBe('running');
    expect(health.text).not.toContain('wrong');
    await newTicket('Работает при сломанном соседе');
  });

  it('gives robots no acknowledgement: auto-replies, bulk mail, the desk itself', async () => {
    const auto = await newTicket('Я в отпуске', { 'Auto-Submitted': 'auto-replied' });
    const bulk = await newTicket('Рассылка', { Precedence: 'bulk' });
    await world.deliver(
      mailFromClient('Сами себе', 'Письмо с адреса поддержки').replace(`<${client.address}>`, `<${desk.address}>`),
    );
    const own = await eventually(async () => (await world.tickets()).find((t) => t.subject === 'Сами себе'), 'own mail');
    const human = await newTicket('Живой человек');
    await eventually(async () => (await queueOf(human.id)).length === 1, 'the human acknowledgement');
    for (const t of [auto, bulk, own]) expect(await queueOf(t.id)).toEqual([]);
  });

  it('marks a bounced reply failed and takes back the first contact it had met', async () => {
    const ticket = await newTicket('Адрес с опечаткой');
    const sentReply = await reply(ticket, 'Ответ, который вернётся');
    await eventually(async () => (await states(ticket.id, sentReply.id)).includes('sent'), 'the reply sent');
    const row = (await queueOf(ticket.id)).find((r) => r.id === sentReply.id)!;
    expect((await world.tickets()).find((t) => t.id === ticket.id)!.firstContactAt).toBe(row.sent_at);
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.uk-dom.test>',
      `To: ${desk.address}`,
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.uk-dom.test>',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
      '',
      '--r',
      'Content-Type: text/plain',
      '',
      'The mail system could not deliver your message.',
      '--r',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.uk-dom.test',
      '',
      `Final-Recipient: rfc822; ${client.address}`,
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
      '--r',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${row.message_id}`,
      'Subject: whatever',
      '--r--',
      '',
    ].join('\r\n');
    await appendMail(world.dovecot, desk.address, desk.password, dsn);
    await eventually(async () => (await states(ticket.id, sentReply.id)).includes('failed'), 'the bounce recorded');
    const failed = (await world.events(ticket.id)).find((e) => e.kind === 'delivery' && e.data.state === 'failed')!;
    expect(failed.data.reason).toBe('smtp; 550 5.1.1 User unknown');
    expect((await world.tickets()).find((t) => t.id === ticket.id)!.firstContactAt).toBeNull();
    expect((await world.tickets()).some((t) => t.subject.startsWith('Undelivered'))).toBe(false);
  });

  it('reopens a resolved ticket with the message as the reason, and opens a repeat for a closed one', async () => {
    const resolved = await newTicket('Решённое');
    await setStatus(resolved, 'resolved', {
      resolvedAt: Date.now(),
      resolution: { summary: 'Перезагрузили', kbArticleId: 'kb-1' },
    });
    await world.deliver(mailFromClient(`Re: Решённое [PASS24 #${resolved.number}]`, 'Снова не работает.'));
    const reopened = await eventually(
      async () => (await world.tickets()).find((t) => t.id === resolved.id && t.status === 'in_progress'),
      'the reopened ticket',
    );
    expect(reopened).toMatchObject({ resolvedAt: null, resolution: null });
    expect((await world.events(resolved.id)).find((e) => e.kind === 'reopened')!.body).toBe('Не помогло: Снова не работает.');

    const closed = await newTicket('Закрытое');
    await setStatus(closed, 'closed', { closedAt: Date.now() });
    await world.deliver(mailFromClient(`Re: Закрытое [PASS24 #${closed.number}]`, 'Опять то же самое.'));
    const repeat = await eventually(
      async () => (await world.tickets()).find((t) => t.repeatOf === closed.id),
      'the repeat ticket',
    );
    expect(repeat).toMatchObject({ subject: 'Закрытое', status: 'new', channel: 'email' });
    expect((await world.tickets()).find((t) => t.id === closed.id)!.status).toBe('closed');
  });
});
