import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  createBusinessCalendar,
  defaultRussianCalendar,
  defaultRussianCalendarConfig,
  nextWorkingInstant,
  workingMinutesBetween,
} from '../../../../shared/sla/index.ts';
import { minYear, yearIndexAt } from '../../../../shared/sla/businessCalendar.ts';
import { workingMsBefore } from '../../../../shared/sla/workingTime.ts';
import { msk, showMsk } from './slaTestHelpers.ts';

const cal = defaultRussianCalendar();
const minute = 60_000;

describe('working time at the edges of a year', () => {
  it("the last working minute of a year ends at that day's closing, not in the next year", () => {
    expect(showMsk(addWorkingMinutes(cal, msk('2026-12-30 17:00'), 60))).toBe('2026-12-30 18:00');
  });

  it('working time between two instants in different years is negative when they are given backwards', () => {
    const forwards = workingMinutesBetween(cal, msk('2025-12-30 17:00'), msk('2026-01-12 10:00'));
    expect(forwards).toBe(120);
    expect(workingMinutesBetween(cal, msk('2026-01-12 10:00'), msk('2025-12-30 17:00'))).toBe(-120);
  });

  it('a year without a single working day is skipped', () => {
    const config = defaultRussianCalendarConfig();
    const allOf2030 = Array.from({ length: 365 }, (_, i) => ({
      date: new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10),
      name: 'закрыто',
    }));
    const closed = createBusinessCalendar({
      ...config,
      years: [
        ...config.years,
        {
          year: 2030,
          status: 'official',
          source: 'a year the desk is closed',
          holidays: allOf2030,
          transferredDaysOff: [],
          shortenedDays: [],
          workingWeekendDays: [],
        },
      ],
    });
    expect(showMsk(nextWorkingInstant(closed, msk('2029-12-31 18:00')))).toBe(
      showMsk(nextWorkingInstant(cal, msk('2031-01-01 00:00'))),
    );
  });

  it('working time cannot run past the last supported year', () => {
    expect(() => addWorkingMinutes(cal, msk('2300-12-29 17:00'), 10 * 540)).toThrow(/no working time left/);
  });

  it('a negative or non-finite amount is refused with the amount named', () => {
    expect(() => addWorkingMinutes(cal, msk('2026-01-12 10:00'), -1)).toThrow('got -60000');
    expect(() => addWorkingMinutes(cal, msk('2026-01-12 10:00'), Number.POSITIVE_INFINITY)).toThrow('got Infinity');
  });
});

describe('when a countdown reaches a given working time left (workingMsBefore)', () => {
  it.each([
    ['inside the same day', '2026-01-13 12:00', 60, '2026-01-13 11:00'],
    ['back over a night', '2026-01-13 10:00', 120, '2026-01-12 17:00'],
    ['back over the January holidays into the previous year', '2026-01-12 10:00', 120, '2025-12-30 17:00'],
    [
      'exactly the working time since the year began: the closing of its last working day',
      '2026-01-12 10:00',
      60,
      '2025-12-30 18:00',
    ],
  ])('%s: %s minus %i working min = %s', (_what, due, minutes, expected) => {
    expect(showMsk(workingMsBefore(cal, msk(due), minutes * minute))).toBe(expected);
  });

  it('counting back past the first supported year stops at its start', () => {
    const due = Date.UTC(minYear, 0, 15, 7);
    expect(workingMsBefore(cal, due, 1_000 * 540 * minute)).toBe(yearIndexAt(cal, due).start);
  });
});
