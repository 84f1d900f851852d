/**
 * The bench page: the renderer's own database and sync code (renderer/src/db, renderer/src/sync)
 * without the UI, driven from syncBench.ts through `window.syncBench`.
 */
import { filter, firstValueFrom, map, timeout, of, catchError } from 'rxjs';
import { collectionNames, type CollectionName, type PullResponse } from '#shared/protocol.ts';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { updateTicket } from '../../../../renderer/src/db/ticketRepository.ts';
import type { WriteContext } from '../../../../renderer/src/db/writeContext.ts';
import { ApiClient } from '../../../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../../../renderer/src/sync/clock.ts';
import { SyncEngine } from '../../../../renderer/src/sync/syncEngine.ts';
import type { FirstSyncResult, OpenOptions, RawInsertResult, RequestStats, SyncBenchApi } from './benchApi.ts';

interface Opened {
  db: DeskDatabase;
  api: ApiClient;
  sync: SyncEngine;
  write: WriteContext;
  token: string;
}

let opened: Opened | null = null;
/** Requests per collection, counted around the ApiClient (reset by sync() and requestStats()). */
const requests = new Map<CollectionName, RequestStats>();
const noRequests = (): RequestStats => ({ pulls: 0, pushes: 0, pushedRows: 0, pushMs: 0 });

function countRequests(client: ApiClient): void {
  const of = (name: CollectionName) => {
    let r = requests.get(name);
    if (!r) requests.set(name, (r = noRequests()));
    return r;
  };
  const pull = client.pull.bind(client);
  const push = client.push.bind(client);
  client.pull = (name, checkpoint, limit) => {
    of(name).pulls++;
    return pull(name, checkpoint, limit);
  };
  client.push = async (name, rows) => {
    const r = of(name);
    r.pushes++;
    r.pushedRows += rows.length;
    const started = performance.now();
    try {
      return await push(name, rows);
    } finally {
      r.pushMs += performance.now() - started;
    }
  };
}

const markersSeen = new Map<string, number>();
const markerListeners = new Set<() => void>();

function need(): Opened {
  if (!opened) throw new Error('syncBench.open() first');
  return opened;
}

/** The subject's trailing `[marker]`, as the bench writes it. */
function markerOf(subject: unknown): string | null {
  if (typeof subject !== 'string') return null;
  const m = /\[(bench-[^\]]+)\]$/.exec(subject);
  return m ? m[1]! : null;
}

function idbRequest<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function openRawDatabase(name: string, stores: readonly string[]): Promise<IDBDatabase> {
  await idbRequest(indexedDB.deleteDatabase(name));
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    for (const s of stores) open.result.createObjectStore(s, { keyPath: 'id' });
  };
  return idbRequest(open);
}

function putAll(idb: IDBDatabase, store: string, docs: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(store, 'readwrite', { durability: 'default' });
    const os = tx.objectStore(store);
    for (const d of docs) os.put(d);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

const api: SyncBenchApi = {
  async open(options: OpenOptions) {
    const clock = new ServerClock();
    let token: string | null = null;
    const client = new ApiClient({ baseUrl: options.baseUrl, getToken: () => token, clock });
    const login = await client.login(options.login, options.password);
    token = login.token;
    countRequests(client);
    const db = await openDatabase({ name: options.dbName });
    const sync = new SyncEngine({ db, api: client });
    const write: WriteContext = {
      actor: { id: login.agent.id, name: login.agent.name, role: login.agent.role },
      now: () => clock.now(),
      sla: defaultSlaSetup(),
      newId: () => crypto.randomUUID(),
    };
    opened = { db, api: client, sync, write, token };
    await client.health();
    return { agentId: login.agent.id };
  },

  async sync(): Promise<FirstSyncResult> {
    const { db, sync } = need();
    const started = performance.now();
    requests.clear();
    sync.start();
    const done = {} as Record<CollectionName, number>;
    await Promise.all(
      collectionNames.map(async (name) => {
        await sync.awaitInitialReplicationOf(name);
        done[name] = performance.now() - started;
        console.info(`[bench] ${name} done after ${(done[name] / 1000).toFixed(1)} s`);
      }),
    );
    const totalMs = performance.now() - started;
    const collections = {} as FirstSyncResult['collections'];
    for (const name of collectionNames) {
      const { pulls, pushes, pushedRows } = requests.get(name) ?? noRequests();
      collections[name] = { doneMs: done[name], docs: await db[name].count().exec(), pulls, pushes, pushedRows };
    }
    return { totalMs, collections };
  },

  async rawInsert(collections: CollectionName[]): Promise<RawInsertResult> {
    const { api: client } = need();
    const wallStarted = performance.now();
    const idb = await openRawDatabase('syncbench_raw', collections);
    const perCollection: RawInsertResult['collections'] = {};
    try {
      for (const name of collections) {
        const c = (perCollection[name] = { insertMs: 0, docs: 0 });
        let checkpoint: PullResponse<unknown>['checkpoint'] = null;
        for (;;) {
          const page: PullResponse<{ id: string }> = await client.pull<{ id: string }>(name, checkpoint, 1000);
          if (page.documents.length === 0) break;
          const t = performance.now();
          await putAll(idb, name, page.documents);
          c.insertMs += performance.now() - t;
          c.docs += page.documents.length;
          checkpoint = page.checkpoint;
          if (page.documents.length < 1000) break;
        }
      }
    } finally {
      idb.close();
      await idbRequest(indexedDB.deleteDatabase('syncbench_raw'));
    }
    const all = Object.values(perCollection);
    return {
      insertMs: all.reduce((n, c) => n + c.insertMs, 0),
      docs: all.reduce((n, c) => n + c.docs, 0),
      collections: perCollection,
      wallMs: performance.now() - wallStarted,
    };
  },

  async ticketIds(skip: number, count: number) {
    const docs = await need().db.tickets.find({ sort: [{ id: 'asc' }], skip, limit: count }).exec();
    return docs.map((d) => d.id);
  },

  watchMarkers() {
    const { db } = need();
    db.tickets.$.subscribe((event) => {
      const marker = markerOf((event.documentData as { subject?: unknown } | undefined)?.subject);
      if (!marker || markersSeen.has(marker)) return;
      markersSeen.set(marker, Date.now());
      for (const l of markerListeners) l();
    });
  },

  markerSeenAt(marker: string) {
    return markersSeen.get(marker) ?? null;
  },

  waitForMarker(marker: string, timeoutMs: number) {
    return api.waitForMarkers([marker], timeoutMs);
  },

  waitForMarkers(markers: string[], timeoutMs: number) {
    return new Promise<number | null>((resolve) => {
      const check = () => {
        let last = 0;
        for (const m of markers) {
          const at = markersSeen.get(m);
          if (at === undefined) return false;
          last = Math.max(last, at);
        }
        finish(last);
        return true;
      };
      const timer = setTimeout(() => finish(null), timeoutMs);
      const finish = (at: number | null) => {
        clearTimeout(timer);
        markerListeners.delete(listener);
        resolve(at);
      };
      const listener = () => void check();
      markerListeners.add(listener);
      check();
    });
  },

  async editSubject(ticketId: string, marker: string) {
    const { db, write } = need();
    const doc = await db.tickets.findOne(ticketId).exec();
    if (!doc) throw new Error(`ticket ${ticketId} not found`);
    const subject = `${doc.subject.replace(/ \[bench-[^\]]+\]$/, '')} [${marker}]`.slice(-300);
    const at = Date.now();
    await updateTicket(db, ticketId, { subject }, write);
    return at;
  },

  async editSubjects(edits) {
    const started = performance.now();
    for (const e of edits) await api.editSubject(e.ticketId, e.marker);
    return performance.now() - started;
  },

  outboxCount() {
    return need().db.outbox.count().exec();
  },

  waitForEmptyOutbox(timeoutMs: number) {
    return firstValueFrom(
      need()
        .db.outbox.count()
        .$.pipe(
          filter((n) => n === 0),
          map(() => Date.now()),
          timeout(timeoutMs),
          catchError(() => of(null)),
        ),
    );
  },

  requestStats(reset: boolean) {
    const stats = Object.fromEntries(requests) as Partial<Record<CollectionName, RequestStats>>;
    if (reset) requests.clear();
    return stats;
  },

  syncProblemCount() {
    return need().db.syncproblems.count().exec();
  },

  async close() {
    if (!opened) return;
    await opened.sync.stop();
    await opened.db.close();
    opened = null;
  },
};

window.syncBench = api;
document.title = 'sync bench ready';
