/**
 * The lifecycle of the signed-in workspace, for the UI: boot (restore the session, or sign in to
 * the embedded endpoint automatically), sign in, sign out, rebuild a broken local database.
 * Drives the status bar's connection store.
 */
import { create } from 'zustand';
import type { Subscription } from 'rxjs';
import type { Host } from '#shared/host.ts';
import { useConnectionStore } from '../../state/connectionStore.ts';
import { setTickerOffset } from '../../state/ticker.ts';
import { ApiRequestError } from '../../sync/apiClient.ts';
import {
  LocalDatabaseError,
  loadSession,
  openWorkspace,
  removeLocalDatabase,
  signIn as signInRequest,
  signOut as signOutRequest,
  type Session,
  type Workspace,
} from './workspace.ts';

export type WorkspacePhase = 'booting' | 'signed_out' | 'opening' | 'ready' | 'db_error';

/** A sign-in failure the form shows: a code translated by i18n (`signin.errors.<code>`) and the server's sentence. */
export interface SignInFailure {
  code: 'network' | 'bad_credentials' | 'rate_limited' | 'server' | 'invalid_url';
  detail: string;
}

interface WorkspaceState {
  phase: WorkspacePhase;
  workspace: Workspace | null;
  session: Session | null;
  dbError: string | null;
  /** True when the token expired while working: the data stays, the form asks to sign in again. */
  expired: boolean;
  boot(host: Host): Promise<void>;
  signIn(host: Host, endpointUrl: string, login: string, password: string): Promise<SignInFailure | null>;
  signOut(host: Host): Promise<void>;
  rebuildLocalDatabase(host: Host): Promise<void>;
}

let subscriptions: Subscription[] = [];

function failureOf(err: unknown): SignInFailure {
  if (err instanceof ApiRequestError) {
    if (err.kind === 'network') return { code: 'network', detail: err.message };
    if (err.status === 401 || err.status === 403) return { code: 'bad_credentials', detail: err.message };
    if (err.status === 429) return { code: 'rate_limited', detail: err.message };
    return { code: 'server', detail: err.message };
  }
  if (err instanceof TypeError) return { code: 'invalid_url', detail: err.message };
  return { code: 'server', detail: String(err) };
}

async function open(host: Host, session: Session, set: (s: Partial<WorkspaceState>) => void): Promise<void> {
  set({ phase: 'opening', session });
  for (const s of subscriptions) s.unsubscribe();
  subscriptions = [];
  try {
    const workspace = await openWorkspace(host, session, {
      devMode: import.meta.env.DEV,
      onStatus: (status) =>
        useConnectionStore.setState({
          state: status.state,
          lastSyncAt: status.lastSyncAt,
          caughtUp: status.caughtUp,
          openTicketsIn: status.openTicketsIn,
        }),
      onSignedOut: () => set({ expired: true }),
    });
    subscriptions.push(workspace.db.outbox.count().$.subscribe((pending) => useConnectionStore.setState({ pending })));
    subscriptions.push(workspace.db.syncproblems.count().$.subscribe((problems) => useConnectionStore.setState({ problems })));
    const syncClock = () => {
      useConnectionStore.setState({ clockSkewMs: workspace.clock.offset });
      setTickerOffset(workspace.clock.offset);
    };
    // At once on a large change (the first answers of the server), and every 5 s for small drift.
    syncClock();
    const stopListening = workspace.clock.onChange(syncClock);
    const skewTimer = setInterval(syncClock, 5_000);
    subscriptions.push({
      unsubscribe: () => {
        clearInterval(skewTimer);
        stopListening();
      },
    } as Subscription);
    set({ phase: 'ready', workspace, dbError: null, expired: false });
  } catch (err) {
    if (err instanceof LocalDatabaseError) {
      console.error('local database', err.cause);
      set({ phase: 'db_error', dbError: String((err.cause as Error)?.message ?? err.cause) });
      return;
    }
    throw err;
  }
}

export const useWorkspaceStore = create<WorkspaceState>((set, get) => ({
  phase: 'booting',
  workspace: null,
  session: null,
  dbError: null,
  expired: false,

  async boot(host) {
    const session = loadSession();
    if (session && (await host.getToken())) {
      await open(host, session, set);
      return;
    }
    // No session: with no endpoint configured, sign in to the embedded one (demo workspace).
    const settings = await host.getSettings();
    const embedded = settings.endpointUrl ? null : await host.embeddedEndpoint().catch(() => null);
    if (embedded) {
      const failure = await get().signIn(host, embedded.url, embedded.login, embedded.password);
      if (!failure) return;
    }
    useConnectionStore.setState({ state: 'signed_out' });
    set({ phase: 'signed_out' });
  },

  async signIn(host, endpointUrl, login, password) {
    try {
      const session = await signInRequest(host, endpointUrl, login, password);
      const previous = get().workspace;
      if (previous) {
        previous.stopConfig();
        await previous.sync.stop();
      }
      await open(host, session, set);
      return null;
    } catch (err) {
      return failureOf(err);
    }
  },

  async signOut(host) {
    const ws = get().workspace;
    for (const s of subscriptions) s.unsubscribe();
    subscriptions = [];
    if (ws) await signOutRequest(host, ws);
    useConnectionStore.setState({
      state: 'signed_out',
      pending: 0,
      problems: 0,
      lastSyncAt: null,
      caughtUp: [],
      openTicketsIn: false,
    });
    set({ phase: 'signed_out', workspace: null, session: null, expired: false });
  },

  async rebuildLocalDatabase(host) {
    const session = get().session;
    if (!session) return;
    await removeLocalDatabase(session);
    await open(host, session, set);
  },
}));
