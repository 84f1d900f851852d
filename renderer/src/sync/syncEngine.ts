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
  maxPullLimit,
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
import { afterBulkLoad, bulkLoad, holdsOnlyLocalWrites, loadPages, type PageLoadOptions } from './bulkLoad.ts';
import { storeWithMergeBase } from './mergeBaseLoad.ts';
import { cancelWhenSafe } from './cancelWhenSafe.ts';
import { deskWriteLane, type DeskWriteLane } from './deskWriteLane.ts';
import { resyncUntilPulled } from './resyncUntilPulled.ts';
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
import {
  afterPartPage,
  phaseAfter,
  checkpointOfPhase,
  openTicketsDone,
  ticketsCheckpointAtLeast,
  ticketsPhaseOf,
  type TicketPart,
  type TicketsCheckpoint,
  type TicketsPhase,
} from '#shared/sync/firstSyncOrder.ts';

export type { ConnectionState } from '#shared/sync/connectionState.ts';

export interface SyncStatus {
  state: ConnectionState;
  /** Server-corrected instant of the last successful pull or push. */
  lastSyncAt: number | null;
  /** Collections whose first pull since the start is done (an empty queue before: "loading"). */
  caughtUp: readonly CollectionName[];
  /** Every open ticket is stored: the queue is complete while the history may still be arriving. */
  openTicketsIn: boolean;
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
  /**
   * Collections started after the others' first pull, replacing the first sync in order of need
   * (smallCollections); an empty list starts every collection at once.
   */
  deferred?: readonly CollectionName[];
  /**
   * Pull tickets and their timeline under the working set's scope and drop what ages out
   * (default true); false replicates every collection whole.
   */
  workingSet?: boolean;
  /** How long a streamed timeline entry whose ticket is not local waits for it (default two minutes). */
  strayGraceMs?: number;
  /** How often the collections without a live stream are pulled (default `pollIntervalMs`, 30 s). */
  pollIntervalMs?: number;
  /** Fill an empty timeline in bulk before its replication starts (default true; renderer/src/sync/bulkLoad.ts). */
  bulkLoad?: boolean;
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
/**
 * The first sync in order of need (docs/sync.md): the open tickets; then these; then the finished
 * tickets of the window and the timeline; then the knowledge base. Each stage starts when the one
 * before has finished its first pull, or after a bounded wait.
 */
export const smallCollections: readonly CollectionName[] = ['clients', 'agents', 'templates', 'config'];
/**
 * Collections an empty desk fills in bulk below the replication (renderer/src/sync/bulkLoad.ts):
 * only those never edited locally, since such a document has no stored merge base. The timeline
 * is insert-only. The window's finished tickets and the knowledge base are loaded in bulk with
 * their merge bases instead (renderer/src/sync/mergeBaseLoad.ts).
 */
export const bulkLoadedCollections: readonly CollectionName[] = ['events'];
/** Collections whose first pull is loaded in bulk with merge bases (the tickets: their closed part). */
const mergeBaseLoadedCollections: readonly CollectionName[] = ['tickets', 'kb'];
const deferredStartLimitMs = 180_000;

/** A promise with its resolve at hand. */
function latch(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

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

/** RxDB's replication identifier of a collection: its checkpoints are stored under it. */
function replicationIdentifierOf(name: CollectionName, baseUrl: string): string {
  return `pass24-desk:${name}:${baseUrl}`;
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
  /** Resolved once every open ticket is stored (see openTicketsIn). */
  private openTickets = latch();
  private openTicketsIn = false;
  /** The scoped tickets' checkpoint last handed to RxDB (fromStream). */
  private ticketsCheckpoint: TicketsCheckpoint | null = null;
  /** The desk's own writes go before the pulled pages' (deskWriteLane.ts). */
  private get deskWrites(): DeskWriteLane {
    // Every collection the desk writes to, the outbox and the local-only ones included.
    const { db } = this.options;
    return (this.deskWriteLane ??= deskWriteLane(Object.values(db.collections) as RxCollection[], db));
  }
  private deskWriteLane: DeskWriteLane | null = null;
  /** Calls of the tickets' pull handler: a walk's next part has started once it grows. */
  private ticketsPulls = 0;
  /** The tickets stream's items held while the walk asks for its next part (resumeTickets). */
  private heldTicketsStream: StreamItem<AnyDoc>[] | null = null;
  private releaseTicketsStreamItem: ((item: StreamItem<AnyDoc>) => void) | null = null;
  /** Resolved once the scoped tickets' first pull has gone through every part (firstPullOf). */
  private ticketsComplete = latch();
  /** Resolved when the deferred start's time limit has passed, or at stop. */
  private stageLimit = latch();
  /** The tickets' closed part waits for this (the small collections' first pull). */
  private closedPartGate: Promise<void> = Promise.resolve();
  /** How far a load with merge bases got, so that a retry after a failed page goes on from there. */
  private readonly mergeBaseLoaded = new Map<
    CollectionName,
    { generation: number; days: number | undefined; checkpoint: Checkpoint; last: WithDeleted<AnyDoc> }
  >();

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
   * tickets dropped.
   */
  dropAgedOut(): Promise<string[]> {
    if (!this.workingSet) return Promise.resolve([]);
    // One at a time; a call made while one runs runs after it, with the window as it is then, so a
    // window narrowed during a drop under the old one is not lost.
    const run = async (): Promise<string[]> => {
      const days = await this.windowRead;
      for (const name of scopedCollections) await this.narrowCheckpoint(name, days);
      const dropped = await dropAgedOut(this.options.db, this.options.api.clock.now(), days);
      await this.strays.drop(this.options.db, Date.now());
      return dropped;
    };
    const next = (this.dropping ?? Promise.resolve([])).then(run, run);
    this.dropping = next;
    const clear = () => {
      if (this.dropping === next) this.dropping = null;
    };
    next.then(clear, clear);
    return next;
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
    return { state, lastSyncAt: this.lastSyncAt, caughtUp: [...this.caughtUp], openTicketsIn: this.openTicketsIn };
  }

  private note(signal: ConnectionSignal): void {
    this.facts = nextConnectionFacts(this.facts, signal);
    this.emit();
  }

  private emit(): void {
    const s = this.status;
    const key = `${s.state}|${s.lastSyncAt}|${s.caughtUp.length}|${s.openTicketsIn}`;
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
    for (const name of this.replications.keys()) {
      void this.firstPullOf(name).then(
        () => {
          this.caughtUp.add(name);
          if (name === 'tickets') {
            this.noteOpenTicketsIn();
            void this.dropAgedOut().catch(() => undefined);
          }
          this.emit();
        },
        () => undefined,
      );
    }
    this.pollTimer = setInterval(() => this.poll(), this.options.pollIntervalMs ?? pollIntervalMs);
    if (typeof window !== 'undefined') window.addEventListener('online', this.onBrowserOnline);
    if (typeof window !== 'undefined') window.addEventListener('offline', this.onBrowserOffline);
    void Promise.all([...this.replications.keys()].map((n) => this.firstPullOf(n))).then(
      () => this.note({ type: 'initial_sync_done' }),
      () => undefined,
    );
    this.emit();
  }

  /** The queue's tickets are all stored (the open part is through, or the whole first pull). */
  private noteOpenTicketsIn(): void {
    if (this.openTicketsIn) return;
    this.openTicketsIn = true;
    this.openTickets.resolve();
    this.emit();
  }

  /** Waits for `p` (a failure counts as done) or for the deferred start's time limit. */
  private bounded(p: Promise<unknown>): Promise<void> {
    const done = p.then(
      () => undefined,
      () => undefined,
    );
    return Promise.race([done, this.stageLimit.promise]);
  }

  private firstPulls(names: readonly CollectionName[]): Promise<unknown> {
    return Promise.all(names.map((n) => this.firstPullOf(n)));
  }

  /**
   * A collection's first pull since the start. The scoped tickets' is walked in parts, and RxDB
   * ends its own first pull at each part's last (short) page: it is done when the whole scope is.
   */
  private firstPullOf(name: CollectionName): Promise<void> {
    if (name === 'tickets' && this.scoped(name)) return this.ticketsComplete.promise;
    return this.replications.get(name)?.awaitInitialReplication() ?? Promise.resolve();
  }

  /**
   * Starts the collections not started at once: in order of need (smallCollections), or with an
   * explicit `deferred` list, those after the others' first pull. Every wait is bounded.
   */
  private startDeferred(): void {
    this.deferredTimer = setTimeout(() => this.stageLimit.resolve(), deferredStartLimitMs);
    const startAll = (names: readonly CollectionName[]) => {
      if (this.stopped) return;
      for (const name of names) void this.startReplication(name);
    };
    if (!this.inOrderOfNeed) {
      const first = collectionNames.filter((n) => !this.deferred.includes(n));
      void this.bounded(this.firstPulls(first)).then(() => startAll(this.deferred));
      return;
    }
    const small = this.bounded(this.openTickets.promise).then(() => startAll(smallCollections));
    this.closedPartGate = small.then(() => this.bounded(this.firstPulls(smallCollections)));
    void this.closedPartGate.then(() => startAll(['events']));
    void this.closedPartGate.then(() => this.bounded(this.firstPulls(['tickets', 'events']))).then(() => startAll(['kb']));
  }

  /**
   * Starts a collection's replication; an empty collection of bulkLoadedCollections is first
   * filled in bulk, and its replication continues from where the load ended. A load that fails
   * leaves the rest to the replication, which pulls from the start.
   */
  private async startReplication(name: CollectionName): Promise<void> {
    const state = this.replications.get(name);
    if (!state) return;
    const { api } = this.options;
    const collection = this.options.db[name] as unknown as RxCollection<AnyDoc>;
    if (
      (this.options.bulkLoad ?? true) &&
      bulkLoadedCollections.includes(name) &&
      // A check that fails leaves the collection to the replication: it must start whatever happens.
      (await holdsOnlyLocalWrites(collection, this.options.db.outbox).catch((err: unknown) => {
        console.error(`bulk load check of ${name} failed`, err);
        return false;
      }))
    ) {
      // The options objects RxDB reads when the replication starts.
      const pull = state.pull as { initialCheckpoint?: unknown } | undefined;
      const push = state.push as { initialCheckpoint?: unknown } | undefined;
      // Whatever the load stores came from the endpoint: never pushed, even if the load fails midway.
      if (push) push.initialCheckpoint = afterBulkLoad;
      try {
        const days = this.scoped(name) ? await this.windowRead : undefined;
        const res = await bulkLoad<AnyDoc>({
          ...this.pagesToLoad(name, days),
          collection,
          replicationIdentifier: replicationIdentifierOf(name, api.baseUrl),
        });
        if (pull && res.checkpoint)
          pull.initialCheckpoint = days === undefined ? res.checkpoint : { ...res.checkpoint, windowDays: days };
      } catch {
        // The replication pulls what the load did not store.
      }
    }
    if (!this.stopped) await state.start();
  }

  /**
   * What both bulk loads fetch and how: the endpoint's largest pages (each answer or failure noted
   * for the connection state), stopping when the engine stops or restarts, the desk's own writes
   * first.
   */
  private pagesToLoad(
    name: CollectionName,
    days: number | undefined,
    part?: TicketPart,
  ): Pick<PageLoadOptions<AnyDoc>, 'pageSize' | 'fetchPage' | 'stopped' | 'beforeWrite'> {
    const { api } = this.options;
    const generation = this.startGeneration;
    return {
      pageSize: maxPullLimit,
      fetchPage: async (after) => {
        const sentAt = Date.now();
        try {
          const page = await api.pull<AnyDoc>(name, after, maxPullLimit, days, part);
          this.noteSuccess(sentAt);
          return page;
        } catch (err) {
          this.noteFailure(err, sentAt);
          throw err;
        }
      },
      stopped: () => this.stopped || generation !== this.startGeneration,
      beforeWrite: () => this.deskWrites.clear(),
    };
  }

  /**
   * A first pull of `name` (for tickets, its closed part) loaded in bulk with merge bases from
   * `from` (renderer/src/sync/mergeBaseLoad.ts); answers where it ended and the last document
   * stored, which the pull hands to RxDB so that it stores the checkpoint. Null: not loaded so
   * (the replication pulls it page by page), or nothing was there.
   */
  private async loadWithMergeBase(
    name: CollectionName,
    from: Checkpoint | null,
    days: number | undefined,
    part?: TicketPart,
  ): Promise<{ checkpoint: Checkpoint | null; last: WithDeleted<AnyDoc>; complete: boolean } | null> {
    if (!(this.options.bulkLoad ?? true) || !mergeBaseLoadedCollections.includes(name)) return null;
    const state = this.replications.get(name);
    const store = state && storeWithMergeBase(this.options.db[name] as unknown as RxCollection<AnyDoc>, state);
    if (!store) return null;
    const generation = this.startGeneration;
    const earlier = this.mergeBaseLoaded.get(name);
    const resumed =
      earlier &&
      earlier.generation === generation &&
      earlier.days === days &&
      (!from || checkpointAtLeast(earlier.checkpoint, from))
        ? earlier
        : null;
    const res = await loadPages<AnyDoc>({
      ...this.pagesToLoad(name, days, part),
      from: resumed?.checkpoint ?? from,
      store,
      onProgress: (checkpoint, stored) => {
        const last = stored ?? resumed?.last;
        if (last) this.mergeBaseLoaded.set(name, { generation, days, checkpoint, last });
      },
    });
    const last = res.last ?? resumed?.last;
    return last ? { checkpoint: res.checkpoint, last, complete: res.complete } : null;
  }

  /** The default order of need; an explicit `deferred` list replaces it. */
  private get inOrderOfNeed(): boolean {
    return this.options.deferred === undefined;
  }

  /** Whether a collection waits for startDeferred rather than starting with the replication. */
  private startsLater(name: CollectionName): boolean {
    if (!this.inOrderOfNeed) return this.deferred.includes(name);
    return name !== 'tickets';
  }

  /**
   * A scoped tickets pull: in a first sync the open part, then (once the small collections are in)
   * the closed part, then the whole scope (shared/sync/firstSyncOrder.ts). RxDB ends its pull at a
   * short page, so a part's last page says which part is through (`partDone`), and the pull is
   * asked for again (resumeTickets); an empty part goes on to the next within the same call.
   */
  private async pullTickets(
    checkpoint: TicketsCheckpoint | undefined,
    batchSize: number,
    days: number,
    /** Resolves once the pages handed to RxDB so far are stored. */
    allStored: () => Promise<void>,
  ): Promise<{
    documents: Array<WithDeleted<AnyDoc>>;
    checkpoint: TicketsCheckpoint;
    partDone: TicketPart | null;
    complete: boolean;
  }> {
    const { api } = this.options;
    let phase: TicketsPhase = ticketsPhaseOf(checkpoint, days);
    for (;;) {
      if (openTicketsDone(phase) && !this.openTicketsIn) {
        await allStored();
        this.noteOpenTicketsIn();
      }
      if (phase.part === null) {
        const res = await api.pull<AnyDoc>('tickets', phase.from, batchSize, days);
        const reached = res.checkpoint ?? phase.from;
        return {
          documents: res.documents,
          checkpoint: checkpointOfPhase({ part: null, from: reached }, days),
          partDone: null,
          complete: res.documents.length < batchSize,
        };
      }
      if (phase.part === 'closed') {
        await this.closedPartGate;
        const loaded = await this.loadWithMergeBase('tickets', phase.closed, days, 'closed');
        if (loaded) {
          // Handed to RxDB as the part's last page (its state is stored already): RxDB stores the
          // checkpoint with it, and the walk goes on as after any closed part.
          const reached = loaded.checkpoint ?? phase.closed;
          return {
            documents: [loaded.last],
            checkpoint: checkpointOfPhase(loaded.complete ? phaseAfter(phase, reached) : { ...phase, closed: reached }, days),
            partDone: loaded.complete ? 'closed' : null,
            complete: false,
          };
        }
      }
      const res = await api.pull<AnyDoc>(
        'tickets',
        phase.part === 'open' ? phase.open : phase.closed,
        batchSize,
        days,
        phase.part,
      );
      const after = afterPartPage(phase, res.documents.length, res.checkpoint, days, batchSize);
      if ('store' in after) {
        return {
          documents: res.documents,
          checkpoint: after.store,
          partDone: after.partDone ? phase.part : null,
          complete: false,
        };
      }
      phase = after.next;
    }
  }

  /**
   * After a part's last page: once it is stored (and, after the open part, the queue is said to
   * be in and the closed part's gate is open), RxDB is asked to pull again for the next part.
   */
  private resumeTickets(part: TicketPart, stored: () => Promise<void>): void {
    const generation = this.startGeneration;
    void (async () => {
      await stored();
      if (part === 'open') {
        this.noteOpenTicketsIn();
        await this.closedPartGate;
      }
      // The stream's items wait until the pull has come: queued ahead of the request, they make
      // RxDB drop it (resyncUntilPulled.ts). The walk's pull brings their changes in any case.
      this.heldTicketsStream ??= [];
      try {
        await resyncUntilPulled({
          reSync: () => this.replications.get('tickets')?.reSync(),
          pulls: () => this.ticketsPulls,
          current: () => !this.stopped && generation === this.startGeneration,
        });
      } finally {
        const held = this.heldTicketsStream ?? [];
        this.heldTicketsStream = null;
        for (const item of held) this.releaseTicketsStreamItem?.(item);
      }
    })();
  }

  private replicate(name: CollectionName, collection: RxCollection<AnyDoc>): RxReplicationState<AnyDoc, Checkpoint> {
    const { api, db } = this.options;
    /** Checkpoints of the last non-empty pages handed to RxDB. */
    const returned: Checkpoint[] = [];
    // `state` is the replication made below: the pull handler runs only once it has started.
    const storedCheckpoint = () =>
      state.internalReplicationState?.lastCheckpointDoc.down?.checkpointData as Checkpoint | undefined;
    /** Waits (bounded) until the local database has stored the page that ended at `target`. */
    const storedAtLeast = async (target: Checkpoint | null | undefined): Promise<void> => {
      if (!target) return;
      const deadline = Date.now() + pullPacingLimitMs;
      const stored = (): boolean =>
        name === 'tickets'
          ? ticketsCheckpointAtLeast(storedCheckpoint() as TicketsCheckpoint | undefined, target as TicketsCheckpoint)
          : checkpointAtLeast(storedCheckpoint(), target);
      while (!this.stopped && !stored() && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, pullPacingPollMs));
      }
    };
    const paceBeforePull = (): Promise<void> => storedAtLeast(mustBeStoredBeforeNextPull(returned, pullPagesAhead));
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
      const deliver = (item: StreamItem<AnyDoc>): void => {
        if (item === 'RESYNC') subject.next('RESYNC');
        else if (item.checkpoint) subject.next(this.fromStream(name, item.documents, item.checkpoint));
      };
      if (name === 'tickets') this.releaseTicketsStreamItem = deliver;
      this.subscriptions.push(
        stream.items$.subscribe((item: StreamItem<AnyDoc>) => {
          if (name === 'tickets' && this.heldTicketsStream) this.heldTicketsStream.push(item);
          else deliver(item);
        }),
      );
    }

    const state = replicateRxCollection<AnyDoc, Checkpoint>({
      replicationIdentifier: replicationIdentifierOf(name, api.baseUrl),
      collection,
      deletedField: '_deleted',
      live: true,
      retryTime: 3_000,
      waitForLeadership: false,
      autoStart: !this.startsLater(name),
      toggleOnDocumentVisible: false,
      pull: {
        batchSize: this.options.pullBatchSize ?? defaultPullBatchSize(name),
        handler: async (checkpoint, batchSize) => {
          // A pull that starts over (no checkpoint, or one of another window) begins a new walk:
          // the pages of the old one are no pacing target (they may lie after the new pages).
          if (!checkpoint) returned.length = 0;
          else if (this.scoped(name)) {
            const days = await this.windowRead;
            const restarts =
              name === 'tickets'
                ? ticketsPhaseOf(checkpoint as TicketsCheckpoint, days).part === 'open' &&
                  (checkpoint as TicketsCheckpoint).windowDays !== days
                : !checkpointForWindow(checkpoint as ScopedCheckpoint, days);
            if (restarts) returned.length = 0;
          }
          await paceBeforePull();
          const sentAt = Date.now();
          try {
            if (!this.scoped(name)) {
              const loaded = checkpoint ? null : await this.loadWithMergeBase(name, null, undefined);
              // The last document stored is handed to RxDB so that it stores the checkpoint; the
              // page is short, and RxDB's first pull ends with it.
              if (loaded) return { documents: [loaded.last], checkpoint: loaded.checkpoint ?? checkpoint };
              const res = await api.pull<AnyDoc>(name, checkpoint ?? null, batchSize);
              this.noteSuccess(sentAt);
              if (res.documents.length > 0 && res.checkpoint) {
                returned.push(res.checkpoint);
                if (returned.length > pullPagesAhead) returned.shift();
              }
              // RxDB writes the page next: the desk's own writes go first.
              await this.deskWrites.clear();
              return { documents: inIdOrder(res.documents), checkpoint: res.checkpoint ?? checkpoint };
            }
            const days = await this.windowRead;
            if (name === 'tickets') {
              this.ticketsPulls++;
              const res = await this.pullTickets(checkpoint as TicketsCheckpoint | undefined, batchSize, days, () =>
                storedAtLeast(returned.at(-1)),
              );
              this.noteSuccess(sentAt);
              this.ticketsCheckpoint = res.checkpoint;
              const next = res.checkpoint as unknown as Checkpoint;
              if (res.documents.length > 0) {
                returned.push(next);
                if (returned.length > pullPagesAhead) returned.shift();
              }
              if (res.partDone) this.resumeTickets(res.partDone, () => storedAtLeast(next));
              if (res.complete)
                void storedAtLeast(res.documents.length > 0 ? next : undefined).then(() => this.ticketsComplete.resolve());
              await this.deskWrites.clear();
              return { documents: inIdOrder(res.documents), checkpoint: next };
            }
            await this.narrowCheckpoint(name, days);
            const from = checkpointForWindow(checkpoint as ScopedCheckpoint | undefined, days);
            const res = await api.pull<AnyDoc>(name, from, batchSize, days);
            this.noteSuccess(sentAt);
            if (res.documents.length > 0 && res.checkpoint) {
              returned.push(res.checkpoint);
              if (returned.length > pullPagesAhead) returned.shift();
            }
            const next = res.checkpoint ?? from;
            await this.deskWrites.clear();
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
    if (name === 'tickets') {
      // During a walk of the parts the stream's documents are taken, but the walk goes on from
      // its own checkpoint: the stream's (the head) would skip the rest of the parts.
      const walking = this.ticketsCheckpoint?.part === 'open' || this.ticketsCheckpoint?.part === 'closed';
      const next = walking ? this.ticketsCheckpoint! : checkpointOfPhase({ part: null, from: checkpoint }, this.windowDays);
      return { documents: inIdOrder(kept), checkpoint: next as unknown as ScopedCheckpoint };
    }
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
    await Promise.all([...this.replications.keys()].map((n) => this.firstPullOf(n)));
  }

  /** One collection's initial replication (progress of a first sync, collection by collection). */
  async awaitInitialReplicationOf(name: CollectionName): Promise<void> {
    if (this.replications.has(name)) await this.firstPullOf(name);
  }

  async stop(): Promise<void> {
    this.startGeneration++;
    this.stopped = true;
    this.stageLimit.resolve();
    if (this.deferredTimer) clearTimeout(this.deferredTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.dropTimer) clearInterval(this.dropTimer);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onBrowserOnline);
    if (typeof window !== 'undefined') window.removeEventListener('offline', this.onBrowserOffline);
    for (const s of this.streams.values()) s.close();
    for (const sub of this.subscriptions) sub.unsubscribe();
    await Promise.all([...this.replications.values()].map((r) => cancelWhenSafe(r)));
    this.replications.clear();
    this.streams.clear();
    this.caughtUp.clear();
    this.openTicketsIn = false;
    this.openTickets = latch();
    this.ticketsComplete = latch();
    this.stageLimit = latch();
    this.facts = { ...initialConnectionFacts, signedOut: this.facts.signedOut };
  }
}

/**
 * Documents per pulled page. RxDB writes a page in one IndexedDB transaction, and a manager's save
 * to the same collection waits for it: a page of 1000 tickets or articles takes most of a second
 * to write, so those come in pages of 100 (docs/performance-sync.md, "Local save during a first sync").
 */
function defaultPullBatchSize(name: CollectionName): number {
  return name === 'tickets' || name === 'kb' ? 100 : 1000;
}
