/**
 * The prioritised queue as pure data: the urgency order, the views (Мои, Все открытые,
 * Экстренные, Горят, Ожидают клиента, На эскалации, Закрытые сегодня), their counts and each
 * column's sort key.
 *
 * Built for 50,000 tickets: everything that does not depend on the clock is computed once per
 * data change (buildQueueIndex: sorted arrays, counts); a tick of the clock
 * only moves boundaries found by binary search over the stored due instants (`dueAt`), so it
 * costs O(log n) unless a ticket actually crosses its deadline. Full SLA states are left to the
 * caller, for the rows on screen only.
 */
import type { Ticket } from '../schema/ticketSchema.ts';
import { wallClockToInstant, zoneOffsetMs } from '../sla/timeZone.ts';
import { openStatuses, type Priority, type TicketStatus } from '../vocabulary/enums.ts';
import { defaultSlaSetup, type SlaSetup } from './ticketDeadlines.ts';

/** The fields the queue reads: a ticket document (or its stored data). */
export type QueueTicket = Pick<
  Ticket,
  | 'id'
  | 'number'
  | 'subject'
  | 'priority'
  | 'status'
  | 'channel'
  | 'organizationName'
  | 'siteName'
  | 'contact'
  | 'assigneeId'
  | 'createdAt'
  | 'closedAt'
  | 'dueAt'
>;

export const queueViewIds = ['mine', 'open', 'emergency', 'burning', 'waiting', 'escalation', 'closedToday'] as const;
export type QueueViewId = (typeof queueViewIds)[number];

/** "Горят": open tickets whose running clock is due within this window (or already overdue). */
export const burningWindowMs = 60 * 60_000;

export interface QueueContext {
  /** The signed-in agent (for "Мои"). */
  agentId: string;
  now: number;
  /** Start of the current day in the workspace's time zone (for "Закрытые сегодня"). */
  startOfToday: number;
}

const priorityRank: Readonly<Record<Priority, number>> = { emergency: 0, standard: 1, consultation: 2 };
const openSet: ReadonlySet<TicketStatus> = new Set(openStatuses);
const escalationStatuses: ReadonlySet<TicketStatus> = new Set(['escalation_requested', 'escalated']);

export function isOpen(ticket: Pick<QueueTicket, 'status'>): boolean {
  return openSet.has(ticket.status);
}

/** Open, and the SLA clock runs (not in a status the ticket's policy pauses, e.g. waiting for the client). */
export function isClockRunning(
  ticket: Pick<QueueTicket, 'status' | 'priority'> & { createdAt?: number },
  setup: SlaSetup = defaultSlaSetup(),
): boolean {
  const source = setup.at && ticket.createdAt !== undefined ? setup.at(ticket.createdAt) : setup;
  return isOpen(ticket) && !source.policies[ticket.priority].pausingStatuses.includes(ticket.status);
}

/** Overdue by the stored due instant: the clock runs and the next due instant has passed. */
export function isBreached(
  ticket: Pick<QueueTicket, 'status' | 'priority' | 'dueAt'>,
  now: number,
  setup: SlaSetup = defaultSlaSetup(),
): boolean {
  return isClockRunning(ticket, setup) && ticket.dueAt <= now;
}

/** Nearest due instant first, then the more urgent priority, then the older ticket; id keeps it total. */
export function compareByDue(a: QueueTicket, b: QueueTicket): number {
  return (
    a.dueAt - b.dueAt ||
    priorityRank[a.priority] - priorityRank[b.priority] ||
    a.createdAt - b.createdAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The urgency order at `now`: breached first, then open tickets by the nearest due instant
 * (the stored dueAt is the first contact of an emergency not yet contacted, else the
 * resolution), priority as the tie-break; finished tickets last, most recently closed first.
 */
export function compareUrgency(a: QueueTicket, b: QueueTicket, now: number, setup: SlaSetup = defaultSlaSetup()): number {
  const group = (t: QueueTicket) => (isBreached(t, now, setup) ? 0 : isOpen(t) ? 1 : 2);
  const ga = group(a);
  const gb = group(b);
  if (ga !== gb) return ga - gb;
  if (ga === 2) return (b.closedAt ?? 0) - (a.closedAt ?? 0) || compareByDue(a, b);
  return compareByDue(a, b);
}

/** Whether a ticket belongs to a view at `ctx.now` (the definition; the index below is the fast path). */
export function inQueueView(
  view: QueueViewId,
  ticket: QueueTicket,
  ctx: QueueContext,
  setup: SlaSetup = defaultSlaSetup(),
): boolean {
  switch (view) {
    case 'mine':
      return isOpen(ticket) && ticket.assigneeId !== '' && ticket.assigneeId === ctx.agentId;
    case 'open':
      return isOpen(ticket);
    case 'emergency':
      return isOpen(ticket) && ticket.priority === 'emergency';
    case 'burning':
      return isClockRunning(ticket, setup) && ticket.dueAt <= ctx.now + burningWindowMs;
    case 'waiting':
      return ticket.status === 'waiting_client';
    case 'escalation':
      return escalationStatuses.has(ticket.status);
    case 'closedToday':
      return ticket.status === 'closed' && ticket.closedAt !== null && ticket.closedAt >= ctx.startOfToday;
  }
}

/** The clock-independent part of the queue, rebuilt when the tickets change. */
export interface QueueIndex<T extends QueueTicket> {
  /** Open tickets whose clock runs, by due instant. */
  readonly running: readonly T[];
  /** Open tickets whose clock is paused, by due instant. */
  readonly paused: readonly T[];
  /** Closed tickets, most recently closed first. */
  readonly closed: readonly T[];
  readonly agentId: string;
  readonly setup: SlaSetup;
}

export function buildQueueIndex<T extends QueueTicket>(
  tickets: readonly T[],
  agentId: string,
  setup: SlaSetup = defaultSlaSetup(),
): QueueIndex<T> {
  const running: T[] = [];
  const paused: T[] = [];
  const closed: T[] = [];
  for (const t of tickets) {
    if (isOpen(t)) (isClockRunning(t, setup) ? running : paused).push(t);
    else if (t.status === 'closed' && t.closedAt !== null) closed.push(t);
  }
  running.sort(compareByDue);
  paused.sort(compareByDue);
  closed.sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0) || compareByDue(a, b));
  return { running, paused, closed, agentId, setup };
}

/** Number of leading items for which `inPrefix` holds (the array is partitioned by it). */
function prefixLength<T>(items: readonly T[], inPrefix: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inPrefix(items[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many running tickets are overdue at `now`. Changes only when a deadline passes. */
export function breachedCount(index: QueueIndex<QueueTicket>, now: number): number {
  return prefixLength(index.running, (t) => t.dueAt <= now);
}

/**
 * Open tickets in urgency order given how many are breached (breachedCount): the breached
 * prefix, then the rest of the running tickets merged with the paused ones by due instant.
 * Depends on the clock only through `breached`, so callers memoise on it.
 */
export function openInUrgencyOrder<T extends QueueTicket>(index: QueueIndex<T>, breached: number): T[] {
  const { running, paused } = index;
  const out: T[] = running.slice(0, breached);
  let i = breached;
  let j = 0;
  while (i < running.length && j < paused.length) {
    out.push(compareByDue(running[i]!, paused[j]!) <= 0 ? running[i++]! : paused[j++]!);
  }
  while (i < running.length) out.push(running[i++]!);
  while (j < paused.length) out.push(paused[j++]!);
  return out;
}

/** The rows of a view, in urgency order (closed today: most recently closed first). */
export function queueViewRows<T extends QueueTicket>(
  view: QueueViewId,
  index: QueueIndex<T>,
  openOrdered: readonly T[],
  ctx: QueueContext,
): T[] {
  switch (view) {
    case 'open':
      return [...openOrdered];
    case 'burning':
      return index.running.slice(
        0,
        prefixLength(index.running, (t) => t.dueAt <= ctx.now + burningWindowMs),
      );
    case 'closedToday':
      return index.closed.slice(
        0,
        prefixLength(index.closed, (t) => (t.closedAt ?? 0) >= ctx.startOfToday),
      );
    default:
      return openOrdered.filter((t) => inQueueView(view, t, ctx, index.setup));
  }
}

export type QueueViewCounts = Record<QueueViewId, number>;

/** Live counts of every view: linear in open tickets, so callers memoise on the index. */
export function queueViewCounts(index: QueueIndex<QueueTicket>, ctx: QueueContext): QueueViewCounts {
  let mine = 0;
  let emergency = 0;
  let waiting = 0;
  let escalation = 0;
  for (const list of [index.running, index.paused]) {
    for (const t of list) {
      if (t.assigneeId !== '' && t.assigneeId === ctx.agentId) mine++;
      if (t.priority === 'emergency') emergency++;
      if (t.status === 'waiting_client') waiting++;
      if (escalationStatuses.has(t.status)) escalation++;
    }
  }
  return {
    mine,
    open: index.running.length + index.paused.length,
    emergency,
    burning: prefixLength(index.running, (t) => t.dueAt <= ctx.now + burningWindowMs),
    waiting,
    escalation,
    closedToday: prefixLength(index.closed, (t) => (t.closedAt ?? 0) >= ctx.startOfToday),
  };
}

export const queueSortColumns = [
  'number',
  'priority',
  'subject',
  'organization',
  'status',
  'assignee',
  'sla',
  'channel',
  'age',
] as const;
export type QueueSortColumn = (typeof queueSortColumns)[number];

export interface QueueSort {
  column: QueueSortColumn;
  desc: boolean;
}

const statusRank: Readonly<Record<TicketStatus, number>> = {
  new: 0,
  in_progress: 1,
  waiting_client: 2,
  escalation_requested: 3,
  escalated: 4,
  resolved: 5,
  closed: 6,
};

/**
 * What a column sorts by ('sla' has no key: it is the view's own urgency order). Numbers compare
 * numerically; strings are lower-cased and compare by code point (Russian letters keep
 * alphabetical order except ё).
 */
export function sortKeyOf(
  column: Exclude<QueueSortColumn, 'sla'>,
  agentName: (id: string) => string,
): (t: QueueTicket) => string | number {
  switch (column) {
    // Not-yet-synced tickets (no number) sort after numbered ones.
    case 'number':
      return (t) => t.number ?? '\uffff';
    case 'priority':
      return (t) => priorityRank[t.priority];
    case 'subject':
      return (t) => t.subject.toLowerCase();
    case 'organization':
      return (t) => `${t.organizationName} ${t.siteName}`.toLowerCase();
    case 'status':
      return (t) => statusRank[t.status];
    case 'assignee':
      return (t) => (t.assigneeId ? agentName(t.assigneeId).toLowerCase() || t.assigneeId : '\uffff');
    case 'channel':
      return (t) => t.channel;
    // Ascending age: the newest ticket first.
    case 'age':
      return (t) => -t.createdAt;
  }
}

/** The instant the current day began in a time zone (for "Закрытые сегодня"). */
export function startOfDayIn(timeZone: string, now: number): number {
  const wall = now + zoneOffsetMs(timeZone, now);
  const dayStartWall = Math.floor(wall / 86_400_000) * 86_400_000;
  return wallClockToInstant(timeZone, dayStartWall, now);
}
