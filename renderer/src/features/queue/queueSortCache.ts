/**
 * Each column's sort ranks (queueSortRanks.ts) for the current tickets.
 *
 * prepareSortRanks builds them in the background after the tickets change: the keys of one column
 * per macrotask on the main thread, the ranking (a sort of every distinct value) in a worker, so
 * neither a click on a header nor the quick filter's keystrokes wait for it (idle time on the main
 * thread is not enough: it falls between keystrokes). A sort asked for before its column is
 * prepared builds it on the spot.
 */
import type { QueueSortColumn } from '#shared/domain/queueOrder.ts';
import { buildSortRanks, ranksOfKeys, sortKeysOf, type QueueSortRanks } from './queueSortRanks.ts';
import { ticketOrdinals } from './queueSearch.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import type { SortRanksReply, SortRanksRequest } from './sortRanks.worker.ts';

type RankedColumn = Exclude<QueueSortColumn, 'sla'>;
interface Cached {
  agentNames: ReadonlyMap<string, string>;
  ranks: QueueSortRanks<Ticket>;
}

const rankedColumns: readonly RankedColumn[] = [
  'subject',
  'organization',
  'number',
  'age',
  'assignee',
  'status',
  'priority',
  'channel',
];
const cache = new WeakMap<readonly Ticket[], Map<RankedColumn, Cached>>();

function columnsOf(tickets: readonly Ticket[]): Map<RankedColumn, Cached> {
  let columns = cache.get(tickets);
  if (!columns) {
    columns = new Map();
    cache.set(tickets, columns);
  }
  return columns;
}

function fresh(hit: Cached | undefined, column: RankedColumn, agentNames: ReadonlyMap<string, string>): hit is Cached {
  // The assignee column sorts by name: new names, new ranks.
  return hit !== undefined && (column !== 'assignee' || hit.agentNames === agentNames);
}

export function sortRanksFor(
  tickets: readonly Ticket[],
  column: RankedColumn,
  agentNames: ReadonlyMap<string, string>,
): QueueSortRanks<Ticket> {
  const columns = columnsOf(tickets);
  let hit = columns.get(column);
  if (!fresh(hit, column, agentNames)) {
    hit = { agentNames, ranks: buildSortRanks(tickets, column, (id) => agentNames.get(id) ?? '') };
    columns.set(column, hit);
  }
  return hit.ranks;
}

/** Ranks keys somewhere else than the caller's stack (a worker in the app, in-process in tests). */
export type KeyRanker = (keys: Array<string | number>) => Promise<{ ranks: Int32Array; distinct: number }>;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (reply: SortRanksReply) => void>();

/** The worker's ranker; where workers do not exist, the same function after a macrotask. */
export const workerRanker: KeyRanker = (keys) => {
  if (typeof Worker === 'undefined') return new Promise((resolve) => setTimeout(() => resolve(ranksOfKeys(keys)), 0));
  if (!worker) {
    worker = new Worker(new URL('./sortRanks.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<SortRanksReply>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
  }
  const id = nextId++;
  const request: SortRanksRequest = { id, keys };
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker!.postMessage(request);
  });
};

/**
 * Prepares every column's ranks for these tickets in the background, one column at a time;
 * returns a function that stops what has not started (the tickets changed again).
 */
export function prepareSortRanks(
  tickets: readonly Ticket[],
  agentNames: ReadonlyMap<string, string>,
  rank: KeyRanker = workerRanker,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const columns = columnsOf(tickets);
  const next = (i: number): void => {
    if (stopped || i >= rankedColumns.length) return;
    const column = rankedColumns[i]!;
    if (fresh(columns.get(column), column, agentNames)) {
      next(i + 1);
      return;
    }
    const keys = sortKeysOf(tickets, column, (id) => agentNames.get(id) ?? '');
    void rank(keys).then(({ ranks, distinct }) => {
      if (stopped) return;
      // A sort may have built this column meanwhile: keep the one already in use.
      if (!fresh(columns.get(column), column, agentNames))
        columns.set(column, { agentNames, ranks: { ordinals: ticketOrdinals(tickets), ranks, distinct } });
      timer = setTimeout(() => next(i + 1), 0);
    });
  };
  timer = setTimeout(() => next(0), 0);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
