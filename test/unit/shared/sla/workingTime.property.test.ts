/** Laws of working-time arithmetic, checked on random instants in 2025-2027 and several calendars. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  createBusinessCalendar,
  defaultRussianCalendar,
  defaultRussianCalendarConfig,
  isWorkingInstant,
  workingMinutesBetween,
  type BusinessCalendar,
  type DayHours,
} from '../../../../shared/sla/index.ts';

const lunch: DayHours = [
  { from: '09:00', to: '13:00' },
  { from: '14:00', to: '18:00' },
];
const eightToFive: DayHours = [{ from: '08:00', to: '17:00' }];

const calendars: [string, BusinessCalendar][] = [
  ['default Moscow', defaultRussianCalendar()],
  [
    'Novosibirsk with a lunch break',
    createBusinessCalendar({
      ...defaultRussianCalendarConfig(),
      timeZone: 'Asia/Novosibirsk',
      week: { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch, sat: [], sun: [] },
    }),
  ],
  [
    'New York with daylight saving',
    createBusinessCalendar({
      timeZone: 'America/New_York',
      week: { mon: eightToFive, tue: eightToFive, wed: eightToFive, thu: eightToFive, fri: eightToFive, sat: [], sun: [] },
      years: [],
      provisionalRules: 'none',
    }),
  ],
];

const from2025 = Date.UTC(2025, 0, 1);
const to2027 = Date.UTC(2027, 0, 1);
const instant = fc.integer({ min: from2025, max: to2027 });
/** Whole minutes from 0 to 5 calendar days' worth, and sometimes fractions to the millisecond. */
const minutes = fc.oneof(
  fc.integer({ min: 0, max: 5 * 24 * 60 }),
  fc.integer({ min: 0, max: 7_200_000 }).map((ms) => ms / 60_000),
);

describe.each(calendars)('working time laws on the %s calendar', (_name, cal) => {
  it('round-trips: workingMinutesBetween(a, addWorkingMinutes(a, m)) === m', () => {
    fc.assert(
      fc.property(instant, minutes, (a, m) => {
        expect(workingMinutesBetween(cal, a, addWorkingMinutes(cal, a, m))).toBe(m);
      }),
    );
  });

  it('never goes back in time, and lands on working time', () => {
    fc.assert(
      fc.property(instant, minutes, (a, m) => {
        const due = addWorkingMinutes(cal, a, m);
        expect(due).toBeGreaterThanOrEqual(a);
        // The due instant is the earliest one: working time ends there (m > 0) or starts there (m = 0).
        expect(m > 0 ? isWorkingInstant(cal, due - 1) : isWorkingInstant(cal, due)).toBe(true);
      }),
    );
  });

  it('is monotonic in the start and in the minutes', () => {
    fc.assert(
      fc.property(instant, instant, minutes, minutes, (a, b, m, n) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        const [m1, m2] = m <= n ? [m, n] : [n, m];
        expect(addWorkingMinutes(cal, s1, m1)).toBeLessThanOrEqual(addWorkingMinutes(cal, s2, m1));
        expect(addWorkingMinutes(cal, s1, m1)).toBeLessThanOrEqual(addWorkingMinutes(cal, s1, m2));
      }),
    );
  });

  it('adds up: a + m + n (n > 0) is a + (m + n), and intervals of working time add', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 3000 }), (a, m, n) => {
        expect(addWorkingMinutes(cal, addWorkingMinutes(cal, a, m), n)).toBe(addWorkingMinutes(cal, a, m + n));
      }),
    );
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(workingMinutesBetween(cal, a, b) + workingMinutesBetween(cal, b, c)).toBeCloseTo(
          workingMinutesBetween(cal, a, c),
          9,
        );
        expect(workingMinutesBetween(cal, a, c)).toBeLessThanOrEqual((c - a) / 60_000);
      }),
    );
  });
});
