import { describe, expect, it } from 'vitest';
import {
  breachedCount,
  buildQueueIndex,
  compareUrgency,
  inQueueView,
  openInUrgencyOrder,
  queueViewCounts,
  queueViewIds,
  queueViewRows,
  startOfDayIn,
  type QueueContext,
  type QueueViewId,
} from '#shared/domain/queueOrder.ts';
import { withSlaDeadlines } from '#shared/domain/ticketDeadlines.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { agent, makeTicket, monday10, otherAgent } from '../../../support/ticketFactory.ts';

const minute = 60_000;
const now = monday10 + 30 * minute;
/** 2026-11-23 00:00 Moscow. */
const startOfToday = Date.UTC(2026, 10, 22, 21, 0);
const ctx: QueueContext = { agentId: agent.id, now, startOfToday };

function ticket(id: string, overrides: Partial<Ticket>): Ticket {
  return makeTicket({ id, ...overrides });
}

describe('urgency order', () => {
  it('puts breached tickets first, then the nearest due instant, then the more urgent priority', () => {
    const tickets = [
      ticket('later-standard', { dueAt: now + 120 * minute, priority: 'standard' }),
      ticket('soon-consultation', { dueAt: now + 10 * minute, priority: 'consultation' }),
      ticket('soon-emergency', { dueAt: now + 10 * minute, priority: 'emergency' }),
      ticket('overdue', { dueAt: now - 5 * minute, priority: 'consultation', status: 'in_progress' }),
      ticket('closed', { dueAt: Number.MAX_SAFE_INTEGER, status: 'closed', closedAt: now - minute }),
    ];
    const sorted = [...tickets].sort((a, b) => compareUrgency(a, b, now)).map((t) => t.id);
    expect(sorted).toEqual(['overdue', 'soon-emergency', 'soon-consultation', 'later-standard', 'closed']);
  });

  it('orders an emergency not yet contacted by its first-contact deadline, ahead of an older standard ticket', () => {
    const emergency = withSlaDeadlines(makeTicket({ id: 'e' }, { priority: 'emergency' }), monday10);
    const standard = withSlaDeadlines(makeTicket({ id: 's', createdAt: monday10 - 120 * minute }), monday10);
    expect(emergency.dueAt).toBe(emergency.firstContactDueAt);
    expect([standard, emergency].sort((a, b) => compareUrgency(a, b, monday10)).map((t) => t.id)).toEqual(['e', 's']);
  });

  it('does not count a paused ticket (waiting for the client) as breached, but keeps it among the open ones', () => {
    const paused = ticket('paused', { status: 'waiting_client', dueAt: now - 60 * minute });
    const running = ticket('running', { status: 'in_progress', dueAt: now - minute });
    const future = ticket('future', { status: 'new', dueAt: now + minute });
    const index = buildQueueIndex([future, paused, running], agent.id);
    expect(breachedCount(index, now)).toBe(1);
    expect(openInUrgencyOrder(index, breachedCount(index, now)).map((t) => t.id)).toEqual(['running', 'paused', 'future']);
    expect([future, paused, running].sort((a, b) => compareUrgency(a, b, now)).map((t) => t.id)).toEqual([
      'running',
      'paused',
      'future',
    ]);
  });

  it('moves a ticket to the breached group once its deadline passes, as the clock advances', () => {
    const paused = ticket('paused', { status: 'waiting_client', dueAt: now - 60 * minute });
    const soon = ticket('soon', { status: 'in_progress', dueAt: now + minute });
    const index = buildQueueIndex([paused, soon], agent.id);
    expect(openInUrgencyOrder(index, breachedCount(index, now)).map((t) => t.id)).toEqual(['paused', 'soon']);
    const later = now + 2 * minute;
    expect(openInUrgencyOrder(index, breachedCount(index, later)).map((t) => t.id)).toEqual(['soon', 'paused']);
  });
});

describe('views', () => {
  const cases: Array<{ name: string; overrides: Partial<Ticket>; views: QueueViewId[] }> = [
    { name: 'new standard, unassigned, due tomorrow', overrides: { dueAt: now + 24 * 60 * minute }, views: ['open'] },
    {
      name: 'mine, in progress',
      overrides: { status: 'in_progress', assigneeId: agent.id, dueAt: now + 300 * minute },
      views: ['mine', 'open'],
    },
    {
      name: 'another agent’s',
      overrides: { status: 'in_progress', assigneeId: otherAgent.id, dueAt: now + 300 * minute },
      views: ['open'],
    },
    {
      name: 'open emergency due in 10 min',
      overrides: { priority: 'emergency', dueAt: now + 10 * minute },
      views: ['open', 'emergency', 'burning'],
    },
    { name: 'due in exactly 1 h', overrides: { dueAt: now + 60 * minute }, views: ['open', 'burning'] },
    { name: 'due in 61 min', overrides: { dueAt: now + 61 * minute }, views: ['open'] },
    { name: 'overdue', overrides: { status: 'in_progress', dueAt: now - minute }, views: ['open', 'burning'] },
    {
      name: 'waiting for the client, stored due passed',
      overrides: { status: 'waiting_client', dueAt: now - minute },
      views: ['open', 'waiting'],
    },
    {
      name: 'escalation requested',
      overrides: { status: 'escalation_requested', dueAt: now + 300 * minute },
      views: ['open', 'escalation'],
    },
    {
      name: 'escalated, mine',
      overrides: { status: 'escalated', assigneeId: agent.id, dueAt: now + 300 * minute },
      views: ['mine', 'open', 'escalation'],
    },
    { name: 'closed today', overrides: { status: 'closed', closedAt: startOfToday + minute }, views: ['closedToday'] },
    { name: 'closed yesterday', overrides: { status: 'closed', closedAt: startOfToday - minute }, views: [] },
    { name: 'resolved, waiting for confirmation, mine', overrides: { status: 'resolved', assigneeId: agent.id }, views: [] },
    {
      name: 'closed emergency today',
      overrides: { status: 'closed', priority: 'emergency', closedAt: now },
      views: ['closedToday'],
    },
  ];

  it.each(cases)('$name belongs to exactly $views', ({ overrides, views }) => {
    const t = ticket('x', overrides);
    expect(queueViewIds.filter((v) => inQueueView(v, t, ctx))).toEqual(views);
  });

  it('the fast index gives the same rows and counts as the definition, for every view', () => {
    const tickets = cases.map((c, i) => ticket(`c${i}`, c.overrides));
    const index = buildQueueIndex(tickets, agent.id);
    const ordered = openInUrgencyOrder(index, breachedCount(index, now));
    const counts = queueViewCounts(index, ctx);
    for (const view of queueViewIds) {
      const expected = tickets.filter((t) => inQueueView(view, t, ctx));
      const rows = queueViewRows(view, index, ordered, ctx);
      expect(new Set(rows.map((t) => t.id)), view).toEqual(new Set(expected.map((t) => t.id)));
      expect(counts[view], view).toBe(expected.length);
    }
  });

  it('lists the rows of a view in urgency order, and closed tickets most recent first', () => {
    const tickets = [
      ticket('e-late', { priority: 'emergency', dueAt: now + 50 * minute }),
      ticket('e-breached', { priority: 'emergency', status: 'in_progress', dueAt: now - 3 * minute }),
      ticket('e-soon', { priority: 'emergency', dueAt: now + 5 * minute }),
      ticket('closed-early', { status: 'closed', closedAt: startOfToday + 60 * minute }),
      ticket('closed-late', { status: 'closed', closedAt: startOfToday + 120 * minute }),
    ];
    const index = buildQueueIndex(tickets, agent.id);
    const ordered = openInUrgencyOrder(index, breachedCount(index, now));
    expect(queueViewRows('emergency', index, ordered, ctx).map((t) => t.id)).toEqual(['e-breached', 'e-soon', 'e-late']);
    expect(queueViewRows('burning', index, ordered, ctx).map((t) => t.id)).toEqual(['e-breached', 'e-soon', 'e-late']);
    expect(queueViewRows('closedToday', index, ordered, ctx).map((t) => t.id)).toEqual(['closed-late', 'closed-early']);
  });
});

describe('start of the day', () => {
  it('is Moscow midnight for any instant of that Moscow day', () => {
    expect(startOfDayIn('Europe/Moscow', now)).toBe(startOfToday);
    expect(startOfDayIn('Europe/Moscow', startOfToday)).toBe(startOfToday);
    expect(startOfDayIn('Europe/Moscow', startOfToday - 1)).toBe(startOfToday - 24 * 60 * minute);
  });
});
