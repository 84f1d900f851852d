/** What waits on the head of department: escalation requests and open improvement requests. */
import { map } from 'rxjs';
import { openStatuses } from '#shared/vocabulary/enums.ts';
import type { Ticket } from '#shared/schema/index.ts';
import type { DeskDatabase } from '../../db/database.ts';
import { useObservable } from '../../db/useObservable.ts';

const toTickets = map((docs: { toJSON(): unknown }[]) => docs.map((d) => d.toJSON() as Ticket));

/** Oldest request first: it has waited longest. */
export function useEscalationRequests(db: DeskDatabase): Ticket[] {
  return useObservable(
    () =>
      db.tickets.find({ selector: { status: 'escalation_requested' } }).$.pipe(
        toTickets,
        map((ts) => ts.sort((a, b) => (a.escalation.requestedAt ?? 0) - (b.escalation.requestedAt ?? 0))),
      ),
    [db],
    [],
  );
}

export function useOpenImprovements(db: DeskDatabase): Ticket[] {
  return useObservable(
    () =>
      db.tickets
        .find({ selector: { status: { $in: [...openStatuses] }, type: 'improvement' }, sort: [{ createdAt: 'asc' }] })
        .$.pipe(toTickets),
    [db],
    [],
  );
}
