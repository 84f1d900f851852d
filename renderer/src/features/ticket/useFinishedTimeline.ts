/**
 * A finished ticket's whole timeline (docs/sync.md, "Whose timelines the scope sends"): a first
 * sync brings only the entries the desk reads offline, so opening a finished ticket fetches its
 * timeline from the endpoint and keeps what the desk lacks. Without a connection the view says
 * that part of the history is on the endpoint, and the fetch is tried again while it is open (at
 * once when the system says the network is back).
 */
import { useEffect, useState } from 'react';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { openStatuses } from '#shared/vocabulary/enums.ts';
import type { DeskDatabase } from '../../db/database.ts';
import { keepFetchedTimeline } from '../../db/eventRepository.ts';
import type { ApiClient } from '../../sync/apiClient.ts';

export type FinishedTimeline = 'whole' | 'fetching' | 'partOnServer';

const retryMs = 15_000;
/** Tickets whose timeline was fetched and kept in this session, per database: not fetched again. */
const kept = new WeakMap<DeskDatabase, Set<string>>();

/** Every ticket's timeline starts with its `created` entry; a finished one without it is partial. */
export function timelineIsPartial(ticket: Pick<Ticket, 'status'>, events: readonly Pick<TicketEvent, 'kind'>[]): boolean {
  return !openStatuses.includes(ticket.status) && !events.some((e) => e.kind === 'created');
}

export function useFinishedTimeline(
  db: DeskDatabase,
  api: Pick<ApiClient, 'ticketWithTimeline'>,
  ticket: Ticket | null | undefined,
  events: readonly TicketEvent[],
): FinishedTimeline {
  const finished = ticket ? !openStatuses.includes(ticket.status) : false;
  const ticketId = ticket?.id ?? null;
  /** The last answer, for the ticket it was about: another ticket's says nothing about this one. */
  const [answer, setAnswer] = useState<{ ticketId: string; kept: boolean } | null>(null);

  useEffect(() => {
    if (!finished || !ticketId) return;
    let held = kept.get(db);
    if (!held) kept.set(db, (held = new Set()));
    const keptIds = held;
    if (keptIds.has(ticketId)) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;
    const attempt = () => {
      if (inFlight || controller.signal.aborted) return;
      inFlight = true;
      clearTimeout(timer);
      api
        .ticketWithTimeline<Ticket, TicketEvent>(ticketId, controller.signal)
        .then((fetched) => keepFetchedTimeline(db, ticketId, fetched.events))
        .then(
          () => {
            keptIds.add(ticketId);
            if (!controller.signal.aborted) setAnswer({ ticketId, kept: true });
          },
          () => {
            if (controller.signal.aborted) return;
            setAnswer({ ticketId, kept: false });
            timer = setTimeout(attempt, retryMs);
          },
        )
        .finally(() => (inFlight = false));
    };
    attempt();
    window.addEventListener('online', attempt);
    return () => {
      window.removeEventListener('online', attempt);
      controller.abort();
      clearTimeout(timer);
    };
  }, [api, db, finished, ticketId]);

  if (!ticket || !timelineIsPartial(ticket, events)) return 'whole';
  if (kept.get(db)?.has(ticket.id)) return 'whole';
  return answer?.ticketId === ticket.id && !answer.kept ? 'partOnServer' : 'fetching';
}
