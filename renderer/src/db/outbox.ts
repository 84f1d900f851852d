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

export async function markPending(outbox: OutboxCollection, collection: CollectionName, docIds: string[], at: number): Promise<void> {
  if (docIds.length === 0) return;
  await outbox.bulkUpsert(docIds.map((docId) => ({ key: outboxKey(collection, docId), collectionName: collection, docId, at: Math.round(at) })));
}

/** The server accepted these documents (id -> editedAt of the accepted state, 0 if unknown). */
export async function markAcknowledged(outbox: OutboxCollection, collection: CollectionName, accepted: Map<string, number>): Promise<void> {
  if (accepted.size === 0) return;
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
