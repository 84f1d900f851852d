/** Live reads the intake form needs while it is open: the client directory and recent tickets. */
import { useState } from 'react';
import { map } from 'rxjs';
import { repeatWindowMs, type RepeatCandidate } from '#shared/domain/repeatSuggestions.ts';
import type { Client, Ticket } from '#shared/schema/index.ts';
import type { DeskDatabase } from '../../db/database.ts';
import { useObservable } from '../../db/useObservable.ts';

const noClients: Client[] = [];
const noTickets: RepeatCandidate[] = [];

export function useClients(db: DeskDatabase): Client[] {
  return useClientDirectory(db) ?? noClients;
}

/** The client directory, or null until the first read has answered (an empty list means none). */
export function useClientDirectory(db: DeskDatabase): Client[] | null {
  return useObservable<Client[] | null>(
    () => db.clients.find().$.pipe(map((docs) => docs.map((d) => d.toJSON() as Client))),
    [db],
    null,
  );
}

function toCandidate(t: Ticket): RepeatCandidate {
  const { id, number, subject, description, clientId, siteId, organizationName, siteName, status, createdAt } = t;
  return { id, number, subject, description, clientId, siteId, organizationName, siteName, status, createdAt };
}

/** Tickets of the repeat window (30 days); the window start is fixed when the form opens. */
export function useRecentTickets(db: DeskDatabase, now: () => number): RepeatCandidate[] {
  const [since] = useState(() => now() - repeatWindowMs);
  return useObservable(
    () =>
      db.tickets
        .find({ selector: { createdAt: { $gte: since } }, sort: [{ createdAt: 'asc' }, { id: 'asc' }] })
        .$.pipe(map((docs) => docs.map((d) => toCandidate(d.toJSON() as Ticket)))),
    [db, since],
    noTickets,
  );
}

/** One ticket by id (the one linked as repeated), or null. */
export function useTicket(db: DeskDatabase, id: string | null): RepeatCandidate | null {
  return useObservable(
    () => db.tickets.findOne(id ?? '').$.pipe(map((d) => (d ? toCandidate(d.toJSON() as Ticket) : null))),
    [db, id],
    null,
  );
}
