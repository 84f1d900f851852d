/**
 * Ticket queries more than one part of the desk subscribes to. RxDB keeps one query per distinct
 * mango query in a collection, so the queue and the alarm schedule asking for the open tickets
 * with the same object read them from IndexedDB once and share every live update, instead of two
 * full reads of every open ticket (seconds each with tens of thousands) racing at start-up.
 */
import type { MangoQuery } from 'rxdb';
import { openStatuses } from '#shared/domain/enums.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';

/** Every open ticket, nearest due first (the (status, dueAt, id) index). */
export function openTicketsQuery(): MangoQuery<Ticket> {
  return { selector: { status: { $in: [...openStatuses] } }, sort: [{ dueAt: 'asc' }, { id: 'asc' }] };
}
