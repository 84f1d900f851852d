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

/**
 * Stores the entries of a timeline fetched from the endpoint that the desk lacks, for a ticket it
 * keeps (docs/sync.md, "Whose timelines the scope sends"): a finished ticket's whole timeline, or
 * what a first sync has not brought yet. Kept, they are there offline and after a restart, and
 * leave with the ticket. Answers how many were stored.
 */
export async function keepFetchedTimeline(db: DeskDatabase, ticketId: string, events: readonly TicketEvent[]): Promise<number> {
  if (!(await db.tickets.findOne(ticketId).exec())) return 0;
  const held = await db.events.findByIds(events.map((e) => e.id)).exec();
  const missing = events.filter((e) => e.ticketId === ticketId && !held.has(e.id));
  if (missing.length === 0) return 0;
  // The endpoint's copy carries its `_deleted` flag, which RxDB keeps to itself. Stored, the
  // entries are pushed back once, which the endpoint takes as the same entry again (a no-op).
  await db.events.bulkInsert(
    missing.map((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== '_deleted')) as TicketEvent),
  );
  return missing.length;
}
