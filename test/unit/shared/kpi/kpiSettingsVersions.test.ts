/**
 * The report measures each ticket by the SLA settings in force when it was created (docs/kpi.md,
 * "Inputs"), as the desks' deadlines do: a policy the head saves mid-month changes the tickets
 * created after it, never the ones already running.
 */
import { describe, expect, it } from 'vitest';
import { slaSetupFromConfig } from '#shared/domain/slaSetupFromConfig.ts';
import { computeKpiReport } from '#shared/kpi/index.ts';
import { defaultSlaPolicies } from '#shared/sla/index.ts';
import { msk, story } from './kpiFixtures.ts';

const june10 = msk('2026-06-10 12:00');
const defaults = defaultSlaPolicies();
// The head tightens standard tickets to 8 working hours on Wed 13 May 2026 at 12:00.
const tightened = {
  ...defaults,
  standard: {
    ...defaults.standard,
    resolution: { ...defaults.standard.resolution, target: { minutes: 8 * 60, clock: 'business' } },
  },
};
const setup = slaSetupFromConfig(
  { versions: [{ id: 'v1', from: msk('2026-05-13 12:00'), editedBy: 'ag2', value: tightened }] },
  null,
);

// A: created Tue 12 May 10:00 (before the change), resolved Wed 13 May 15:00: 480 + 360 = 840
// working minutes, within the 24 working hours of the version it was created under: met.
const a = story({ id: 'A', created: '2026-05-12 10:00', moves: [['resolved', '2026-05-13 15:00']] });
// B: created Wed 13 May 13:00 (after it), resolved Thu 14 May 15:00: 300 + 360 = 660 working
// minutes, over the new 480: breached when its 480th minute ran out, Thu 14 May 12:00 (300 on
// Wednesday, 180 on Thursday from 09:00).
const b = story({ id: 'B', created: '2026-05-13 13:00', moves: [['resolved', '2026-05-14 15:00']] });

const may = () => computeKpiReport({ tickets: [a, b], events: [], setup, from: '2026-05-01', to: '2026-05-31', now: june10 });

describe('the SLA settings in force when a ticket was created', () => {
  it('keep a ticket created before a tightened policy on its old deadline', () => {
    expect(may().lists['sla.standard.met']).toEqual(['A']);
  });

  it('hold a ticket created after it to the new one', () => {
    const r = may();
    expect(r.sla.standard).toEqual({ total: 2, met: 1, rate: 0.5 });
    expect(r.breached).toEqual([
      { ticketId: 'B', priority: 'standard', reasons: ['late_resolution'], breachedAt: msk('2026-05-14 12:00') },
    ]);
  });

  it('judge the mean resolution time against the newest target', () => {
    // (840 + 660) / 2 = 750 working minutes, over the 480 the head set last.
    const r = may();
    expect(r.resolutionMinutes.mean).toBe(750);
    expect(r.targets['resolutionMinutes.standard.mean']).toBe('missed');
  });
});
