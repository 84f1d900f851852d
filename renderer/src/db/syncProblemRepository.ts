/**
 * The sync-problems list: documents the server refused, kept locally until the manager sends them
 * again or discards the local change.
 */
import type { RxCollection } from 'rxdb';
import type { CollectionName, Rejection } from '#shared/protocol.ts';
import type { DeskDatabase } from './database.ts';
import type { SyncProblem } from './localSchemas.ts';
import { clearPending, markPending } from './outbox.ts';

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

/** clearProblem for a whole pushed batch: one read and one write, not one query per document. */
export async function clearProblems(db: DeskDatabase, collection: CollectionName, docIds: Iterable<string>): Promise<void> {
  const keys = [...docIds].map((id) => problemKey(collection, id));
  if (keys.length === 0) return;
  const found = await db.syncproblems.findByIds(keys).exec();
  if (found.size > 0) await db.syncproblems.bulkRemove([...found.keys()]);
}

export function observeProblems(db: DeskDatabase) {
  return db.syncproblems.find({ sort: [{ at: 'desc' }] }).$;
}

export type { SyncProblem };

/** Collections whose documents carry `editedAt`, so a refused change can be written again and re-sent. */
const resendableCollections: readonly CollectionName[] = ['tickets', 'kb', 'templates', 'clients', 'config'];

/** Events are never changed once stored and agents are the server's: there is nothing to send again. */
export function canRetry(collection: CollectionName): boolean {
  return resendableCollections.includes(collection);
}

export class ProblemDocumentMissingError extends Error {
  constructor(collection: CollectionName, docId: string) {
    super(`${collection} ${docId} is not in the local database`);
    this.name = 'ProblemDocumentMissingError';
  }
}

type EditableDoc = { id: string; editedAt: number };

/**
 * Sends a refused document again (after the manager corrected it, or after the server's rules
 * changed). RxDB only pushes documents that changed locally, so the document is written again with
 * a later `editedAt`; the problem is cleared and the change counts as pending until the server
 * answers. A second refusal records the problem anew.
 */
export async function retryProblem(db: DeskDatabase, collection: CollectionName, docId: string, now: number): Promise<void> {
  if (!canRetry(collection)) throw new Error(`${collection} documents cannot be sent again`);
  const doc = await (db[collection] as unknown as RxCollection<EditableDoc>).findOne(docId).exec();
  if (!doc) throw new ProblemDocumentMissingError(collection, docId);
  const editedAt = Math.max(Math.round(now), doc.editedAt + 1);
  await clearProblem(db, collection, docId);
  await markPending(db.outbox, collection, [docId], editedAt);
  await doc.incrementalModify((current) => ({ ...current, editedAt: Math.max(editedAt, current.editedAt + 1) }));
}

export type DiscardOutcome = 'restored' | 'removed';

/**
 * Drops the refused local change and takes the server's version: `master` is the document as the
 * server stores it now, or null when the server never stored it (the local copy is then removed;
 * the caller makes sure that deletion is not pushed). Clears the problem and the pending mark.
 */
export async function discardLocalChange(
  db: DeskDatabase,
  collection: CollectionName,
  docId: string,
  master: ({ id: string; _deleted?: boolean } & Record<string, unknown>) | null,
): Promise<DiscardOutcome> {
  const col = db[collection] as unknown as RxCollection<Record<string, unknown> & { id: string }>;
  const local = await col.findOne(docId).exec();
  let outcome: DiscardOutcome;
  if (master && !master._deleted) {
    const { _deleted: _d, ...state } = master;
    await col.upsert({ ...state, id: docId });
    outcome = 'restored';
  } else {
    if (local) await local.remove();
    outcome = 'removed';
  }
  await clearPending(db.outbox, collection, docId);
  await clearProblem(db, collection, docId);
  return outcome;
}
