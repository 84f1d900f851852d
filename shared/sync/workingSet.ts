/**
 * The working set: what a desk keeps in its local database (docs/sync.md, "Working set").
 * Every open ticket, every ticket closed within the window, the timeline of those tickets, and
 * the small collections whole. The endpoint's scoped pull applies the same rule in SQL
 * (server/replication/workingSetScope.ts); the desk applies it to drop what has aged out.
 */
import { defaultWorkspaceSettings } from '../sla/slaSettings.ts';
import { openStatuses, type TicketStatus } from '../vocabulary/enums.ts';

/** The config key whose `workingSetDays` is the window (the head sets it with the SLA settings). */
export const workingSetConfigKey = 'workspace';
export const defaultClosedWindowDays = defaultWorkspaceSettings.workingSetDays;
export const maxClosedWindowDays = 3650;
export const dayMs = 86_400_000;

export interface WorkingSetConfig {
  closedWindowDays: number;
}

/** The window of the workspace setting (`workingSetDays` of config `workspace`), or the default when absent or malformed. */
export function workingSetConfigOf(value: unknown): WorkingSetConfig {
  const days = (value as { workingSetDays?: unknown } | null | undefined)?.workingSetDays;
  return isClosedWindowDays(days) ? { closedWindowDays: days } : { closedWindowDays: defaultClosedWindowDays };
}

export function isClosedWindowDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= maxClosedWindowDays;
}

export interface ScopedTicket {
  status: TicketStatus;
  createdAt: number;
  resolvedAt: number | null;
  closedAt: number | null;
}

/** When a ticket left the queue: closed, else resolved, else (a state that should not occur) created. */
export function closingInstant(ticket: ScopedTicket): number {
  return ticket.closedAt ?? ticket.resolvedAt ?? ticket.createdAt;
}

/** The earliest closing instant still inside the window at `now`. */
export function windowStart(now: number, closedWindowDays: number): number {
  return now - closedWindowDays * dayMs;
}

/**
 * Whether a ticket belongs to the working set at `now`. Leaving it needs no write (time passes),
 * coming back always does (a reopen changes the status): that asymmetry is what lets the scoped
 * pull keep the checkpoint contract.
 */
export function inWorkingSet(ticket: ScopedTicket, now: number, closedWindowDays: number): boolean {
  if (openStatuses.includes(ticket.status)) return true;
  return closingInstant(ticket) >= windowStart(now, closedWindowDays);
}
