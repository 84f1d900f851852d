/** Search as you type: the endpoint asked a moment after the last key, earlier answers dropped. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Ticket } from '#shared/schema/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { searchArchive, type ArchiveFilters } from './archiveSearch.ts';

const typingPauseMs = 250;

export interface ArchiveSearchState {
  tickets: Ticket[];
  nextCursor: string | null;
  source: 'server' | 'local';
  loading: boolean;
  error: string | null;
  more(): void;
}

export function useArchiveSearch(filters: ArchiveFilters): ArchiveSearchState {
  const { api, db } = useWorkspace();
  const [state, setState] = useState<Omit<ArchiveSearchState, 'more'>>({
    tickets: [],
    nextCursor: null,
    source: 'server',
    loading: true,
    error: null,
  });
  const current = useRef<AbortController | null>(null);
  const { q, status, clientId } = filters;

  useEffect(() => {
    const controller = new AbortController();
    current.current?.abort();
    current.current = controller;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      searchArchive(api, db, { q, status, clientId }, null, controller.signal).then(
        (page) => !controller.signal.aborted && setState({ ...page, loading: false, error: null }),
        (err: Error) =>
          !controller.signal.aborted &&
          setState({ tickets: [], nextCursor: null, source: 'server', loading: false, error: err.message }),
      );
    }, typingPauseMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, db, q, status, clientId]);

  const more = useCallback(() => {
    const cursor = state.nextCursor;
    if (!cursor) return;
    const controller = current.current ?? new AbortController();
    setState((s) => ({ ...s, loading: true }));
    searchArchive(api, db, { q, status, clientId }, cursor, controller.signal).then(
      (page) =>
        !controller.signal.aborted &&
        setState((s) => ({ ...page, tickets: [...s.tickets, ...page.tickets], loading: false, error: null })),
      (err: Error) => !controller.signal.aborted && setState((s) => ({ ...s, loading: false, error: err.message })),
    );
  }, [api, db, q, status, clientId, state.nextCursor]);

  return { ...state, more };
}
