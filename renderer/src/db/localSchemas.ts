import type { FromSchema } from 'json-schema-to-ts';
import type { CollectionName, RejectionCode } from '#shared/protocol.ts';

/**
 * Local-only collections: never replicated.
 * `syncproblems` holds the documents the server refused, with its reason, until the user
 * retries (after editing) or discards the local change.
 */
export const syncProblemSchema = {
  title: 'sync problem',
  version: 0,
  primaryKey: 'key',
  type: 'object',
  additionalProperties: false,
  properties: {
    /** `${collection}:${docId}` */
    key: { type: 'string', maxLength: 100 },
    collectionName: { type: 'string', maxLength: 20 },
    docId: { type: 'string', maxLength: 40 },
    code: { type: 'string', maxLength: 40 },
    reason: { type: 'string', maxLength: 2000 },
    /** Short label of the document for the list (a ticket's subject, an article's title). */
    label: { type: 'string', maxLength: 300 },
    at: { type: 'number', minimum: 0, maximum: 1e15, multipleOf: 1 },
  },
  required: ['key', 'collectionName', 'docId', 'code', 'reason', 'label', 'at'],
  indexes: ['at'],
} as const;

type SyncProblemDoc = FromSchema<typeof syncProblemSchema>;
export type SyncProblem = Omit<SyncProblemDoc, 'collectionName' | 'code'> & {
  collectionName: CollectionName;
  code: RejectionCode;
};
