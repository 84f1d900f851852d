/**
 * How the channels write tickets and timeline events: in the caller's transaction, through
 * CollectionWriter (tickets first, then events: every writer of both takes the locks in this
 * order), so every desk's live stream carries the change like any other write.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { withSlaDeadlines } from '#shared/domain/ticketDeadlines.ts';
import type { EventDraft } from '#shared/domain/workflow.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import type { TicketEvent } from '#shared/schema/eventSchema.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { CollectionWriter } from '../replication/collectionWriter.ts';
import { assignTicketNumbers } from '../replication/ticketNumbers.ts';

export type StoredTicket = Ticket & { updatedAt: number; _deleted: boolean };
export type NewEvent = Omit<TicketEvent, 'updatedAt'>;

export const channelAuthorName = 'Канал: электронная почта';

export async function readTicket(trx: Transaction<DbSchema>, id: string): Promise<StoredTicket | null> {
  const row = await trx
    .selectFrom('documents')
    .select('data')
    .where('collection', '=', 'tickets')
    .where('id', '=', id)
    .where('deleted', '=', false)
    .executeTakeFirst();
  return (row?.data as StoredTicket | undefined) ?? null;
}

export async function ticketByNumber(trx: Transaction<DbSchema>, number: string): Promise<StoredTicket | null> {
  const { rows } = await sql<{ data: StoredTicket }>`
    select data from documents
    where collection = 'tickets' and not deleted and data->>'number' = ${number}
    limit 1`.execute(trx);
  return rows[0]?.data ?? null;
}

export function eventOf(ticketId: string, draft: EventDraft, at: number, authorName = channelAuthorName): NewEvent {
  return {
    id: randomUUID(),
    ticketId,
    kind: draft.kind,
    at,
    authorId: '',
    authorName,
    public: draft.public,
    body: draft.body.slice(0, 20000),
    data: draft.data,
  };
}

/** Opens both writers in the lock order. */
export async function openWriters(trx: Transaction<DbSchema>): Promise<{ tickets: CollectionWriter; events: CollectionWriter }> {
  const tickets = await CollectionWriter.open(trx, 'tickets');
  const events = await CollectionWriter.open(trx, 'events');
  return { tickets, events };
}

/**
 * Stores tickets (deadlines recomputed at `now`, new ones numbered) and events; notifies on commit
 * unless the caller notifies once for several writes (`notify: false`).
 * Returns the tickets as stored.
 */
export async function writeTicketsAndEvents(
  writers: { tickets: CollectionWriter; events: CollectionWriter },
  trx: Transaction<DbSchema>,
  tickets: readonly Ticket[],
  events: readonly NewEvent[],
  now: number,
  options: { notify?: boolean } = {},
): Promise<StoredTicket[]> {
  const ready = tickets.map((t) => withSlaDeadlines({ ...t }, now));
  await assignTicketNumbers(
    trx,
    ready.filter((t) => t.number === null),
  );
  const stored = (await writers.tickets.write(ready.map((t) => ({ ...t, _deleted: false })))) as unknown as StoredTicket[];
  await writers.events.write(events.map((e) => ({ ...e, _deleted: false })));
  if (options.notify !== false) {
    await writers.tickets.notify();
    await writers.events.notify();
  }
  return stored;
}
