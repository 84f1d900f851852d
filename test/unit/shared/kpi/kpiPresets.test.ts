import { describe, expect, it } from 'vitest';
import { presetPeriod } from '#shared/kpi/index.ts';
import { msk } from './kpiFixtures.ts';

describe('period presets in the workspace time zone', () => {
  // Sunday 31 May 2026 23:30 in Moscow is already Sunday evening there, whatever the machine's zone.
  const now = msk('2026-05-31 23:30');
  it.each([
    ['thisWeek', '2026-05-25', '2026-05-31'],
    ['lastWeek', '2026-05-18', '2026-05-24'],
    ['month', '2026-05-01', '2026-05-31'],
    ['quarter', '2026-04-01', '2026-06-30'],
  ] as const)('%s: %s .. %s', (preset, from, to) => {
    expect(presetPeriod(preset, 'Europe/Moscow', now)).toEqual({ from, to });
  });

  it('turns the year at the fourth quarter', () => {
    expect(presetPeriod('quarter', 'Europe/Moscow', msk('2026-12-31 12:00'))).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('month', 'Europe/Moscow', msk('2026-12-31 12:00'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('reads the day in Moscow: at 01:00 on a Monday (still Sunday in UTC) it is the new week', () => {
    expect(presetPeriod('thisWeek', 'Europe/Moscow', msk('2026-06-01 01:00'))).toEqual({ from: '2026-06-01', to: '2026-06-07' });
  });
});
