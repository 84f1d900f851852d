/**
 * Importing one production-calendar year on the settings screen: an xmlcalendar XML or JSON file,
 * or the official list pasted in (one day a line: `ДД.ММ.ГГГГ` or `ГГГГ-ММ-ДД`, then what the day
 * is), and what the import changes against the year in use, shown before it is saved.
 */
import { CalendarConfigError, yearRulesOf, type CalendarYearData } from './calendarConfig.ts';
import { CalendarImportError, parseXmlCalendar } from './xmlCalendarImport.ts';
import type { SettingsCheck, SettingsErrorCode } from './slaSettings.ts';

const importCodes: Record<CalendarImportError['code'], SettingsErrorCode> = {
  unreadable: 'calendar-unreadable',
  'wrong-year': 'calendar-wrong-year',
  'invalid-day': 'calendar-invalid-day',
};

/** A year from a file or a pasted list; refused with a code when broken or for another year. */
export function importCalendarYear(text: string, year: number, source: string): SettingsCheck<CalendarYearData> {
  const trimmed = text.trim();
  try {
    const data =
      trimmed.startsWith('<') || trimmed.startsWith('{') ? parseXmlCalendar(trimmed, year) : parsePastedList(trimmed, year);
    const imported: CalendarYearData = { ...data, status: 'official', source };
    yearRulesOf(imported);
    return { ok: true, value: imported };
  } catch (err) {
    if (err instanceof CalendarImportError) return { ok: false, errors: [{ path: 'file', code: importCodes[err.code] }] };
    if (err instanceof CalendarConfigError) {
      const code = err.code === 'conflicting-day' ? 'calendar-conflicting-day' : 'calendar-invalid-year';
      return { ok: false, errors: [{ path: 'file', code }] };
    }
    return { ok: false, errors: [{ path: 'file', code: 'calendar-unreadable' }] };
  }
}

const dateRe = /^(?:(\d{2})\.(\d{2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2}))\s*[-—:]?\s*(.*)$/;

/**
 * The pasted list: each line a date and a description. «сокращ…» marks a shortened day, «рабоч…»
 * a working weekend day, «перенос…» a transferred day off; anything else is a holiday named so.
 */
function parsePastedList(text: string, year: number): Omit<CalendarYearData, 'status' | 'source'> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  // Stryker disable next-line StringLiteral,MethodExpression: the message never leaves importCalendarYear, which answers with the code only
  if (lines.length === 0) throw new CalendarImportError('unreadable', 'the list is empty');
  const holidays: { date: string; name: string }[] = [];
  const transferredDaysOff: { date: string; from: string | null }[] = [];
  const workingWeekendDays: string[] = [];
  const shortenedDays: string[] = [];
  for (const line of lines) {
    const m = dateRe.exec(line);
    // Stryker disable next-line StringLiteral,MethodExpression: the message never leaves importCalendarYear, which answers with the code only
    if (!m) throw new CalendarImportError('unreadable', `"${line.slice(0, 40)}" does not start with a date`);
    const [y, mo, d] = m[3] ? [m[3], m[2]!, m[1]!] : [m[4]!, m[5]!, m[6]!];
    // Stryker disable next-line StringLiteral,MethodExpression: the message never leaves importCalendarYear, which answers with the code only
    if (Number(y) !== year) throw new CalendarImportError('wrong-year', `${line.slice(0, 40)} is not in ${year}`);
    const date = `${y}-${mo}-${d}`;
    if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      // Stryker disable next-line StringLiteral,MethodExpression: the message never leaves importCalendarYear, which answers with the code only
      throw new CalendarImportError('invalid-day', `${date} is not a day`);
    }
    const what = (m[7] ?? '').trim();
    const lower = what.toLowerCase();
    if (lower.startsWith('сокращ')) shortenedDays.push(date);
    else if (lower.startsWith('рабоч')) workingWeekendDays.push(date);
    else if (lower.startsWith('перенос')) transferredDaysOff.push({ date, from: null });
    else holidays.push({ date, name: what || 'Праздник' });
  }
  return { year, holidays, transferredDaysOff, workingWeekendDays, shortenedDays };
}

export type CalendarDayKind = 'holiday' | 'day-off' | 'working' | 'shortened' | 'ordinary';

export interface CalendarDayChange {
  readonly date: string;
  readonly before: CalendarDayKind;
  readonly after: CalendarDayKind;
}

function kinds(data: CalendarYearData | null): Map<string, CalendarDayKind> {
  const out = new Map<string, CalendarDayKind>();
  if (!data) return out;
  for (const d of data.shortenedDays) out.set(d, 'shortened');
  for (const d of data.workingWeekendDays) out.set(d, 'working');
  for (const t of data.transferredDaysOff) out.set(t.date, 'day-off');
  for (const h of data.holidays) out.set(h.date, 'holiday');
  return out;
}

/** The days whose kind the import changes, in date order ('ordinary': as the week says). */
export function diffCalendarYear(before: CalendarYearData | null, after: CalendarYearData): CalendarDayChange[] {
  const a = kinds(before);
  const b = kinds(after);
  const dates = [...new Set([...a.keys(), ...b.keys()])].sort();
  return dates
    .map((date) => ({ date, before: a.get(date) ?? 'ordinary', after: b.get(date) ?? 'ordinary' }))
    .filter((c) => c.before !== c.after);
}
