/**
 * The tickets the queue shows, live from the local database, as plain stored data; and the agent
 * directory. Two indexed queries: the open tickets by (status, dueAt), and the tickets closed
 * since the start of today, so years of closed history are never loaded into the queue.
 * The stored data object of a document keeps its identity until the document changes, so the
 * caches keyed by it (filter text, row memo) survive unrelated updates.
 */
import { useMemo } from 'react';
import { combineLatest, map } from 'rxjs';
import { openStatuses } from '#shared/domain/enums.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { useObservable } from '../../db/useObservable.ts';
import { useWorkspace } from '../../app/workspaceContext.ts';

export interface QueueTickets {
  tickets: readonly Ticket[];
  /** False until the first query result arrived. */
  loaded: boolean;
}

const initial: QueueTickets = { tickets: [], loaded: false };

export function useQueueTickets(startOfToday: number): QueueTickets {
  const { db } = useWorkspace();
  return useObservable<QueueTickets>(
    () =>
      combineLatest([
        db.tickets.find({ selector: { status: { $in: [...openStatuses] } }, sort: [{ dueAt: 'asc' }, { id: 'asc' }] }).$,
        db.tickets.find({ selector: { status: 'closed', closedAt: { $gte: startOfToday } } }).$,
      ]).pipe(
        map(([open, closed]) => {
          performance.mark('queue:data');
          // The stored data instead of the document getters: read in hot loops over 50,000 rows.
          const tickets = [...open, ...closed].map((d) => d._data as Ticket);
          return { tickets, loaded: true };
        }),
      ),
    [db, startOfToday],
    initial,
  );
}

export function useAgentNames(): ReadonlyMap<string, string> {
  const { db } = useWorkspace();
  const agents = useObservable(() => db.agents.find().$, [db], []);
  return useMemo(() => new Map(agents.map((a) => [a.id, a.name])), [agents]);
}
