/**
 * Email in and out against real servers: a client's mail becomes a numbered ticket and is
 * acknowledged; the agent's reply reaches the client's mailbox with the number in its subject and
 * meets first contact when SMTP accepted it; the client's answer joins the ticket and resumes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '#shared/protocol.ts';
import type { Ticket } from '#shared/schema/index.ts';
import { eventDoc, update } from '../support/documents.ts';
import { backends } from '../support/testDatabase.ts';
import { client, eventually, mailFromClient, startEmailWorld, type EmailWorld } from '../support/emailWorld.ts';

describe.each(backends)('email round trip on %s', (backend) => {
  let world: EmailWorld;
  beforeAll(async () => {
    world = await startEmailWorld(backend);
  });
  afterAll(() => world.close());

  it('files, acknowledges, sends the reply, and joins the client answer to the same ticket', async () => {
    await world.deliver(mailFromClient('Не открывается шлагбаум', 'Добрый день! Шлагбаум на въезде не открывается с утра.'));
    const ticket = await eventually(
      async () => (await world.tickets()).find((t) => t.subject === 'Не открывается шлагбаум' && t.number),
      'the ticket',
    );
    expect(ticket).toMatchObject({
      channel: 'email',
      status: 'new',
      contact: { name: 'Ирина Соколова', email: client.address },
      firstContactAt: null,
    });
    const messages = await world.events(ticket.id);
    expect(messages.find((e) => e.kind === 'client_message')).toMatchObject({
      public: true,
      body: 'Добрый день! Шлагбаум на въезде не открывается с утра.',
      data: { from: client.address },
    });

    // The acknowledgement: in the client's mailbox, marked automatic, and not a first contact.
    const ack = await eventually(
      async () => (await world.clientMailbox()).find((m) => m.subject?.includes(ticket.number!)),
      'the acknowledgement',
    );
    expect(ack.subject).toBe(`Re: Не открывается шлагбаум [PASS24 #${ticket.number}]`);
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.text).toContain(ticket.number!);

    // The agent answers (a reply event pushed like any desk write).
    const reply = eventDoc({
      ticketId: ticket.id,
      kind: 'reply',
      public: true,
      authorId: world.server.agent.id,
      authorName: 'Анна Петрова',
      body: 'Перезагрузите, пожалуйста, контроллер шлагбаума.',
      at: Date.now(),
    });
    expect((await world.server.asAgent.push('events', [{ assumedMasterState: null, newDocumentState: reply }])).rejected).toEqual(
      [],
    );
    const delivered = await eventually(
      async () => (await world.clientMailbox()).find((m) => m.text?.includes('Перезагрузите')),
      'the reply in the client mailbox',
    );
    expect(delivered.subject).toBe(`Re: Не открывается шлагбаум [PASS24 #${ticket.number}]`);
    expect(delivered.from?.value[0]).toMatchObject({ name: 'Анна Петрова', address: 'support@pass24.test' });
    expect(delivered.text).toContain('Анна Петрова\nТехническая поддержка PASS24');
    expect(delivered.inReplyTo).toBe(messages.find((e) => e.kind === 'client_message')!.data.messageId);

    const sent = await eventually(
      async () =>
        (await world.events(ticket.id)).find(
          (e) => e.kind === 'delivery' && e.data.replyId === reply.id && e.data.state === 'sent',
        ),
      'the sent status',
    );
    const contacted = await eventually(
      async () => (await world.tickets()).find((t) => t.id === ticket.id && t.firstContactAt !== null),
      'first contact',
    );
    expect(contacted.firstContactAt).toBe(sent.at);
    expect(
      (await world.events(ticket.id))
        .filter((e) => e.kind === 'delivery' && e.data.replyId === reply.id)
        .map((e) => e.data.state),
    ).toEqual(['queued', 'sent']);

    // The agent waits for the client; the client answers the reply (In-Reply-To only, no number).
    const master = contacted as Ticket & { _deleted: boolean };
    // Assigned to the agent: the client's answer resumes it all the same.
    const waiting = {
      ...master,
      assigneeId: world.server.agent.id,
      status: 'waiting_client' as const,
      statusLog: [...master.statusLog, { status: 'waiting_client' as const, at: Date.now() }],
    };
    expect((await world.server.asAgent.push('tickets', [update(master, waiting)])).rejected).toEqual([]);
    await world.deliver(
      mailFromClient('Re: шлагбаум', 'Перезагрузили, заработало.\n\n> Перезагрузите, пожалуйста, контроллер шлагбаума.', {
        'In-Reply-To': delivered.messageId!,
        References: delivered.messageId!,
      }),
    );
    const resumed = await eventually(
      async () => (await world.tickets()).find((t) => t.id === ticket.id && t.status === 'in_progress'),
      'the resumed ticket',
    );
    expect(resumed.number).toBe(ticket.number);
    const answer = (await world.events(ticket.id)).filter((e) => e.kind === 'client_message').at(-1)!;
    expect(answer.body).toBe('Перезагрузили, заработало.');
    expect(answer.data.folded).toContain('> Перезагрузите');
    expect((await world.tickets()).filter((t) => t.contact.email === client.address)).toHaveLength(1);
  });

  it("acknowledges with the script the head wrote, filled in by the scripts' renderer", async () => {
    const script = {
      id: `ack-${backend}`,
      title: 'Автоответ на письмо',
      category: 'Приём обращения',
      body: 'Здравствуйте, {{client.name}}! Обращение {{ticket.number}} принято. Объект: {{site.name}}. Решим {{sla.due}}.\n{{agent.name}}\nСлужба поддержки',
      phoneBody: null,
      channels: [],
      tags: ['автоответ'],
      ownerId: null,
      archived: false,
      conflictDraft: null,
      editedAt: Date.now(),
      editedBy: world.server.head.id,
      updatedAt: 0,
      _deleted: false,
    };
    expect(
      (await world.server.asHead.push('templates', [{ assumedMasterState: null, newDocumentState: script }])).rejected,
    ).toEqual([]);
    await world.deliver(mailFromClient('Домофон молчит', 'Домофон в подъезде 3 не звонит в квартиры.'));
    const ticket = await eventually(
      async () => (await world.tickets()).find((t) => t.subject === 'Домофон молчит' && t.number),
      'the ticket',
    );
    const ack = await eventually(
      async () => (await world.clientMailbox()).find((m) => m.subject?.includes(ticket.number!)),
      'the acknowledgement',
    );
    // No site known, no agent behind an automatic message: those parts are left out, never shown empty.
    expect(ack.text?.trim()).toMatch(
      new RegExp(
        `^Здравствуйте, Ирина Соколова! Обращение ${ticket.number} принято\\. Решим (сегодня|завтра|в|во|\\d+)[^\\n]* до \\d\\d:\\d\\d\\.\\nСлужба поддержки$`,
      ),
    );
  });

  it('reports each connector in /api/health without its password', async () => {
    const res = await world.server.anonymous.get<HealthResponse>('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.channels).toEqual([
      expect.objectContaining({ id: world.channelId, kind: 'email', address: 'support@pass24.test', state: 'running' }),
    ]);
    expect(res.text).not.toContain('desk-secret');
  });
});
