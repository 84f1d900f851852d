import { describe, expect, it } from 'vitest';
import { defaultSlaSetup, slaStateOf, toSlaTicket, withSlaDeadlines } from '#shared/domain/ticketDeadlines.ts';
import { maxInstant } from '#shared/schema/fields.ts';
import { makeTicket, monday10 } from '../../../support/ticketFactory.ts';

const minute = 60_000;
const hour = 60 * minute;

describe('the due instants stored on a ticket', () => {
  it('an emergency is due first for its first contact (15 working minutes), then for its resolution (4 working hours)', () => {
    const ticket = withSlaDeadlines(makeTicket({}, { priority: 'emergency' }), monday10);
    expect(ticket).toMatchObject({
      firstContactDueAt: monday10 + 15 * minute,
      resolutionDueAt: monday10 + 4 * hour,
      dueAt: monday10 + 15 * minute,
    });
  });

  it('once the client was contacted, an emergency is due for its resolution', () => {
    const contacted = makeTicket({ firstContactAt: monday10 + 5 * minute }, { priority: 'emergency' });
    expect(withSlaDeadlines(contacted, monday10 + 6 * minute)).toMatchObject({
      firstContactDueAt: monday10 + 15 * minute,
      dueAt: monday10 + 4 * hour,
    });
  });

  it('a standard ticket has no first-contact instant; it is due for its resolution in 24 working hours', () => {
    const ticket = withSlaDeadlines(makeTicket(), monday10);
    expect(ticket.firstContactDueAt).toBeNull();
    // Monday 10:00 + 24 working hours: 8 on Monday, 9 on Tuesday, 7 on Wednesday = Wednesday 16:00.
    expect(ticket.resolutionDueAt).toBe(monday10 + 2 * 24 * hour + 6 * hour);
    expect(ticket.dueAt).toBe(ticket.resolutionDueAt);
  });

  it('a closed ticket is due never: it sorts after every open one', () => {
    const closed = makeTicket({
      status: 'closed',
      resolvedAt: monday10 + hour,
      closedAt: monday10 + 2 * hour,
      statusLog: [
        { status: 'new', at: monday10 },
        { status: 'resolved', at: monday10 + hour },
        { status: 'closed', at: monday10 + 2 * hour },
      ],
    });
    expect(withSlaDeadlines(closed, monday10 + 3 * hour).dueAt).toBe(maxInstant);
  });

  it('keeps every other field of the ticket', () => {
    const ticket = makeTicket({ subject: 'Тема' });
    const { firstContactDueAt: _f, resolutionDueAt: _r, dueAt: _d, ...rest } = withSlaDeadlines(ticket, monday10);
    const { firstContactDueAt: _f0, resolutionDueAt: _r0, dueAt: _d0, ...before } = ticket;
    expect(rest).toEqual(before);
  });
});

describe('the SLA engine view of a ticket', () => {
  it('carries exactly what the engine counts from', () => {
    const ticket = makeTicket({ firstContactAt: monday10 + minute, resolvedAt: null }, { priority: 'emergency' });
    expect(toSlaTicket(ticket)).toEqual({
      createdAt: monday10,
      priority: 'emergency',
      firstContactAt: monday10 + minute,
      resolvedAt: null,
      statusLog: ticket.statusLog,
    });
  });

  it("uses the ticket's own priority policy", () => {
    const setup = defaultSlaSetup();
    expect(slaStateOf(makeTicket({}, { priority: 'consultation' }), monday10, setup).resolution.dueAt).toBe(
      // 48 working hours would end after the 5-calendar-day limit, so the limit is the due instant.
      monday10 + 5 * 24 * hour,
    );
    expect(defaultSlaSetup()).toBe(setup);
  });
});
