/** Importing a year on the settings screen: files, the pasted official list, and what changes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarYearData, defaultRussianCalendar, provisionalRussianYear } from '../../../../shared/sla/index.ts';
import { diffCalendarYear, importCalendarYear } from '../../../../shared/sla/calendarYearImport.ts';
import { settingsMessagesRu } from '../../../../shared/sla/slaSettings.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('importCalendarYear', () => {
  it('reads an xmlcalendar XML file as an official year with its source', () => {
    const check = importCalendarYear(fixture('xmlcalendar-2026.xml'), 2026, 'calendar.xml');
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.value).toMatchObject({ year: 2026, status: 'official', source: 'calendar.xml' });
    expect(check.value.holidays.map((h) => h.date)).toContain('2026-01-07');
  });

  it('reads the JSON variant', () => {
    expect(importCalendarYear(fixture('xmlcalendar-2025.json'), 2025, 'calendar.json').ok).toBe(true);
  });

  it('refuses a file for another year, with a Russian message', () => {
    const check = importCalendarYear(fixture('xmlcalendar-2025.xml'), 2026, 'calendar.xml');
    expect(check).toEqual({ ok: false, errors: [{ path: 'file', code: 'calendar-wrong-year' }] });
    expect(settingsMessagesRu['calendar-wrong-year']).toBe('Файл календаря за другой год.');
  });

  it('refuses a broken file', () => {
    expect(importCalendarYear('<calendar year="2026"><days><day d="13.45" t="1"/>', 2026, 'x.xml')).toMatchObject({ ok: false });
    expect(importCalendarYear('{"year": 2026, "months": [', 2026, 'x.json')).toEqual({
      ok: false,
      errors: [{ path: 'file', code: 'calendar-unreadable' }],
    });
  });

  it('reads the official list pasted in, one day a line', () => {
    const text = ['01.01.2027 Новогодние каникулы', '2027-06-14 перенос', '2027-11-03 сокращённый', '30.10.2027 рабочий'].join(
      '\n',
    );
    const check = importCalendarYear(text, 2027, 'вставлено');
    expect(check.ok && check.value).toMatchObject({
      holidays: [{ date: '2027-01-01', name: 'Новогодние каникулы' }],
      transferredDaysOff: [{ date: '2027-06-14', from: null }],
      shortenedDays: ['2027-11-03'],
      workingWeekendDays: ['2027-10-30'],
    });
  });

  it('refuses a pasted line that is not a date, and a date of another year', () => {
    expect(importCalendarYear('первое января', 2027, 'p')).toEqual({
      ok: false,
      errors: [{ path: 'file', code: 'calendar-unreadable' }],
    });
    expect(importCalendarYear('01.01.2028 Новый год', 2027, 'p')).toEqual({
      ok: false,
      errors: [{ path: 'file', code: 'calendar-wrong-year' }],
    });
    expect(importCalendarYear('31.02.2027 Новый год', 2027, 'p')).toEqual({
      ok: false,
      errors: [{ path: 'file', code: 'calendar-invalid-day' }],
    });
  });
});

describe('diffCalendarYear', () => {
  it('lists the days whose kind changes against the year in use', () => {
    const before = calendarYearData(defaultRussianCalendar(), 2026);
    const added = { ...before, holidays: [...before.holidays, { date: '2026-12-30', name: 'Новый' }] };
    expect(diffCalendarYear(before, added)).toEqual([{ date: '2026-12-30', before: 'ordinary', after: 'holiday' }]);
    expect(diffCalendarYear(added, before)).toEqual([{ date: '2026-12-30', before: 'holiday', after: 'ordinary' }]);
  });

  it('an official year against its provisional one shows the transfers', () => {
    const official = calendarYearData(defaultRussianCalendar(), 2026);
    const changes = diffCalendarYear(provisionalRussianYear(2026), official);
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.before !== c.after)).toBe(true);
  });
});
