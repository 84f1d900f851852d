/** Civil dates as day numbers since 1970-01-01, their weekdays, and `YYYY-MM-DD` read and written. */
import { describe, expect, it } from 'vitest';
import {
  civilDate,
  dayNumber,
  daysInYear,
  formatIsoDate,
  isoWeekday,
  isWeekend,
  parseIsoDate,
  wallClockMs,
} from '#shared/sla/civilDate.ts';

describe('a civil date’s day number', () => {
  it('counts whole days from 1970-01-01, before it too', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(1970, 2, 1)).toBe(31);
    expect(dayNumber(1969, 12, 31)).toBe(-1);
    expect(dayNumber(2026, 11, 23)).toBe(20_780);
  });

  it('gives the date back', () => {
    expect(civilDate(20_780)).toEqual({ year: 2026, month: 11, day: 23 });
    expect(civilDate(dayNumber(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(civilDate(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });
});

describe('the ISO weekday of a day', () => {
  it('is 1 for Monday to 7 for Sunday, before 1970 too', () => {
    expect(isoWeekday(0)).toBe(4); // Thursday 1 January 1970
    expect(isoWeekday(-1)).toBe(3);
    expect(isoWeekday(-4)).toBe(7);
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => isoWeekday(dayNumber(2026, 11, 23) + i))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('makes Saturday and Sunday the weekend', () => {
    const monday = dayNumber(2026, 11, 23);
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => isWeekend(monday + i))).toEqual([false, false, false, false, false, true, true]);
  });
});

describe('the days of a year', () => {
  it('are 366 in a leap year, 365 otherwise, by the Gregorian rule', () => {
    expect([2024, 2025, 2026, 1900, 2000, 2100].map(daysInYear)).toEqual([366, 365, 365, 365, 366, 365]);
  });
});

describe('a date written YYYY-MM-DD', () => {
  it('is read into its day number', () => {
    expect(parseIsoDate('2026-11-23')).toBe(20_780);
    expect(parseIsoDate('2024-02-29')).toBe(dayNumber(2024, 2, 29));
    expect(parseIsoDate('1970-01-01')).toBe(0);
  });

  it.each(['2025-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '0099-01-01'])(
    'is no date when the day does not exist: %s',
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
    },
  );

  it.each(['2025-2-03', '25-02-03', ' 2025-02-03', '2025-02-03 ', 'x2025-02-03', '2025-02-03x', '2025/02/03', '2025-02-3', ''])(
    'is no date when not written so: %j',
    (text) => {
      expect(parseIsoDate(text)).toBeNull();
    },
  );

  it('is written with four digits of year and two of month and day', () => {
    expect(formatIsoDate(20_780)).toBe('2026-11-23');
    expect(formatIsoDate(dayNumber(2026, 1, 5))).toBe('2026-01-05');
    expect(formatIsoDate(dayNumber(999, 3, 4))).toBe('0999-03-04');
  });
});

describe('a wall-clock instant', () => {
  it('is the day and minute of day laid on the UTC axis', () => {
    expect(wallClockMs(20_780, 600)).toBe(Date.UTC(2026, 10, 23, 10, 0));
    expect(wallClockMs(0, 0)).toBe(0);
  });
});
