/**
 * A backlog, through a real Dovecot: mail that piled up while the channel was off is taken in
 * batches (one fetch and one transaction each) once it is on, and files exactly as one message at
 * a time would: every message once, a repeated Message-ID once, a follow-up on a message of the
 * same batch joined to its ticket, each new ticket acknowledged, the mailbox's cursor at its end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setChannelEnabled } from '../../../server/channels/channelStore.ts';
import { client, eventually, mailFromClient, startEmailWorld, type EmailWorld } from '../support/emailWorld.ts';

const backlog = 120;

describe('a backlog on pglite', () => {
  let world: EmailWorld;
  beforeAll(async () => {
    world = await startEmailWorld('pglite');
    await setChannelEnabled(world.server.database.db, world.channelId, false);
  });
  afterAll(() => world.close());

  it('files every message once, in order, in batches', async () => {
    const first = mailFromClient('Письмо 0', 'Первое письмо очереди.');
    const firstId = /Message-ID: (\S+)/.exec(first)![1]!;
    await world.deliver(first);
    await world.deliver(first); // the same message delivered twice
    await world.deliver(mailFromClient('Re: Письмо 0', 'Дополнение к первому.', { 'In-Reply-To': firstId, References: firstId }));
    for (let i = 1; i < backlog; i++) await world.deliver(mailFromClient(`Письмо ${i}`, `Текст письма ${i}.`));

    await setChannelEnabled(world.server.database.db, world.channelId, true);
    const tickets = await eventually(
      async () => {
        const all = (await world.tickets()).filter((t) => t.contact.email === client.address);
        return all.length === backlog && all;
      },
      'every ticket',
      120_000,
    );
    expect(new Set(tickets.map((t) => t.subject)).size).toBe(backlog);
    const firstTicket = tickets.find((t) => t.subject === 'Письмо 0')!;
    const messages = (await world.events(firstTicket.id)).filter((e) => e.kind === 'client_message');
    expect(messages.map((m) => m.body)).toEqual(['Первое письмо очереди.', 'Дополнение к первому.']);
    // Numbered in the order the mail came.
    const numbers = [...tickets].sort((a, b) => (a.number! < b.number! ? -1 : 1)).map((t) => t.subject);
    expect(numbers.slice(0, 3)).toEqual(['Письмо 0', 'Письмо 1', 'Письмо 2']);

    const db = world.server.database.db;
    const acks = await db.selectFrom('outbound_messages').select(['ticket_id', 'subject']).where('kind', '=', 'ack').execute();
    expect(acks).toHaveLength(backlog);
    expect(acks.find((a) => a.ticket_id === firstTicket.id)!.subject).toBe(`Re: Письмо 0 [PASS24 #${firstTicket.number}]`);
    const channel = await db.selectFrom('channels').select('cursor').where('id', '=', world.channelId).executeTakeFirstOrThrow();
    expect(channel.cursor).toMatchObject({ lastUid: backlog + 2 });
  });
});
