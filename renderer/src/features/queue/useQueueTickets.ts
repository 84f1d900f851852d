/**
 * The tickets the queue shows, live from the local database, as plain stored data; and the agent
 * directory. Two indexed queries: the open tickets by (status, dueAt), and the tickets closed
 * since the start of today, so years of closed history are never loaded into the queue.
 *
 * With 50,000 open tickets the full query takes seconds to read from IndexedDB, so a first page
 * comes before it: for each open status its `firstPageSize` nearest-due tickets (the same
 * (status, dueAt) index, read no further than the limit). Whatever the clock, the first rows of
 * the urgency order are among them (queueOrder.ts: running tickets by due instant, merged with
 * the paused ones), so the "Все открытые" view can show its first screen at once; `complete`
 * says when every ticket is there.
 * The stored data object of a document keeps its identity until the document changes, so the
 * caches keyed by it (filter text, row memo) survive unrelated updates.
 */
import { useMemo } from 'react';
import { combineLatest, concat, from, map, type Observable } from 'rxjs';
import { openStatuses } from '#shared/vocabulary/enums.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { readIndexedPage } from '../../db/indexedPageRead.ts';
import { nearestDueOfStatusQuery, openTicketsQuery } from '../../db/ticketQueries.ts';
import { useObservable } from '../../db/useObservable.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { endQueueMeasure, startQueueMeasure } from './queueMarks.ts';

export interface QueueTickets {
  tickets: readonly Ticket[];
  /** False until the first query result arrived. */
  loaded: boolean;
  /** True once every open ticket (and every ticket closed today) is in `tickets`; before, only the first page. */
  complete: boolean;
}

/** Tickets per open status in the first page: more than a screen of rows. */
export const firstPageSize = 60;

const initial: QueueTickets = { tickets: [], loaded: false, complete: false };

export function useQueueTickets(startOfToday: number): QueueTickets {
  const { db } = useWorkspace();
  return useObservable<QueueTickets>(
    () => {
      const full: Observable<QueueTickets> = combineLatest([
        db.tickets.find(openTicketsQuery()).$,
        db.tickets.find({ selector: { status: 'closed', closedAt: { $gte: startOfToday } } }).$,
      ]).pipe(
        map(([open, closed]) => {
          endQueueMeasure('complete');
          // The stored data instead of the document getters: read in hot loops over 50,000 rows.
          const tickets = [...open, ...closed].map((d) => d._data as Ticket);
          return { tickets, loaded: true, complete: true };
        }),
      );
      startQueueMeasure('first-page');
      const firstPage: Observable<QueueTickets> = from(
        Promise.all(
          // One IndexedDB request per status instead of a cursor's round trip per ticket (indexedPageRead.ts).
          openStatuses.map((status) => readIndexedPage(db.tickets, nearestDueOfStatusQuery(status, firstPageSize))),
        ),
      ).pipe(
        map((pages) => {
          endQueueMeasure('first-page');
          return { tickets: pages.flat() as Ticket[], loaded: true, complete: false };
        }),
      );
      // The full query starts once the first page is there, so its cursor over every open ticket
      // does not share the main thread and IndexedDB with the first page's short reads.
      return concat(firstPage, full);
    },
    [db, startOfToday],
    initial,
  );
}

export function useAgentNames(): ReadonlyMap<string, string> {
  const { db } = useWorkspace();
  const agents = useObservable(() => db.agents.find().$, [db], []);
  return useMemo(() => new Map(agents.map((a) => [a.id, a.name])), [agents]);
}
