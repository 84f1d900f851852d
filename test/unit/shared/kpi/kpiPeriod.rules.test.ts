import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '#shared/sla/civilDate.ts';
import {
  formatIsoDate,
  KpiPeriodError,
  kpiPeriod,
  periodMonths,
  periodWeeks,
  previousQuarterStart,
  quarterStarts,
} from '#shared/kpi/kpiPeriod.ts';
import { msk } from './kpiFixtures.ts';

const day = (iso: string): number => {
  const n = parseIsoDate(iso);
  if (n === null) throw new Error(`bad test date ${iso}`);
  return n;
};
const dates = (days: readonly number[]) => days.map(formatIsoDate);
const refusal = (from: string, to: string): KpiPeriodError => {
  try {
    kpiPeriod(from, to, 'Europe/Moscow');
  } catch (e) {
    if (e instanceof KpiPeriodError) return e;
    throw e;
  }
  throw new Error(`${from} .. ${to} was accepted`);
};

describe('a refused period says which date and why (the log of the endpoint reads it)', () => {
  it.each([
    ['2026-02-30', '2026-03-01', 'malformed_date', 'from is not a date YYYY-MM-DD: "2026-02-30"'],
    ['2026-05-01', 'tomorrow', 'malformed_date', 'to is not a date YYYY-MM-DD: "tomorrow"'],
    ['2026-05-02', '2026-05-01', 'from_after_to', 'from (2026-05-02) is after to (2026-05-01)'],
    ['2023-12-31', '2025-12-31', 'period_too_long', 'the period has 732 days; at most 731 are allowed'],
  ])('%s .. %s: %s', (from, to, code, message) => {
    const e = refusal(from, to);
    expect({ name: e.name, code: e.code, message: e.message }).toEqual({ name: 'KpiPeriodError', code, message });
  });
});

describe('the calendar quarters around a day', () => {
  it.each([
    ['2026-01-01', '2026-01-01', '2025-10-01', '2026-04-01'],
    ['2026-03-31', '2026-01-01', '2025-10-01', '2026-04-01'],
    ['2026-05-20', '2026-04-01', '2026-01-01', '2026-07-01'],
    ['2026-08-15', '2026-07-01', '2026-04-01', '2026-10-01'],
    ['2026-12-31', '2026-10-01', '2026-07-01', '2027-01-01'],
  ])('%s lies in the quarter from %s; the one before starts %s, the next %s', (d, quarter, previous, next) => {
    const q = quarterStarts(day(d));
    expect(dates([q.quarter, q.previous, q.next])).toEqual([quarter, previous, next]);
  });

  it('reads repeats from 00:00 Moscow of the first day of the quarter before the one holding `to`', () => {
    expect(previousQuarterStart(kpiPeriod('2026-01-01', '2026-02-15', 'Europe/Moscow'))).toBe(msk('2025-10-01 00:00'));
    expect(previousQuarterStart(kpiPeriod('2026-03-01', '2026-05-31', 'Europe/Moscow'))).toBe(msk('2026-01-01 00:00'));
  });
});

describe('the calendar months a period touches, with the share of each inside it', () => {
  const months = (from: string, to: string) =>
    periodMonths(day(from), day(to)).map((m) => ({ ...m, start: formatIsoDate(m.start), end: formatIsoDate(m.end) }));

  it('a whole month is all inside', () => {
    expect(months('2026-05-01', '2026-05-31')).toEqual([
      { month: '2026-05', fraction: 1, start: '2026-05-01', end: '2026-06-01' },
    ]);
  });

  it('a period from the middle of one month to the first day of the next touches both', () => {
    expect(months('2026-05-17', '2026-06-01')).toEqual([
      { month: '2026-05', fraction: 15 / 31, start: '2026-05-01', end: '2026-06-01' },
      { month: '2026-06', fraction: 1 / 30, start: '2026-06-01', end: '2026-07-01' },
    ]);
  });

  it('runs over New Year into the next year’s months', () => {
    expect(months('2025-11-15', '2026-02-10').map((m) => [m.month, m.fraction])).toEqual([
      ['2025-11', 16 / 30],
      ['2025-12', 1],
      ['2026-01', 1],
      ['2026-02', 10 / 28],
    ]);
  });
});

describe('the ISO weeks (Monday first) a period touches, by their Mondays', () => {
  it('begins with the Monday on or before `from` and ends with the week holding `to`', () => {
    // 2026-05-01 is a Friday, 2026-05-31 a Sunday.
    expect(dates(periodWeeks(day('2026-05-01'), day('2026-05-31')))).toEqual([
      '2026-04-27',
      '2026-05-04',
      '2026-05-11',
      '2026-05-18',
      '2026-05-25',
    ]);
  });

  it('a period that ends on a Monday touches that Monday’s week', () => {
    expect(dates(periodWeeks(day('2026-05-27'), day('2026-06-01')))).toEqual(['2026-05-25', '2026-06-01']);
  });

  it('a period that starts on a Monday starts with that week', () => {
    expect(dates(periodWeeks(day('2026-06-01'), day('2026-06-01')))).toEqual(['2026-06-01']);
  });
});
