/**
 * Column sorts over many tickets: each ticket's rank by a column's key (equal keys, equal rank),
 * computed once per data change and column; a sort is then a counting sort of the rows by rank,
 * linear and stable, instead of a comparison sort with string keys on every click. The keys are
 * sortKeyOf's (shared/domain/queueOrder.ts).
 */
import { sortKeyOf, type QueueSort, type QueueSortColumn, type QueueTicket } from '#shared/domain/queueOrder.ts';
import { rowOrdinals, ticketOrdinals } from './queueSearch.ts';

/** Dense ranks of the tickets by a column's key (equal keys, equal rank), by ticket ordinal. */
export interface QueueSortRanks<T> {
  readonly ordinals: ReadonlyMap<T, number>;
  readonly ranks: Int32Array;
  /** How many distinct keys (ranks run from 0 to distinct - 1). */
  readonly distinct: number;
}

export function buildSortRanks<T extends QueueTicket>(
  tickets: readonly T[],
  column: Exclude<QueueSortColumn, 'sla'>,
  agentName: (agentId: string) => string = () => '',
): QueueSortRanks<T> {
  const { ranks, distinct } = ranksOfKeys(sortKeysOf(tickets, column, agentName));
  return { ordinals: ticketOrdinals(tickets), ranks, distinct };
}

/** The keys of a column, one per ticket by ordinal (what ranksOfKeys ranks). */
export function sortKeysOf<T extends QueueTicket>(
  tickets: readonly T[],
  column: Exclude<QueueSortColumn, 'sla'>,
  agentName: (agentId: string) => string = () => '',
): Array<string | number> {
  return tickets.map(sortKeyOf(column, agentName));
}

/**
 * Dense ranks of keys (equal keys, equal rank): numbers first, numerically, then strings by UTF-16
 * code units, as `<` compares them. Pure and self-contained, so a worker can run it
 * (renderer/src/features/queue/sortRanks.worker.ts).
 */
export function ranksOfKeys(keys: ReadonlyArray<string | number>): { ranks: Int32Array; distinct: number } {
  // Sort the distinct keys only: most columns have a handful; numbers and strings apart.
  const distinct = [...new Set(keys)];
  const numbers = distinct.filter((k): k is number => typeof k === 'number');
  const strings = distinct.filter((k): k is string => typeof k === 'string');
  const ordered: Array<string | number> = [...Float64Array.from(numbers).sort(), ...strings.sort()];
  const rankOfKey = new Map<string | number, number>(ordered.map((k, i) => [k, i]));
  const ranks = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) ranks[i] = rankOfKey.get(keys[i]!)!;
  return { ranks, distinct: ordered.length };
}

/**
 * The rows sorted by a column: 'sla' keeps the view's own (urgency) order, reversed when
 * descending; any other column by rank (descending: ranks reversed), equal ranks in the rows' own
 * order. Without ranks for every row (none given, or rows they were not built with), the rows are
 * ranked among themselves.
 */
export function sortRowsByRanks<T extends QueueTicket>(
  rows: readonly T[],
  sort: QueueSort,
  ranks: QueueSortRanks<T> | null,
  agentName: (agentId: string) => string = () => '',
): readonly T[] {
  if (sort.column === 'sla') return sort.desc ? [...rows].reverse() : rows;
  if (!ranks) return sortRowsByRanks(rows, sort, buildSortRanks(rows, sort.column, agentName));
  const k = ranks.distinct;
  const ordinals = rowOrdinals(rows, ranks.ordinals);
  const rowRanks = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const ordinal = ordinals[i]!;
    if (ordinal < 0) return sortRowsByRanks(rows, sort, null, agentName);
    const r = ranks.ranks[ordinal]!;
    rowRanks[i] = sort.desc ? k - 1 - r : r;
  }
  const starts = new Int32Array(k + 1);
  for (let i = 0; i < rows.length; i++) starts[rowRanks[i]! + 1]!++;
  for (let r = 0; r < k; r++) starts[r + 1]! += starts[r]!;
  const out = new Array<T>(rows.length);
  for (let i = 0; i < rows.length; i++) out[starts[rowRanks[i]!]!++] = rows[i]!;
  return out;
}
