/**
 * Import of one year in the xmlcalendar format (xmlcalendar.ru: calendar.xml or calendar.json),
 * the format most Russian accounting and HR tools exchange. The result is CalendarYearData for
 * createBusinessCalendar; the settings screen shows it to the head of department before saving.
 *
 * XML: <calendar year="2026"><holidays><holiday id="1" title=".."/>..</holidays>
 *      <days><day d="MM.DD" t="1|2|3" h="holiday id" f="MM.DD moved from"/>..</days></calendar>
 *      t=1 day off (a holiday when h is given, else a transferred day off), t=2 working and one
 *      hour shorter (any weekday, a Saturday too), t=3 a working Saturday or Sunday.
 *      Saturdays and Sundays not listed with t=2 or t=3 are days off.
 * JSON: {"year":2026,"months":[{"month":1,"days":"1,2,3,..,9+,10"}..],"transitions":[{"from":"01.03","to":"01.09"}]}
 *      lists every non-working day of each month, weekends included; `N*` is a shortened working
 *      day, `N+` a transferred day off. A Saturday or Sunday not listed is a working day.
 */
import type { CalendarYearData } from './calendarConfig.ts';
import { yearRulesOf } from './calendarConfig.ts';
import { dayNumber, daysInYear, formatIsoDate, isWeekend } from './civilDate.ts';
import { ruFixedHolidays } from './ruProvisionalYear.ts';

export type CalendarImportErrorCode = 'unreadable' | 'wrong-year' | 'invalid-day';

/** The file cannot be imported; `code` is for the UI's message, `message` for the log. */
export class CalendarImportError extends Error {
  readonly code: CalendarImportErrorCode;
  constructor(code: CalendarImportErrorCode, message: string) {
    super(message);
    this.name = 'CalendarImportError';
    this.code = code;
  }
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|quot|apos|lt|gt|amp);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' } as Record<string, string>)[e]!;
  });
}

/** Day number of an `MM.DD` of the year, or an invalid-day error. */
function monthDay(text: string | undefined, year: number, what: string): number {
  const m = text === undefined ? null : /^(\d{1,2})\.(\d{1,2})$/.exec(text.trim());
  if (m) {
    const month = m[1]!.padStart(2, '0');
    const day = m[2]!.padStart(2, '0');
    const n = dayNumber(year, Number(month), Number(day));
    // Date.UTC rolls 02.30 over into March: only a date that survives the round trip is real.
    if (formatIsoDate(n) === `${year}-${month}-${day}`) return n;
  }
  throw new CalendarImportError('invalid-day', `${what} "${String(text)}" is not a day MM.DD of ${year}`);
}

function checkYear(found: unknown, year: number): void {
  if (Number(found) !== year) {
    throw new CalendarImportError('wrong-year', `the file is for year ${String(found)}, not ${year}`);
  }
}

const holidayName = new Map(ruFixedHolidays.map(([m, d, name]) => [`${m}.${d}`, name]));

function fixedHolidayName(dayNum: number): string | undefined {
  const iso = formatIsoDate(dayNum);
  return holidayName.get(`${Number(iso.slice(5, 7))}.${Number(iso.slice(8, 10))}`);
}

interface Collected {
  holidays: { date: string; name: string }[];
  transferred: { date: string; from: string | null }[];
  workingWeekend: string[];
  shortened: string[];
}

function finish(year: number, source: string, c: Collected): CalendarYearData {
  const byDate = <T extends { date: string }>(a: T, b: T) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const data: CalendarYearData = {
    year,
    status: 'official',
    source,
    holidays: c.holidays.sort(byDate),
    transferredDaysOff: c.transferred.sort(byDate),
    workingWeekendDays: [...new Set(c.workingWeekend)].sort(),
    shortenedDays: [...new Set(c.shortened)].sort(),
  };
  try {
    yearRulesOf(data);
  } catch (e) {
    throw new CalendarImportError('invalid-day', `the file contradicts itself: ${(e as Error).message}`);
  }
  return data;
}

/** Parses xmlcalendar's calendar.xml for `year` (a text starting with `{` is read as calendar.json). */
export function parseXmlCalendar(text: string, year: number): CalendarYearData {
  if (typeof text === 'string' && text.trimStart().startsWith('{')) return parseXmlCalendarJson(text, year);
  const root = typeof text === 'string' ? /<calendar\b([^>]*)>/.exec(text) : null;
  if (!root) throw new CalendarImportError('unreadable', 'no <calendar> element: not an xmlcalendar XML file');
  const rootAttrs = attributes(root[1]!);
  checkYear(rootAttrs.get('year'), year);

  const names = new Map<string, string>();
  for (const m of text.matchAll(/<holiday\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const id = a.get('id');
    if (id !== undefined) names.set(id, a.get('title') ?? '');
  }

  const c: Collected = { holidays: [], transferred: [], workingWeekend: [], shortened: [] };
  for (const m of text.matchAll(/<day\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const n = monthDay(a.get('d'), year, 'day');
    const date = formatIsoDate(n);
    const type = a.get('t');
    if (type === '1') {
      const h = a.get('h');
      if (h !== undefined) c.holidays.push({ date, name: names.get(h) || fixedHolidayName(n) || '' });
      else {
        const f = a.get('f');
        c.transferred.push({ date, from: f === undefined ? null : formatIsoDate(movedFrom(f, year)) });
      }
    } else if (type === '2') {
      c.shortened.push(date);
      if (isWeekend(n)) c.workingWeekend.push(date);
    } else if (type === '3') {
      if (!isWeekend(n))
        throw new CalendarImportError('invalid-day', `day ${a.get('d')} has t="3" but is not a Saturday or Sunday`);
      c.workingWeekend.push(date);
    } else {
      throw new CalendarImportError('invalid-day', `day ${String(a.get('d'))} has an unknown type t="${String(type)}"`);
    }
  }
  const stamp = rootAttrs.get('date');
  return finish(year, `xmlcalendar.ru, calendar.xml${stamp ? ` (${stamp})` : ''}`, c);
}

/** The day a day off was moved from (xmlcalendar's `f` / `from`), in the same year. */
function movedFrom(text: string, year: number): number {
  return monthDay(text, year, 'transferred from');
}

interface XmlCalendarJson {
  year?: unknown;
  months?: unknown;
  transitions?: unknown;
}

/** Parses xmlcalendar's calendar.json for `year`. */
export function parseXmlCalendarJson(text: string, year: number): CalendarYearData {
  let json: XmlCalendarJson;
  try {
    json = JSON.parse(text) as XmlCalendarJson;
  } catch {
    throw new CalendarImportError('unreadable', 'not a JSON file');
  }
  if (!json || typeof json !== 'object' || !Array.isArray(json.months)) {
    throw new CalendarImportError('unreadable', 'no "months" list: not an xmlcalendar JSON file');
  }
  checkYear(json.year, year);
  const from = new Map<number, number>();
  for (const t of Array.isArray(json.transitions) ? (json.transitions as { from?: string; to?: string }[]) : []) {
    from.set(monthDay(t?.to, year, 'transition to'), movedFrom(String(t?.from), year));
  }

  const listedOff = new Set<number>();
  const c: Collected = { holidays: [], transferred: [], workingWeekend: [], shortened: [] };
  for (const month of json.months as { month?: unknown; days?: unknown }[]) {
    const mm = Number(month?.month);
    if (!Number.isInteger(mm) || mm < 1 || mm > 12 || typeof month.days !== 'string') {
      throw new CalendarImportError('unreadable', 'a month entry needs "month" 1-12 and a "days" list');
    }
    for (const token of month.days
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const m = /^(\d{1,2})([*+]?)$/.exec(token);
      if (!m) throw new CalendarImportError('invalid-day', `"${token}" in month ${mm} is not a day`);
      const n = monthDay(`${mm}.${m[1]}`, year, 'day');
      const date = formatIsoDate(n);
      if (m[2] === '*') {
        c.shortened.push(date);
        if (isWeekend(n)) c.workingWeekend.push(date);
        continue;
      }
      listedOff.add(n);
      if (m[2] === '+') {
        const f = from.get(n);
        c.transferred.push({ date, from: f === undefined ? null : formatIsoDate(f) });
        continue;
      }
      const name = fixedHolidayName(n);
      // A listed weekday is a holiday; a listed weekend is a plain weekend unless it is a fixed holiday.
      if (name !== undefined || !isWeekend(n)) c.holidays.push({ date, name: name ?? '' });
    }
  }
  const first = dayNumber(year, 1, 1);
  for (let n = first; n < first + daysInYear(year); n++) {
    if (isWeekend(n) && !listedOff.has(n)) c.workingWeekend.push(formatIsoDate(n));
  }
  return finish(year, 'xmlcalendar.ru, calendar.json', c);
}
