/**
 * A first load in bulk for documents the desk edits (the window's finished tickets, the knowledge
 * base): each is stored with its merge base, as RxDB's replication stores a pulled document, but a
 * bulk at a time and without RxDB's page-by-page reads and pacing (docs/performance-sync.md,
 * "Bulk first load").
 *
 * A pulled document is two writes in RxDB 17's replication protocol: the document in the
 * collection, and in the replication's meta instance the master state the desk assumes
 * (`getMetaWriteRow`). That state is the base a later local edit is pushed and three-way merged
 * against (renderer/src/db/conflictHandler.ts): without it a colleague's change made meanwhile
 * would be lost to the desk's. The collection's write carries the replication's own downstream
 * mark, as a pulled page's does, so RxDB's push side skips it without reading its base back.
 *
 * The load runs inside the replication's pull handler, so RxDB's own downstream writes nothing at
 * the same time, and it follows the downstream's rules for a document the collection holds
 * already: one equal to its base (no local change) takes the loaded state, one with a local change
 * not yet sent, or with no base, is left to the push and its merge; a tombstone (a ticket dropped
 * from the working set) is stored over.
 */
import { getComposedPrimaryKeyOfDocumentData, getMetaWriteRow, writeDocToDocState, type RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { WithDeleted } from '#shared/protocol.ts';
import { refuseFailures } from './bulkLoad.ts';

/** The context RxDB's replication writes its meta rows with. */
const metaWriteContext = 'replication-down-write-meta';

/**
 * A `store` for loadPages (bulkLoad.ts) that writes each document with its merge base; answers
 * null while the replication has not started (it holds the meta instance).
 */
export function storeWithMergeBase<T extends { id: string }, C>(
  collection: RxCollection<T>,
  replication: RxReplicationState<T, C>,
): ((bulk: Array<WithDeleted<T>>) => Promise<number>) | null {
  const internal = replication.internalReplicationState;
  const meta = replication.metaInstance;
  if (!internal || !meta) return null;
  const fork = internal.input.forkInstance;
  return async (bulk) => {
    const ids = bulk.map((d) => d.id);
    const metaIds = ids.map((id) => getComposedPrimaryKeyOfDocumentData(meta.schema, { itemId: id, isCheckpoint: '0' }));
    const [forkDocs, metaDocs, flag] = await Promise.all([
      fork.findDocumentsById(ids, true),
      meta.findDocumentsById(metaIds, true),
      internal.downstreamBulkWriteFlag,
    ]);
    const forkById = new Map(forkDocs.map((d) => [d.id, d]));
    const metaById = new Map(metaDocs.map((d) => [d.itemId, d]));
    const { conflictHandler } = internal.input;
    const inserts: Array<WithDeleted<T>> = [];
    const updates: Array<WithDeleted<T>> = [];
    for (const d of bulk) {
      const held = forkById.get(d.id);
      if (!held || held._deleted) inserts.push(d);
      else {
        const base = metaById.get(d.id)?.docData;
        const unchanged = base && conflictHandler.isEqual(base, writeDocToDocState(held, false, false), 'pass24-load-held');
        if (unchanged && !conflictHandler.isEqual(base, d, 'pass24-load-new')) updates.push(d);
      }
    }
    const writeBases = async (docs: Array<WithDeleted<T>>) => {
      const rows = await Promise.all(docs.map((d) => getMetaWriteRow(internal, { ...d, _deleted: false }, metaById.get(d.id))));
      const res = await meta.bulkWrite(rows, metaWriteContext);
      refuseFailures(collection.name, res.error);
      return new Set(res.error.map((e) => rows.find((r) => r.document.id === e.documentId)?.document.itemId));
    };
    const writeDocs = async (docs: Array<WithDeleted<T>>) => {
      const rows = docs.map((d) => ({
        previous: forkById.get(d.id),
        // RxDB's storage wrapper stamps `_meta` and `_rev` on the way in, as for a pulled document.
        document: { ...d, _deleted: false, _attachments: {}, _meta: { lwt: 0 }, _rev: '' } as never,
      }));
      const res = await fork.bulkWrite(rows, flag);
      refuseFailures(collection.name, res.error);
      return new Set(res.error.map((e) => e.documentId));
    };
    let stored = 0;
    if (inserts.length > 0) {
      // The base first: a document the desk can see always has one, even after a crash between the two.
      const unbased = await writeBases(inserts);
      const kept = inserts.filter((d) => !unbased.has(d.id));
      stored += kept.length - (await writeDocs(kept)).size;
    }
    if (updates.length > 0) {
      // The document first, as RxDB's downstream does: a base is replaced only under a document
      // that took the new state, never under a local edit made meanwhile.
      const edited = await writeDocs(updates);
      const written = updates.filter((d) => !edited.has(d.id));
      if (written.length > 0) await writeBases(written);
      stored += written.length;
    }
    return stored;
  };
}
