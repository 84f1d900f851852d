/**
 * Glue between tickets and the SLA engine: the engine's input view of a ticket, and the due
 * instants stored on the document so the queue can sort by an index.
 */
import type { Ticket } from '../schema/ticketSchema.ts';
import { maxInstant } from '../schema/fields.ts';
import {
  computeSla,
  defaultRussianCalendar,
  defaultSlaPolicies,
  type BusinessCalendar,
  type SlaPolicies,
  type SlaState,
  type SlaTicket,
} from '../sla/index.ts';

/** The workspace's SLA configuration: policies per priority and the business calendar. */
export interface SlaSetup {
  policies: SlaPolicies;
  calendar: BusinessCalendar;
}

let defaults: SlaSetup | null = null;

/** The defaults of the job description on the shipped Russian production calendar (built once). */
export function defaultSlaSetup(): SlaSetup {
  defaults ??= { policies: defaultSlaPolicies(), calendar: defaultRussianCalendar() };
  return defaults;
}

export function toSlaTicket(
  ticket: Pick<Ticket, 'createdAt' | 'priority' | 'firstContactAt' | 'resolvedAt' | 'statusLog'>,
): SlaTicket {
  return {
    createdAt: ticket.createdAt,
    priority: ticket.priority,
    firstContactAt: ticket.firstContactAt,
    resolvedAt: ticket.resolvedAt,
    statusLog: ticket.statusLog,
  };
}

export function slaStateOf(ticket: Ticket, now: number, setup: SlaSetup = defaultSlaSetup()): SlaState {
  return computeSla(toSlaTicket(ticket), setup.policies[ticket.priority], setup.calendar, now);
}

const toStoredInstant = (at: number | null | undefined): number | null =>
  at === null || at === undefined ? null : Math.min(maxInstant, Math.max(0, Math.round(at)));

/**
 * The ticket with its due instants recomputed. While the resolution clock is paused the stored
 * due instant is the one that holds if the clock resumed at `now`; the queue recomputes it live.
 */
export function withSlaDeadlines<T extends Ticket>(ticket: T, now: number, setup: SlaSetup = defaultSlaSetup()): T {
  const state = slaStateOf(ticket, now, setup);
  return {
    ...ticket,
    firstContactDueAt: toStoredInstant(state.firstContact?.dueAt),
    resolutionDueAt: toStoredInstant(state.resolution.dueAt),
    dueAt: toStoredInstant(state.nextDueAt) ?? maxInstant,
  };
}
