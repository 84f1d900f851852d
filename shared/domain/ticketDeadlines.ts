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

/** Which saved version of a setting a deadline comes from (null: the shipped defaults). */
export interface SettingVersionRef {
  readonly id: string;
  readonly from: number;
  readonly editedBy: string;
}

/** Policies per priority and the business calendar, as in force at some instant. */
export interface SlaSetupSource {
  policies: SlaPolicies;
  calendar: BusinessCalendar;
  policyVersion?: SettingVersionRef | null;
  calendarVersion?: SettingVersionRef | null;
}

/**
 * The workspace's SLA configuration: the newest policies and calendar, and `at` giving the ones in
 * force at an instant (a ticket keeps the deadlines of the setup in force when it was created).
 */
export interface SlaSetup extends SlaSetupSource {
  at?: (instant: number) => SlaSetupSource;
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

/** The setup a ticket is measured by: the one in force when it was created. */
export function slaSourceOf(ticket: Pick<Ticket, 'createdAt'>, setup: SlaSetup = defaultSlaSetup()): SlaSetupSource {
  return setup.at ? setup.at(ticket.createdAt) : setup;
}

export function slaStateOf(ticket: Ticket, now: number, setup: SlaSetup = defaultSlaSetup()): SlaState {
  const source = slaSourceOf(ticket, setup);
  return computeSla(toSlaTicket(ticket), source.policies[ticket.priority], source.calendar, now);
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
