/** Reactive reads of the ticket view: the ticket, its timeline, the agent directory, KB articles. */
import { map } from 'rxjs';
import type { Agent, KbArticle, Ticket, TicketEvent } from '#shared/schema/index.ts';
import type { DeskDatabase } from '../../db/database.ts';
import { useObservable } from '../../db/useObservable.ts';

/** undefined while loading, null when the ticket is not in the local database. */
export function useTicket(db: DeskDatabase, id: string): Ticket | null | undefined {
  return useObservable<Ticket | null | undefined>(
    () => db.tickets.findOne(id).$.pipe(map((d) => (d ? (d.toJSON() as Ticket) : null))),
    [db, id],
    undefined,
  );
}

export function useTicketEvents(db: DeskDatabase, ticketId: string): TicketEvent[] {
  return useObservable(
    () =>
      db.events
        .find({ selector: { ticketId }, sort: [{ at: 'asc' }, { id: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as TicketEvent))),
    [db, ticketId],
    [],
  );
}

/** Agent id -> name, for the assignee and the escalation's requester. */
export function useAgentNames(db: DeskDatabase): Map<string, string> {
  return useObservable(
    () => db.agents.find().$.pipe(map((docs) => new Map(docs.map((d) => [d.id, (d.toJSON() as Agent).name])))),
    [db],
    new Map<string, string>(),
  );
}

/** KB articles by id (for the linked ones in the timeline and the resolution). */
export function useKbArticles(db: DeskDatabase, ids: readonly string[]): Map<string, KbArticle> {
  const key = [...new Set(ids)].sort().join('|');
  return useObservable(
    () =>
      db.kb
        .findByIds(key ? key.split('|') : [])
        .$.pipe(map((m) => new Map([...m].map(([id, d]) => [id, d.toJSON() as KbArticle])))),
    [db, key],
    new Map<string, KbArticle>(),
  );
}

/** Every KB article (a few hundred at most), for the picker of the resolve dialog (mounted only while it is open). */
export function useAllKbArticles(db: DeskDatabase): KbArticle[] {
  return useObservable(() => db.kb.find().$.pipe(map((docs) => docs.map((d) => d.toJSON() as KbArticle))), [db], []);
}
