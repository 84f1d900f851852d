/**
 * The shipped Russian production calendar, checked day by day against the official decrees, independently of how the data file encodes them.
 */
import { describe, expect, it } from 'vitest';
import ru2025 from '../../../../resources/calendars/ru/2025.json' with { type: 'json' };
import ru2026 from '../../../../resources/calendars/ru/2026.json' with { type: 'json' };
import { calendarYearStatus, defaultRussianCalendar, workingMinutesBetween } from '../../../../shared/sla/index.ts';
import { daysOf, expandDates, msk } from './slaTestHelpers.ts';

interface YearFacts {
  year: number;
  decree: string;
  /** Every non-working day that is not an ordinary Saturday or Sunday (weekend holidays may be listed too). */
  nonWorking: string[];
  workingWeekend: string[];
  shortened: string[];
  ordinaryWorkingDays: string[];
}

const facts: YearFacts[] = [
  {
    year: 2025,
    decree: '№ 1335',
    nonWorking: expandDates([
      '2025-01-01..2025-01-08',
      '2025-05-01..2025-05-04',
      '2025-05-08..2025-05-11',
      '2025-06-12..2025-06-15',
      '2025-11-02..2025-11-04',
      '2025-12-31',
    ]),
    workingWeekend: ['2025-11-01'],
    shortened: ['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01'],
    ordinaryWorkingDays: ['2025-02-24', '2025-03-10'],
  },
  {
    year: 2026,
    decree: '№ 1466',
    nonWorking: expandDates([
      '2026-01-01..2026-01-11',
      '2026-02-23',
      '2026-03-09',
      '2026-05-01',
      '2026-05-11',
      '2026-06-12',
      '2026-11-04',
      '2026-12-31',
    ]),
    workingWeekend: [],
    shortened: ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'],
    ordinaryWorkingDays: ['2026-01-12', '2026-02-24', '2026-03-10', '2026-05-12', '2026-12-30'],
  },
];

const cal = defaultRussianCalendar();

function workingMinutesOfDay(date: string): number {
  const start = msk(`${date} 00:00`);
  return workingMinutesBetween(cal, start, start + 86_400_000);
}

function expectedMinutes(f: YearFacts, date: string, weekday: number): number {
  if (f.nonWorking.includes(date)) return 0;
  if (weekday >= 6 && !f.workingWeekend.includes(date)) return 0;
  return f.shortened.includes(date) ? 8 * 60 : 9 * 60;
}

describe.each(facts)('production calendar $year', (f) => {
  const days = daysOf(f.year);

  it('has the working minutes the decree gives, for every day of the year', () => {
    const expected = Object.fromEntries(days.map(({ date, weekday }) => [date, expectedMinutes(f, date, weekday)]));
    const actual = Object.fromEntries(days.map(({ date }) => [date, workingMinutesOfDay(date)]));
    expect(actual).toEqual(expected);
  });

  it('has 247 working days and 1972 hours at a 40-hour week, as published', () => {
    const working = days.filter(({ date }) => workingMinutesOfDay(date) > 0);
    expect(working).toHaveLength(247);
    const shortenedHours = days.filter(({ date }) => workingMinutesOfDay(date) === 8 * 60).length;
    expect(working.length * 8 - shortenedHours).toBe(1972);
  });

  it.each(f.nonWorking)('%s is a day off', (date) => {
    expect(workingMinutesOfDay(date)).toBe(0);
  });

  it.each(f.shortened)('%s is shortened: work ends at 17:00', (date) => {
    expect(workingMinutesBetween(cal, msk(`${date} 09:00`), msk(`${date} 17:00`))).toBe(480);
    expect(workingMinutesBetween(cal, msk(`${date} 17:00`), msk(`${date} 23:59`))).toBe(0);
  });

  it.each(f.ordinaryWorkingDays)('%s is an ordinary 09:00-18:00 working day', (date) => {
    expect(workingMinutesOfDay(date)).toBe(540);
  });

  it('is official and names its decree', () => {
    expect(calendarYearStatus(cal, f.year)).toBe('official');
    const data = f.year === 2025 ? ru2025 : ru2026;
    expect(data.source).toContain(f.decree);
    expect(data.publishedTotals.workingDays).toBe(247);
  });
});

describe('production calendar 2025, the Saturday made working', () => {
  it('works Saturday 1 November 2025 from 09:00 to 17:00', () => {
    expect(workingMinutesBetween(cal, msk('2025-11-01 09:00'), msk('2025-11-01 17:00'))).toBe(480);
    expect(workingMinutesOfDay('2025-11-08')).toBe(0);
  });
});
