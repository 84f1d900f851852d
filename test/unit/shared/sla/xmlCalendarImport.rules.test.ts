import { describe, expect, it } from 'vitest';
import { parseXmlCalendar, parseXmlCalendarJson } from '#shared/sla/index.ts';

// The xmlcalendar import read field by field from small hand-written files: what each kind of day
// becomes, in date order, and each refusal with its code and the message the log keeps.
const refusal = (text: string, year = 2026, parse = parseXmlCalendar) => {
  try {
    parse(text, year);
    return 'accepted';
  } catch (err) {
    const e = err as { name: string; code: string; message: string };
    return `${e.name} ${e.code}: ${e.message}`;
  }
};
const days = (...lines: string[]) => `<calendar year="2026"><days>${lines.join('')}</days></calendar>`;

describe('a calendar.xml', () => {
  it('gives holidays by their titles (entities read), transferred days off, shortened and working weekend days, each in date order', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year = '2026' lang="ru" date="2025.09.01">
  <holidays>
    <holiday id="1" title="Новогодние каникулы" />
    <holiday id='2' title='День &quot;России&quot; &#1044;&#x414;&#x44; &lt;&gt; &amp; &apos;'/>
    <holiday title="без номера"/>
  </holidays>
  <days>
    <day d="06.12" t="1" h="2"/>
    <day d="12.31" t="1"/>
    <day d="1.1" t="1" h="1"/>
    <day d="02.23" t="1" h="7"/>
    <day d="01.09" t="1" f="01.03"/>
    <day d="11.03" t="2"/>
    <day d="11.07" t="3"/>
    <day d="02.28" t="2"/>
    <day d=" 03.09 " t="1" h="9"></day>
  </days>
</calendar>`;
    expect(parseXmlCalendar(xml, 2026)).toEqual({
      year: 2026,
      status: 'official',
      source: 'xmlcalendar.ru, calendar.xml (2025.09.01)',
      holidays: [
        { date: '2026-01-01', name: 'Новогодние каникулы' },
        // An unknown holiday id: the fixed holiday's own name, or none.
        { date: '2026-02-23', name: 'День защитника Отечества' },
        { date: '2026-03-09', name: '' },
        { date: '2026-06-12', name: 'День "России" ДДD <> & \'' },
      ],
      transferredDaysOff: [
        { date: '2026-01-09', from: '2026-01-03' },
        { date: '2026-12-31', from: null },
      ],
      // A shortened Saturday (t="2") works, as a t="3" day does.
      workingWeekendDays: ['2026-02-28', '2026-11-07'],
      shortenedDays: ['2026-02-28', '2026-11-03'],
    });
    expect(parseXmlCalendar('<calendar year="2026"></calendar>', 2026).source).toBe('xmlcalendar.ru, calendar.xml');
  });

  it('is refused when it is no xmlcalendar file or for another year', () => {
    expect(refusal('<html><body>404</body></html>')).toBe(
      'CalendarImportError unreadable: no <calendar> element: not an xmlcalendar XML file',
    );
    expect(refusal('<calendar year="2026"/>', 2027)).toBe('CalendarImportError wrong-year: the file is for year 2026, not 2027');
    expect(refusal('<calendar lang="ru">', 2026)).toBe(
      'CalendarImportError wrong-year: the file is for year undefined, not 2026',
    );
  });

  it('is refused for a day that is not a real MM.DD of the year, naming it', () => {
    expect(refusal(days('<day d="02.30" t="1"/>'))).toBe(
      'CalendarImportError invalid-day: day "02.30" is not a day MM.DD of 2026',
    );
    expect(refusal(days('<day t="1"/>'))).toBe('CalendarImportError invalid-day: day "undefined" is not a day MM.DD of 2026');
    expect(refusal(days('<day d="02.03.2026" t="1"/>'))).toMatch(/^CalendarImportError invalid-day: day "02.03.2026"/);
    expect(refusal(days('<day d="x02.03" t="1"/>'))).toMatch(/^CalendarImportError invalid-day: day "x02.03"/);
    expect(refusal(days('<day d="01.09" t="1" f="13.01"/>'))).toBe(
      'CalendarImportError invalid-day: transferred from "13.01" is not a day MM.DD of 2026',
    );
  });

  it('is refused for a day of an unknown type, or a working weekend that is a weekday', () => {
    expect(refusal(days('<day d="02.03" t="7"/>'))).toBe('CalendarImportError invalid-day: day 02.03 has an unknown type t="7"');
    expect(refusal(days('<day d="02.03"/>'))).toBe(
      'CalendarImportError invalid-day: day 02.03 has an unknown type t="undefined"',
    );
    expect(refusal(days('<day d="02.03" t="3"/>'))).toBe(
      'CalendarImportError invalid-day: day 02.03 has t="3" but is not a Saturday or Sunday',
    );
  });

  it('is refused when it contradicts itself', () => {
    expect(refusal(days('<day d="02.28" t="1" h="1"/>', '<day d="02.28" t="3"/>'))).toBe(
      'CalendarImportError invalid-day: the file contradicts itself: 2026: 2026-02-28 is listed both as a day off and as a working day',
    );
  });
});

describe('a calendar.json', () => {
  it('is read as JSON when it starts with a brace, spaces before it allowed', () => {
    expect(refusal('  \n{"year": 2026')).toBe('CalendarImportError unreadable: not a JSON file');
    expect(refusal('{"year": 2026, "months": [', 2026, parseXmlCalendarJson)).toBe(
      'CalendarImportError unreadable: not a JSON file',
    );
  });

  it('is refused without its months, or with a month that is not one', () => {
    const noMonths = 'CalendarImportError unreadable: no "months" list: not an xmlcalendar JSON file';
    for (const text of ['null', '5', '{"year": 2026}', '{"year": 2026, "months": {}}']) {
      expect(refusal(text, 2026, parseXmlCalendarJson)).toBe(noMonths);
    }
    const badMonth = 'CalendarImportError unreadable: a month entry needs "month" 1-12 and a "days" list';
    for (const month of [
      '{"month": 0, "days": "1"}',
      '{"month": 13, "days": "1"}',
      '{"month": 1.5, "days": "1"}',
      '{"month": 1, "days": [1]}',
    ]) {
      expect(refusal(`{"year": 2026, "months": [${month}]}`)).toBe(badMonth);
    }
    expect(refusal('{"year": 2026, "months": [{"month": 2, "days": "1, 2x"}]}')).toBe(
      'CalendarImportError invalid-day: "2x" in month 2 is not a day',
    );
  });

  it('gives listed weekdays as holidays by their fixed names, transferred days from their transitions, and every unlisted weekend day as working', () => {
    const json = JSON.stringify({
      year: 2026,
      months: [{ month: 2, days: '1, 23, 24+, 27*,28,' }],
      transitions: [{ from: '02.22', to: '02.24' }],
    });
    const data = parseXmlCalendarJson(json, 2026);
    expect(data).toMatchObject({
      source: 'xmlcalendar.ru, calendar.json',
      holidays: [{ date: '2026-02-23', name: 'День защитника Отечества' }],
      transferredDaysOff: [{ date: '2026-02-24', from: '2026-02-22' }],
      shortenedDays: ['2026-02-27'],
    });
    expect(data.workingWeekendDays.slice(0, 4)).toEqual(['2026-01-03', '2026-01-04', '2026-01-10', '2026-01-11']);
    expect(data.workingWeekendDays).not.toContain('2026-02-01');
    expect(data.workingWeekendDays).not.toContain('2026-02-28');
    expect(data.workingWeekendDays).toContain('2026-02-22');
  });
});
