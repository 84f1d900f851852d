/**
 * Replication of every collection with the central endpoint (docs/sync.md):
 * RxDB's replicateRxCollection with our pull, push and live-stream handlers. Conflicts are merged
 * by the collections' conflict handlers (renderer/src/db/conflictHandler.ts); refused documents go
 * to the sync-problems list while the rest of the batch syncs; the outbox counts what is pending.
 */
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxCollection } from 'rxdb';
import { Subject, type Subscription } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import {
  collectionNames,
  pullOnlyCollections,
  type Checkpoint,
  type CollectionName,
  type PushRow,
  type WithDeleted,
} from '#shared/protocol.ts';
import type { DeskDatabase } from '../db/database.ts';
import { resolvesToMaster } from '../db/conflictHandler.ts';
import { clearPending, markAcknowledged } from '../db/outbox.ts';
import { clearProblems, recordRejections } from '../db/syncProblemRepository.ts';
import { ApiRequestError, type ApiClient } from './apiClient.ts';
import {
  connectionStateOf,
  initialConnectionFacts,
  nextConnectionFacts,
  type ConnectionFacts,
  type ConnectionSignal,
  type ConnectionState,
} from '#shared/sync/connectionState.ts';
import { checkpointAtLeast, mustBeStoredBeforeNextPull } from '#shared/sync/pullPacing.ts';
import { openEventStream, type EventStream, type StreamItem } from './eventStream.ts';
import {
  defaultClosedWindowDays,
  inWorkingSet,
  workingSetConfigKey,
  workingSetConfigOf,
  type ScopedTicket,
} from '#shared/sync/workingSet.ts';
import {
  checkpointForWindow,
  dropAgedOut,
  localWindowDays,
  narrowStoredCheckpoint,
  StrayEvents,
  type ScopedCheckpoint,
} from './workingSetKeeper.ts';

export type { ConnectionState } from '#shared/sync/connectionState.ts';

export interface SyncStatus {
  state: ConnectionState;
  /** Server-corrected instant of the last successful pull or push. */
  lastSyncAt: number | null;
  /** Collections whose first pull since the start is done (an empty queue before: "loading"). */
  caughtUp: readonly CollectionName[];
}

export interface SyncEngineOptions {
  db: DeskDatabase;
  api: ApiClient;
  onStatus?: (status: SyncStatus) => void;
  /** A 401: the token expired or was revoked. */
  onSignedOut?: () => void;
  /** Pull batch size: large batches make the first sync of a big workspace fast. */
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** Collections started after the others' first pull (default: deferredCollections). */
  deferred?: readonly CollectionName[];
  /**
   * Pull tickets and their timeline under the working set's scope and drop what ages out
   * (default true); false replicates every collection whole.
   */
  workingSet?: boolean;
  /** How long a streamed timeline entry whose ticket is not local waits for it (default two minutes). */
  strayGraceMs?: number;
}

/** The collections a working-set pull scopes; the others are replicated whole. */
export const scopedCollections: readonly CollectionName[] = ['tickets', 'events'];
/** How often what has aged out is dropped while the desk runs (a ticket leaves the window as time passes). */
const dropIntervalMs = 10 * 60_000;

/**
 * Collections with a live stream. Browsers open at most six HTTP/1.1 connections per host, so
 * streaming all seven collections would leave no connection for pushes; the rest are pulled on
 * every reconnect and periodically.
 */
export const streamedCollections: readonly CollectionName[] = ['tickets', 'events', 'kb', 'config'];
const pollIntervalMs = 30_000;

/**
 * Collections whose replication starts once the others have finished their first pull. The
 * timeline is by far the largest collection (about a dozen entries per ticket): pulled alongside,
 * it competes with the queue and the KB for the endpoint and for IndexedDB, and a first sync shows
 * an empty queue until nearly everything has arrived. The wait is bounded, so a collection that
 * cannot sync does not hold the timeline back.
 */
export const deferredCollections: readonly CollectionName[] = ['events', 'kb'];
const deferredStartLimitMs = 180_000;

/** Pages fetched ahead of what the local database has stored (shared/sync/pullPacing.ts). */
const pullPagesAhead = 2;
/** A page whose storing never shows (a failed write) holds the next pull back this long at most. */
const pullPacingLimitMs = 10_000;
const pullPacingPollMs = 20;

type AnyDoc = Record<string, unknown> & { id: string };

/**
 * Pulled documents in id order. RxDB stamps every document of one bulk write with the same
 * `_meta.lwt` and takes the bulk's last row as the checkpoint of its push side, which reads the
 * local changes in (lwt, id) order: the rows of a bulk with a greater id than the last one would be
 * read again at the next start, and a first sync writes bulks of thousands. With each page in id
 * order the last row is (nearly) the greatest.
 */
function inIdOrder<T extends { id: string }>(docs: T[]): T[] {
  return docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function labelOf(doc: AnyDoc): string {
  const label = doc.subject ?? doc.title ?? doc.name ?? doc.body ?? doc.id;
  return String(label).slice(0, 300);
}

export class SyncEngine {
  private readonly options: SyncEngineOptions;
  private readonly replications = new Map<CollectionName, RxReplicationState<AnyDoc, Checkpoint>>();
  private readonly streams = new Map<CollectionName, EventStream<AnyDoc>>();
  private readonly subscriptions: Subscription[] = [];
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private facts: ConnectionFacts = initialConnectionFacts;
  /** Collections whose first pull (since start) is done. */
  private readonly caughtUp = new Set<CollectionName>();
  private lastSyncAt: number | null = null;
  private lastEmitted = '';
  private stopped = false;
  /** Bumped by start and stop: a pending startWhen whose number is no longer current does nothing. */
  private startGeneration = 0;
  private deferredTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly onBrowserOnline = () => this.reconnectNow();
  /** The system says the network is gone: show it now rather than at the next failed request. */
  private readonly onBrowserOffline = () => this.note({ type: 'system_offline', at: Date.now() });
  /** `${collection}:${id}` of local copies removed because the server never stored them. */
  private readonly localOnlyDeletions = new Set<string>();
  /** The working set's window in days, once read from the local config (see start). */
  private windowDays = defaultClosedWindowDays;
  private windowRead: Promise<number> = Promise.resolve(defaultClosedWindowDays);
  private dropTimer: ReturnType<typeof setInterval> | null = null;
  private dropping: Promise<string[]> | null = null;
  private readonly strays: StrayEvents;

  constructor(options: SyncEngineOptions) {
    this.options = options;
    this.strays = new StrayEvents(options.strayGraceMs ?? 120_000);
  }

  private get deferred(): readonly CollectionName[] {
    return this.options.deferred ?? deferredCollections;
  }

  private get workingSet(): boolean {
    return this.options.workingSet ?? true;
  }

  private scoped(name: CollectionName): boolean {
    return this.workingSet && scopedCollections.includes(name);
  }

  /**
   * Drops locally what is out of the working set now (docs/sync.md, "Ageing out"); answers the
   * tickets dropped. Calls made while one runs share it.
   */
  dropAgedOut(): Promise<string[]> {
    if (!this.workingSet) return Promise.resolve([]);
    this.dropping ??= (async () => {
      try {
        const days = await this.windowRead;
        for (const name of scopedCollections) await this.narrowCheckpoint(name, days);
        const dropped = await dropAgedOut(this.options.db, this.options.api.clock.now(), days);
        await this.strays.drop(this.options.db, Date.now());
        return dropped;
      } finally {
        this.dropping = null;
      }
    })();
    return this.dropping;
  }

  private narrowCheckpoint(name: CollectionName, days: number): Promise<boolean> {
    return narrowStoredCheckpoint(this.replications.get(name)?.internalReplicationState, days);
  }

  /** Follows the workspace setting: a new window is pulled with at once, and what leaves it dropped. */
  private followWindow(): void {
    const { db } = this.options;
    this.windowRead = localWindowDays(db).then((days) => (this.windowDays = days));
    this.subscriptions.push(
      db.config.findOne(workingSetConfigKey).$.subscribe((doc) => {
        const days = workingSetConfigOf(doc?.value).closedWindowDays;
        if (days === this.windowDays) return;
        this.windowDays = days;
        this.windowRead = Promise.resolve(days);
        for (const name of scopedCollections) this.replications.get(name)?.reSync();
        void this.dropAgedOut().catch(() => undefined);
      }),
    );
  }

  get status(): SyncStatus {
    const state: ConnectionState = connectionStateOf(this.facts);
    return { state, lastSyncAt: this.lastSyncAt, caughtUp: [...this.caughtUp] };
  }

  private note(signal: ConnectionSignal): void {
    this.facts = nextConnectionFacts(this.facts, signal);
    this.emit();
  }

  private emit(): void {
    const s = this.status;
    const key = `${s.state}|${s.lastSyncAt}|${s.caughtUp.length}`;
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.options.onStatus?.(s);
  }

  /** Whether a request to the endpoint sent at `sentAt` (Date.now()) got an answer (the API client's reachability). */
  noteReachable(reachable: boolean, sentAt: number): void {
    this.note(reachable ? { type: 'request_answered', sentAt } : { type: 'request_unreachable', at: sentAt });
  }

  private noteSuccess(sentAt: number): void {
    this.lastSyncAt = this.options.api.clock.now();
    this.note({ type: 'request_answered', sentAt });
  }

  private noteFailure(err: unknown, sentAt: number): void {
    if (err instanceof ApiRequestError) {
      if (err.kind === 'network') this.note({ type: 'request_unreachable', at: sentAt });
      if (err.kind === 'unauthorized') this.markSignedOut();
    }
    this.emit();
  }

  private markSignedOut(): void {
    if (this.facts.signedOut) return;
    this.note({ type: 'signed_out' });
    this.options.onSignedOut?.();
  }

  /**
   * Starts once `ready` resolves (at start-up: the queue's first rows on screen, so replication's
   * first reads of the local database do not compete with them); an earlier start or a stop in
   * the meantime cancels it.
   */
  startWhen(ready: Promise<void>): void {
    const generation = ++this.startGeneration;
    void ready.then(() => {
      if (generation === this.startGeneration) this.start();
    });
  }

  start(): void {
    const { db } = this.options;
    this.startGeneration++;
    this.stopped = false;
    if (this.workingSet) {
      this.followWindow();
      // Also once the tickets' first pull is in (below).
      this.dropTimer = setInterval(() => void this.dropAgedOut().catch(() => undefined), dropIntervalMs);
    }
    for (const name of collectionNames) {
      const collection = db[name] as unknown as RxCollection<AnyDoc>;
      this.replications.set(name, this.replicate(name, collection));
    }
    this.startDeferred();
    for (const [name, r] of this.replications) {
      void r.awaitInitialReplication().then(
        () => {
          this.caughtUp.add(name);
          this.emit();
          if (name === 'tickets') void this.dropAgedOut().catch(() => undefined);
        },
        () => undefined,
      );
    }
    this.pollTimer = setInterval(() => this.poll(), pollIntervalMs);
    if (typeof window !== 'undefined') window.addEventListener('online', this.onBrowserOnline);
    if (typeof window !== 'undefined') window.addEventListener('offline', this.onBrowserOffline);
    void Promise.all([...this.replications.values()].map((r) => r.awaitInitialReplication())).then(
      () => this.note({ type: 'initial_sync_done' }),
      () => undefined,
    );
    this.emit();
  }

  /** Starts the deferred collections after the others' first pull, or after the time limit. */
  private startDeferred(): void {
    const first = [...this.replications]
      .filter(([name]) => !this.deferred.includes(name))
      .map(([, r]) => r.awaitInitialReplication().catch(() => undefined));
    const limit = new Promise<void>((resolve) => {
      this.deferredTimer = setTimeout(resolve, deferredStartLimitMs);
    });
    void Promise.race([Promise.all(first), limit]).then(() => {
      if (this.deferredTimer) clearTimeout(this.deferredTimer);
      if (this.stopped) return;
      for (const name of this.deferred) void this.replications.get(name)?.start();
    });
  }

  private replicate(name: CollectionName, collection: RxCollection<AnyDoc>): RxReplicationState<AnyDoc, Checkpoint> {
    const { api, db } = this.options;
    /** Checkpoints of the last non-empty pages handed to RxDB. */
    const returned: Checkpoint[] = [];
    // `state` is the replication made below: the pull handler runs only once it has started.
    const storedCheckpoint = () =>
      state.internalReplicationState?.lastCheckpointDoc.down?.checkpointData as Checkpoint | undefined;
    const paceBeforePull = async (): Promise<void> => {
      const target = mustBeStoredBeforeNextPull(returned, pullPagesAhead);
      if (!target) return;
      const deadline = Date.now() + pullPacingLimitMs;
      while (!this.stopped && !checkpointAtLeast(storedCheckpoint(), target) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, pullPacingPollMs));
      }
    };
    let stream$: Subject<RxReplicationPullStreamItem<AnyDoc, Checkpoint>> | undefined;
    if (streamedCollections.includes(name)) {
      const stream = openEventStream<AnyDoc>({
        url: `${api.baseUrl}/api/replication/${name}/pull/stream`,
        headers: () => api.headers(),
        fetch: api.fetch,
        onConnection: (connection, attemptStartedAt) => {
          if (connection === 'connected') this.note({ type: 'stream_connected', collection: name, sentAt: attemptStartedAt });
          else if (connection === 'unreachable')
            this.note({ type: 'stream_unreachable', collection: name, at: attemptStartedAt });
          else this.note({ type: 'stream_ended', collection: name });
        },
        onUnauthorized: () => this.markSignedOut(),
      });
      this.streams.set(name, stream);
      stream$ = new Subject<RxReplicationPullStreamItem<AnyDoc, Checkpoint>>();
      const subject = stream$;
      this.subscriptions.push(
        stream.items$.subscribe((item: StreamItem<AnyDoc>) => {
          if (item === 'RESYNC') subject.next('RESYNC');
          else if (item.checkpoint) subject.next(this.fromStream(name, item.documents, item.checkpoint));
        }),
      );
    }

    const state = replicateRxCollection<AnyDoc, Checkpoint>({
      replicationIdentifier: `pass24-desk:${name}:${api.baseUrl}`,
      collection,
      deletedField: '_deleted',
      live: true,
      retryTime: 3_000,
      waitForLeadership: false,
      autoStart: !this.deferred.includes(name),
      toggleOnDocumentVisible: false,
      pull: {
        batchSize: this.options.pullBatchSize ?? 1000,
        handler: async (checkpoint, batchSize) => {
          await paceBeforePull();
          const sentAt = Date.now();
          try {
            if (!this.scoped(name)) {
              const res = await api.pull<AnyDoc>(name, checkpoint ?? null, batchSize);
              this.noteSuccess(sentAt);
              if (res.documents.length > 0 && res.checkpoint) {
                returned.push(res.checkpoint);
                if (returned.length > pullPagesAhead) returned.shift();
              }
              return { documents: inIdOrder(res.documents), checkpoint: res.checkpoint ?? checkpoint };
            }
            const days = await this.windowRead;
            await this.narrowCheckpoint(name, days);
            const from = checkpointForWindow(checkpoint as ScopedCheckpoint | undefined, days);
            const res = await api.pull<AnyDoc>(name, from, batchSize, days);
            this.noteSuccess(sentAt);
            if (res.documents.length > 0 && res.checkpoint) {
              returned.push(res.checkpoint);
              if (returned.length > pullPagesAhead) returned.shift();
            }
            const next = res.checkpoint ?? from;
            return { documents: inIdOrder(res.documents), checkpoint: next ? { ...next, windowDays: days } : checkpoint };
          } catch (err) {
            this.noteFailure(err, sentAt);
            throw err;
          }
        },
        ...(stream$ ? { stream$: stream$.asObservable() } : {}),
      },
      ...(pullOnlyCollections.includes(name)
        ? {}
        : {
            push: {
              batchSize: this.options.pushBatchSize ?? 200,
              handler: async (allRows) => {
                // Tickets and timeline entries are never deleted at the endpoint: a tombstone of
                // theirs is a local drop (aged out of the working set) and is never sent.
                const rows = allRows.filter(
                  (r) =>
                    !(
                      r.newDocumentState._deleted &&
                      (this.localOnlyDeletions.delete(`${name}:${r.newDocumentState.id}`) || this.scoped(name))
                    ),
                );
                if (rows.length === 0) return [];
                let res;
                const sentAt = Date.now();
                try {
                  res = await api.push<AnyDoc>(name, rows as Array<PushRow<AnyDoc>>);
                } catch (err) {
                  this.noteFailure(err, sentAt);
                  throw err;
                }
                this.noteSuccess(sentAt);
                const conflictIds = new Set(res.conflicts.map((d) => d.id));
                const rejectedIds = new Set(res.rejected.map((r) => r.id));
                const accepted = new Map<string, number>();
                for (const row of rows) {
                  const doc = row.newDocumentState as WithDeleted<AnyDoc>;
                  if (conflictIds.has(doc.id) || rejectedIds.has(doc.id)) continue;
                  accepted.set(doc.id, typeof doc.editedAt === 'number' ? doc.editedAt : typeof doc.at === 'number' ? doc.at : 0);
                }
                // A conflict whose merge is the server's state sends nothing more: it is settled too.
                for (const master of res.conflicts) {
                  const row = rows.find((r) => r.newDocumentState.id === master.id);
                  if (row && resolvesToMaster(name, row.assumedMasterState, row.newDocumentState, master))
                    accepted.set(master.id, 0);
                }
                await markAcknowledged(db.outbox, name, accepted);
                await clearProblems(db, name, accepted.keys());
                if (res.rejected.length > 0) {
                  const labels = new Map(rows.map((r) => [r.newDocumentState.id, labelOf(r.newDocumentState as AnyDoc)]));
                  await recordRejections(db, name, res.rejected, labels, api.clock.now());
                  // A refused change is a problem to resolve, no longer "waiting to be sent".
                  for (const r of res.rejected) await clearPending(db.outbox, name, r.id);
                }
                return res.conflicts;
              },
            },
          }),
    });
    this.subscriptions.push(state.error$.subscribe((err) => this.noteFailure(err?.parameters?.errors?.[0] ?? err, Date.now())));
    return state;
  }

  /**
   * A live-stream page as RxDB takes it. The stream is not scoped: under the working set, a
   * ticket out of the window is not stored, a timeline entry whose ticket does not arrive is
   * dropped after a grace period (StrayEvents), and the checkpoint carries the window like a
   * scoped pull's.
   */
  private fromStream(
    name: CollectionName,
    documents: Array<WithDeleted<AnyDoc>>,
    checkpoint: Checkpoint,
  ): { documents: Array<WithDeleted<AnyDoc>>; checkpoint: ScopedCheckpoint } {
    if (!this.scoped(name)) return { documents: inIdOrder(documents), checkpoint };
    const now = this.options.api.clock.now();
    if (name === 'events') this.strays.note(documents, Date.now());
    const kept =
      name === 'tickets'
        ? documents.filter((d) => d._deleted || inWorkingSet(d as unknown as ScopedTicket, now, this.windowDays))
        : documents;
    return { documents: inIdOrder(kept), checkpoint: { ...checkpoint, windowDays: this.windowDays } };
  }

  /**
   * The local copy of a document the server never stored is about to be removed (a discarded
   * refused change): its deletion stays local instead of being pushed, and refused, again.
   */
  keepDeletionLocal(name: CollectionName, id: string): void {
    this.localOnlyDeletions.add(`${name}:${id}`);
  }

  /**
   * The periodic pull, for collections without a live stream or whose stream is down. Never
   * during a collection's first pull: a RESYNC also makes RxDB's push side re-read every document
   * written since its last push checkpoint, and in a first sync that checkpoint trails the pull by
   * tens of thousands of documents: re-reading them slows the first sync down (docs/performance-sync.md).
   */
  private poll(): void {
    for (const [name, r] of this.replications) {
      if (!this.caughtUp.has(name)) continue;
      if (streamedCollections.includes(name) && this.facts.streamsUp.has(name)) continue;
      r.reSync();
    }
  }

  /** Pull everything new now (after the network returns, or on demand). */
  reSync(): void {
    for (const r of this.replications.values()) r.reSync();
  }

  reconnectNow(): void {
    for (const s of this.streams.values()) s.reconnectNow();
    this.reSync();
  }

  /** Resolves when every local change is pushed and every remote change pulled. */
  async awaitInSync(): Promise<void> {
    await Promise.all([...this.replications.values()].map((r) => r.awaitInSync()));
  }

  async awaitInitialReplication(): Promise<void> {
    await Promise.all([...this.replications.values()].map((r) => r.awaitInitialReplication()));
  }

  /** One collection's initial replication (progress of a first sync, collection by collection). */
  async awaitInitialReplicationOf(name: CollectionName): Promise<void> {
    await this.replications.get(name)?.awaitInitialReplication();
  }

  async stop(): Promise<void> {
    this.startGeneration++;
    this.stopped = true;
    if (this.deferredTimer) clearTimeout(this.deferredTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.dropTimer) clearInterval(this.dropTimer);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onBrowserOnline);
    if (typeof window !== 'undefined') window.removeEventListener('offline', this.onBrowserOffline);
    for (const s of this.streams.values()) s.close();
    for (const sub of this.subscriptions) sub.unsubscribe();
    await Promise.all([...this.replications.values()].map((r) => r.cancel()));
    this.replications.clear();
    this.streams.clear();
    this.caughtUp.clear();
    this.facts = { ...initialConnectionFacts, signedOut: this.facts.signedOut };
  }
}
