/**
 * Picks up the public replies desks push (collection `events`) and queues them for the ticket's
 * mailbox or chat. It reads the events feed from a durable cursor, in the feed's commit order, so a reply
 * written offline goes out when it reaches the endpoint, and none is queued twice (the queue is
 * keyed by the reply's event id, the cursor row is locked while it moves). A desk asks for a
 * failed reply to be tried again with a `delivery` event of state `retry`.
 */
import type { Kysely } from 'kysely';
import type { DbSchema } from '../db/dbSchema.ts';
import { recordQueued } from './deliveryStatus.ts';
import { addressingOf, outgoingMessageId, withMessengerSignature, withSignature } from './emailThread.ts';
import { moveCursorPast, nextFeedPage } from './eventFeedCursor.ts';
import { enqueue } from './outboundQueue.ts';
import { openWriters, readTicket, writeTicketsAndEvents } from './ticketWrites.ts';

const cursorName = 'reply-pickup';
const pageSize = 500;

/** One page of the feed; returns how many events were looked at (0: caught up). */
export async function pickUpReplies(db: Kysely<DbSchema>, now: number = Date.now()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const writers = await openWriters(trx);
    // The first start puts the cursor at the head: replies recorded before the channels existed are history.
    const rows = await nextFeedPage(trx, cursorName, ['reply', 'delivery'], pageSize);
    if (rows.length === 0) return 0;

    for (const row of rows) {
      const event = row.event;
      if (!event) continue;
      if (event.kind === 'reply' && event.public && event.authorId !== '' && event.data.automatic !== true) {
        const ticket = await readTicket(trx, event.ticketId);
        if (!ticket) continue;
        const addressing = await addressingOf(trx, ticket);
        if (!addressing) continue;
        const queued = {
          id: event.id,
          channelId: addressing.channelId,
          ticketId: ticket.id,
          kind: 'reply' as const,
          to: addressing.to,
          subject: addressing.subject,
          body: (addressing.kind === 'telegram' ? withMessengerSignature : withSignature)(event.body, event.authorName),
          fromName: event.authorName,
          messageId: outgoingMessageId(event.id, addressing.address),
          inReplyTo: addressing.inReplyTo,
          references: addressing.references,
        };
        if (await enqueue(trx, queued, now)) {
          await recordQueued(
            trx,
            writers,
            { id: event.id, ticket_id: ticket.id, channel_id: addressing.channelId, to_address: addressing.to, attempts: 0 },
            now,
          );
        }
      } else if (event.kind === 'delivery' && event.data.state === 'retry' && typeof event.data.replyId === 'string') {
        const retried = await trx
          .updateTable('outbound_messages')
          .set({ state: 'queued', attempts: 0, next_attempt_at: now, last_error: '' })
          .where('id', '=', event.data.replyId)
          .where('state', '=', 'failed')
          .returning(['id', 'ticket_id', 'channel_id', 'to_address', 'attempts'])
          .executeTakeFirst();
        if (retried) await recordQueued(trx, writers, retried, now);
      }
    }
    await moveCursorPast(trx, cursorName, rows);
    await writeTicketsAndEvents(writers, trx, [], [], now);
    return rows.length;
  });
}
