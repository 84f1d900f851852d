/**
 * The server's current version of one document. The protocol has no read-by-id route, but a pull
 * returns every document changed after a checkpoint in (updatedAt, id) order, and the server's
 * updatedAt of a document only grows: reading from just below the updatedAt the local copy was
 * pulled with is bound to meet the document, unless the server never stored it.
 */
import { maxPullLimit, type CollectionName, type WithDeleted } from '#shared/protocol.ts';
import type { ApiClient } from './apiClient.ts';

export type ServerDocument = WithDeleted<{ id: string; updatedAt?: number } & Record<string, unknown>>;

export async function fetchServerVersion(
  api: Pick<ApiClient, 'pull'>,
  collection: CollectionName,
  docId: string,
  /** updatedAt of the local copy: 0 for a document created here and never pulled back. */
  knownUpdatedAt: number,
): Promise<ServerDocument | null> {
  // Any checkpoint strictly below knownUpdatedAt includes the rows with exactly that updatedAt.
  let checkpoint = knownUpdatedAt > 0 ? { id: docId, updatedAt: Math.max(0, knownUpdatedAt - 1) } : null;
  for (;;) {
    const page = await api.pull<ServerDocument>(collection, checkpoint, maxPullLimit);
    const found = page.documents.find((d) => d.id === docId);
    if (found) return found;
    if (page.documents.length < maxPullLimit || !page.checkpoint) return null;
    checkpoint = page.checkpoint;
  }
}
