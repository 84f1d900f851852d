/**
 * What the sync-problems list does for the manager: send a refused document again, or discard the
 * local change and take the server's version (removing the local copy when the server never
 * stored the document, without pushing that deletion).
 */
import type { RxCollection } from 'rxdb';
import type { CollectionName } from '#shared/protocol.ts';
import { discardLocalChange, retryProblem, type DiscardOutcome } from '../../db/syncProblemRepository.ts';
import { fetchServerVersion } from '../../sync/serverVersion.ts';
import type { Workspace } from '../../services/session/workspace.ts';

export async function sendAgain(ws: Workspace, collection: CollectionName, docId: string): Promise<void> {
  await retryProblem(ws.db, collection, docId, ws.clock.now());
}

export async function discardChange(ws: Workspace, collection: CollectionName, docId: string): Promise<DiscardOutcome> {
  const col = ws.db[collection] as unknown as RxCollection<{ id: string; updatedAt?: number }>;
  const local = await col.findOne(docId).exec();
  const knownUpdatedAt = typeof local?.updatedAt === 'number' ? local.updatedAt : 0;
  const master = await fetchServerVersion(ws.api, collection, docId, knownUpdatedAt);
  if (!master) ws.sync.keepDeletionLocal(collection, docId);
  return discardLocalChange(ws.db, collection, docId, master);
}
