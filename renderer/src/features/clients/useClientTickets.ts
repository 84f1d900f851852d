/**
 * Every ticket of a client, from the endpoint's archive (open, recent and archived), page after
 * page up to a bound; offline, the client's tickets this desk keeps, said as such.
 */
import { useEffect, useState } from 'react';
import type { Ticket } from '#shared/schema/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { searchArchive } from '../archive/index.ts';

/** Far beyond a client's history; the page says when there are more. */
const maxTickets = 1000;

export interface ClientTickets {
  tickets: Ticket[];
  source: 'server' | 'local';
  loading: boolean;
  truncated: boolean;
  error: string | null;
}

export function useClientTickets(clientId: string): ClientTickets {
  const { api, db } = useWorkspace();
  const [state, setState] = useState<ClientTickets>({
    tickets: [],
    source: 'server',
    loading: true,
    truncated: false,
    error: null,
  });
  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      const tickets: Ticket[] = [];
      let cursor: string | null = null;
      let source: 'server' | 'local' = 'server';
      try {
        do {
          const page = await searchArchive(api, db, { q: '', status: null, clientId }, cursor, controller.signal);
          tickets.push(...page.tickets);
          cursor = page.nextCursor;
          source = page.source;
        } while (cursor && tickets.length < maxTickets && !controller.signal.aborted);
        if (!controller.signal.aborted) setState({ tickets, source, loading: false, truncated: cursor !== null, error: null });
      } catch (err) {
        if (!controller.signal.aborted) {
          setState({
            tickets,
            source,
            loading: false,
            truncated: false,
            error: err instanceof Error ? err.message : String(err),
          });
        }
      }
    })();
    return () => controller.abort();
  }, [api, db, clientId]);
  return state;
}
