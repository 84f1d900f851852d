import type { EventDraft } from '#shared/domain/workflow.ts';
import type { TicketEvent } from '#shared/schema/index.ts';
import type { DeskDatabase } from './database.ts';
import { markPending } from './outbox.ts';
import type { WriteContext } from './writeContext.ts';

/** Appends timeline entries to a ticket. Events are insert-only: never updated, never conflict. */
export async function appendEvents(
  db: DeskDatabase,
  ticketId: string,
  drafts: EventDraft[],
  ctx: WriteContext,
  at: number = ctx.now(),
): Promise<TicketEvent[]> {
  if (drafts.length === 0) return [];
  // Entries of one write share the instant; a sub-millisecond step keeps their order stable.
  const events: TicketEvent[] = drafts.map((d, i) => ({
    id: ctx.newId(),
    ticketId,
    kind: d.kind,
    at: Math.round(at) + i,
    authorId: ctx.actor.id,
    authorName: ctx.actor.name,
    public: d.public,
    body: d.body,
    data: d.data,
    updatedAt: 0,
  }));
  await db.events.bulkInsert(events);
  await markPending(
    db.outbox,
    'events',
    events.map((e) => e.id),
    at,
  );
  return events;
}
