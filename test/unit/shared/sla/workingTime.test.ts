import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  CalendarConfigError,
  calendarYearStatus,
  createBusinessCalendar,
  defaultRussianCalendar,
  defaultRussianCalendarConfig,
  isWorkingInstant,
  nextWorkingInstant,
  workingMinutesBetween,
  type CalendarConfig,
  type DayHours,
} from '../../../../shared/sla/index.ts';
import { at, msk, showMsk } from './slaTestHelpers.ts';

const cal = defaultRussianCalendar();

describe('addWorkingMinutes on the default Russian calendar (Moscow, Mon-Fri 09:00-18:00)', () => {
  it.each([
    ['an hour inside a day', '2026-01-12 09:00', 60, '2026-01-12 10:00'],
    ['a whole day ends at 18:00, not the next morning', '2026-01-12 09:00', 540, '2026-01-12 18:00'],
    ['one minute more runs into the next day', '2026-01-12 09:00', 541, '2026-01-13 09:01'],
    ['over a weekend', '2026-01-16 17:30', 60, '2026-01-19 09:30'],
    ['4 working hours from Friday 16:00', '2026-01-16 16:00', 240, '2026-01-19 11:00'],
    ['from before opening, counting starts at 09:00', '2026-01-12 08:00', 15, '2026-01-12 09:15'],
    ['from a Saturday', '2026-01-17 12:00', 15, '2026-01-19 09:15'],
    ['over 31 Dec 2025 and the January holidays', '2025-12-30 17:00', 120, '2026-01-12 10:00'],
    ['into provisional 2027 (1-8 Jan holidays, 9-10 Jan weekend)', '2026-12-30 17:30', 60, '2027-01-11 09:30'],
    ['from a shortened day (30 Apr 2026 ends 17:00) over the May holidays', '2026-04-30 16:30', 60, '2026-05-04 09:30'],
    ['from shortened 8 May 2026 over 9-11 May', '2026-05-08 16:00', 120, '2026-05-12 10:00'],
    ['over the transferred 9 March 2026', '2026-03-06 17:00', 90, '2026-03-10 09:30'],
    ['onto working Saturday 1 Nov 2025', '2025-10-31 17:00', 120, '2025-11-01 10:00'],
    ['from shortened Saturday 1 Nov 2025 over 2-4 Nov', '2025-11-01 16:30', 60, '2025-11-05 09:30'],
    ['Feb 24 2025 is a working day (no transfer of Sunday 23 Feb)', '2025-02-21 17:00', 120, '2025-02-24 10:00'],
    ['Mar 10 2025 is a working day (no transfer of Saturday 8 Mar)', '2025-03-07 16:00', 120, '2025-03-10 10:00'],
    ['24 working hours from Monday morning', '2026-01-12 09:00', 24 * 60, '2026-01-14 15:00'],
  ])('%s: %s + %i min = %s', (_what, start, minutes, expected) => {
    expect(showMsk(addWorkingMinutes(cal, msk(start), minutes))).toBe(expected);
  });

  it.each([
    ['a working instant stays', '2026-01-12 10:00', '2026-01-12 10:00'],
    ['18:00 is already after work', '2026-01-12 18:00', '2026-01-13 09:00'],
    ['a Saturday moves to Monday 09:00', '2026-01-17 12:00', '2026-01-19 09:00'],
    ['a holiday moves to the next working day', '2026-01-01 10:00', '2026-01-12 09:00'],
  ])('0 minutes: %s (%s -> %s)', (_what, start, expected) => {
    expect(showMsk(addWorkingMinutes(cal, msk(start), 0))).toBe(expected);
    expect(showMsk(nextWorkingInstant(cal, msk(start)))).toBe(expected);
  });

  it('rejects negative and non-finite minutes', () => {
    expect(() => addWorkingMinutes(cal, msk('2026-01-12 10:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(cal, msk('2026-01-12 10:00'), Number.NaN)).toThrow(RangeError);
  });
});

describe('workingMinutesBetween', () => {
  it.each([
    ['a working week', '2026-01-12 09:00', '2026-01-16 18:00', 5 * 540],
    ['a night', '2026-01-12 18:00', '2026-01-13 09:00', 0],
    ['the January holidays', '2025-12-31 00:00', '2026-01-12 00:00', 0],
    ['two whole years 2025-2026', '2025-01-01 00:00', '2027-01-01 00:00', 2 * (247 * 540 - 4 * 60)],
    ['a minute', '2026-01-12 12:00', '2026-01-12 12:01', 1],
  ])('%s: %s .. %s = %i', (_what, from, to, minutes) => {
    expect(workingMinutesBetween(cal, msk(from), msk(to))).toBe(minutes);
  });

  it('is negative when the end is before the start', () => {
    expect(workingMinutesBetween(cal, msk('2026-01-12 11:00'), msk('2026-01-12 10:00'))).toBe(-60);
  });

  it('counts fractions of a minute', () => {
    expect(workingMinutesBetween(cal, msk('2026-01-12 12:00'), msk('2026-01-12 12:00') + 30_000)).toBe(0.5);
  });
});

describe('isWorkingInstant', () => {
  it.each([
    ['2026-01-12 09:00', true],
    ['2026-01-12 08:59:59', false],
    ['2026-01-12 17:59:59', true],
    ['2026-01-12 18:00', false],
    ['2026-01-17 12:00', false],
    ['2026-01-09 12:00', false],
    ['2026-04-30 16:59', true],
    ['2026-04-30 17:00', false],
    ['2025-11-01 10:00', true],
    ['2025-12-31 10:00', false],
  ])('%s Moscow: %s', (when, expected) => {
    expect(isWorkingInstant(cal, msk(when))).toBe(expected);
  });
});

const workday: DayHours = [{ from: '09:00', to: '18:00' }];
const withLunch: DayHours = [
  { from: '09:00', to: '13:00' },
  { from: '14:00', to: '18:00' },
];

function weekOf(hours: DayHours): CalendarConfig['week'] {
  return { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] };
}

describe('a calendar with a lunch break', () => {
  const lunch = createBusinessCalendar({ ...defaultRussianCalendarConfig(), week: weekOf(withLunch) });

  it.each([
    ['skips the lunch hour', '2026-01-12 12:30', 60, '2026-01-12 14:30'],
    ['fills the morning exactly up to 13:00', '2026-01-12 12:30', 30, '2026-01-12 13:00'],
    ['a working day is 8 hours', '2026-01-12 09:00', 8 * 60 + 1, '2026-01-13 09:01'],
    ['a shortened day loses its last hour from the afternoon', '2026-04-30 16:30', 60, '2026-05-04 09:30'],
  ])('%s: %s + %i = %s', (_what, start, minutes, expected) => {
    expect(showMsk(addWorkingMinutes(lunch, msk(start), minutes))).toBe(expected);
  });

  it('does not work at lunch, and 0 minutes at lunch is 14:00', () => {
    expect(isWorkingInstant(lunch, msk('2026-01-12 13:30'))).toBe(false);
    expect(showMsk(addWorkingMinutes(lunch, msk('2026-01-12 13:00'), 0))).toBe('2026-01-12 14:00');
    expect(workingMinutesBetween(lunch, msk('2026-01-12 12:00'), msk('2026-01-12 15:00'))).toBe(120);
  });
});

describe('shortened pre-holiday days', () => {
  const { shortenedDayMinutes: _omitted, ...withoutShortening } = defaultRussianCalendarConfig();

  it.each([
    ['end an hour early by default (art. 95)', undefined, 8 * 60],
    ['end as much earlier as configured', 120, 7 * 60],
    ['can be switched off', 0, 9 * 60],
  ])('%s', (_what, shortenedDayMinutes, minutes) => {
    const c = createBusinessCalendar(
      shortenedDayMinutes === undefined ? withoutShortening : { ...withoutShortening, shortenedDayMinutes },
    );
    expect(workingMinutesBetween(c, msk('2026-04-30 00:00'), msk('2026-05-01 00:00'))).toBe(minutes);
  });
});

describe('calendars in other time zones', () => {
  const nsk = createBusinessCalendar({ ...defaultRussianCalendarConfig(), timeZone: 'Asia/Novosibirsk' });

  it('counts Novosibirsk working hours in Novosibirsk time (UTC+7)', () => {
    const start = at('2026-01-12 09:00', '+07:00');
    expect(addWorkingMinutes(nsk, start, 60)).toBe(at('2026-01-12 10:00', '+07:00'));
    // 11:30 UTC is 18:30 in Novosibirsk (after work) but 14:30 in Moscow (working).
    expect(isWorkingInstant(nsk, at('2026-01-12 11:30', 'Z'))).toBe(false);
    expect(isWorkingInstant(cal, at('2026-01-12 11:30', 'Z'))).toBe(true);
    expect(addWorkingMinutes(nsk, at('2026-01-16 17:30', '+07:00'), 60)).toBe(at('2026-01-19 09:30', '+07:00'));
  });

  it('applies the production calendar on Novosibirsk dates', () => {
    expect(addWorkingMinutes(nsk, at('2025-12-30 17:00', '+07:00'), 120)).toBe(at('2026-01-12 10:00', '+07:00'));
  });

  const newYork = createBusinessCalendar({
    timeZone: 'America/New_York',
    week: { ...weekOf([{ from: '09:00', to: '17:00' }]) },
    years: [],
    provisionalRules: 'none',
  });

  it('follows daylight saving time: spring forward (8 Mar 2026) and fall back (1 Nov 2026)', () => {
    expect(addWorkingMinutes(newYork, at('2026-03-06 16:00', '-05:00'), 120)).toBe(at('2026-03-09 10:00', '-04:00'));
    expect(workingMinutesBetween(newYork, at('2026-03-06 09:00', '-05:00'), at('2026-03-09 17:00', '-04:00'))).toBe(960);
    expect(addWorkingMinutes(newYork, at('2026-10-30 16:00', '-04:00'), 120)).toBe(at('2026-11-02 10:00', '-05:00'));
    expect(calendarYearStatus(newYork, 2026)).toBe('provisional');
  });

  it('handles a day whose midnight does not exist (São Paulo, 4 Nov 2018: 00:00 -> 01:00)', () => {
    const allDay: DayHours = [{ from: '00:00', to: '24:00' }];
    const saoPaulo = createBusinessCalendar({
      timeZone: 'America/Sao_Paulo',
      week: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
      years: [],
      provisionalRules: 'none',
    });
    expect(workingMinutesBetween(saoPaulo, at('2018-11-03 00:00', '-03:00'), at('2018-11-05 00:00', '-02:00'))).toBe(
      24 * 60 + 23 * 60,
    );
    expect(addWorkingMinutes(saoPaulo, at('2018-11-03 23:30', '-03:00'), 60)).toBe(at('2018-11-04 01:30', '-02:00'));
  });
});

describe('calendar configuration errors', () => {
  const base = defaultRussianCalendarConfig();
  it.each<[string, CalendarConfig, string]>([
    ['an unknown time zone', { ...base, timeZone: 'Mars/Olympus' }, 'invalid-time-zone'],
    ['a week without hours', { ...base, week: weekOf([]) }, 'no-working-hours'],
    [
      'overlapping intervals',
      {
        ...base,
        week: weekOf([
          { from: '09:00', to: '13:00' },
          { from: '12:00', to: '18:00' },
        ]),
      },
      'invalid-hours',
    ],
    ['an interval ending before it starts', { ...base, week: weekOf([{ from: '18:00', to: '09:00' }]) }, 'invalid-hours'],
    ['a time that is not HH:MM', { ...base, week: weekOf([{ from: '9:00', to: '18:00' }]) }, 'invalid-hours'],
    ['a year given twice', { ...base, years: [...base.years, base.years[0]!] }, 'duplicate-year'],
    [
      'a day both off and working',
      {
        ...base,
        years: [
          {
            ...base.years[0]!,
            year: 2030,
            holidays: [{ date: '2030-01-05', name: 'x' }],
            transferredDaysOff: [],
            shortenedDays: [],
            workingWeekendDays: ['2030-01-05'],
          },
        ],
      },
      'conflicting-day',
    ],
    [
      'a date outside its year',
      {
        ...base,
        years: [
          {
            ...base.years[0]!,
            year: 2030,
            holidays: [{ date: '2031-01-01', name: 'x' }],
            transferredDaysOff: [],
            shortenedDays: [],
            workingWeekendDays: [],
          },
        ],
      },
      'invalid-year-data',
    ],
  ])('refuses %s', (_what, config, code) => {
    expect(() => createBusinessCalendar(config)).toThrow(CalendarConfigError);
    try {
      createBusinessCalendar(config);
    } catch (e) {
      expect((e as CalendarConfigError).code).toBe(code);
    }
  });

  it('accepts the default configuration', () => {
    expect(() => createBusinessCalendar({ ...base, week: weekOf(workday) })).not.toThrow();
  });
});
