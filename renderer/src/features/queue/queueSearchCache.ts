/**
 * The quick filter's joined search text (queueSearch.ts) for the current tickets:
 * built on the first keystroke after a data change, and the per-ticket texts warmed up in idle
 * time before it, in slices, so the first keystroke only joins them.
 */
import { buildQueueSearch, searchTextOf, type QueueSearch } from './queueSearch.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';

const searches = new WeakMap<readonly Ticket[], QueueSearch<Ticket>>();

export function queueSearchFor(tickets: readonly Ticket[]): QueueSearch<Ticket> {
  let search = searches.get(tickets);
  if (!search) {
    search = buildQueueSearch(tickets);
    searches.set(tickets, search);
  }
  return search;
}

/** Computes the tickets' search texts while the page is idle; returns a cancel function. */
export function warmSearchTexts(tickets: readonly Ticket[]): () => void {
  if (typeof requestIdleCallback !== 'function') return () => undefined;
  let next = 0;
  let handle = 0;
  const slice = (deadline: IdleDeadline) => {
    while (next < tickets.length && deadline.timeRemaining() > 1) {
      const end = Math.min(tickets.length, next + 500);
      for (; next < end; next++) searchTextOf(tickets[next]!);
    }
    if (next < tickets.length) handle = requestIdleCallback(slice);
  };
  handle = requestIdleCallback(slice);
  return () => cancelIdleCallback(handle);
}
