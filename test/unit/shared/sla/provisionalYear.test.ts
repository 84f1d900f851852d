/** Years without a decree are built from the Labour Code (art. 112, 95) and marked provisional. */
import { describe, expect, it } from 'vitest';
import {
  calendarYearData,
  calendarYearStatus,
  defaultRussianCalendar,
  provisionalRussianYear,
  workingMinutesBetween,
} from '../../../../shared/sla/index.ts';
import { daysOf, msk } from './slaTestHelpers.ts';

const cal = defaultRussianCalendar();

const nonWorkingWeekdays = (data: ReturnType<typeof provisionalRussianYear>) =>
  [...data.holidays.map((h) => h.date), ...data.transferredDaysOff.map((t) => t.date)]
    .filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() % 6 !== 0)
    .sort();

describe('provisional years', () => {
  it('marks 2027 provisional and 2025-2026 official', () => {
    expect(calendarYearStatus(cal, 2027)).toBe('provisional');
    expect(calendarYearStatus(cal, 2024)).toBe('provisional');
    expect(calendarYearStatus(cal, 2025)).toBe('official');
    expect(calendarYearStatus(cal, 2026)).toBe('official');
    expect(calendarYearData(cal, 2027).source).toContain('ст. 112');
  });

  it('builds 2027 from art. 112: weekend holidays move to the next working day, January ones do not', () => {
    const y = provisionalRussianYear(2027);
    // 1 May (Sat) -> Mon 3 May; 9 May (Sun) -> Mon 10 May; 12 June (Sat) -> Mon 14 June.
    // 2-3 January fall on a weekend but are left to the decree.
    expect(y.transferredDaysOff).toEqual([
      { date: '2027-05-03', from: '2027-05-01' },
      { date: '2027-05-10', from: '2027-05-09' },
      { date: '2027-06-14', from: '2027-06-12' },
    ]);
    expect(y.shortenedDays).toEqual(['2027-02-22', '2027-04-30', '2027-06-11', '2027-11-03', '2027-12-31']);
  });

  it.each([
    ['2027-01-08 12:00', 0],
    ['2027-01-11 00:00', 540],
    ['2027-02-22 00:00', 480],
    ['2027-05-03 00:00', 0],
    ['2027-05-10 00:00', 0],
    ['2027-06-14 00:00', 0],
    ['2027-12-31 00:00', 480],
  ])('the default calendar uses the provisional 2027 on %s (%i working minutes from then to the day end)', (start, minutes) => {
    const from = msk(start);
    const dayEnd = msk(`${start.slice(0, 10)} 00:00`) + 86_400_000;
    expect(workingMinutesBetween(cal, from, dayEnd)).toBe(minutes);
  });

  it("reproduces official 2026 except the decree's two January transfers (9 Jan, 31 Dec)", () => {
    const provisional = nonWorkingWeekdays(provisionalRussianYear(2026));
    const official = nonWorkingWeekdays(calendarYearData(cal, 2026));
    expect(official.filter((d) => !provisional.includes(d))).toEqual(['2026-01-09', '2026-12-31']);
    expect(provisional.filter((d) => !official.includes(d))).toEqual([]);
    expect(provisionalRussianYear(2026).shortenedDays).toEqual([
      '2026-04-30',
      '2026-05-08',
      '2026-06-11',
      '2026-11-03',
      '2026-12-31',
    ]);
  });

  it('shows for 2025 why the decree matters: art. 112 alone would give 24 Feb and 10 Mar off', () => {
    const provisional = nonWorkingWeekdays(provisionalRussianYear(2025));
    expect(provisional).toContain('2025-02-24');
    expect(provisional).toContain('2025-03-10');
    expect(nonWorkingWeekdays(calendarYearData(cal, 2025))).not.toContain('2025-02-24');
  });

  it('counts 249 working days in provisional 2027', () => {
    const working = daysOf(2027).filter(({ date }) => {
      const s = msk(`${date} 00:00`);
      return workingMinutesBetween(cal, s, s + 86_400_000) > 0;
    });
    // 261 weekdays, less: 1 and 4-8 January; 23 Feb and 8 Mar; 4 Nov; the three art. 112 transfers.
    expect(working).toHaveLength(261 - 6 - 2 - 1 - 3);
  });
});
