/**
 * Importing a year in the xmlcalendar format (XML and JSON). The fixtures encode the decrees'
 * facts; an imported year must give exactly the working days of the shipped data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CalendarImportError,
  calendarYearStatus,
  createBusinessCalendar,
  defaultRussianCalendar,
  defaultRussianCalendarConfig,
  parseXmlCalendar,
  parseXmlCalendarJson,
  workingMinutesBetween,
  type BusinessCalendar,
  type CalendarYearData,
} from '../../../../shared/sla/index.ts';
import { daysOf, msk } from './slaTestHelpers.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function calendarWith(data: CalendarYearData): BusinessCalendar {
  // Only the imported year: the other shipped year is dropped so nothing else can supply the days.
  return createBusinessCalendar({ ...defaultRussianCalendarConfig(), years: [data], provisionalRules: 'none' });
}

function dayMinutes(cal: BusinessCalendar, year: number): Record<string, number> {
  return Object.fromEntries(
    daysOf(year).map(({ date }) => {
      const start = msk(`${date} 00:00`);
      return [date, workingMinutesBetween(cal, start, start + 86_400_000)];
    }),
  );
}

describe.each([
  ['calendar.xml', 2025, 'xmlcalendar-2025.xml', parseXmlCalendar],
  ['calendar.xml', 2026, 'xmlcalendar-2026.xml', parseXmlCalendar],
  ['calendar.json', 2025, 'xmlcalendar-2025.json', parseXmlCalendarJson],
  ['calendar.json', 2026, 'xmlcalendar-2026.json', parseXmlCalendarJson],
] as const)('importing xmlcalendar %s for %i', (_format, year, file, parse) => {
  const data = parse(fixture(file), year);

  it('gives every day of the year exactly as the shipped official data', () => {
    expect(dayMinutes(calendarWith(data), year)).toEqual(dayMinutes(defaultRussianCalendar(), year));
  });

  it('is marked official and says where it came from', () => {
    expect(data.status).toBe('official');
    expect(data.source).toContain('xmlcalendar');
    expect(calendarYearStatus(calendarWith(data), year)).toBe('official');
  });

  it('tells holidays, transferred days off and shortened days apart', () => {
    const shipped = defaultRussianCalendarConfig().years.find((y) => y.year === year)!;
    expect(data.transferredDaysOff.map((t) => t.date)).toEqual(shipped.transferredDaysOff.map((t) => t.date).sort());
    expect(data.shortenedDays).toEqual([...shipped.shortenedDays].sort());
    expect(data.workingWeekendDays).toEqual(shipped.workingWeekendDays);
    expect(data.holidays.find((h) => h.date === `${year}-06-12`)?.name).toBe('День России');
  });
});

describe('xmlcalendar details', () => {
  it('reads where a day off was moved from', () => {
    const data = parseXmlCalendar(fixture('xmlcalendar-2026.xml'), 2026);
    expect(data.transferredDaysOff).toContainEqual({ date: '2026-01-09', from: '2026-01-03' });
    const json = parseXmlCalendarJson(fixture('xmlcalendar-2026.json'), 2026);
    expect(json.transferredDaysOff).toContainEqual({ date: '2026-12-31', from: '2026-01-04' });
  });

  it('treats a shortened Saturday (t="2") as a working day', () => {
    const data = parseXmlCalendar(fixture('xmlcalendar-2025.xml'), 2025);
    expect(data.workingWeekendDays).toEqual(['2025-11-01']);
    expect(data.shortenedDays).toContain('2025-11-01');
  });

  it('reads the JSON format through parseXmlCalendar too', () => {
    expect(parseXmlCalendar(fixture('xmlcalendar-2026.json'), 2026)).toEqual(
      parseXmlCalendarJson(fixture('xmlcalendar-2026.json'), 2026),
    );
  });

  it.each([
    ['a file for another year', fixture('xmlcalendar-2026.xml'), 2027, 'wrong-year'],
    ['a JSON file for another year', fixture('xmlcalendar-2026.json'), 2025, 'wrong-year'],
    ['text that is not a calendar', '<html><body>404</body></html>', 2026, 'unreadable'],
    ['broken JSON', '{"year": 2026, "months": [', 2026, 'unreadable'],
    ['a day that does not exist', '<calendar year="2026"><days><day d="02.30" t="1"/></days></calendar>', 2026, 'invalid-day'],
    ['an unknown day type', '<calendar year="2026"><days><day d="02.03" t="7"/></days></calendar>', 2026, 'invalid-day'],
    [
      'a working "weekend" on a Tuesday',
      '<calendar year="2026"><days><day d="02.03" t="3"/></days></calendar>',
      2026,
      'invalid-day',
    ],
  ])('refuses %s', (_what, text, year, code) => {
    expect(() => parseXmlCalendar(text, year)).toThrow(CalendarImportError);
    try {
      parseXmlCalendar(text, year);
    } catch (e) {
      expect((e as CalendarImportError).code).toBe(code);
    }
  });
});
