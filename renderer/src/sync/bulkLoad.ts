/**
 * The first load of an empty collection in bulk (docs/performance-sync.md, "Bulk first load"):
 * RxDB's replication writes each pulled page twice (the document, and its replication metadata, a
 * full copy), a page at a time. An empty local collection is instead filled with the pulled pages
 * written straight into its storage, and its replication then starts from the checkpoint the load
 * ended at (pull) and from after the loaded documents (push).
 *
 * How RxDB's replication protocol (rxdb/replication-protocol) takes such documents:
 * - the push side reads local writes in (`_meta.lwt`, id) order from its checkpoint: the loaded
 *   documents carry the least `lwt` there is (1) and the push starts after it (`{lwt: 2}`), so they
 *   are never pushed, while every local write (stamped now) is;
 * - the pull side, meeting a document that has no replication metadata, takes it as a local write
 *   not yet pushed and leaves it alone, unless its `_meta.o` says the master wrote it (hash of the
 *   replication's identifier, revision height): the loaded documents say so, so a later server
 *   change of one of them replaces it as any pulled change does.
 * With no merge base stored, a local edit of a loaded document would reach the conflict handler
 * with none; only collections whose documents are never edited locally are loaded so (the
 * timeline: insert-only).
 */
import type { RxCollection } from 'rxdb';
import type { Checkpoint, PullResponse, WithDeleted } from '#shared/protocol.ts';
import type { OutboxCollection } from '../db/outbox.ts';

/** The push side's starting checkpoint after a bulk load: every local write after the loaded documents. */
export const afterBulkLoad = { id: '', lwt: 2 } as const;
const bulkLoadLwt = 1;
/** Documents per IndexedDB write. */
const writeBulkSize = 250;

export interface PageLoadOptions<T extends { id: string }> {
  /** A page after a checkpoint, `pageSize` documents at most. */
  fetchPage: (after: Checkpoint | null) => Promise<PullResponse<T>>;
  pageSize: number;
  /** Where the load starts (default: from the beginning). */
  from?: Checkpoint | null;
  /** Writes one bulk of live documents; answers how many it stored. */
  store: (bulk: Array<WithDeleted<T>>) => Promise<number>;
  /** Stop between pages (the desk is closing). */
  stopped?: () => boolean;
  /** Waited for before each write: the desk's own writes go first (deskWriteLane.ts). */
  beforeWrite?: () => Promise<void>;
  /** Told after each stored page how far the load has got, and its last document so far. */
  onProgress?: (checkpoint: Checkpoint, last: WithDeleted<T> | null) => void;
}

export interface BulkLoadOptions<T extends { id: string }> extends Omit<PageLoadOptions<T>, 'store'> {
  collection: RxCollection<T>;
  /** RxDB's replication identifier as replicateRxCollection gets it. */
  replicationIdentifier: string;
}

export interface BulkLoadResult<T = unknown> {
  /** Where the pull continues: the last page's checkpoint (null: nothing was there). */
  checkpoint: Checkpoint | null;
  stored: number;
  /** The last live document of the last page (none: no page held one). */
  last: WithDeleted<T> | null;
  /** Every page was loaded (false: stopped between pages). */
  complete: boolean;
}

interface StorageRow {
  document: Record<string, unknown>;
}
interface RawStorage {
  bulkWrite(rows: StorageRow[], context: string): Promise<{ error: Array<{ status: number; documentId: string }> }>;
}

/**
 * Whether the local collection holds nothing from the endpoint, only writes of the desk's own not
 * pushed yet (the outbox lists them): only then is it loaded in bulk. A manager's first save in a
 * first sync writes a timeline entry before the timeline's turn comes, and must not send the rest
 * of the load through the replication.
 */
export async function holdsOnlyLocalWrites(collection: RxCollection, outbox: OutboxCollection): Promise<boolean> {
  // The outbox is short (what waits to be pushed), and not indexed by collection: read, not counted.
  const [stored, pending] = await Promise.all([
    collection.count().exec(),
    outbox.find({ selector: { collectionName: collection.name } }).exec(),
  ]);
  return stored <= pending.length;
}

/**
 * Fetches every page from `from` on, the next while one is stored, and hands each page's live
 * documents to `store` in bulks of a few hundred: a local save waits for the bulk being written,
 * not for a page.
 */
export async function loadPages<T extends { id: string }>(options: PageLoadOptions<T>): Promise<BulkLoadResult<T>> {
  const { fetchPage, pageSize } = options;
  let checkpoint: Checkpoint | null = options.from ?? null;
  let stored = 0;
  let last: WithDeleted<T> | null = null;
  // A page fetched ahead may fail while the one before is stored: it is awaited (and its failure
  // thrown) only then, and a store that fails first leaves it unawaited. Marked handled at once.
  const fetchAhead = (after: Checkpoint | null): Promise<PullResponse<T>> => {
    const page = fetchPage(after);
    page.catch(() => undefined);
    return page;
  };
  let next = fetchAhead(checkpoint);
  for (;;) {
    const page = await next;
    const more = page.documents.length >= pageSize && page.checkpoint !== null;
    if (more) next = fetchAhead(page.checkpoint);
    const live = page.documents.filter((d: WithDeleted<T>) => !d._deleted);
    for (let i = 0; i < live.length; i += writeBulkSize) {
      await options.beforeWrite?.();
      stored += await options.store(live.slice(i, i + writeBulkSize));
    }
    last = live.at(-1) ?? last;
    checkpoint = page.checkpoint ?? checkpoint;
    if (checkpoint) options.onProgress?.(checkpoint, last);
    if (!more || options.stopped?.()) {
      if (more) await next.catch(() => undefined);
      return { checkpoint, stored, last, complete: !more };
    }
  }
}

/**
 * Loads every page into the empty collection as documents the endpoint wrote, below RxDB's
 * replication (see the top of this file). A document already there (written locally meanwhile)
 * is kept as it is.
 */
export async function bulkLoad<T extends { id: string }>(options: BulkLoadOptions<T>): Promise<BulkLoadResult<T>> {
  const { collection } = options;
  const db = collection.database;
  const hash = await db.hashFunction(`rxdbreplication${options.replicationIdentifier}`);
  // Below RxDB's wrapper, which would stamp the documents with the current time and drop `_meta.o`.
  const storage = (collection.storageInstance as unknown as { originalStorageInstance: RawStorage }).originalStorageInstance;
  const revision = `1-${db.token}`;
  return loadPages({
    ...options,
    store: async (bulk) => {
      const rows = bulk.map((d) => ({
        document: { ...d, _deleted: false, _attachments: {}, _rev: revision, _meta: { lwt: bulkLoadLwt, o: { hash, _rev: 1 } } },
      }));
      const res = await storage.bulkWrite(rows, 'pass24-bulk-load');
      refuseFailures(collection.name, res.error);
      return rows.length - res.error.length;
    },
  });
}

/** A conflict (409) means another write got there first and is kept; any other error stops the load. */
export function refuseFailures(collection: string, errors: ReadonlyArray<{ status: number }>): void {
  const failed = errors.filter((e) => e.status !== 409);
  if (failed.length > 0) throw new Error(`bulk load of ${collection}: ${failed.length} documents not stored`);
}
