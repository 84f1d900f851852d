import type { AlarmSpec } from '../../../../shared/host.ts';
import type { AlarmTicket } from '../../../../shared/alarms/buildAlarmSpecs.ts';

export const minute = 60_000;
/** 10:00 Moscow on a Monday; the instants below are relative to it. */
export const t0 = Date.UTC(2026, 10, 23, 7, 0, 0);

export function spec(partial: Partial<AlarmSpec> = {}): AlarmSpec {
  return {
    ticketId: 't1',
    ticketNumber: '101',
    metric: 'firstContact',
    stage: 'warning',
    at: t0,
    severity: 'critical',
    title: 'title',
    body: 'body',
    ...partial,
  };
}

/** An unassigned emergency created at t0: first contact due at minute 15, resolution at 4 h. */
export function emergency(partial: Partial<AlarmTicket> = {}): AlarmTicket {
  return {
    id: 'e1',
    number: '101',
    priority: 'emergency',
    subject: 'Шлагбаум не открывается',
    siteName: 'ЖК «Северный»',
    createdAt: t0,
    firstContactDueAt: t0 + 15 * minute,
    firstContactAt: null,
    resolutionDueAt: t0 + 240 * minute,
    resolved: false,
    assigneeId: null,
    ...partial,
  };
}

/** An unassigned standard ticket created at t0: resolution due in 24 working hours (3 working days later). */
export function standard(partial: Partial<AlarmTicket> = {}): AlarmTicket {
  return {
    id: 's1',
    number: '202',
    priority: 'standard',
    subject: 'Не приходит SMS с кодом',
    siteName: 'БЦ «Орион»',
    createdAt: t0,
    firstContactDueAt: null,
    firstContactAt: null,
    resolutionDueAt: t0 + 72 * 60 * minute,
    resolutionWarnAt: t0 + 71 * 60 * minute,
    resolved: false,
    assigneeId: null,
    ...partial,
  };
}
