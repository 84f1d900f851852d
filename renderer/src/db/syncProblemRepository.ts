import type { CollectionName, Rejection } from '#shared/protocol.ts';
import type { DeskDatabase } from './database.ts';
import type { SyncProblem } from './localSchemas.ts';

export const problemKey = (collection: CollectionName, docId: string) => `${collection}:${docId}`;

/** Records the server's refusals; the local copies stay as they are. */
export async function recordRejections(
  db: DeskDatabase,
  collection: CollectionName,
  rejected: Rejection[],
  labels: Map<string, string>,
  at: number,
): Promise<void> {
  if (rejected.length === 0) return;
  await db.syncproblems.bulkUpsert(
    rejected.map((r) => ({
      key: problemKey(collection, r.id),
      collectionName: collection,
      docId: r.id,
      code: r.code,
      reason: r.reason.slice(0, 2000),
      label: (labels.get(r.id) ?? r.id).slice(0, 300),
      at: Math.round(at),
    })),
  );
}

export async function clearProblem(db: DeskDatabase, collection: CollectionName, docId: string): Promise<void> {
  const doc = await db.syncproblems.findOne(problemKey(collection, docId)).exec();
  if (doc) await doc.remove();
}

export function observeProblems(db: DeskDatabase) {
  return db.syncproblems.find({ sort: [{ at: 'desc' }] }).$;
}

export type { SyncProblem };
