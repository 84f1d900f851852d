import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffCalendarYear, importCalendarYear } from '#shared/sla/calendarYearImport.ts';
import type { CalendarYearData } from '#shared/sla/calendarConfig.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const refused = (code: string) => ({ ok: false, errors: [{ path: 'file', code }] });
const pasted = (text: string, year = 2027) => {
  const check = importCalendarYear(text, year, 'список');
  if (!check.ok) throw new Error(JSON.stringify(check.errors));
  const { holidays, transferredDaysOff, workingWeekendDays, shortenedDays, status, source } = check.value;
  return { holidays, transferredDaysOff, workingWeekendDays, shortenedDays, status, source };
};

describe('a pasted official list', () => {
  it('reads indented lines and blank lines around and between them, a dash straight after the date, and each kind of day', () => {
    expect(
      pasted(`
        01.01.2027 Новый год
        2027-01-07—Рождество Христово
        08.01.2027

        2027-03-05: сокращённый день
        2027-02-22 перенос выходного дня
        2027-11-06 рабочий день

      `),
    ).toEqual({
      holidays: [
        { date: '2027-01-01', name: 'Новый год' },
        { date: '2027-01-07', name: 'Рождество Христово' },
        { date: '2027-01-08', name: 'Праздник' },
      ],
      transferredDaysOff: [{ date: '2027-02-22', from: null }],
      workingWeekendDays: ['2027-11-06'],
      shortenedDays: ['2027-03-05'],
      status: 'official',
      source: 'список',
    });
  });

  it.each([
    ['an empty list', '  \n \n', 'calendar-unreadable'],
    ['a line with text before the date', 'с 01.01.2027 Новый год', 'calendar-unreadable'],
    ['a day of another year', '01.01.2026 Новый год', 'calendar-wrong-year'],
    ['a day that does not exist', '30.02.2027 Праздник', 'calendar-invalid-day'],
    ['a day both off and working', '2027-01-02 Праздник\n2027-01-02 рабочий день', 'calendar-conflicting-day'],
    ['a working weekend day on a weekday', '2027-01-12 рабочий день', 'calendar-invalid-year'],
  ])('refuses %s', (_, text, code) => {
    expect(importCalendarYear(text, 2027, 'список')).toEqual(refused(code));
  });
});

describe('a file', () => {
  it('is recognised after blank lines or spaces before it', () => {
    expect(importCalendarYear(`\n  ${fixture('xmlcalendar-2026.xml')}`, 2026, 'calendar.xml').ok).toBe(true);
  });

  it('that breaks in an unforeseen way is unreadable', () => {
    expect(importCalendarYear('{"year": 2026, "months": null}', 2026, 'x.json')).toEqual(refused('calendar-unreadable'));
  });
});

describe('what an import changes', () => {
  const year = (over: Partial<CalendarYearData>): CalendarYearData => ({
    year: 2027,
    status: 'official',
    source: '',
    holidays: [],
    transferredDaysOff: [],
    workingWeekendDays: [],
    shortenedDays: [],
    ...over,
  });

  it('lists every day whose kind differs, in date order, against no year at all too', () => {
    const after = year({
      holidays: [{ date: '2027-12-31', name: 'Канун' }],
      transferredDaysOff: [{ date: '2027-05-10', from: null }],
      workingWeekendDays: ['2027-11-06'],
      shortenedDays: ['2027-02-20'],
    });
    expect(diffCalendarYear(null, after)).toEqual([
      { date: '2027-02-20', before: 'ordinary', after: 'shortened' },
      { date: '2027-05-10', before: 'ordinary', after: 'day-off' },
      { date: '2027-11-06', before: 'ordinary', after: 'working' },
      { date: '2027-12-31', before: 'ordinary', after: 'holiday' },
    ]);
  });

  it('orders days from both years by date', () => {
    const before = year({ holidays: [{ date: '2027-12-31', name: 'Канун' }] });
    const after = year({ shortenedDays: ['2027-02-20'] });
    expect(diffCalendarYear(before, after).map((c) => c.date)).toEqual(['2027-02-20', '2027-12-31']);
  });
});
