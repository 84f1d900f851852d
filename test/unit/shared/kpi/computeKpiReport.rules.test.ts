import { describe, expect, it } from 'vitest';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { slaSetupFromConfig } from '#shared/domain/slaSetupFromConfig.ts';
import { defaultSlaPolicies } from '#shared/sla/index.ts';
import { computeKpiReport, type KpiInput, type KpiTicket } from '#shared/kpi/index.ts';
import { msk, story } from './kpiFixtures.ts';
import { june10, mayEvents, mayTickets } from './mayWorkspace.ts';

const setup = defaultSlaSetup();
const report = (over: Partial<KpiInput> = {}) =>
  computeKpiReport({ tickets: mayTickets, events: mayEvents, setup, from: '2026-05-01', to: '2026-05-31', now: june10, ...over });

describe('the tickets behind each number of the May report, in creation order (then id)', () => {
  // Each test computes the report: computed here, it would run outside every test (a mutation
  // run then counts its code to no test, and runs the whole folder for each of its mutants).
  it('names the tickets of every team figure', () => {
    const teamLists = Object.fromEntries(Object.entries(report().lists).filter(([k]) => !k.startsWith('by')));
    expect(teamLists).toEqual({
      'sla.emergency.total': ['B', 'F'],
      'sla.emergency.met': ['B'],
      'sla.emergency.breached': ['F'],
      'sla.standard.total': ['A', 'C', 'D', 'E', 'H'],
      'sla.standard.met': ['A', 'C', 'D', 'E'],
      'sla.standard.breached': ['H'],
      'sla.consultation.total': ['R3', 'I'],
      'sla.consultation.met': ['R3'],
      'sla.consultation.breached': ['I'],
      'sla.total': ['R3', 'A', 'I', 'B', 'C', 'D', 'E', 'F', 'H'],
      'sla.met': ['R3', 'A', 'B', 'C', 'D', 'E'],
      'sla.breached': ['I', 'F', 'H'],
      'withoutEscalation.total': ['R3', 'A', 'I', 'B', 'C', 'D', 'E', 'F'],
      'withoutEscalation.met': ['R3', 'A', 'I', 'B', 'C', 'D', 'F'],
      'withoutEscalation.missed': ['E'],
      'documented.total': ['R3', 'A', 'I', 'B', 'C', 'D', 'E', 'F'],
      'documented.met': ['R3', 'A', 'B', 'C', 'D', 'E', 'F'],
      'documented.missed': ['I'],
      'csat.closed': ['A', 'B', 'C'],
      'csat.rated': ['A', 'B'],
      'volume.total': ['R3', 'A', 'I', 'B', 'C', 'D', 'E', 'F', 'H'],
      firstContactMinutes: ['A', 'B', 'F'],
      resolutionMinutes: ['R3', 'A', 'I', 'B', 'C', 'D', 'E', 'F'],
      'repeats.count': ['R3'],
      'repeats.quarter': ['R3'],
      'repeats.previousQuarter': ['R1', 'R2'],
    });
  });

  it('names the tickets of a split: the phone channel', () => {
    const r = report();
    expect(r.lists['byChannel.phone.sla.total']).toEqual(['A', 'B']);
    expect(r.lists['byChannel.phone.sla.breached']).toEqual([]);
    expect(r.lists['byChannel.phone.csat.rated']).toEqual(['A', 'B']);
    expect(r.lists['byPriority.standard.sla.breached']).toEqual(['H']);
  });

  it('describes exactly the listed tickets (Q1, in no list, is left out)', () => {
    const r = report();
    expect(Object.keys(r.tickets).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'H', 'I', 'R1', 'R2', 'R3']);
  });

  it('comes out the same whatever order the tickets are read in (D and E, created together, by id)', () => {
    const r = report();
    const reversed = report({ tickets: [...mayTickets].reverse() });
    expect(reversed.lists).toEqual(r.lists);
    expect(reversed.breached).toEqual(r.breached);
  });
});

describe('the report of a single set of tickets', () => {
  const only = (tickets: KpiTicket[], from = '2026-05-01', to = '2026-05-31', now = june10) =>
    computeKpiReport({ tickets, events: [], setup, from, to, now });

  it('files a ticket without a product under "none"', () => {
    const r = only([story({ id: 'P', created: '2026-05-12 10:00', product: null })]);
    expect(Object.keys(r.byProduct)).toEqual(['none']);
    expect(r.byProduct['none']!.volume).toBe(1);
  });

  it('counts a ticket created at the period’s first instant, not one created at its end', () => {
    const first = story({ id: 'S', created: '2026-05-01 00:00' });
    const next = story({ id: 'T', created: '2026-06-01 00:00' });
    expect(only([first, next]).lists['volume.total']).toEqual(['S']);
  });

  it('counts an open ticket taken before the period whose deadline passes in it', () => {
    const t = story({
      id: 'O',
      created: '2026-04-29 10:00',
      contact: '2026-04-29 10:30',
      moves: [['in_progress', '2026-04-29 10:30']],
    });
    expect(only([t]).lists['sla.breached']).toEqual(['O']);
  });

  it('counts the closing of a ticket resolved before the period: at the period’s first instant too', () => {
    const resolved = story({
      id: 'Z',
      created: '2026-04-20 10:00',
      contact: '2026-04-20 10:30',
      moves: [['resolved', '2026-04-21 10:00']],
    });
    for (const closedAt of ['2026-05-01 00:00', '2026-05-04 10:00']) {
      const t = { ...resolved, status: 'closed' as const, closedAt: msk(closedAt), csat: { score: 5, comment: '' } };
      expect(only([t]).csat).toMatchObject({ count: 1 });
    }
  });

  it('orders the breached tickets by the instant of the breach, then by id', () => {
    // Both finished at 10:10 without a contact: breached at that instant, W2 created first.
    const w2 = story({ id: 'W2', priority: 'emergency', created: '2026-05-07 10:00', moves: [['resolved', '2026-05-07 10:10']] });
    const w1 = story({ id: 'W1', priority: 'emergency', created: '2026-05-07 10:05', moves: [['resolved', '2026-05-07 10:10']] });
    const before = story({
      id: 'V',
      priority: 'emergency',
      created: '2026-05-06 10:00',
      moves: [['resolved', '2026-05-06 10:10']],
    });
    expect(only([w2, w1, before]).breached.map((b) => b.ticketId)).toEqual(['V', 'W1', 'W2']);
  });

  it('counts each month’s creations within the period only', () => {
    const tickets = ['2026-05-05 10:00', '2026-05-12 10:00', '2026-06-03 10:00'].map((created, i) =>
      story({ id: `M${i}`, created }),
    );
    expect(only(tickets, '2026-05-10', '2026-06-05').volume.byMonth).toEqual([
      { month: '2026-05', count: 1 },
      { month: '2026-06', count: 1 },
    ]);
  });

  it('counts the quarter’s repeats up to the report’s instant, that instant included', () => {
    const now = msk('2026-05-20 12:00');
    const atNow = story({ id: 'RN', created: '2026-05-20 12:00', repeatOf: 'A' });
    const later = story({ id: 'RL', created: '2026-05-25 12:00', repeatOf: 'A' });
    expect(only([atNow, later], '2026-05-01', '2026-05-31', now).lists['repeats.quarter']).toEqual(['RN']);
  });

  it('counts a repeat of the previous quarter even when it was settled long before the period', () => {
    const t = story({
      id: 'RQ',
      created: '2026-02-10 10:00',
      contact: '2026-02-10 10:30',
      moves: [['resolved', '2026-02-11 10:00']],
      repeatOf: 'A',
    });
    expect(only([t]).lists['repeats.previousQuarter']).toEqual(['RQ']);
  });
});

describe("the head's versioned settings", () => {
  it('measure each ticket by the version in force when it was created, not by a later one', () => {
    const defaults = defaultSlaPolicies();
    // A week for an emergency until June 10th; the default 4 working hours after it.
    const lenient = {
      ...defaults,
      emergency: {
        ...defaults.emergency,
        firstContact: { minutes: 7 * 24 * 60, clock: 'calendar' as const },
        resolution: { target: { minutes: 7 * 24 * 60, clock: 'calendar' as const }, limit: null },
      },
    };
    const versions = {
      versions: [
        { id: 'v1', from: 0, editedBy: 'head', value: lenient },
        { id: 'v2', from: june10, editedBy: 'head', value: defaults },
      ],
    };
    const versioned = slaSetupFromConfig(versions, null);
    expect(versioned.policies.emergency.firstContact?.minutes).toBe(15);
    expect(report().lists['sla.emergency.breached']).toEqual(['F']);
    expect(report({ setup: versioned }).lists['sla.emergency.breached']).toEqual([]);
    expect(report({ setup: versioned }).lists['sla.emergency.met']).toEqual(['B', 'F']);
  });
});

describe('the weekly trend (docs/kpi.md, "Weeks")', () => {
  const none = { total: 0, met: 0, rate: null };
  const all = (total: number, met: number) => ({ total, met, rate: met / total });
  const noCsat = { count: 0, mean: null, closed: 0, ratedShare: null };
  const week = (
    monday: string,
    sla: { emergency?: object; standard?: object; consultation?: object; all?: object },
    finished: [number, number] | null,
    csat: object,
    volume: number,
  ) => ({
    week: monday,
    sla: { emergency: none, standard: none, consultation: none, all: none, ...sla },
    withoutEscalation: finished ? all(...finished) : none,
    csat,
    volume,
  });

  it('counts each outcome, finishing, closing, rating and creation of May in the week it falls in', () => {
    expect(report().weeks).toEqual([
      week('2026-04-27', {}, null, noCsat, 0),
      week('2026-05-04', { consultation: all(1, 1), all: all(1, 1) }, [1, 1], noCsat, 2),
      week('2026-05-11', { standard: all(1, 1), all: all(1, 1) }, [1, 1], { count: 1, mean: 5, closed: 1, ratedShare: 1 }, 1),
      week(
        '2026-05-18',
        { emergency: all(1, 1), standard: all(1, 1), consultation: all(1, 0), all: all(3, 2) },
        [3, 3],
        { count: 1, mean: 4, closed: 2, ratedShare: 0.5 },
        2,
      ),
      week('2026-05-25', { emergency: all(1, 0), standard: all(3, 2), all: all(4, 2) }, [3, 2], noCsat, 4),
    ]);
  });

  it('adds up, week by week, to the figures of the month', () => {
    const r = report();
    const sum = (pick: (w: (typeof r.weeks)[number]) => number) => r.weeks.reduce((n, w) => n + pick(w), 0);
    expect(sum((w) => w.sla.all.total)).toBe(9);
    expect(sum((w) => w.sla.all.met)).toBe(6);
    expect([sum((w) => w.withoutEscalation.total), sum((w) => w.withoutEscalation.met)]).toEqual([
      r.withoutEscalation.total,
      r.withoutEscalation.met,
    ]);
    expect([sum((w) => w.csat.closed), sum((w) => w.csat.count)]).toEqual([r.csat.closed, r.csat.count]);
    expect(sum((w) => w.volume)).toBe(r.volume.total);
  });

  it('counts only the period’s part of a week it begins or ends in', () => {
    // 13 (a Wednesday) to 20 May: what finished or closed in the week of 18 May after the 20th falls
    // outside.
    expect(report({ from: '2026-05-13', to: '2026-05-20' }).weeks).toEqual([
      week('2026-05-11', {}, null, noCsat, 1),
      week(
        '2026-05-18',
        { emergency: all(1, 1), standard: all(1, 1), consultation: all(1, 0), all: all(3, 2) },
        [2, 2],
        { count: 1, mean: 4, closed: 1, ratedShare: 1 },
        2,
      ),
    ]);
  });
});
