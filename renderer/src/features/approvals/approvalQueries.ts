/** What waits on the head of department: escalation requests, article drafts and open improvement requests. */
import { map } from 'rxjs';
import { openStatuses } from '#shared/vocabulary/enums.ts';
import { kbDraftsAwaitingHead } from '#shared/domain/kbRules.ts';
import type { KbArticle, Ticket } from '#shared/schema/index.ts';
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

/** Article drafts waiting for the head (kbDraftsAwaitingHead): the longest wait first. */
export function useKbDraftsAwaiting(db: DeskDatabase): KbArticle[] {
  return useObservable(
    () =>
      db.kb
        .find({ selector: { status: 'draft' } })
        .$.pipe(map((docs) => kbDraftsAwaitingHead(docs.map((d) => d.toJSON() as KbArticle)))),
    [db],
    [],
  );
}
