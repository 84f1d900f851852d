import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { computeKpiReport, type KpiInput } from '#shared/kpi/index.ts';
import { event, msk, story } from './kpiFixtures.ts';
import { june10, mayEvents, mayTickets } from './mayWorkspace.ts';

const setup = defaultSlaSetup();
const may = (over: Partial<KpiInput> = {}) =>
  computeKpiReport({ tickets: mayTickets, events: mayEvents, setup, from: '2026-05-01', to: '2026-05-31', now: june10, ...over });

describe('the May report of the team (docs/kpi.md)', () => {
  // Computed before each test, not once here: a mutation run counts code run outside every test
  // to no test, and would run the whole folder for each of its mutants.
  let r: ReturnType<typeof may>;
  beforeEach(() => {
    r = may();
  });

  it('keeps the fixed top level', () => {
    expect(r.period).toEqual({ from: '2026-05-01', to: '2026-05-31' });
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining([
        'period',
        'sla',
        'withoutEscalation',
        'documented',
        'csat',
        'repeats',
        'volume',
        'firstContactMinutes',
        'resolutionMinutes',
      ]),
    );
    // May is over on 10 June: everything is read as it stood at 1 June 00:00 Moscow.
    expect(r.asOf).toBe(msk('2026-06-01 00:00'));
  });

  it('emergency SLA: B met (paused while waiting), F breached by a late contact after re-prioritisation: 1 of 2', () => {
    expect(r.sla.emergency).toEqual({ total: 2, met: 1, rate: 0.5 });
    expect(r.lists['sla.emergency.met']).toEqual(['B']);
    expect(r.lists['sla.emergency.breached']).toEqual(['F']);
  });

  it('standard SLA: A (weekend and holiday), C (reopened), D, E met; H breached while still open: 4 of 5', () => {
    expect(r.sla.standard).toEqual({ total: 5, met: 4, rate: 0.8 });
    expect([...r.lists['sla.standard.met']!].sort()).toEqual(['A', 'C', 'D', 'E']);
    expect(r.lists['sla.standard.breached']).toEqual(['H']);
  });

  it('consultation SLA: R3 met, I resolved after its 5-calendar-day cap: 1 of 2', () => {
    expect(r.sla.consultation).toEqual({ total: 2, met: 1, rate: 0.5 });
  });

  it('lists the breached tickets with the reason and the instant of the breach', () => {
    expect(r.breached).toEqual([
      { ticketId: 'I', priority: 'consultation', reasons: ['late_resolution'], breachedAt: msk('2026-05-19 09:00') },
      { ticketId: 'F', priority: 'emergency', reasons: ['late_contact'], breachedAt: msk('2026-05-26 09:15') },
      { ticketId: 'H', priority: 'standard', reasons: ['still_open'], breachedAt: msk('2026-05-29 15:00') },
    ]);
  });

  it('without escalation: 8 finished in May (A B C D E F I R3), only E reached development (D was returned): 7 of 8', () => {
    expect(r.withoutEscalation).toEqual({ total: 8, met: 7, rate: 0.875 });
    expect(r.lists['withoutEscalation.missed']).toEqual(['E']);
  });

  it('documented: the same 8, I has no KB article: 7 of 8', () => {
    expect(r.documented).toEqual({ total: 8, met: 7, rate: 0.875 });
    expect(r.lists['documented.missed']).toEqual(['I']);
  });

  it('CSAT: A (5) and B (4) rated, C closed unrated: count 2, mean 4.5, 2 of 3 closed rated', () => {
    expect(r.csat).toEqual({ count: 2, mean: 4.5, closed: 3, ratedShare: 2 / 3 });
    expect(r.lists['csat.rated']).toEqual(['A', 'B']);
  });

  it('first contact in May: B 10, F 40, A 110 working minutes: mean 53 1/3, median 40', () => {
    expect(r.firstContactMinutes.count).toBe(3);
    expect(r.firstContactMinutes.mean).toBeCloseTo(160 / 3, 9);
    expect(r.firstContactMinutes.median).toBe(40);
  });

  it('resolution: 120 180 180 180 600 660 720 3300 working minutes: mean 742.5, median 390', () => {
    // R3 120, B 180, D 180, F 180, E 600, C 660, A 720, I 3300; sum 5940 / 8.
    expect(r.resolutionMinutes).toEqual({ mean: 742.5, median: 390, count: 8 });
  });

  it('repeats: R3 in May and in the second quarter, R1 and R2 in the first: change (1 - 2) / 2 = -50 %', () => {
    expect(r.repeats).toEqual({ count: 1, previousQuarter: 2, quarter: 1, change: -0.5 });
    expect(r.lists['repeats.previousQuarter']).toEqual(['R1', 'R2']);
  });

  it('volume: 9 created in May, a full month, so 9 a month against the expected 292', () => {
    expect(r.volume).toEqual({ total: 9, perMonth: 9, expectedPerMonth: 292, byMonth: [{ month: '2026-05', count: 9 }] });
  });

  it('judges the targets', () => {
    expect(r.targets).toMatchObject({
      'sla.emergency.rate': 'missed',
      'sla.standard.rate': 'missed',
      'sla.consultation.rate': 'missed',
      'withoutEscalation.rate': 'met',
      'documented.rate': 'missed',
      'csat.mean': 'met',
      'repeats.change': 'met',
      // Emergency first contact: B 10 and F 40: mean 25 >= 15.
      'firstContactMinutes.emergency.mean': 'missed',
    });
  });

  it('splits by channel and product', () => {
    // A and B came by phone: both met, both rated.
    expect(r.byChannel.phone).toMatchObject({ volume: 2, sla: { total: 2, met: 2, rate: 1 }, csat: { count: 2, mean: 4.5 } });
    expect(r.byChannel.email?.volume).toBe(7);
    expect(r.byProduct.pass24_online?.volume).toBe(9);
    expect(r.byPriority.emergency.resolutionMinutes).toEqual({ mean: 180, median: 180, count: 2 });
  });

  it('groups the outcomes by ISO week for the trend', () => {
    expect(r.weeks.map((w) => w.week)).toEqual(['2026-04-27', '2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25']);
    // Week of 18 May: B met (emergency), I breached (consultation), C met (standard).
    const w = r.weeks[3]!;
    expect(w.sla.all).toEqual({ total: 3, met: 2, rate: 2 / 3 });
    expect(w.sla.consultation).toEqual({ total: 1, met: 0, rate: 0 });
    expect(w.volume).toBe(2); // B and C created that week
  });

  it('carries what the desk shows for each listed ticket', () => {
    expect(r.tickets.F).toMatchObject({ number: '2026-F', priority: 'emergency', channel: 'email', agentId: 'ag1' });
  });
});

describe('one agent', () => {
  it('counts only the tickets that were the agent’s at the report’s instant (D moved to ag2 only in June)', () => {
    const r = may({ agent: 'ag2' });
    // ag2 had H (standard, breached) and I (consultation, breached) in May.
    expect(r.sla).toEqual({
      emergency: { total: 0, met: 0, rate: null },
      standard: { total: 1, met: 0, rate: 0 },
      consultation: { total: 1, met: 0, rate: 0 },
    });
    expect(r.volume.total).toBe(2);
    expect(r.repeats).toEqual({ count: 0, previousQuarter: 0, quarter: 0, change: null });
    expect(r.csat).toEqual({ count: 0, mean: null, closed: 0, ratedShare: null });
    expect(r.agent).toBe('ag2');
  });
});

describe('a period read as it stood at its end', () => {
  // K, standard: runs Mon 27 Apr 09:00-18:00 (540), resolved Tue 28 Apr 09:00 (on time), reopened Mon
  // 4 May 09:00, resolved Fri 15 May 09:00. After the reopen the target has 900 running minutes
  // left: Mon 4 May 540 + Tue 5 May 360 -> Tue 5 May 15:00; the calendar cap (96 h left) -> Fri 8
  // May 09:00. So April counts K as met, May as breached (late resolution at Tue 5 May 15:00).
  const k = story({
    id: 'K',
    created: '2026-04-27 09:00',
    moves: [
      ['in_progress', '2026-04-27 09:00'],
      ['resolved', '2026-04-28 09:00'],
      ['in_progress', '2026-05-04 09:00'],
      ['resolved', '2026-05-15 09:00'],
    ],
  });
  const report = (from: string, to: string) => computeKpiReport({ tickets: [k], events: [], setup, from, to, now: june10 });

  it('a ticket met in April and reopened in May counts as met in April', () => {
    expect(report('2026-04-01', '2026-04-30').sla.standard).toEqual({ total: 1, met: 1, rate: 1 });
  });

  it('and as breached in May, where its continued clock ran out', () => {
    const r = report('2026-05-01', '2026-05-31');
    expect(r.sla.standard).toEqual({ total: 1, met: 0, rate: 0 });
    expect(r.breached).toEqual([
      { ticketId: 'K', priority: 'standard', reasons: ['late_resolution'], breachedAt: msk('2026-05-05 15:00') },
    ]);
    // Resolution time: 540 before the reopen, then Mon 4 - Thu 14 May (8 working days: 11 May is a
    // day off, 8 May shortened to 480) = 7 x 540 + 480 = 4260: 4800 in all.
    expect(r.resolutionMinutes.mean).toBe(4800);
  });

  it('a breach counts once: H, breached in May and resolved in June, is not in the June SLA', () => {
    const r = computeKpiReport({
      tickets: mayTickets,
      events: mayEvents,
      setup,
      from: '2026-06-01',
      to: '2026-06-30',
      now: june10,
    });
    expect(r.sla.standard).toEqual({ total: 0, met: 0, rate: null });
    // It is finished in June, so it counts among June's resolutions.
    expect(r.withoutEscalation).toEqual({ total: 1, met: 1, rate: 1 });
  });

  it('a priority changed after the period does not change the period: F counts under the priority it had at the end of May', () => {
    const r = computeKpiReport({
      tickets: mayTickets,
      events: [...mayEvents, event('F', 'priority_changed', '2026-06-05 10:00', { from: 'consultation', to: 'emergency' })],
      setup,
      from: '2026-05-01',
      to: '2026-05-31',
      now: june10,
    });
    // At the end of May F was a consultation (changed to emergency only on 5 June): due in 48 working
    // hours, resolved at 12:00 the same day: met.
    expect(r.sla.emergency).toEqual({ total: 1, met: 1, rate: 1 });
    expect(r.sla.consultation).toEqual({ total: 3, met: 2, rate: 2 / 3 });
  });
});

describe('an emergency finished without any recorded contact', () => {
  it('is breached for its contact, at the instant it was finished', () => {
    // Created Tue 12 May 10:00, resolved 10:10 without a call or a reply.
    const t = story({ id: 'N', priority: 'emergency', created: '2026-05-12 10:00', moves: [['resolved', '2026-05-12 10:10']] });
    const r = computeKpiReport({ tickets: [t], events: [], setup, from: '2026-05-12', to: '2026-05-12', now: june10 });
    expect(r.breached).toEqual([
      { ticketId: 'N', priority: 'emergency', reasons: ['late_contact'], breachedAt: msk('2026-05-12 10:10') },
    ]);
  });
});

describe('volume per month', () => {
  it('divides by the months the period covers: a week of June (30 days) is 7/30 of a month', () => {
    const t = story({ id: 'W', created: '2026-06-02 10:00' });
    const r = computeKpiReport({ tickets: [t], events: [], setup, from: '2026-06-01', to: '2026-06-07', now: june10 });
    expect(r.volume.total).toBe(1);
    expect(r.volume.perMonth).toBeCloseTo(30 / 7, 12);
  });
});
