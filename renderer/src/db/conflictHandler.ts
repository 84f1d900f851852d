import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { jsonEqual, mergeDocuments, type MergeKind } from '#shared/domain/merge.ts';
import type { CollectionName } from '#shared/protocol.ts';

/**
 * RxDB's conflict handler for a collection: the three-way per-field merge of shared/domain/merge.ts.
 * Events are insert-only and agents pull-only, so their master state simply wins.
 */
export function conflictHandlerFor<T>(collection: CollectionName): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => jsonEqual(stripMeta(a), stripMeta(b)),
    resolve: async ({ assumedMasterState, realMasterState, newDocumentState }) => {
      if (collection === 'events' || collection === 'agents') return realMasterState;
      type D = WithDeleted<T> & Record<string, unknown>;
      const { merged } = mergeDocuments(
        collection as MergeKind,
        (assumedMasterState ?? null) as D | null,
        newDocumentState as D,
        realMasterState as D,
      );
      return merged;
    },
  };
}

function stripMeta(doc: unknown): unknown {
  if (!doc || typeof doc !== 'object') return doc;
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc as Record<string, unknown>;
  return rest;
}

/**
 * True when the merge of a conflicting local change gives the server's state exactly (the server
 * had the later edit of every field the change touched, or the document is insert-only): nothing
 * is left to send, so the change is no longer pending.
 */
export function resolvesToMaster(collection: CollectionName, assumed: unknown, local: unknown, master: unknown): boolean {
  if (collection === 'events' || collection === 'agents') return true;
  type D = WithDeleted<Record<string, unknown>>;
  const { merged } = mergeDocuments(collection as MergeKind, (assumed ?? null) as D | null, local as D, master as D);
  return jsonEqual(stripMeta(merged), stripMeta(master));
}
