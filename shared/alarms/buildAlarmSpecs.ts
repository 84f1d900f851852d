/**
 * The alarm rules: from tickets and their SLA due instants to the list of
 * alarms the host schedules. The SLA engine computes the instants; this file only places the alarm
 * stages around them, so it takes those instants as plain input.
 *
 * Every stage that still matters is listed, past ones included: the scheduler's fired log decides
 * whether it already fired, and a past one that did not (the machine slept) fires late.
 *
 * Emergency (critical severity):
 *   arrival at creation; first contact warning `emergencyContactWarnBefore` minutes before the
 *   first-contact due instant, breach at it; resolution warning `emergencyResolutionWarnBefore`
 *   minutes before the resolution due instant, breach at it.
 * Standard and consultation (normal severity):
 *   resolution warning at `resolutionWarnAt` (the caller computes it on the working calendar,
 *   `standardResolutionWarnBefore` working minutes before the target), breach at the due instant.
 *
 * Whose alarms: a ticket assigned to this agent, or an unassigned one while the agent is on shift.
 * The arrival alarm goes only to agents on shift. A ticket taken by someone else, contacted or
 * resolved drops out of the list, which cancels its pending alarms.
 */
import type { AlarmSpec, AlarmThresholds, Locale } from '../host.ts';
import { alarmText } from './alarmTexts.ts';
import type { AlarmTextInput } from './alarmTexts.ts';

/** Same values as shared/domain's Priority; spelled out so the alarm rules stand on their own. */
export type AlarmPriority = 'emergency' | 'standard' | 'consultation';

/** What the alarm rules need to know about one ticket. Instants are epoch ms, server-corrected. */
export interface AlarmTicket {
  id: string;
  number: string | null;
  priority: AlarmPriority;
  subject: string;
  siteName: string | null;
  createdAt: number;
  /** Null when the metric does not apply or its clock is paused. */
  firstContactDueAt: number | null;
  /** The first public contact with the client; null while there has been none. */
  firstContactAt: number | null;
  /** Null when the clock is paused (e.g. waiting for the client). */
  resolutionDueAt: number | null;
  /**
   * Standard and consultation only: the instant the resolution target is
   * `standardResolutionWarnBefore` working minutes away, on the SLA calendar. Null when unknown.
   */
  resolutionWarnAt?: number | null;
  resolved: boolean;
  assigneeId: string | null;
}

export interface AlarmAudience {
  thresholds: AlarmThresholds;
  /** The agent is "на смене". */
  onShift: boolean;
  /** This workstation's signed-in agent. */
  agentId: string;
  locale?: Locale;
}

const minute = 60_000;

export function buildAlarmSpecs(tickets: readonly AlarmTicket[], audience: AlarmAudience): AlarmSpec[] {
  return tickets.flatMap((ticket) => alarmsForTicket(ticket, audience));
}

export function alarmsForTicket(ticket: AlarmTicket, audience: AlarmAudience): AlarmSpec[] {
  if (ticket.resolved) return [];
  const mine = ticket.assigneeId === audience.agentId;
  const unassigned = ticket.assigneeId === null;
  if (!mine && !(unassigned && audience.onShift)) return [];

  const { thresholds } = audience;
  // Stryker disable next-line StringLiteral: alarmText speaks Russian for any locale but 'en'
  const locale = audience.locale ?? 'ru';
  const emergency = ticket.priority === 'emergency';
  const severity: AlarmSpec['severity'] = emergency ? 'critical' : 'normal';
  const out: AlarmSpec[] = [];
  const add = (metric: AlarmSpec['metric'], stage: AlarmSpec['stage'], at: number, minutesLeft?: number): void => {
    const input: AlarmTextInput = {
      metric,
      stage,
      emergency,
      ticketNumber: ticket.number,
      subject: ticket.subject,
      siteName: ticket.siteName,
    };
    if (minutesLeft !== undefined) input.minutesLeft = minutesLeft;
    out.push({ ticketId: ticket.id, ticketNumber: ticket.number, metric, stage, at, severity, ...alarmText(input, locale) });
  };
  // A warning that would come before the ticket exists says nothing the arrival does not.
  const warnAt = (due: number, before: number): number | null =>
    before > 0 && due - before * minute > ticket.createdAt ? due - before * minute : null;

  if (emergency) {
    const contacted = ticket.firstContactAt !== null;
    if (!contacted) {
      if (audience.onShift) add('arrival', 'arrived', ticket.createdAt);
      if (ticket.firstContactDueAt !== null) {
        const warn = warnAt(ticket.firstContactDueAt, thresholds.emergencyContactWarnBefore);
        if (warn !== null) add('firstContact', 'warning', warn, thresholds.emergencyContactWarnBefore);
        add('firstContact', 'breached', ticket.firstContactDueAt);
      }
    }
    if (ticket.resolutionDueAt !== null) {
      const warn = warnAt(ticket.resolutionDueAt, thresholds.emergencyResolutionWarnBefore);
      if (warn !== null) add('resolution', 'warning', warn, thresholds.emergencyResolutionWarnBefore);
      add('resolution', 'breached', ticket.resolutionDueAt);
    }
    return out;
  }

  if (ticket.resolutionDueAt !== null) {
    const warn = ticket.resolutionWarnAt ?? null;
    if (warn !== null && warn < ticket.resolutionDueAt && thresholds.standardResolutionWarnBefore > 0) {
      add('resolution', 'warning', warn, thresholds.standardResolutionWarnBefore);
    }
    add('resolution', 'breached', ticket.resolutionDueAt);
  }
  return out;
}
