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

export interface BulkLoadOptions<T extends { id: string }> {
  collection: RxCollection<T>;
  /** RxDB's replication identifier as replicateRxCollection gets it. */
  replicationIdentifier: string;
  /** A page after a checkpoint, `pageSize` documents at most. */
  fetchPage: (after: Checkpoint | null) => Promise<PullResponse<T>>;
  pageSize: number;
  /** Stop between pages (the desk is closing). */
  stopped?: () => boolean;
  /** Waited for before each write: the desk's own writes go first (deskWriteLane.ts). */
  beforeWrite?: () => Promise<void>;
}

export interface BulkLoadResult {
  /** Where the pull continues: the last page's checkpoint (null: nothing was there). */
  checkpoint: Checkpoint | null;
  stored: number;
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
 * Loads every page into the empty collection, fetching the next page while one is stored. A
 * document already there (written locally meanwhile) is kept as it is.
 */
export async function bulkLoad<T extends { id: string }>(options: BulkLoadOptions<T>): Promise<BulkLoadResult> {
  const { collection, fetchPage, pageSize } = options;
  const db = collection.database;
  const hash = await db.hashFunction(`rxdbreplication${options.replicationIdentifier}`);
  // Below RxDB's wrapper, which would stamp the documents with the current time and drop `_meta.o`.
  const storage = (collection.storageInstance as unknown as { originalStorageInstance: RawStorage }).originalStorageInstance;
  const revision = `1-${db.token}`;
  let checkpoint: Checkpoint | null = null;
  let stored = 0;
  let next = fetchPage(null);
  for (;;) {
    const page = await next;
    const more = page.documents.length >= pageSize && page.checkpoint !== null;
    if (more) next = fetchPage(page.checkpoint);
    const rows = page.documents
      .filter((d: WithDeleted<T>) => !d._deleted)
      .map((d) => ({
        document: { ...d, _deleted: false, _attachments: {}, _rev: revision, _meta: { lwt: bulkLoadLwt, o: { hash, _rev: 1 } } },
      }));
    // In bulks of a few hundred: a local save waits for the one being written, not for a page.
    for (let i = 0; i < rows.length; i += writeBulkSize) {
      const bulk = rows.slice(i, i + writeBulkSize);
      await options.beforeWrite?.();
      const res = await storage.bulkWrite(bulk, 'pass24-bulk-load');
      const failed = res.error.filter((e) => e.status !== 409);
      if (failed.length > 0) throw new Error(`bulk load of ${collection.name}: ${failed.length} documents not stored`);
      stored += bulk.length - res.error.length;
    }
    checkpoint = page.checkpoint ?? checkpoint;
    if (!more || options.stopped?.()) {
      if (more) await next.catch(() => undefined);
      return { checkpoint, stored };
    }
  }
}
