/**
 * Glue between a ticket document and the alarm rules: what buildAlarmSpecs needs to know about one
 * ticket, computed with the SLA engine at `now` (server-corrected, like every SLA instant).
 *
 * - A paused clock (waiting for the client) has no resolution deadline to warn about: its due
 *   instant moves with time, so it is left out until the clock runs again.
 * - The standard/consultation warning sits `standardResolutionWarnBefore` WORKING minutes before
 *   the resolution deadline, on the SLA calendar: on a 09:00-18:00 week, 60 working minutes before
 *   a Monday 09:30 deadline is Friday 17:30.
 * - An unassigned ticket has assigneeId '' on the document; the rules expect null.
 */
import { openStatuses } from '../vocabulary/enums.ts';
import { slaSourceOf, slaStateOf, type SlaSetup } from '../domain/ticketDeadlines.ts';
import type { AlarmThresholds } from '../host.ts';
import type { Ticket } from '../schema/ticketSchema.ts';
import { workingMsBefore } from '../sla/workingTime.ts';
import type { AlarmTicket } from './buildAlarmSpecs.ts';

const minute = 60_000;

export function alarmTicketOf(ticket: Ticket, setup: SlaSetup, now: number, thresholds: AlarmThresholds): AlarmTicket {
  const resolved = !openStatuses.includes(ticket.status);
  const state = slaStateOf(ticket, now, setup);
  const contact = state.firstContact;
  const firstContactDueAt = contact !== null && contact.metAt === null ? contact.dueAt : null;
  const resolutionRunning = state.resolution.stage !== 'paused' && state.resolution.metAt === null;
  const resolutionDueAt = resolutionRunning ? state.resolution.dueAt : null;

  let resolutionWarnAt: number | null = null;
  const before = thresholds.standardResolutionWarnBefore;
  if (ticket.priority !== 'emergency' && resolutionDueAt !== null && before > 0) {
    const warn = workingMsBefore(slaSourceOf(ticket, setup).calendar, resolutionDueAt, before * minute);
    // A warning before the ticket existed would only repeat what the queue already shows.
    resolutionWarnAt = warn > ticket.createdAt ? warn : null;
  }

  return {
    id: ticket.id,
    number: ticket.number,
    priority: ticket.priority,
    subject: ticket.subject,
    siteName: ticket.siteName.trim() === '' ? null : ticket.siteName,
    createdAt: ticket.createdAt,
    firstContactDueAt,
    firstContactAt: ticket.firstContactAt,
    resolutionDueAt,
    resolutionWarnAt,
    resolved,
    assigneeId: ticket.assigneeId === '' ? null : ticket.assigneeId,
  };
}
