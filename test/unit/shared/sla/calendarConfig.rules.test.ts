/**
 * The business calendar's configuration read and checked: a day's working intervals (`HH:MM`,
 * up to 24:00, in order, not overlapping) and a year of a production calendar (a supported year,
 * its status, its lists of dates within the year, no day both off and working), each refusal with
 * its code and message.
 */
import { describe, expect, it } from 'vitest';
import {
  CalendarConfigError,
  parseDayHours,
  weekdayKeys,
  yearRulesOf,
  type CalendarYearData,
  type DayHours,
} from '#shared/sla/calendarConfig.ts';
import { dayNumber } from '#shared/sla/civilDate.ts';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarConfigError);
    expect((error as Error).name).toBe('CalendarConfigError');
    return `${(error as CalendarConfigError).code}: ${(error as Error).message}`;
  }
  return 'accepted';
}
const hoursRefusal = (hours: unknown) => refusal(() => parseDayHours(hours as DayHours, 'mon'));
const clockRefusal = (text: unknown) => hoursRefusal([{ from: text, to: '24:00' }]);

const day = (m: number, d: number) => dayNumber(2027, m, d);
const year: CalendarYearData = {
  year: 2027,
  status: 'official',
  source: 'Постановление',
  holidays: [{ date: '2027-01-01', name: 'Новый год' }],
  transferredDaysOff: [{ date: '2027-05-03', from: '2027-05-01' }],
  workingWeekendDays: ['2027-12-25'],
  shortenedDays: ['2027-12-30', '2027-12-25'],
};
const yearRefusal = (data: unknown) => refusal(() => yearRulesOf(data as CalendarYearData));

describe('the days of a week', () => {
  it('are keyed Monday to Sunday', () => {
    expect(weekdayKeys).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });
});

describe('a day’s working hours', () => {
  it('are read into minutes of the day, a lunch break between, ending at 24:00 at the latest', () => {
    expect(
      parseDayHours(
        [
          { from: '00:00', to: '09:30' },
          { from: '09:30', to: '13:00' },
          { from: '14:00', to: '24:00' },
        ],
        'mon',
      ),
    ).toEqual([
      [0, 570],
      [570, 780],
      [840, 1440],
    ]);
    expect(parseDayHours([{ from: '23:00', to: '23:59' }], 'mon')).toEqual([[1380, 1439]]);
    expect(parseDayHours([], 'sun')).toEqual([]);
  });

  it('are a list', () => {
    expect(hoursRefusal({ from: '09:00', to: '18:00' })).toBe('invalid-hours: mon: expected a list of intervals');
  });

  it.each(['24:01', '25:00', '12:60', '9:00', '09:0', ' 09:00', '09:00 ', '0900', 'x09:00', '09:00x'])(
    'refuses the time %j, named with the day',
    (text) => {
      expect(clockRefusal(text)).toBe(`invalid-hours: mon: "${text}" is not a time HH:MM between 00:00 and 24:00`);
    },
  );

  it('refuses a time that is missing or not a text, and an interval that is not one', () => {
    expect(clockRefusal(900)).toBe('invalid-hours: mon: "900" is not a time HH:MM between 00:00 and 24:00');
    expect(hoursRefusal([{ to: '18:00' }])).toBe('invalid-hours: mon: "undefined" is not a time HH:MM between 00:00 and 24:00');
    expect(hoursRefusal([null])).toBe('invalid-hours: mon: "undefined" is not a time HH:MM between 00:00 and 24:00');
    expect(hoursRefusal([{ from: '09:00', to: '1800' }])).toBe(
      'invalid-hours: mon: "1800" is not a time HH:MM between 00:00 and 24:00',
    );
  });

  it('refuses an interval that ends when or before it starts', () => {
    expect(hoursRefusal([{ from: '10:00', to: '10:00' }])).toBe('invalid-hours: mon: interval 10:00-10:00 ends before it starts');
    expect(hoursRefusal([{ from: '10:00', to: '09:59' }])).toBe('invalid-hours: mon: interval 10:00-09:59 ends before it starts');
  });

  it('refuses intervals out of order or overlapping', () => {
    const sentence = 'invalid-hours: mon: intervals must be in order and must not overlap';
    expect(
      hoursRefusal([
        { from: '14:00', to: '18:00' },
        { from: '09:00', to: '13:00' },
      ]),
    ).toBe(sentence);
    expect(
      hoursRefusal([
        { from: '09:00', to: '13:00' },
        { from: '12:59', to: '18:00' },
      ]),
    ).toBe(sentence);
  });
});

describe('a year of a production calendar', () => {
  it('is read into its days off, working weekend days and shortened days', () => {
    const rules = yearRulesOf(year);
    expect(rules.year).toBe(2027);
    expect(rules.status).toBe('official');
    expect(rules.data).toBe(year);
    expect([...rules.nonWorking]).toEqual([day(1, 1), day(5, 3)]);
    expect([...rules.working]).toEqual([day(12, 25)]);
    expect([...rules.shortened]).toEqual([day(12, 30), day(12, 25)]);
  });

  it('may be provisional', () => {
    expect(yearRulesOf({ ...year, status: 'provisional' }).status).toBe('provisional');
  });

  it.each([1900, 2300])('is supported from 1900 to 2300: %i', (y) => {
    const empty = { ...year, year: y, holidays: [], transferredDaysOff: [], workingWeekendDays: [], shortenedDays: [] };
    expect(yearRefusal(empty)).toBe('accepted');
  });

  it.each([
    [1899, 'year 1899 is not a supported year'],
    [2301, 'year 2301 is not a supported year'],
    [2027.5, 'year 2027.5 is not a supported year'],
    ['2027', 'year 2027 is not a supported year'],
  ])('is refused beyond the supported years or not a whole number: %j', (y, message) => {
    expect(yearRefusal({ ...year, year: y })).toBe(`invalid-year-data: ${message}`);
  });

  it('is refused when missing, with another status, or a list that is not one', () => {
    expect(yearRefusal(undefined)).toBe('invalid-year-data: year undefined is not a supported year');
    expect(yearRefusal({ ...year, status: 'draft' })).toBe('invalid-year-data: 2027: status must be official or provisional');
    for (const key of ['holidays', 'transferredDaysOff', 'workingWeekendDays', 'shortenedDays']) {
      expect(yearRefusal({ ...year, [key]: '2027-01-01' })).toBe(`invalid-year-data: 2027: ${key} must be a list`);
    }
  });

  it('is refused for a date that is not one, named by its kind', () => {
    expect(yearRefusal({ ...year, holidays: [{ date: '2027-02-30', name: '' }] })).toBe(
      'invalid-year-data: 2027: holiday "2027-02-30" is not a date YYYY-MM-DD',
    );
    expect(yearRefusal({ ...year, holidays: [null] })).toBe(
      'invalid-year-data: 2027: holiday "undefined" is not a date YYYY-MM-DD',
    );
    expect(yearRefusal({ ...year, transferredDaysOff: [{ date: 20_000, from: null }] })).toBe(
      'invalid-year-data: 2027: transferred day off "20000" is not a date YYYY-MM-DD',
    );
    expect(yearRefusal({ ...year, transferredDaysOff: [null] })).toBe(
      'invalid-year-data: 2027: transferred day off "undefined" is not a date YYYY-MM-DD',
    );
    expect(yearRefusal({ ...year, workingWeekendDays: ['25.12.2027'] })).toBe(
      'invalid-year-data: 2027: working weekend day "25.12.2027" is not a date YYYY-MM-DD',
    );
    expect(yearRefusal({ ...year, shortenedDays: ['2027-12-32'] })).toBe(
      'invalid-year-data: 2027: shortened day "2027-12-32" is not a date YYYY-MM-DD',
    );
  });

  it('takes dates from its first to its last day and refuses one outside it', () => {
    expect(yearRefusal({ ...year, holidays: [{ date: '2027-12-31', name: '' }] })).toBe('accepted');
    expect(yearRefusal({ ...year, holidays: [{ date: '2026-12-31', name: '' }] })).toBe(
      'invalid-year-data: 2027: holiday 2026-12-31 is outside the year',
    );
    expect(yearRefusal({ ...year, holidays: [{ date: '2028-01-01', name: '' }] })).toBe(
      'invalid-year-data: 2027: holiday 2028-01-01 is outside the year',
    );
  });

  it('makes working only a Saturday or Sunday that is not also a day off', () => {
    expect(yearRefusal({ ...year, workingWeekendDays: ['2027-12-24'] })).toBe(
      'invalid-year-data: 2027: working weekend day 2027-12-24 is not a Saturday or Sunday',
    );
    expect(yearRefusal({ ...year, workingWeekendDays: ['2027-12-26'], shortenedDays: [] })).toBe('accepted');
    expect(yearRefusal({ ...year, holidays: [{ date: '2027-12-25', name: '' }] })).toBe(
      'conflicting-day: 2027: 2027-12-25 is listed both as a day off and as a working day',
    );
  });

  it('shortens only a working day: not a day off, nor a weekend day left off', () => {
    expect(yearRefusal({ ...year, shortenedDays: ['2027-05-03'] })).toBe(
      'conflicting-day: 2027: 2027-05-03 is listed both as a day off and as a shortened working day',
    );
    expect(yearRefusal({ ...year, shortenedDays: ['2027-12-26'] })).toBe(
      'conflicting-day: 2027: shortened day 2027-12-26 falls on a weekend that is not listed as a working day',
    );
  });
});
