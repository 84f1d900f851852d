/** What the status bar shows about sync: connection state, pending changes, last sync, clock skew. */
import { create } from 'zustand';
import type { CollectionName } from '#shared/protocol.ts';
import type { ConnectionState } from '../sync/syncEngine.ts';

export interface ConnectionStore {
  state: ConnectionState;
  /** Local changes not yet acknowledged by the server (the outbox). */
  pending: number;
  /** Documents the server refused (the sync-problems list). */
  problems: number;
  lastSyncAt: number | null;
  /** Server clock minus local clock, ms. */
  clockSkewMs: number;
  /** Collections pulled since the start (before: an empty list is still loading). */
  caughtUp: readonly CollectionName[];
  /** Every open ticket is stored: the queue is complete, the history may still be arriving. */
  openTicketsIn: boolean;
}

export const useConnectionStore = create<ConnectionStore>(() => ({
  state: 'connecting',
  pending: 0,
  problems: 0,
  lastSyncAt: null,
  clockSkewMs: 0,
  caughtUp: [],
  openTicketsIn: false,
}));
