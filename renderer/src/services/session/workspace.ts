/**
 * The signed-in workspace: the local database, the API client, the server clock and the sync
 * engine for one endpoint and agent. Sign-in needs the network; everything after it works offline
 * (the profile is remembered, the token is kept by the Host).
 */
import { removeRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Host } from '#shared/host.ts';
import type { AgentProfile } from '#shared/protocol.ts';
import { databaseNameFor, openDatabase, type DeskDatabase } from '../../db/database.ts';
import type { WriteContext } from '../../db/writeContext.ts';
import { afterFirstScreen } from '../../state/firstScreen.ts';
import { ApiClient, normalizeBaseUrl } from '../../sync/apiClient.ts';
import { ServerClock } from '../../sync/clock.ts';
import { SyncEngine, type SyncStatus } from '../../sync/syncEngine.ts';
import { currentSlaSetup, followSlaConfig, resetSlaSetup } from './slaSetupStore.ts';
import { syncTuning } from './syncTuning.ts';

export interface Session {
  endpointUrl: string;
  agent: AgentProfile;
}

const sessionKey = 'pass24desk.session.v1';
/** At start-up replication waits for the first screen this long at most. */
const syncAfterFirstScreenMs = 1000;

export function loadSession(storage: Storage = localStorage): Session | null {
  try {
    const raw = storage.getItem(sessionKey);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return s?.agent?.id && s.endpointUrl ? s : null;
  } catch {
    return null;
  }
}

function saveSession(session: Session | null, storage: Storage = localStorage): void {
  if (session) storage.setItem(sessionKey, JSON.stringify(session));
  else storage.removeItem(sessionKey);
}

/** Signs in with login and password; the token goes to the Host, the profile to local storage. */
export async function signIn(host: Host, endpointUrl: string, login: string, password: string): Promise<Session> {
  const base = normalizeBaseUrl(endpointUrl);
  const api = new ApiClient({ baseUrl: base, getToken: () => null, clock: new ServerClock() });
  const res = await api.login(login.trim(), password);
  await host.setToken(res.token);
  const session: Session = { endpointUrl: base, agent: res.agent };
  saveSession(session);
  await host.setSettings({ lastLogin: res.agent.login });
  return session;
}

export interface Workspace {
  session: Session;
  db: DeskDatabase;
  api: ApiClient;
  clock: ServerClock;
  sync: SyncEngine;
  write: WriteContext;
  /** Stops following the config documents (the SLA setup goes back to the defaults). */
  stopConfig: () => void;
}

export class LocalDatabaseError extends Error {
  constructor(cause: unknown) {
    super('The local database could not be opened', { cause });
    this.name = 'LocalDatabaseError';
  }
}

export interface OpenWorkspaceOptions {
  onStatus?: (status: SyncStatus) => void;
  onSignedOut?: () => void;
  devMode?: boolean;
}

export async function openWorkspace(host: Host, session: Session, options: OpenWorkspaceOptions = {}): Promise<Workspace> {
  let token = await host.getToken();
  const clock = new ServerClock();
  let sync: SyncEngine | null = null;
  const api = new ApiClient({
    baseUrl: session.endpointUrl,
    getToken: () => token,
    clock,
    // Every answer, or failure to reach the endpoint, is news for the status bar.
    onReachability: (reachable, sentAt) => sync?.noteReachable(reachable, sentAt),
  });
  let db: DeskDatabase;
  try {
    db = await openDatabase({ name: databaseNameFor(session.endpointUrl), devMode: options.devMode ?? false });
  } catch (err) {
    throw new LocalDatabaseError(err);
  }
  sync = new SyncEngine({
    db,
    api,
    onStatus: options.onStatus,
    pollIntervalMs: syncTuning.pollIntervalMs,
    onSignedOut: () => {
      token = null;
      options.onSignedOut?.();
    },
  });
  const write: WriteContext = {
    actor: { id: session.agent.id, name: session.agent.name, role: session.agent.role },
    now: () => clock.now(),
    // Read at each write: the setup follows the config documents the head saves.
    get sla() {
      return currentSlaSetup();
    },
    newId: () => crypto.randomUUID(),
  };
  // Learn the server clock early (ignored when offline: the offset stays 0 until a response).
  void api.health().catch(() => undefined);
  // Replication starts once the queue's first rows are on screen (1 s at most): they come from the
  // local database, and a start-up's replication reads it too (checkpoints, local changes to push).
  if (token) sync.startWhen(afterFirstScreen(syncAfterFirstScreenMs));
  const configSub = followSlaConfig(db);
  const stopConfig = () => {
    configSub.unsubscribe();
    resetSlaSetup();
  };
  return { session, db, api, clock, sync, write, stopConfig };
}

/** Deletes the local copy so it is rebuilt from the server at the next start. */
export async function removeLocalDatabase(session: Session): Promise<void> {
  await removeRxDatabase(databaseNameFor(session.endpointUrl), getRxStorageDexie());
}

/**
 * Whether the local data may stay for whoever signs in next: nothing of this agent waits to be sent
 * (the outbox) or to be resolved (sync problems). Otherwise the next agent's replication would
 * push this agent's changes under the next agent's account.
 */
export async function localDataCanStay(db: DeskDatabase): Promise<boolean> {
  const [pending, problems] = await Promise.all([db.outbox.count().exec(), db.syncproblems.count().exec()]);
  return pending === 0 && problems === 0;
}

/**
 * After replication has stopped: keeps the working set for the next sign-in when nothing waits
 * (localDataCanStay), else removes the local database with what waits in it.
 */
export async function releaseLocalData(db: DeskDatabase): Promise<'kept' | 'removed'> {
  if (await localDataCanStay(db)) {
    await db.close();
    return 'kept';
  }
  await db.remove();
  return 'removed';
}

/**
 * Signs out: revokes the token (if reachable), stops sync, keeps or removes the local data
 * (releaseLocalData) and forgets the token.
 */
export async function signOut(host: Host, workspace: Workspace): Promise<'kept' | 'removed'> {
  await workspace.api.logout().catch(() => undefined);
  await workspace.sync.stop();
  workspace.stopConfig();
  const local = await releaseLocalData(workspace.db);
  await host.setToken(null);
  saveSession(null);
  return local;
}
