import { describe, expect, it } from 'vitest';
import { KpiPeriodError, kpiPeriod, maxPeriodDays } from '#shared/kpi/index.ts';
import { msk } from './kpiFixtures.ts';

const code = (from: string, to: string): string | null => {
  try {
    kpiPeriod(from, to, 'Europe/Moscow');
    return null;
  } catch (e) {
    return e instanceof KpiPeriodError ? e.code : 'other';
  }
};

describe('the report period (docs/kpi.md, "The period")', () => {
  it('runs from 00:00 of from to 00:00 after to, in the workspace time zone', () => {
    const p = kpiPeriod('2026-05-01', '2026-05-31', 'Europe/Moscow');
    expect(p.start).toBe(msk('2026-05-01 00:00'));
    expect(p.end).toBe(msk('2026-06-01 00:00'));
  });

  it.each([
    ['2026-02-30', '2026-03-01', 'malformed_date'],
    ['2026-5-1', '2026-05-02', 'malformed_date'],
    ['2026-05-01', 'tomorrow', 'malformed_date'],
    ['2026-05-02', '2026-05-01', 'from_after_to'],
    ['2016-01-01', '2025-12-31', 'period_too_long'],
  ])('refuses %s .. %s: %s', (from, to, expected) => {
    expect(code(from, to)).toBe(expected);
  });

  it(`allows ${maxPeriodDays} days and not one more`, () => {
    expect(code('2025-01-01', '2026-12-31')).toBe(null); // 365 + 365 = 730 days
    expect(code('2024-01-01', '2025-12-31')).toBe(null); // 366 + 365 = 731 days
    expect(code('2023-12-31', '2025-12-31')).toBe('period_too_long'); // 732 days
  });
});
