/**
 * The working set: what a desk keeps in its local database (docs/sync.md, "Working set").
 * Every open ticket, every ticket closed within the window, the timeline of the open ones and the
 * entries of the closed ones the desk reads offline, and the small collections whole. The
 * endpoint's scoped pull applies the same rule in SQL (server/replication/workingSetScope.ts);
 * the desk applies it to drop what has aged out.
 */
import { kpiEventKinds } from '../kpi/kpiTypes.ts';
import type { TicketEvent } from '../schema/eventSchema.ts';
import { defaultWorkspaceSettings } from '../sla/slaSettings.ts';
import { scriptOf } from '../templates/scriptUsage.ts';
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

/**
 * The kinds of a finished ticket's timeline a scoped pull sends: those the offline KPI report
 * reads. The rest of that timeline is fetched when the ticket is opened, and kept.
 */
export const closedTicketEventKinds: readonly TicketEvent['kind'][] = kpiEventKinds;

/**
 * Whether a scoped pull sends this entry of a ticket finished within the window: a kind the KPI
 * report reads, or an entry written from a reply script (the scripts' usage counts read those).
 */
export function travelsWithClosedTicket(event: Pick<TicketEvent, 'kind' | 'data'>): boolean {
  return closedTicketEventKinds.includes(event.kind) || scriptOf(event) !== null;
}
