/**
 * Each column's sort ranks (shared/domain/queueSortRanks.ts) for the current tickets, built on
 * the first sort by that column after a data change. (Building them ahead in idle time was
 * tried: the 50-180 ms builds landed between keystrokes of the quick filter.)
 */
import type { QueueSortColumn } from '#shared/domain/queueOrder.ts';
import { buildSortRanks, type QueueSortRanks } from '#shared/domain/queueSortRanks.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';

type RankedColumn = Exclude<QueueSortColumn, 'sla'>;
interface Cached {
  agentNames: ReadonlyMap<string, string>;
  ranks: QueueSortRanks<Ticket>;
}

const cache = new WeakMap<readonly Ticket[], Map<RankedColumn, Cached>>();

export function sortRanksFor(tickets: readonly Ticket[], column: RankedColumn, agentNames: ReadonlyMap<string, string>): QueueSortRanks<Ticket> {
  let columns = cache.get(tickets);
  if (!columns) {
    columns = new Map();
    cache.set(tickets, columns);
  }
  let hit = columns.get(column);
  // The assignee column sorts by name: new names, new ranks.
  if (!hit || (column === 'assignee' && hit.agentNames !== agentNames)) {
    hit = { agentNames, ranks: buildSortRanks(tickets, column, (id) => agentNames.get(id) ?? '') };
    columns.set(column, hit);
  }
  return hit.ranks;
}

