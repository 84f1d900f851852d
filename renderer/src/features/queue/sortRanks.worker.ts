/**
 * Ranks a column's sort keys off the main thread (queueSortCache.ts prepares every column's ranks
 * in the background once the tickets are loaded, so the first click on a header only counts).
 */
import { ranksOfKeys } from './queueSortRanks.ts';

export interface SortRanksRequest {
  id: number;
  keys: Array<string | number>;
}

export interface SortRanksReply {
  id: number;
  ranks: Int32Array;
  distinct: number;
}

// A dedicated worker's global scope; the web twin's TypeScript lib is the DOM's, so typed as needed here.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SortRanksRequest>) => void) | null;
  postMessage(message: SortRanksReply, transfer: Transferable[]): void;
};

scope.onmessage = (e) => {
  const { ranks, distinct } = ranksOfKeys(e.data.keys);
  scope.postMessage({ id: e.data.id, ranks, distinct }, [ranks.buffer]);
};
