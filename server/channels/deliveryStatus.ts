/**
 * What a desk sees of a reply's delivery: `delivery` events in the ticket's timeline (queued,
 * sent, retrying, failed with the reason), written by the endpoint and replicated like every
 * event. Sending a reply (SMTP accepted it) meets the ticket's first contact at that instant; a
 * bounce afterwards takes that back when this reply was what met it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DbSchema } from '../db/dbSchema.ts';
import type { ChannelKind } from './channelTypes.ts';
import type { OutboundRow } from './outboundQueue.ts';
import { eventOf, openWriters, readTicket, writeTicketsAndEvents } from './ticketWrites.ts';

export type DeliveryState = 'queued' | 'sent' | 'retrying' | 'failed';

type Writers = Awaited<ReturnType<typeof openWriters>>;

/** Who signs a delivery entry: the channel the reply went through (a desk shows it in its language by `data.channel`). */
const deliveryAuthors: Record<ChannelKind, string> = { email: 'Почта', telegram: 'Telegram', bitrix24: 'Битрикс24' };

/**
 * Only what the client receives has its delivery in the ticket's timeline: report mail belongs to
 * no ticket, and a CRM comment is for colleagues in the CRM; their outcome stays in the queue's
 * row and the log.
 */
const inTimeline = (row: Pick<OutboundRow, 'kind'>) => row.kind === 'reply' || row.kind === 'ack';

type DeliveryRow = Pick<OutboundRow, 'id' | 'ticket_id' | 'channel_id' | 'to_address' | 'attempts'>;

async function deliveryEvent(trx: Transaction<DbSchema>, row: DeliveryRow, state: DeliveryState, reason: string, at: number) {
  const channel = await trx.selectFrom('channels').select('kind').where('id', '=', row.channel_id).executeTakeFirst();
  const kind: ChannelKind = channel?.kind ?? 'email';
  return eventOf(
    row.ticket_id,
    {
      kind: 'delivery',
      public: false,
      body: '',
      data: { replyId: row.id, state, reason: reason.slice(0, 1000), to: row.to_address, attempts: row.attempts, channel: kind },
    },
    at,
    deliveryAuthors[kind],
  );
}

export async function recordQueued(trx: Transaction<DbSchema>, writers: Writers, row: DeliveryRow, now: number): Promise<void> {
  await writeTicketsAndEvents(writers, trx, [], [await deliveryEvent(trx, row, 'queued', '', now)], now);
}

/** SMTP accepted the message: sent, and a reply (not an acknowledgement) meets first contact now. */
export async function recordSent(db: Kysely<DbSchema>, row: OutboundRow, response: string, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const writers = await openWriters(trx);
    const updated = await trx
      .updateTable('outbound_messages')
      .set({ state: 'sent', sent_at: now, last_error: '' })
      .where('id', '=', row.id)
      .where('state', '!=', 'sent')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0 || !inTimeline(row)) return;
    const ticket = await readTicket(trx, row.ticket_id);
    const tickets = [];
    if (ticket && row.kind === 'reply' && ticket.firstContactAt === null) {
      tickets.push({ ...ticket, firstContactAt: now, editedAt: now, editedBy: '' });
    }
    await writeTicketsAndEvents(writers, trx, tickets, [await deliveryEvent(trx, row, 'sent', response, now)], now);
  });
}

/** A failed attempt: retried at `retryAt`, or failed for good when `retryAt` is null. */
export async function recordFailure(
  db: Kysely<DbSchema>,
  row: OutboundRow,
  reason: string,
  retryAt: number | null,
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const writers = await openWriters(trx);
    await trx
      .updateTable('outbound_messages')
      .set({ state: retryAt === null ? 'failed' : 'queued', next_attempt_at: retryAt ?? now, last_error: reason.slice(0, 1000) })
      .where('id', '=', row.id)
      .execute();
    // Report mail belongs to no ticket: its outcome stays in the queue's row (and the log).
    if (!inTimeline(row)) return;
    await writeTicketsAndEvents(
      writers,
      trx,
      [],
      [await deliveryEvent(trx, row, retryAt === null ? 'failed' : 'retrying', reason, now)],
      now,
    );
  });
}

/**
 * A bounce names a message the desk sent: it is failed, and if it was the reply that met the
 * ticket's first contact, the ticket has no contact after all. Returns the ticket id, or null when
 * the bounce names nothing of ours.
 */
export async function recordBounce(
  trx: Transaction<DbSchema>,
  writers: Writers,
  bounce: { originalMessageId: string; reason: string },
  now: number,
): Promise<string | null> {
  const row = await trx
    .selectFrom('outbound_messages')
    .selectAll()
    .where('message_id', '=', bounce.originalMessageId)
    .executeTakeFirst();
  if (!row) return null;
  await trx
    .updateTable('outbound_messages')
    .set({ state: 'failed', last_error: bounce.reason.slice(0, 1000) })
    .where('id', '=', row.id)
    .execute();
  const ticket = await readTicket(trx, row.ticket_id);
  const tickets = [];
  if (ticket && row.kind === 'reply' && row.sent_at !== null && ticket.firstContactAt === row.sent_at) {
    tickets.push({ ...ticket, firstContactAt: null, editedAt: now, editedBy: '' });
  }
  await writeTicketsAndEvents(writers, trx, tickets, [await deliveryEvent(trx, row, 'failed', bounce.reason, now)], now);
  return row.ticket_id;
}

/**
 * The service asked to wait (a rate limit): the message is queued again for `retryAt` and the
 * attempt is given back, so waiting never uses up the attempts and the message is never dropped.
 */
export async function recordThrottled(
  db: Kysely<DbSchema>,
  row: OutboundRow,
  reason: string,
  retryAt: number,
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const writers = await openWriters(trx);
    await trx
      .updateTable('outbound_messages')
      .set((eb) => ({
        state: 'queued',
        next_attempt_at: retryAt,
        attempts: eb('attempts', '-', 1),
        last_error: reason.slice(0, 1000),
      }))
      .where('id', '=', row.id)
      .execute();
    if (!inTimeline(row)) return;
    await writeTicketsAndEvents(writers, trx, [], [await deliveryEvent(trx, row, 'retrying', reason, now)], now);
  });
}
