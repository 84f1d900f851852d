/**
 * The bench page: the renderer's own database and sync code (renderer/src/db, renderer/src/sync)
 * without the UI, driven from syncBench.ts through `window.syncBench`.
 */
import { filter, firstValueFrom, map, timeout, of, catchError } from 'rxjs';
import { collectionNames, type CollectionName, type PullResponse } from '#shared/protocol.ts';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { updateTicket } from '../../../../renderer/src/db/ticketRepository.ts';
import { appendEvents } from '../../../../renderer/src/db/eventRepository.ts';
import { markPending } from '../../../../renderer/src/db/outbox.ts';
import type { WriteContext } from '../../../../renderer/src/db/writeContext.ts';
import { ApiClient } from '../../../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../../../renderer/src/sync/clock.ts';
import { SyncEngine, deferredCollections, scopedCollections } from '../../../../renderer/src/sync/syncEngine.ts';
import type { FirstSyncResult, OpenOptions, RawInsertResult, RequestStats, SyncBenchApi } from './benchApi.ts';

interface Opened {
  db: DeskDatabase;
  api: ApiClient;
  sync: SyncEngine;
  write: WriteContext;
  token: string;
}

/** The parts of RxDB's internal replication state (replication-protocol/index.js) read for a stall. */
interface DebugState {
  firstSyncDone: { down: { getValue(): boolean }; up: { getValue(): boolean } };
  events: {
    active: { down: { getValue(): boolean }; up: { getValue(): boolean } };
    canceled: { getValue(): boolean };
    paused: { getValue(): boolean };
  };
  stats: unknown;
}

let opened: Opened | null = null;
/** The ticket timedLocalSave() edits. */
let saveTarget: string | null = null;
let probeTimer: ReturnType<typeof setInterval> | null = null;
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
  // Every argument passed on: the tickets' part is the last.
  client.pull = (name, ...rest) => {
    of(name).pulls++;
    return pull(name, ...rest);
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

type PulledDoc = { id: string; _deleted?: boolean };

/**
 * Pulls every page of the collections (1,000 documents a page) and hands each to `store`, which
 * returns how many documents it stored; only the time inside `store` counts as insert time.
 */
async function storePulledPages(
  client: ApiClient,
  collections: readonly CollectionName[],
  wallStarted: number,
  store: (name: CollectionName, documents: PulledDoc[]) => Promise<number>,
  /** Tickets and timeline under the working set's scope with this window, as the desk pulls them. */
  windowDays?: number,
): Promise<RawInsertResult> {
  const perCollection: RawInsertResult['collections'] = {};
  for (const name of collections) {
    const c = (perCollection[name] = { insertMs: 0, docs: 0 });
    let checkpoint: PullResponse<unknown>['checkpoint'] = null;
    for (;;) {
      const scoped = windowDays !== undefined && scopedCollections.includes(name);
      const page: PullResponse<PulledDoc> = await client.pull<PulledDoc>(name, checkpoint, 1000, scoped ? windowDays : undefined);
      if (page.documents.length === 0) break;
      const t = performance.now();
      c.docs += await store(name, page.documents);
      c.insertMs += performance.now() - t;
      checkpoint = page.checkpoint;
      if (page.documents.length < 1000) break;
    }
  }
  const all = Object.values(perCollection);
  return {
    insertMs: all.reduce((n, c) => n + c.insertMs, 0),
    docs: all.reduce((n, c) => n + c.docs, 0),
    collections: perCollection,
    wallMs: performance.now() - wallStarted,
  };
}

/** When the sync engine first said every open ticket was stored. */
let openTicketsAt = NaN;

const api: SyncBenchApi = {
  async open(options: OpenOptions) {
    const clock = new ServerClock();
    let token: string | null = null;
    const client = new ApiClient({ baseUrl: options.baseUrl, getToken: () => token, clock });
    const login = await client.login(options.login, options.password);
    token = login.token;
    countRequests(client);
    const db = await openDatabase({ name: options.dbName });
    const sync = new SyncEngine({
      db,
      api: client,
      onStatus: (s) => {
        if (s.openTicketsIn && Number.isNaN(openTicketsAt)) openTicketsAt = performance.now();
      },
      ...(options.noDefer ? { deferred: [] } : {}),
      workingSet: options.workingSet ?? true,
    });
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

  async sync(options = {}): Promise<FirstSyncResult> {
    const { db, sync } = need();
    const started = performance.now();
    requests.clear();
    openTicketsAt = NaN;
    sync.start();
    const done = {} as Record<CollectionName, number>;
    for (const name of collectionNames) done[name] = NaN;
    const awaited = options.usableOnly ? collectionNames.filter((c) => !deferredCollections.includes(c)) : collectionNames;
    await Promise.all(
      awaited.map(async (name) => {
        await sync.awaitInitialReplicationOf(name);
        done[name] = performance.now() - started;
        console.info(
          `[bench] ${name} done after ${(done[name] / 1000).toFixed(1)} s (at ${(performance.now() / 1000).toFixed(2)} s)`,
        );
      }),
    );
    const totalMs = performance.now() - started;
    // The deferred collections are not measured: stop them rather than let them load the page.
    if (options.usableOnly) await sync.stop();
    const collections = {} as FirstSyncResult['collections'];
    for (const name of collectionNames) {
      const { pulls, pushes, pushedRows } = requests.get(name) ?? noRequests();
      collections[name] = { doneMs: done[name], docs: await db[name].count().exec(), pulls, pushes, pushedRows };
    }
    return { totalMs, openTicketsMs: openTicketsAt - started, collections };
  },

  async rawInsert(collections: CollectionName[], windowDays?: number): Promise<RawInsertResult> {
    const { api: client } = need();
    const wallStarted = performance.now();
    const idb = await openRawDatabase('syncbench_raw', collections);
    try {
      return await storePulledPages(
        client,
        collections,
        wallStarted,
        async (name, documents) => {
          await putAll(idb, name, documents);
          return documents.length;
        },
        windowDays,
      );
    } finally {
      idb.close();
      await idbRequest(indexedDB.deleteDatabase('syncbench_raw'));
    }
  },

  async rxdbInsert(collections: CollectionName[]): Promise<RawInsertResult> {
    const { api: client } = need();
    await api.close();
    const wallStarted = performance.now();
    const db = await openDatabase({ name: 'syncbench_rxonly' });
    try {
      return await storePulledPages(client, collections, wallStarted, async (name, documents) => {
        const collection = db[name] as unknown as { bulkInsert(docs: unknown[]): Promise<{ error: unknown[] }> };
        // As a replication would store them: the live ones, without the wire's deletion flag.
        const docs = documents.filter((d) => !d._deleted).map(({ _deleted: _, ...doc }) => doc);
        const { error } = await collection.bulkInsert(docs);
        if (error.length > 0) throw new Error(`${error.length} ${name} refused by RxDB`);
        return docs.length;
      });
    } finally {
      await db.remove();
    }
  },

  async ticketIds(skip: number, count: number) {
    const docs = await need()
      .db.tickets.find({ sort: [{ id: 'asc' }], skip, limit: count })
      .exec();
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

  async counts() {
    const { db } = need();
    const out = {} as Record<CollectionName, number>;
    for (const name of collectionNames) out[name] = await db[name].count().exec();
    return out;
  },

  async storageBytes() {
    const estimate = await navigator.storage.estimate();
    return estimate.usage ?? NaN;
  },

  async timedLocalSave() {
    const { db, write } = need();
    saveTarget ??= (await db.tickets.findOne({ selector: {}, sort: [{ id: 'asc' }] }).exec())?.id ?? null;
    if (!saveTarget) return null;
    const started = performance.now();
    await updateTicket(db, saveTarget, { subject: `Шлагбаум не открывается [bench-save-${Date.now()}]` }, write);
    return performance.now() - started;
  },

  startProbe(everyMs: number) {
    const { db, write } = need();
    const started = performance.now();
    let busy = false;
    probeTimer = setInterval(() => {
      if (busy) return;
      busy = true;
      void (async () => {
        const at = `${((performance.now() - started) / 1000).toFixed(1)} s (timeline: ${await db.events.count().exec()} stored, ${requests.get('events')?.pulls ?? 0} pages fetched)`;
        const t0 = performance.now();
        const count = await db.tickets.count().exec();
        const t1 = performance.now();
        saveTarget ??= (await db.tickets.findOne({ selector: {}, sort: [{ id: 'asc' }] }).exec())?.id ?? null;
        const t2 = performance.now();
        if (saveTarget) {
          const doc = await db.tickets.findOne(saveTarget).exec();
          const t3 = performance.now();
          await updateTicket(db, saveTarget, { subject: `Шлагбаум не открывается [bench-save-${Date.now()}]` }, write);
          const t4 = performance.now();
          // The save's parts one by one: the ticket, the outbox, a timeline entry.
          await doc!.getLatest().incrementalPatch({ description: `Проба ${Date.now()}` });
          const t5 = performance.now();
          await markPending(db.outbox, 'tickets', [saveTarget], Date.now());
          const t6 = performance.now();
          await appendEvents(db, saveTarget, [{ kind: 'note', public: false, body: 'Проба записи', data: {} }], write);
          const t7 = performance.now();
          const ms = (a: number, b: number) => Math.round(b - a);
          console.info(
            `[bench] probe at ${at}: count ${count} in ${ms(t0, t1)} ms, first by id ${ms(t1, t2)} ms, read by id ${ms(t2, t3)} ms, save ${ms(t3, t4)} ms` +
              ` (parts: ticket ${ms(t4, t5)} ms, outbox ${ms(t5, t6)} ms, timeline entry + outbox ${ms(t6, t7)} ms)`,
          );
        } else {
          console.info(`[bench] probe at ${at}: count ${count} in ${Math.round(t1 - t0)} ms, no ticket yet`);
        }
        busy = false;
      })();
    }, everyMs);
  },

  stopProbe() {
    if (probeTimer) clearInterval(probeTimer);
    probeTimer = null;
  },

  replicationDebug() {
    // The engine's replications are private: read them for diagnosis only.
    const engine = need().sync as unknown as { replications: Map<string, { internalReplicationState?: DebugState }> };
    const out: Record<string, unknown> = {};
    for (const [name, r] of engine.replications) {
      const s = r.internalReplicationState;
      out[name] = s
        ? {
            firstSyncDone: { down: s.firstSyncDone.down.getValue(), up: s.firstSyncDone.up.getValue() },
            active: { down: s.events.active.down.getValue(), up: s.events.active.up.getValue() },
            canceled: s.events.canceled.getValue(),
            paused: s.events.paused.getValue(),
            stats: s.stats,
          }
        : 'not started';
    }
    return out;
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
