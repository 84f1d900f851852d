import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  createBusinessCalendar,
  defaultRussianCalendarConfig,
  isWorkingInstant,
  nextWorkingInstant,
  workingMinutesBetween,
  type CalendarConfig,
  type DayHours,
} from '../../../../shared/sla/index.ts';
import { msk, showMsk } from './slaTestHelpers.ts';

const base = defaultRussianCalendarConfig();
const weekOf = (hours: DayHours): CalendarConfig['week'] => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
  sat: [],
  sun: [],
});
const withLunch: DayHours = [
  { from: '09:00', to: '13:00' },
  { from: '14:00', to: '18:00' },
];

function refusal(config: unknown): string {
  try {
    createBusinessCalendar(config as CalendarConfig);
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
  return 'accepted';
}

describe('a calendar configuration', () => {
  it.each<[string, unknown, string]>([
    ['no configuration at all', undefined, 'invalid-time-zone: unknown time zone "undefined"'],
    ['an unknown time zone, named', { ...base, timeZone: 'Mars/Olympus' }, 'invalid-time-zone: unknown time zone "Mars/Olympus"'],
    [
      'unknown provisional rules',
      { ...base, provisionalRules: 'us' },
      'invalid-year-data: provisionalRules must be "ru" or "none"',
    ],
    ['no week', { ...base, week: undefined }, 'invalid-hours: week is missing'],
    ['a week that is not an object', { ...base, week: 'mon-fri' }, 'invalid-hours: week is missing'],
    [
      'a shortened day cut by a negative amount',
      { ...base, shortenedDayMinutes: -1 },
      'invalid-hours: shortenedDayMinutes must be a whole number of minutes in a day',
    ],
    [
      'a shortened day cut by a fraction of a minute',
      { ...base, shortenedDayMinutes: 1.5 },
      'invalid-hours: shortenedDayMinutes must be a whole number of minutes in a day',
    ],
    [
      'a shortened day cut by more than a day',
      { ...base, shortenedDayMinutes: 1441 },
      'invalid-hours: shortenedDayMinutes must be a whole number of minutes in a day',
    ],
    ['a shortened day cut by nothing', { ...base, shortenedDayMinutes: 0 }, 'accepted'],
    ['a shortened day cut by a whole day', { ...base, shortenedDayMinutes: 1440 }, 'accepted'],
    [
      'a year given twice, named',
      { ...base, years: [...base.years, base.years[0]!] },
      `duplicate-year: year ${base.years[0]!.year} is given twice`,
    ],
    ['no years at all', { ...base, years: undefined }, 'accepted'],
  ])('%s: %s', (_what, config, outcome) => {
    expect(refusal(config)).toBe(outcome);
  });
});

describe('the days a calendar works', () => {
  it('without provisional rules a year beyond the decrees has no holidays', () => {
    const plain = createBusinessCalendar({ ...base, provisionalRules: 'none' });
    expect(isWorkingInstant(plain, msk('2040-01-02 10:00'))).toBe(true);
    const russian = createBusinessCalendar(base);
    expect(isWorkingInstant(russian, msk('2040-01-02 10:00'))).toBe(false);
  });

  it('a working Saturday keeps the hours given for it, or else those of the first working weekday', () => {
    // 1 Nov 2025 is a working Saturday in the Russian decree.
    const custom = createBusinessCalendar({
      ...base,
      shortenedDayMinutes: 0,
      workingWeekendDayHours: [{ from: '10:00', to: '12:00' }],
    });
    expect(showMsk(nextWorkingInstant(custom, msk('2025-11-01 08:00')))).toBe('2025-11-01 10:00');
    const inherited = createBusinessCalendar({
      ...base,
      shortenedDayMinutes: 0,
      week: { ...weekOf([]), tue: [{ from: '08:00', to: '17:00' }] },
    });
    expect(showMsk(nextWorkingInstant(inherited, msk('2025-11-01 07:00')))).toBe('2025-11-01 08:00');
  });

  it('a shortened day with a lunch break loses its last hours across the break', () => {
    // 30 Apr 2026 is a shortened day; cut by 5 hours the 09:00-13:00, 14:00-18:00 day ends at 12:00.
    const cal = createBusinessCalendar({ ...base, week: weekOf(withLunch), shortenedDayMinutes: 300 });
    expect(workingMinutesBetween(cal, msk('2026-04-30 00:00'), msk('2026-05-01 00:00'))).toBe(180);
    expect(isWorkingInstant(cal, msk('2026-04-30 11:59'))).toBe(true);
    expect(isWorkingInstant(cal, msk('2026-04-30 12:00'))).toBe(false);
  });

  it('a shortened day cut exactly by its last interval ends at the lunch break', () => {
    const cal = createBusinessCalendar({ ...base, week: weekOf(withLunch), shortenedDayMinutes: 240 });
    expect(workingMinutesBetween(cal, msk('2026-04-30 00:00'), msk('2026-05-01 00:00'))).toBe(240);
    expect(isWorkingInstant(cal, msk('2026-04-30 12:59'))).toBe(true);
  });

  it('a day cut by more than its hours does not work at all', () => {
    const cal = createBusinessCalendar({ ...base, shortenedDayMinutes: 1440 });
    expect(workingMinutesBetween(cal, msk('2026-04-30 00:00'), msk('2026-05-01 00:00'))).toBe(0);
  });

  it('adjacent intervals of a day make one stretch of work', () => {
    const cal = createBusinessCalendar({
      ...base,
      week: weekOf([
        { from: '09:00', to: '13:00' },
        { from: '13:00', to: '18:00' },
      ]),
    });
    expect(showMsk(addWorkingMinutes(cal, msk('2026-01-12 12:00'), 120))).toBe('2026-01-12 14:00');
    expect(workingMinutesBetween(cal, msk('2026-01-12 00:00'), msk('2026-01-13 00:00'))).toBe(540);
  });

  it('works only within the supported years', () => {
    const cal = createBusinessCalendar(base);
    expect(() => isWorkingInstant(cal, Date.UTC(1899, 5, 1))).toThrow(/outside the calendar's supported years 1900-2300/);
    expect(() => isWorkingInstant(cal, Date.UTC(2301, 5, 1))).toThrow(/outside the calendar's supported years 1900-2300/);
    expect(() => isWorkingInstant(cal, Number.NaN)).toThrow(/not an instant: NaN/);
  });

  it('the first and last instants of a year belong to that year', () => {
    const cal = createBusinessCalendar({
      ...base,
      provisionalRules: 'none',
      years: [],
      week: {
        ...weekOf([{ from: '00:00', to: '24:00' }]),
        sat: [{ from: '00:00', to: '24:00' }],
        sun: [{ from: '00:00', to: '24:00' }],
      },
    });
    // Moscow is UTC+3: the year 2027 starts at 21:00 UTC on 31 Dec 2026.
    const newYear = Date.UTC(2026, 11, 31, 21);
    expect(workingMinutesBetween(cal, newYear - 60_000, newYear + 60_000)).toBe(2);
    expect(isWorkingInstant(cal, newYear - 1)).toBe(true);
    expect(isWorkingInstant(cal, newYear)).toBe(true);
  });
});
