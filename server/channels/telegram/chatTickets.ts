/** The tickets a chat opened or joined, newest first, for the client's /status. */
import type { Kysely } from 'kysely';
import type { ChatTicket } from '#shared/channels/messengerChat.ts';
import type { DbSchema } from '../../db/dbSchema.ts';
import { readTicket } from '../ticketWrites.ts';

const shownAtMost = 20;

export async function ticketsOfChat(db: Kysely<DbSchema>, channelId: string, chat: string): Promise<ChatTicket[]> {
  const rows = await db
    .selectFrom('channel_messages')
    .select('ticket_id')
    .select((eb) => eb.fn.max('created_at').as('last'))
    .where('channel_id', '=', channelId)
    .where('conversation', '=', chat)
    .where('ticket_id', '!=', '')
    .groupBy('ticket_id')
    .orderBy('last', 'desc')
    .limit(shownAtMost)
    .execute();
  return db.transaction().execute(async (trx) => {
    const tickets: ChatTicket[] = [];
    for (const row of rows) {
      const ticket = await readTicket(trx, row.ticket_id);
      if (ticket) tickets.push({ number: ticket.number, subject: ticket.subject, status: ticket.status });
    }
    return tickets;
  });
}
