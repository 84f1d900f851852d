/**
 * The only way the UI writes tickets. Every write lands in the local database first, records a
 * timeline entry (so an edit that later loses a merge stays visible in the history), recomputes
 * the SLA due instants and marks the change pending for the outbox.
 */
import { createTicketDocument, type NewTicketInput } from '#shared/domain/ticketFactory.ts';
import { withSlaDeadlines } from '#shared/domain/ticketDeadlines.ts';
import { applyAction, type EventDraft, type WorkflowAction, type WorkflowError } from '#shared/domain/workflow.ts';
import { jsonEqual } from '#shared/domain/merge.ts';
import type { Ticket } from '#shared/schema/index.ts';
import type { DeskDatabase } from './database.ts';
import { appendEvents } from './eventRepository.ts';
import { markPending } from './outbox.ts';
import type { WriteContext } from './writeContext.ts';

export async function createTicket(db: DeskDatabase, input: NewTicketInput, ctx: WriteContext): Promise<Ticket> {
  const now = ctx.now();
  const ticket = withSlaDeadlines(createTicketDocument(input, { id: ctx.newId(), now, authorId: ctx.actor.id }), now, ctx.sla);
  await db.tickets.insert(ticket);
  await markPending(db.outbox, 'tickets', [ticket.id], now);
  const events: EventDraft[] = [
    { kind: 'created', public: false, body: '', data: { channel: ticket.channel, priority: ticket.priority } },
  ];
  if (ticket.repeatOf) events.push({ kind: 'repeat_linked', public: false, body: '', data: { repeatOf: ticket.repeatOf } });
  await appendEvents(db, ticket.id, events, ctx, now);
  return ticket;
}

/** Fields the manager edits directly (the workflow owns status, assignee, SLA instants...). */
export const editableTicketFields = [
  'subject',
  'description',
  'type',
  'channel',
  'product',
  'clientId',
  'siteId',
  'organizationName',
  'siteName',
  'contact',
  'tags',
  'repeatOf',
] as const;
export type TicketPatch = Partial<Pick<Ticket, (typeof editableTicketFields)[number]>>;

export class TicketNotFoundError extends Error {
  readonly ticketId: string;
  constructor(ticketId: string) {
    super(`ticket ${ticketId} not found`);
    this.ticketId = ticketId;
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Edits fields; returns the updated ticket. A field_changed entry records each changed field. */
export async function updateTicket(db: DeskDatabase, id: string, patch: TicketPatch, ctx: WriteContext): Promise<Ticket> {
  const doc = await db.tickets.findOne(id).exec();
  if (!doc) throw new TicketNotFoundError(id);
  const now = ctx.now();
  const drafts: EventDraft[] = [];
  const updated = await doc.incrementalModify((current) => {
    drafts.length = 0;
    const next = { ...current };
    for (const field of editableTicketFields) {
      if (!(field in patch)) continue;
      const value = patch[field];
      if (jsonEqual(value, current[field])) continue;
      drafts.push({
        kind: 'field_changed',
        public: false,
        body: '',
        data: { field, from: describe(current[field]), to: describe(value) },
      });
      Object.assign(next, { [field]: value });
    }
    if (drafts.length === 0) return current;
    return withSlaDeadlines({ ...next, editedAt: now, editedBy: ctx.actor.id }, now, ctx.sla);
  });
  if (drafts.length > 0) {
    await markPending(db.outbox, 'tickets', [id], now);
    await appendEvents(db, id, drafts, ctx, now);
  }
  return updated.toJSON() as Ticket;
}

export type ActionOutcome = { ok: true; ticket: Ticket } | { ok: false; error: WorkflowError };

/** Applies a workflow move (shared/domain/workflow.ts) and records its timeline entries. */
export async function applyTicketAction(
  db: DeskDatabase,
  id: string,
  action: WorkflowAction,
  ctx: WriteContext,
): Promise<ActionOutcome> {
  const doc = await db.tickets.findOne(id).exec();
  if (!doc) throw new TicketNotFoundError(id);
  const now = ctx.now();
  let error: WorkflowError | null = null;
  let drafts: EventDraft[] = [];
  const updated = await doc.incrementalModify((current) => {
    const result = applyAction(current as Ticket, action, ctx.actor, now);
    if (!result.ok) {
      error = result.error;
      drafts = [];
      return current;
    }
    error = null;
    drafts = result.events;
    return withSlaDeadlines(result.ticket, now, ctx.sla);
  });
  if (error) return { ok: false, error };
  await markPending(db.outbox, 'tickets', [id], now);
  await appendEvents(db, id, drafts, ctx, now);
  return { ok: true, ticket: updated.toJSON() as Ticket };
}
