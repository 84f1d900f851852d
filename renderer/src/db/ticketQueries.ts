/**
 * Ticket queries more than one part of the desk subscribes to. RxDB keeps one query per distinct
 * mango query in a collection, so the queue and the alarm schedule asking for the open tickets
 * with the same object read them from IndexedDB once and share every live update, instead of two
 * full reads of every open ticket (seconds each with tens of thousands) racing at start-up.
 */
import type { MangoQuery, MangoQuerySortPart } from 'rxdb';
import { openStatuses, type TicketStatus } from '#shared/vocabulary/enums.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';

/** Nearest due first, ties by id: the order of the (status, dueAt, id) index. */
function nearestDueFirst(): MangoQuerySortPart<Ticket>[] {
  return [{ dueAt: 'asc' }, { id: 'asc' }];
}

/** Every open ticket, nearest due first (the (status, dueAt, id) index). */
export function openTicketsQuery(): MangoQuery<Ticket> {
  return { selector: { status: { $in: [...openStatuses] } }, sort: nearestDueFirst() };
}

/** The `limit` nearest-due tickets of one status (the queue's first page, one query per open status). */
export function nearestDueOfStatusQuery(status: TicketStatus, limit: number): MangoQuery<Ticket> {
  return { selector: { status }, sort: nearestDueFirst(), limit };
}
