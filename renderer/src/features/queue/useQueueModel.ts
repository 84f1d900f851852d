/**
 * The queue in front of the manager: the rows of the chosen view (filtered, sorted) and the live
 * counts of every view. The clock enters only through the few boundaries that move with it
 * (how many tickets are overdue, how many burn), so a tick of the shared ticker recomputes
 * nothing unless a ticket actually crossed a deadline.
 */
import { useEffect, useMemo } from 'react';
import {
  breachedCount,
  buildQueueIndex,
  burningWindowMs,
  openInUrgencyOrder,
  queueViewCounts,
  queueViewRows,
  type QueueSort,
  type QueueViewCounts,
  type QueueViewId,
} from '#shared/domain/queueOrder.ts';
import { filterWithSearch } from './queueSearch.ts';
import { sortRowsByRanks } from './queueSortRanks.ts';
import { useSlaSetup } from '../../services/session/slaSetupStore.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { tickerNow, useTickerValue } from '../../state/ticker.ts';
import { queueSearchFor, warmSearchTexts } from './queueSearchCache.ts';
import { prepareSortRanks, sortRanksFor } from './queueSortCache.ts';

export interface QueueModelInput {
  tickets: readonly Ticket[];
  agentId: string;
  agentNames: ReadonlyMap<string, string>;
  startOfToday: number;
  view: QueueViewId;
  filter: string;
  sort: QueueSort | null;
}

export interface QueueModel {
  rows: readonly Ticket[];
  /** Rows of the view before the quick filter. */
  viewSize: number;
  counts: QueueViewCounts;
}

/** Quiet time after the tickets change before the sort ranks are prepared (a sync brings many changes in a row). */
const prepareSortRanksAfterMs = 1000;

function prefixWhile(list: readonly Ticket[], limit: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.dueAt <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function useQueueModel(input: QueueModelInput): QueueModel {
  const { tickets, agentId, agentNames, startOfToday, view, filter, sort } = input;
  const setup = useSlaSetup();
  const index = useMemo(() => buildQueueIndex(tickets, agentId, setup), [tickets, agentId, setup]);
  // The boundaries move with the clock; the queue re-renders only when one of them moves, not
  // on every tick (a tick re-renders the countdown cells alone).
  const breached = useTickerValue((now) => breachedCount(index, now));
  // The "Горят" boundary: the rows and counts follow only when it moves.
  const burning = useTickerValue((now) => prefixWhile(index.running, now + burningWindowMs));
  const now = tickerNow();
  const ordered = useMemo(() => openInUrgencyOrder(index, breached), [index, breached]);
  const counts = useMemo(
    () => queueViewCounts(index, { agentId, now, startOfToday }),
    // `now` enters the counts only through `burning`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, agentId, burning, startOfToday],
  );
  const viewRows = useMemo(
    () => queueViewRows(view, index, ordered, { agentId, now, startOfToday }),
    // As above: the view rows depend on the clock only through `burning` (and `breached`, via `ordered`).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view, index, ordered, agentId, view === 'burning' ? burning : 0, startOfToday],
  );
  useEffect(() => warmSearchTexts(tickets), [tickets]);
  // Every column's sort ranks, in the background once the tickets have settled (queueSortCache.ts).
  useEffect(() => {
    let stop: (() => void) | undefined;
    const timer = setTimeout(() => {
      stop = prepareSortRanks(tickets, agentNames);
    }, prepareSortRanksAfterMs);
    return () => {
      clearTimeout(timer);
      stop?.();
    };
  }, [tickets, agentNames]);
  // One scan of every ticket's text joined together, whatever the view (queueSearch.ts).
  const filtered = useMemo(
    () => (filter.trim() ? filterWithSearch(viewRows, filter, queueSearchFor(tickets)) : viewRows),
    [viewRows, filter, tickets],
  );
  const rows = useMemo(() => {
    if (!sort) return filtered;
    const name = (id: string) => agentNames.get(id) ?? '';
    // 'sla' is the urgency order itself (or reversed): nothing to rank.
    const ranks = sort.column === 'sla' ? null : sortRanksFor(tickets, sort.column, agentNames);
    return sortRowsByRanks(filtered, sort, ranks, name);
  }, [filtered, sort, agentNames, tickets]);
  return { rows, viewSize: viewRows.length, counts };
}
