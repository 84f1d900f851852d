/**
 * A page of a collection read the way RxDB would, in one IndexedDB request: for a query whose
 * selector and sort the chosen index satisfies (RxDB's own query plan says so) and which has a
 * limit, the documents are exactly the first `limit` entries of the index's key range, so one
 * `getAll(range, limit)` returns them. RxDB's Dexie storage walks a cursor instead, one round trip
 * to IndexedDB per document, which dominated the queue's first render (docs/performance-queue.md).
 *
 * Read-only and used for the first page only: what it returns is replaced by the live query as
 * soon as that has every ticket. It relies on the Dexie storage's layout (exported helpers of
 * rxdb/plugins/storage-dexie: the docs table, the index names, the boolean mapping);
 * test/unit/renderer/db/indexedPageRead.test.ts compares it with RxDB's own result, and whenever the plan
 * does not allow it, or anything fails, the query runs through RxDB.
 */
import type { DexieStorageInternals, MangoQuery, RxCollection, RxDocumentData, RxQueryPlan } from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  fromDexieToStorage,
  getKeyRangeByQueryPlan,
} from 'rxdb/plugins/storage-dexie';

type Internals = Awaited<DexieStorageInternals>;

async function viaRxDb<T>(collection: RxCollection<T>, query: MangoQuery<T>): Promise<RxDocumentData<T>[]> {
  const docs = await collection.find(query).exec();
  return docs.map((d) => d._data);
}

/** RxDB's plan for the query and its limit, when one getAll on the plan's index answers it; else null. */
function oneRequestPlan<T>(collection: RxCollection<T>, query: MangoQuery<T>): { plan: RxQueryPlan; limit: number } | null {
  const { queryPlan: plan, query: normalized } = collection.find(query).getPreparedQuery();
  const { limit } = normalized;
  const ok =
    plan.selectorSatisfiedByIndex && plan.sortSatisfiedByIndex && !normalized.skip && typeof limit === 'number' && limit > 0;
  return ok ? { plan, limit } : null;
}

/** Whether RxDB's plan for the query lets one getAll on its index answer it. */
export function readsInOneRequest<T>(collection: RxCollection<T>, query: MangoQuery<T>): boolean {
  return oneRequestPlan(collection, query) !== null;
}

/** The stored data of the documents `collection.find(query).exec()` returns, in its order. */
export async function readIndexedPage<T>(collection: RxCollection<T>, query: MangoQuery<T>): Promise<RxDocumentData<T>[]> {
  const oneRequest = oneRequestPlan(collection, query);
  if (!oneRequest) return viaRxDb(collection, query);
  const { plan, limit } = oneRequest;
  try {
    const state = await (collection.storageInstance as unknown as { internals: DexieStorageInternals }).internals;
    const rows = await getAll(
      state,
      plan.index,
      getKeyRangeByQueryPlan(state.booleanIndexes, plan, state.dexieDb._options.IDBKeyRange) as IDBKeyRange,
      limit,
    );
    return rows.map((row) => fromDexieToStorage<T>(state.booleanIndexes, row));
  } catch (error) {
    console.warn('indexed page read failed, reading through RxDB', error);
    return viaRxDb(collection, query);
  }
}

function getAll(state: Internals, index: readonly string[], range: IDBKeyRange, limit: number): Promise<unknown[]> {
  const idb = state.dexieDb.backendDB();
  const name = `[${index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`;
  return new Promise((resolve, reject) => {
    const request = idb
      .transaction(DEXIE_DOCS_TABLE_NAME, 'readonly')
      .objectStore(DEXIE_DOCS_TABLE_NAME)
      .index(name)
      .getAll(range, limit);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('getAll failed'));
  });
}
