import { describe, expect, it } from 'vitest';
import { alarmTicketOf } from '#shared/alarms/alarmTicketOf.ts';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { defaultAlarmThresholds, type AlarmThresholds } from '#shared/host.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { makeTicket, monday10 } from '../../../support/ticketFactory.ts';

// What the alarm rules learn of one ticket, at an instant, from the SLA engine.
const minute = 60_000;
const hour = 60 * minute;
const setup = defaultSlaSetup();
const of = (ticket: Ticket, thresholds: Partial<AlarmThresholds> = {}, now = monday10) =>
  alarmTicketOf(ticket, setup, now, { ...defaultAlarmThresholds, ...thresholds });
const emergency = (over: Partial<Ticket> = {}) => makeTicket({ createdAt: monday10, ...over }, { priority: 'emergency' });
const standard = (over: Partial<Ticket> = {}) => makeTicket({ createdAt: monday10, ...over }, { priority: 'standard' });

describe('a ticket as the alarm rules see it', () => {
  it('an emergency not yet contacted: both deadlines, no warning instant of its own, unassigned as null', () => {
    const ticket = emergency({ assigneeId: '', siteName: 'ЖК «Северный»' });
    expect(of(ticket)).toEqual({
      id: ticket.id,
      number: ticket.number,
      priority: 'emergency',
      subject: ticket.subject,
      siteName: 'ЖК «Северный»',
      createdAt: monday10,
      firstContactDueAt: monday10 + 15 * minute,
      firstContactAt: null,
      resolutionDueAt: monday10 + 4 * hour,
      resolutionWarnAt: null,
      resolved: false,
      assigneeId: null,
    });
  });

  it('has no first-contact deadline once contacted, and keeps its assignee and a blank site as none', () => {
    expect(of(emergency({ firstContactAt: monday10 + minute, assigneeId: 'agent-1', siteName: '  ' }))).toMatchObject({
      firstContactDueAt: null,
      firstContactAt: monday10 + minute,
      assigneeId: 'agent-1',
      siteName: null,
    });
  });

  it('has no resolution deadline while its clock is paused, nor once resolved', () => {
    const waiting = standard({
      status: 'waiting_client',
      statusLog: [
        { status: 'new', at: monday10 },
        { status: 'waiting_client', at: monday10 + hour },
      ],
    });
    expect(of(waiting, {}, monday10 + 2 * hour)).toMatchObject({
      resolutionDueAt: null,
      resolutionWarnAt: null,
      resolved: false,
    });
    const resolved = standard({
      status: 'resolved',
      resolvedAt: monday10 + hour,
      statusLog: [
        { status: 'new', at: monday10 },
        { status: 'resolved', at: monday10 + hour },
      ],
    });
    expect(of(resolved, {}, monday10 + 2 * hour)).toMatchObject({
      resolutionDueAt: null,
      resolutionWarnAt: null,
      resolved: true,
    });
  });

  it('a standard ticket warns the set working minutes before its resolution deadline, never at or before its creation', () => {
    const ticket = standard();
    const due = of(ticket).resolutionDueAt!;
    // Created Monday 10:00 with 24 working hours of 09:00-18:00 days: due Wednesday 16:00.
    expect(due).toBe(monday10 + 2 * 24 * hour + 6 * hour);
    expect(of(ticket, { standardResolutionWarnBefore: 60 }).resolutionWarnAt).toBe(due - hour);
    expect(of(ticket, { standardResolutionWarnBefore: 24 * 60 - 1 }).resolutionWarnAt).toBe(monday10 + minute);
    expect(of(ticket, { standardResolutionWarnBefore: 24 * 60 }).resolutionWarnAt).toBeNull();
    expect(of(ticket, { standardResolutionWarnBefore: 0 }).resolutionWarnAt).toBeNull();
  });
});
