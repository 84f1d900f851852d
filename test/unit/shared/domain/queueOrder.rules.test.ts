import { describe, expect, it } from 'vitest';
import {
  breachedCount,
  buildQueueIndex,
  compareByDue,
  compareUrgency,
  inQueueView,
  isBreached,
  isClockRunning,
  openInUrgencyOrder,
  queueViewCounts,
  queueViewRows,
  sortKeyOf,
  type QueueContext,
  type QueueTicket,
} from '#shared/domain/queueOrder.ts';
import { defaultSlaSetup, type SlaSetup } from '#shared/domain/ticketDeadlines.ts';

// docs/product.md, the queue: the urgency order, the views and their counts, the columns' sort keys.
const minute = 60_000;
const now = Date.UTC(2026, 10, 23, 7, 0);
const startOfToday = Date.UTC(2026, 10, 22, 21, 0);
const ctx: QueueContext = { agentId: 'ag1', now, startOfToday };

const q = (id: string, over: Partial<QueueTicket> = {}): QueueTicket => ({
  id,
  number: `2026-00000${id.length}`,
  subject: 'Не открывается шлагбаум',
  priority: 'standard',
  status: 'in_progress',
  channel: 'email',
  organizationName: 'УК Север',
  siteName: 'ЖК Берёзы',
  contact: { name: 'Иван', phone: '', email: '', messenger: '' },
  assigneeId: 'ag1',
  createdAt: now - 60 * minute,
  closedAt: null,
  dueAt: now + 60 * minute,
  ...over,
});
const ids = (list: readonly QueueTicket[]) => list.map((t) => t.id);

describe('the order of tickets due at the same instant', () => {
  it('is the more urgent priority, then the older ticket, then the id', () => {
    const tickets = [
      q('d', { priority: 'consultation' }),
      q('c', { createdAt: now - 10 * minute }),
      q('b'),
      q('a'),
      q('e', { priority: 'emergency' }),
    ];
    expect(ids([...tickets].sort(compareByDue))).toEqual(['e', 'a', 'b', 'c', 'd']);
    expect(ids([...tickets].reverse().sort(compareByDue))).toEqual(['e', 'a', 'b', 'c', 'd']);
  });

  it('a ticket compared with itself is neither before nor after', () => {
    const t = q('a');
    expect(compareByDue(t, t)).toBe(0);
    expect(Math.sign(compareByDue(q('a'), q('b')))).toBe(-1);
    expect(Math.sign(compareByDue(q('b'), q('a')))).toBe(1);
  });
});

describe('finished tickets in the urgency order', () => {
  it('come last, the most recently closed first, a resolved one (not closed) after the closed ones', () => {
    const tickets = [
      q('resolved', { status: 'resolved' }),
      q('closed-early', { status: 'closed', closedAt: now - 50 * minute }),
      q('closed-late', { status: 'closed', closedAt: now - 5 * minute }),
      q('open'),
    ];
    const order = (list: QueueTicket[]) => ids([...list].sort((a, b) => compareUrgency(a, b, now)));
    expect(order(tickets)).toEqual(['open', 'closed-late', 'closed-early', 'resolved']);
    expect(order([...tickets].reverse())).toEqual(['open', 'closed-late', 'closed-early', 'resolved']);
  });

  it('closed at the same instant: by due instant', () => {
    const a = q('a', { status: 'closed', closedAt: now, dueAt: now + minute });
    const b = q('b', { status: 'closed', closedAt: now, dueAt: now });
    expect(ids([a, b].sort((x, y) => compareUrgency(x, y, now)))).toEqual(['b', 'a']);
  });
});

describe('the SLA clock of a ticket', () => {
  const nothingPauses = { ...defaultSlaSetup(), policies: pausing([]) };
  function pausing(statuses: string[]) {
    const p = defaultSlaSetup().policies;
    return {
      emergency: { ...p.emergency, pausingStatuses: statuses },
      standard: { ...p.standard, pausingStatuses: statuses },
      consultation: { ...p.consultation, pausingStatuses: statuses },
    };
  }
  // Waiting for the client paused the clock under the policies of tickets created before `now`.
  const versioned: SlaSetup = {
    ...nothingPauses,
    at: (instant) => (instant < now ? { ...nothingPauses, policies: pausing(['waiting_client']) } : nothingPauses),
  };

  it('runs by the policies in force when the ticket was created', () => {
    expect(isClockRunning({ status: 'waiting_client', priority: 'standard', createdAt: now - minute }, versioned)).toBe(false);
    expect(isClockRunning({ status: 'waiting_client', priority: 'standard', createdAt: now }, versioned)).toBe(true);
  });

  it('a ticket read without its creation instant: by the newest policies', () => {
    const newestPause: SlaSetup = { ...defaultSlaSetup(), at: () => nothingPauses };
    expect(isClockRunning({ status: 'waiting_client', priority: 'standard' }, newestPause)).toBe(false);
  });

  it('is overdue from its due instant itself', () => {
    expect(isBreached(q('a', { dueAt: now }), now)).toBe(true);
    expect(isBreached(q('a', { dueAt: now + 1 }), now)).toBe(false);
  });
});

describe('views', () => {
  it('"Мои" is nobody’s when nobody is signed in, not the unassigned tickets', () => {
    const nobody = { ...ctx, agentId: '' };
    const unassigned = q('u', { assigneeId: '' });
    expect(inQueueView('mine', unassigned, nobody)).toBe(false);
    expect(queueViewCounts(buildQueueIndex([unassigned], ''), nobody).mine).toBe(0);
  });

  it('"Закрытые сегодня" holds closed tickets closed at or after the day’s first instant', () => {
    const atStart = q('start', { status: 'closed', closedAt: startOfToday });
    const yesterday = q('yesterday', { status: 'closed', closedAt: startOfToday - 1 });
    const resolvedToday = q('resolved', { status: 'resolved', closedAt: now });
    expect([atStart, yesterday, resolvedToday].map((t) => inQueueView('closedToday', t, ctx))).toEqual([true, false, false]);
    const index = buildQueueIndex([yesterday, atStart, resolvedToday], 'ag1');
    expect(ids(queueViewRows('closedToday', index, openInUrgencyOrder(index, 0), ctx))).toEqual(['start']);
    expect(queueViewCounts(index, ctx).closedToday).toBe(1);
  });
});

describe('the queue index', () => {
  const tickets = [
    q('run-late', { dueAt: now + 90 * minute }),
    q('closed-old', { status: 'closed', closedAt: now - 90 * minute }),
    q('wait-late', { status: 'waiting_client', dueAt: now + 80 * minute }),
    q('run-soon', { dueAt: now + 10 * minute }),
    q('closed-new', { status: 'closed', closedAt: now - 10 * minute }),
    q('wait-soon', { status: 'waiting_client', dueAt: now + 20 * minute }),
    q('resolved', { status: 'resolved', closedAt: null }),
    q('closed-without-instant', { status: 'closed', closedAt: null }),
    q('overdue', { dueAt: now }),
  ];
  const index = buildQueueIndex(tickets, 'ag1');

  it('keeps running and paused tickets by due instant, closed ones most recent first, nothing else', () => {
    expect({ running: ids(index.running), paused: ids(index.paused), closed: ids(index.closed) }).toEqual({
      running: ['overdue', 'run-soon', 'run-late'],
      paused: ['wait-soon', 'wait-late'],
      closed: ['closed-new', 'closed-old'],
    });
  });

  it('counts a running ticket overdue from its due instant', () => {
    expect(breachedCount(index, now)).toBe(1);
    expect(breachedCount(index, now - 1)).toBe(0);
  });

  it('orders the open tickets: the overdue, then running and paused merged by due instant', () => {
    expect(ids(openInUrgencyOrder(index, breachedCount(index, now)))).toEqual([
      'overdue',
      'run-soon',
      'wait-soon',
      'wait-late',
      'run-late',
    ]);
  });
});

describe('what each column sorts by', () => {
  const names: Record<string, string> = { ag1: 'Анна Смирнова', ag2: '' };
  const key = (column: Parameters<typeof sortKeyOf>[0], t: QueueTicket) => sortKeyOf(column, (id) => names[id] ?? '')(t);
  const t = q('a', { number: '2026-000042', subject: 'Камера НЕ работает', channel: 'phone', createdAt: 1_000 });

  it.each([
    ['number', '2026-000042'],
    ['priority', 1],
    ['subject', 'камера не работает'],
    ['organization', 'ук север жк берёзы'],
    ['status', 1],
    ['assignee', 'анна смирнова'],
    ['channel', 'phone'],
    ['age', -1_000],
  ] as const)('%s: %j', (column, expected) => {
    expect(key(column, t)).toBe(expected);
  });

  it('a ticket not yet numbered and one nobody holds sort after all others', () => {
    expect(key('number', q('a', { number: null }))).toBe('\uffff');
    expect(key('assignee', q('a', { assigneeId: '' }))).toBe('\uffff');
  });

  it('an agent without a name sorts by the id', () => {
    expect(key('assignee', q('a', { assigneeId: 'ag2' }))).toBe('ag2');
  });

  it('priorities rank emergency, standard, consultation; statuses in the workflow’s order', () => {
    expect((['consultation', 'emergency', 'standard'] as const).map((priority) => key('priority', q('a', { priority })))).toEqual(
      [2, 0, 1],
    );
    const statuses = ['new', 'in_progress', 'waiting_client', 'escalation_requested', 'escalated', 'resolved', 'closed'] as const;
    expect(statuses.map((status) => key('status', q('a', { status })))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
