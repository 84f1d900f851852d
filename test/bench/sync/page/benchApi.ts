/**
 * What the bench page (benchPage.ts) exposes on `window.syncBench`, for the Node script
 * (syncBench.ts) to call with page.evaluate. Instants are `Date.now()` of the page: both pages
 * and the script share the machine's clock, so instants taken in different pages compare.
 */
import type { CollectionName } from '#shared/protocol.ts';

export interface OpenOptions {
  baseUrl: string;
  login: string;
  password: string;
  /** IndexedDB name of this page's RxDB database. */
  dbName: string;
  /** Start every collection at once, the timeline included (the engine defers it by default). */
  noDefer?: boolean;
  /** Replicate the working set (the default) or, false, every collection whole. */
  workingSet?: boolean;
}

export interface FirstSyncResult {
  totalMs: number;
  /** When every open ticket was stored (the queue complete; ms after start; NaN if never). */
  openTicketsMs: number;
  /**
   * Per collection: when its initial replication finished (ms after start), its documents, and
   * the requests the SyncEngine made meanwhile (pulls, pushes and the rows pushed).
   */
  collections: Record<CollectionName, { doneMs: number; docs: number; pulls: number; pushes: number; pushedRows: number }>;
}

export interface RawInsertResult {
  /** Time inside IndexedDB transactions only (fetching the pages is not counted). */
  insertMs: number;
  docs: number;
  /** The same, per collection. */
  collections: Partial<Record<CollectionName, { insertMs: number; docs: number }>>;
  /** Wall time of the whole run, fetching included. */
  wallMs: number;
}

export interface RequestStats {
  pulls: number;
  pushes: number;
  pushedRows: number;
  /** Time spent waiting for push answers. */
  pushMs: number;
}

export interface SyncBenchApi {
  /** Signs in, opens the RxDB database and builds the SyncEngine (not started). */
  open(options: OpenOptions): Promise<{ agentId: string }>;
  /**
   * Starts the SyncEngine and waits for the initial replication of every collection (on an empty
   * database: the first sync; on a synced one: the catch-up of a restart). Logs each collection
   * as it finishes (console.info, `[bench] ...`). With `usableOnly`, returns once all but the
   * deferred collections (the timeline) are done; those report doneMs NaN and what they hold then.
   */
  sync(options?: { usableOnly?: boolean }): Promise<FirstSyncResult>;
  /** The same documents, pulled page by page, put into a bare IndexedDB object store. */
  rawInsert(collections: CollectionName[], windowDays?: number): Promise<RawInsertResult>;
  /** What the page's origin stores (navigator.storage.estimate), bytes. */
  storageBytes(): Promise<number>;
  /**
   * The same documents, pulled page by page, inserted into a fresh RxDB database with the desk's
   * schemas (collection.bulkInsert, no replication): one RxDB write per document, the floor of any
   * replication on RxDB's Dexie storage. Closes the sync database first (RxDB's limit on open
   * collections); call it last.
   */
  rxdbInsert(collections: CollectionName[]): Promise<RawInsertResult>;
  /** Ids of `count` tickets, skipping the first `skip` (ordered by id). */
  ticketIds(skip: number, count: number): Promise<string[]>;
  /** Records when a ticket whose subject ends with a marker arrives (any write to the local copy). */
  watchMarkers(): void;
  /** Instant a marker was first seen locally, or null. */
  markerSeenAt(marker: string): number | null;
  /** Resolves with the instant the marker arrived, or null after the timeout. */
  waitForMarker(marker: string, timeoutMs: number): Promise<number | null>;
  /** Resolves with the instant the last of the markers arrived, or null after the timeout. */
  waitForMarkers(markers: string[], timeoutMs: number): Promise<number | null>;
  /** Edits a ticket's subject through the repository (as the UI does); returns the instant before the write. */
  editSubject(ticketId: string, marker: string): Promise<number>;
  /** Edits many tickets one after the other; returns the time the local writes took. */
  editSubjects(edits: Array<{ ticketId: string; marker: string }>): Promise<number>;
  outboxCount(): Promise<number>;
  /** Resolves with the instant the outbox became empty, or null after the timeout. */
  waitForEmptyOutbox(timeoutMs: number): Promise<number | null>;
  /** Requests per collection since the last reset (or since sync()). */
  requestStats(reset: boolean): Partial<Record<CollectionName, RequestStats>>;
  /** Documents the server refused (renderer/src/db/syncProblemRepository.ts). */
  syncProblemCount(): Promise<number>;
  close(): Promise<void>;
  /** Local documents per collection (progress of a sync that has not finished). */
  counts(): Promise<Record<CollectionName, number>>;
  /**
   * One local save through the repository, as the UI makes it (a subject edit of a ticket by id:
   * the first one by id); its duration in ms, or null while there is no ticket yet.
   */
  timedLocalSave(): Promise<number | null>;
  /**
   * Every `everyMs`, inside the page (no round trip through Playwright): a ticket count, a read
   * of one ticket by id and a save of it; each logged (`[bench] probe ...`) with its durations.
   */
  startProbe(everyMs: number): void;
  stopProbe(): void;
  /** RxDB's replication internals per collection, for a stall: flags, stats, queue sizes. */
  replicationDebug(): Record<string, unknown>;
}

declare global {
  interface Window {
    syncBench: SyncBenchApi;
  }
}
