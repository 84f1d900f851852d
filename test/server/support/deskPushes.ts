/** What a desk's sync engine sends, recorded at its API client (the request itself still goes out). */
import type { CollectionName, PushRow } from '#shared/protocol.ts';
import type { ApiClient } from '../../../renderer/src/sync/apiClient.ts';

/** Records `collection:id` of every document `api` pushes in one of `collections`, in order. */
export function recordPushes(api: ApiClient, collections: readonly CollectionName[]): string[] {
  const pushed: string[] = [];
  const push = api.push.bind(api);
  api.push = <T>(collection: CollectionName, rows: Array<PushRow<T>>) => {
    if (collections.includes(collection))
      pushed.push(...rows.map((r) => `${collection}:${(r.newDocumentState as unknown as { id: string }).id}`));
    return push(collection, rows);
  };
  return pushed;
}
