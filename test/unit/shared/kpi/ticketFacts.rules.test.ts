import { describe, expect, it } from 'vitest';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import type { KpiEvent, KpiTicket } from '#shared/kpi/index.ts';
import { EventIndex, ticketFacts } from '#shared/kpi/ticketFacts.ts';
import { event, msk, story } from './kpiFixtures.ts';

// docs/kpi.md, "Per-ticket facts (at asOf)". 2026-05-12 is a Tuesday; working hours 09:00-18:00 Moscow.
const setup = defaultSlaSetup();
const factsAt = (t: KpiTicket, asOf: string, events: readonly KpiEvent[] = []) =>
  ticketFacts(t, new EventIndex(events).of(t.id), setup, msk(asOf));

describe('the events of a ticket, by kind and in time order', () => {
  const index = new EventIndex([
    event('A', 'assigned', '2026-05-12 12:00', { from: 'ag1', to: 'ag2' }),
    event('B', 'assigned', '2026-05-12 09:30', { from: 'ag3', to: 'ag4' }),
    event('A', 'resolution', '2026-05-12 16:00', { kbArticleId: 'kb-2' }),
    event('A', 'assigned', '2026-05-12 11:00', { from: 'ag0', to: 'ag1' }),
    event('A', 'escalation_approved', '2026-05-12 13:00'),
    event('A', 'priority_changed', '2026-05-12 10:00', { from: 'standard', to: 'emergency' }),
    event('A', 'reply', '2026-05-12 10:05'),
  ]);

  it('sorts each ticket’s events into the four kinds the KPIs read, earliest first, and drops the rest', () => {
    const at = (e: KpiEvent) => e.at;
    const a = index.of('A');
    expect({
      priorityChanged: a.priorityChanged.map(at),
      assigned: a.assigned.map(at),
      escalationApproved: a.escalationApproved.map(at),
      resolution: a.resolution.map(at),
    }).toEqual({
      priorityChanged: [msk('2026-05-12 10:00')],
      assigned: [msk('2026-05-12 11:00'), msk('2026-05-12 12:00')],
      escalationApproved: [msk('2026-05-12 13:00')],
      resolution: [msk('2026-05-12 16:00')],
    });
    expect(index.of('B').assigned.map((e) => e.data['to'])).toEqual(['ag4']);
  });

  it('has no events for a ticket it was not given any of', () => {
    expect(index.of('C')).toEqual({ priorityChanged: [], assigned: [], escalationApproved: [], resolution: [] });
  });
});

describe('priority and agent as they stood at asOf', () => {
  const now = story({ id: 'P', priority: 'standard', agent: 'ag2', created: '2026-05-12 09:00' });

  it.each(['emergency', 'consultation'] as const)('a ticket changed from %s after asOf counts with %s', (from) => {
    const changed = [event('P', 'priority_changed', '2026-05-12 12:00', { from, to: 'standard' })];
    expect(factsAt(now, '2026-05-12 11:00', changed).priority).toBe(from);
  });

  it('a ticket changed to standard from emergency at asOf itself counts as standard', () => {
    const changed = [event('P', 'priority_changed', '2026-05-12 12:00', { from: 'emergency', to: 'standard' })];
    expect(factsAt(now, '2026-05-12 12:00', changed).priority).toBe('standard');
  });

  it('a standard ticket changed to emergency later counted as standard before it', () => {
    const emergency = story({ id: 'P', priority: 'emergency', created: '2026-05-12 09:00' });
    const changed = [event('P', 'priority_changed', '2026-05-12 12:00', { from: 'standard', to: 'emergency' })];
    expect(factsAt(emergency, '2026-05-12 11:00', changed).priority).toBe('standard');
  });

  it('a change that does not name a known earlier priority leaves the current one', () => {
    const odd = [
      event('P', 'priority_changed', '2026-05-12 12:00', { from: 'urgent', to: 'standard' }),
      event('P', 'priority_changed', '2026-05-12 13:00', { to: 'standard' }),
    ];
    expect(factsAt(now, '2026-05-12 11:00', odd).priority).toBe('standard');
  });

  it('the agent is the one assigned at asOf: the first reassignment after it names them', () => {
    const moves = [
      event('P', 'assigned', '2026-05-12 10:00', { from: 'ag0', to: 'ag1' }),
      event('P', 'assigned', '2026-05-12 12:00', { from: 'ag1', to: 'ag2' }),
    ];
    expect(factsAt(now, '2026-05-12 09:30', moves).agentId).toBe('ag0');
    expect(factsAt(now, '2026-05-12 11:00', moves).agentId).toBe('ag1');
    expect(factsAt(now, '2026-05-12 12:00', moves).agentId).toBe('ag2');
  });

  it('a reassignment that does not say from whom leaves the current assignee', () => {
    expect(factsAt(now, '2026-05-12 11:00', [event('P', 'assigned', '2026-05-12 12:00', { to: 'ag2' })]).agentId).toBe('ag2');
  });
});

describe('first contact, resolution and closing as they stood at asOf', () => {
  const done = story({
    id: 'D',
    created: '2026-05-12 10:00',
    contact: '2026-05-12 10:30',
    moves: [
      ['in_progress', '2026-05-12 10:30'],
      ['resolved', '2026-05-12 15:00'],
      ['closed', '2026-05-13 10:00'],
    ],
    closed: '2026-05-13 10:00',
    csat: 5,
  });
  const essentials = (asOf: string) => {
    const f = factsAt(done, asOf);
    return {
      firstContactAt: f.firstContactAt,
      firstContactMinutes: f.firstContactMinutes,
      finishedAt: f.finishedAt,
      resolutionMinutes: f.resolutionMinutes,
      outcome: f.outcome,
      decidedAt: f.decidedAt,
      closedAt: f.closedAt,
      csatScore: f.csatScore,
    };
  };

  it('before the first contact: nothing is known yet', () => {
    expect(essentials('2026-05-12 10:29')).toEqual({
      firstContactAt: null,
      firstContactMinutes: null,
      finishedAt: null,
      resolutionMinutes: null,
      outcome: null,
      decidedAt: null,
      closedAt: null,
      csatScore: null,
    });
  });

  it('at the first contact itself: contacted after 30 working minutes, still open', () => {
    expect(essentials('2026-05-12 10:30')).toMatchObject({
      firstContactAt: msk('2026-05-12 10:30'),
      firstContactMinutes: 30,
      finishedAt: null,
      resolutionMinutes: null,
      outcome: null,
    });
  });

  it('at the resolution itself: finished after 5 working hours, in time', () => {
    expect(essentials('2026-05-12 15:00')).toMatchObject({
      finishedAt: msk('2026-05-12 15:00'),
      resolutionMinutes: 300,
      outcome: 'met',
      decidedAt: msk('2026-05-12 15:00'),
      closedAt: null,
      csatScore: null,
    });
  });

  it('at the closing itself: closed with its rating', () => {
    expect(essentials('2026-05-13 10:00')).toMatchObject({ closedAt: msk('2026-05-13 10:00'), csatScore: 5 });
  });

  it('a ticket without any status history is finished at its resolvedAt, once asOf reaches it', () => {
    const bare: KpiTicket = { ...done, statusLog: [], closedAt: null, csat: null };
    expect(factsAt(bare, '2026-05-12 14:59').finishedAt).toBe(null);
    expect(factsAt(bare, '2026-05-12 15:00')).toMatchObject({ finishedAt: msk('2026-05-12 15:00'), resolutionMinutes: 300 });
  });
});

describe('the SLA outcome of an emergency (first contact due in 15 working minutes)', () => {
  const open = story({ id: 'E', priority: 'emergency', created: '2026-05-12 10:00' });
  const outcome = (t: KpiTicket, asOf: string) => {
    const f = factsAt(t, asOf);
    return { outcome: f.outcome, reasons: f.reasons, decidedAt: f.decidedAt };
  };

  it('open and not yet due: undecided, no reason', () => {
    expect(outcome(open, '2026-05-12 10:14')).toEqual({ outcome: null, reasons: [], decidedAt: null });
  });

  it('open and past the contact’s due instant: breached then', () => {
    expect(outcome(open, '2026-05-12 10:15')).toEqual({
      outcome: 'breached',
      reasons: ['late_contact'],
      decidedAt: msk('2026-05-12 10:15'),
    });
  });

  it('open past the resolution’s due instant too: both reasons, decided at the earlier', () => {
    expect(outcome(open, '2026-05-12 14:00')).toEqual({
      outcome: 'breached',
      reasons: ['late_contact', 'still_open'],
      decidedAt: msk('2026-05-12 10:15'),
    });
  });

  it('resolved within the 15 minutes without any contact: breached at the resolution', () => {
    const quick = story({
      id: 'Q',
      priority: 'emergency',
      created: '2026-05-12 10:00',
      moves: [['resolved', '2026-05-12 10:10']],
    });
    expect(outcome(quick, '2026-05-12 11:00')).toEqual({
      outcome: 'breached',
      reasons: ['late_contact'],
      decidedAt: msk('2026-05-12 10:10'),
    });
  });
});

describe('escalated to development at asOf', () => {
  const plain = story({ id: 'X', created: '2026-05-12 10:00' });
  const escalation = (state: KpiTicket['escalation']['state'], decidedAt: string | null): KpiTicket => ({
    ...plain,
    escalation: { ...plain.escalation, state, decidedAt: decidedAt === null ? null : msk(decidedAt) },
  });

  it('by its first escalation_approved event, from that instant on', () => {
    const approvals = [
      event('X', 'escalation_approved', '2026-05-12 16:00'),
      event('X', 'escalation_approved', '2026-05-12 12:00'),
    ];
    expect(factsAt(plain, '2026-05-12 11:59', approvals).escalated).toBe(false);
    expect(factsAt(plain, '2026-05-12 12:00', approvals).escalated).toBe(true);
  });

  it('the events decide over the ticket’s escalation state when there are any', () => {
    const approvals = [event('X', 'escalation_approved', '2026-05-12 12:00')];
    expect(factsAt(escalation('approved', '2026-05-12 10:30'), '2026-05-12 11:00', approvals).escalated).toBe(false);
  });

  it.each([
    ['approved', '2026-05-12 12:00', '2026-05-12 12:00', true],
    ['answered', '2026-05-12 12:00', '2026-05-12 13:00', true],
    ['approved', '2026-05-12 12:00', '2026-05-12 11:59', false],
    ['approved', null, '2026-05-12 13:00', false],
    ['returned', '2026-05-12 12:00', '2026-05-12 13:00', false],
    ['requested', null, '2026-05-12 13:00', false],
  ] as const)('without events: %s, decided at %s, read at %s: %s', (state, decidedAt, asOf, expected) => {
    expect(factsAt(escalation(state, decidedAt), asOf).escalated).toBe(expected);
  });
});

describe('documented in the knowledge base at asOf', () => {
  const resolved = (kbArticleId: string | null): KpiTicket => ({
    ...story({ id: 'K', created: '2026-05-12 10:00', moves: [['resolved', '2026-05-12 12:00']] }),
    resolution: kbArticleId === null ? null : { summary: 'Решено', kbArticleId },
  });

  it('by the latest resolution event at or before asOf', () => {
    const resolutions = [
      event('K', 'resolution', '2026-05-12 12:00', { kbArticleId: 'kb-7' }),
      event('K', 'resolution', '2026-05-12 14:00', { kbArticleId: '' }),
    ];
    const t = resolved('kb-7');
    expect(factsAt(t, '2026-05-12 11:00', resolutions).documented).toBe(false);
    expect(factsAt(t, '2026-05-12 13:00', resolutions).documented).toBe(true);
    expect(factsAt(t, '2026-05-12 14:00', resolutions).documented).toBe(false);
  });

  it.each([
    ['blank', { kbArticleId: '   ' }],
    ['absent', {}],
    ['not a text', { kbArticleId: 7 }],
  ])('a resolution event whose article is %s documents nothing', (_, data) => {
    expect(factsAt(resolved('kb-7'), '2026-05-12 13:00', [event('K', 'resolution', '2026-05-12 12:00', data)]).documented).toBe(
      false,
    );
  });

  it.each([
    ['kb-1', true],
    ['  ', false],
    ['', false],
    [null, false],
  ])('without resolution events, by the ticket’s own resolution: article %j', (kb, expected) => {
    expect(factsAt(resolved(kb), '2026-05-12 13:00').documented).toBe(expected);
  });
});
