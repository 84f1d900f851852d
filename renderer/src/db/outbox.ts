/**
 * The outbox counts local changes not yet acknowledged by the central endpoint, for the status
 * bar ("3 изменения ждут отправки"). RxDB itself guarantees the push; this only tracks it.
 * An entry is removed when the server accepts the document in a state at least as new as the
 * entry (a later local edit keeps it pending), or when the user discards a refused change.
 */
import type { RxCollection } from 'rxdb';
import type { FromSchema } from 'json-schema-to-ts';
import type { CollectionName } from '#shared/protocol.ts';

export const outboxSchema = {
  title: 'outbox entry',
  version: 0,
  primaryKey: 'key',
  type: 'object',
  additionalProperties: false,
  properties: {
    key: { type: 'string', maxLength: 100 },
    collectionName: { type: 'string', maxLength: 20 },
    docId: { type: 'string', maxLength: 40 },
    /** editedAt of the latest local write of the document. */
    at: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
  },
  required: ['key', 'collectionName', 'docId', 'at'],
} as const;

export type OutboxEntry = FromSchema<typeof outboxSchema>;
export type OutboxCollection = RxCollection<OutboxEntry>;

export const outboxKey = (collection: CollectionName, docId: string) => `${collection}:${docId}`;

/**
 * Recent acknowledgements per outbox (key -> editedAt of the accepted state). A repository writes
 * the document before marking it pending, and the replication may push it and get the answer in
 * between: the acknowledgement then finds no entry, and the entry written after it would stay
 * pending forever. markPending looks here after writing and settles such entries at once. The
 * race spans milliseconds, so a short in-memory list is enough.
 */
const recentAcks = new WeakMap<OutboxCollection, Map<string, number>>();
const recentAckLimit = 2000;

function rememberAcks(outbox: OutboxCollection, collection: CollectionName, accepted: Map<string, number>): void {
  let acks = recentAcks.get(outbox);
  if (!acks) recentAcks.set(outbox, (acks = new Map()));
  for (const [id, ackAt] of accepted) {
    if (ackAt <= 0) continue;
    const key = outboxKey(collection, id);
    acks.delete(key);
    acks.set(key, ackAt);
  }
  for (const key of acks.keys()) {
    if (acks.size <= recentAckLimit) break;
    acks.delete(key);
  }
}

export async function markPending(
  outbox: OutboxCollection,
  collection: CollectionName,
  docIds: string[],
  at: number,
): Promise<void> {
  if (docIds.length === 0) return;
  const entryAt = Math.round(at);
  await outbox.bulkUpsert(
    docIds.map((docId) => ({ key: outboxKey(collection, docId), collectionName: collection, docId, at: entryAt })),
  );
  const acks = recentAcks.get(outbox);
  if (!acks) return;
  const alreadyAccepted = new Map<string, number>();
  for (const docId of docIds) {
    const ackAt = acks.get(outboxKey(collection, docId));
    if (ackAt !== undefined && ackAt >= entryAt) alreadyAccepted.set(docId, ackAt);
  }
  if (alreadyAccepted.size > 0) await markAcknowledged(outbox, collection, alreadyAccepted);
}

/** The server accepted these documents (id -> editedAt of the accepted state, 0 if unknown). */
export async function markAcknowledged(
  outbox: OutboxCollection,
  collection: CollectionName,
  accepted: Map<string, number>,
): Promise<void> {
  if (accepted.size === 0) return;
  // Before reading the entries: a markPending finishing after this read still sees the answer.
  rememberAcks(outbox, collection, accepted);
  const keys = [...accepted.keys()].map((id) => outboxKey(collection, id));
  const found = await outbox.findByIds(keys).exec();
  const done: string[] = [];
  for (const [key, entry] of found) {
    const ackAt = accepted.get(entry.docId) ?? 0;
    if (ackAt === 0 || ackAt >= entry.at) done.push(key);
  }
  if (done.length > 0) await outbox.bulkRemove(done);
}

export async function clearPending(outbox: OutboxCollection, collection: CollectionName, docId: string): Promise<void> {
  const doc = await outbox.findOne(outboxKey(collection, docId)).exec();
  if (doc) await doc.remove();
}
