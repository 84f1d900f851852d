import type { CollectionName } from '#shared/protocol.ts';
import { collectionNames } from '#shared/protocol.ts';

/**
 * Advisory lock keys (the two-int form pg_advisory_xact_lock(namespace, key)). The namespace is
 * ours ("P24" in ASCII) so other applications sharing the database do not collide with us.
 */
export const lockKeys = {
  namespace: 0x503234,
  migrations: 1,
  /** Per collection: 100 + its index in collectionNames. */
  collection: (name: CollectionName): number => 100 + collectionNames.indexOf(name),
} as const;
