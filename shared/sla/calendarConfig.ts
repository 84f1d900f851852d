/**
 * The business calendar's configuration: plain JSON, so the head of department can edit it and
 * it can be stored as the `calendar` config document. createBusinessCalendar validates it.
 */
import { daysInYear, dayNumber, isWeekend, parseIsoDate } from './civilDate.ts';

/** A working interval of a day in the calendar's time zone, `HH:MM`; `to` may be `24:00`. */
export interface WorkingInterval {
  readonly from: string;
  readonly to: string;
}

/** The working intervals of one day, in order; several allow a lunch break. Empty: a day off. */
export type DayHours = readonly WorkingInterval[];

export interface WeeklyHours {
  readonly mon: DayHours;
  readonly tue: DayHours;
  readonly wed: DayHours;
  readonly thu: DayHours;
  readonly fri: DayHours;
  readonly sat: DayHours;
  readonly sun: DayHours;
}

/** Keys of WeeklyHours in ISO order (Monday = 1). */
export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** `official`: from a published decree (or imported). `provisional`: derived from the law's rules. */
export type CalendarYearStatus = 'official' | 'provisional';

/**
 * One year of a production calendar (производственный календарь). Dates are `YYYY-MM-DD` in the
 * calendar's own time zone. Saturdays and Sundays are days off unless listed as working.
 */
export interface CalendarYearData {
  readonly year: number;
  readonly status: CalendarYearStatus;
  /** Where the data comes from: the decree, or the rules a provisional year was built by. */
  readonly source: string;
  /** Non-working public holidays (нерабочие праздничные дни), including those on a weekend. */
  readonly holidays: readonly { readonly date: string; readonly name: string }[];
  /** Days off moved onto a weekday (перенесённые выходные); `from` is the day it was moved from. */
  readonly transferredDaysOff: readonly { readonly date: string; readonly from: string | null }[];
  /** Saturdays or Sundays made working days by the transfers. */
  readonly workingWeekendDays: readonly string[];
  /** Pre-holiday working days shortened by an hour (Labour Code art. 95). */
  readonly shortenedDays: readonly string[];
}

/**
 * How a year without data is filled: `ru` builds a provisional year from the Labour Code
 * (ruProvisionalYear.ts); `none` uses the weekly hours alone. Either way the year is provisional.
 */
export type ProvisionalRules = 'ru' | 'none';

export interface CalendarConfig {
  /** IANA time zone of the working hours, e.g. `Europe/Moscow`. */
  readonly timeZone: string;
  readonly week: WeeklyHours;
  readonly years: readonly CalendarYearData[];
  readonly provisionalRules: ProvisionalRules;
  /** How much earlier a shortened day ends, in minutes (default 60, art. 95). */
  readonly shortenedDayMinutes?: number;
  /**
   * Hours of a weekend day made working (e.g. Saturday 1 Nov 2025) when the week gives that
   * weekday no hours. Default: the hours of the first weekday that has any (Monday).
   */
  readonly workingWeekendDayHours?: DayHours;
}

export type CalendarConfigErrorCode =
  'invalid-time-zone' | 'invalid-hours' | 'no-working-hours' | 'invalid-year-data' | 'duplicate-year' | 'conflicting-day';

/** A calendar that cannot be used; `code` is for the UI's message, `message` for the log. */
export class CalendarConfigError extends Error {
  readonly code: CalendarConfigErrorCode;
  constructor(code: CalendarConfigErrorCode, message: string) {
    super(message);
    this.name = 'CalendarConfigError';
    this.code = code;
  }
}

/** Minutes of the day as [start, end) pairs, sorted and non-overlapping. */
export type DayMinutes = readonly (readonly [number, number])[];

const hhmm = /^(\d{2}):(\d{2})$/;

function parseClock(text: string, where: string): number {
  const m = typeof text === 'string' ? hhmm.exec(text) : null;
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!m || min > 59 || h > 24 || (h === 24 && min !== 0)) {
    throw new CalendarConfigError('invalid-hours', `${where}: "${String(text)}" is not a time HH:MM between 00:00 and 24:00`);
  }
  return h * 60 + min;
}

export function parseDayHours(hours: DayHours, where: string): DayMinutes {
  if (!Array.isArray(hours)) throw new CalendarConfigError('invalid-hours', `${where}: expected a list of intervals`);
  const out: [number, number][] = [];
  for (const interval of hours) {
    const from = parseClock(interval?.from, where);
    const to = parseClock(interval?.to, where);
    if (to <= from)
      throw new CalendarConfigError('invalid-hours', `${where}: interval ${interval.from}-${interval.to} ends before it starts`);
    const prev = out[out.length - 1];
    if (prev && from < prev[1]) {
      throw new CalendarConfigError('invalid-hours', `${where}: intervals must be in order and must not overlap`);
    }
    out.push([from, to]);
  }
  return out;
}

/** A year's rules as sets of day numbers: what the index needs to build the year. */
export interface YearRules {
  readonly year: number;
  readonly status: CalendarYearStatus;
  readonly data: CalendarYearData;
  readonly nonWorking: ReadonlySet<number>;
  readonly working: ReadonlySet<number>;
  readonly shortened: ReadonlySet<number>;
}

function yearDate(text: string, year: number, what: string): number {
  const n = typeof text === 'string' ? parseIsoDate(text) : null;
  if (n === null)
    throw new CalendarConfigError('invalid-year-data', `${year}: ${what} "${String(text)}" is not a date YYYY-MM-DD`);
  const first = dayNumber(year, 1, 1);
  if (n < first || n >= first + daysInYear(year)) {
    throw new CalendarConfigError('invalid-year-data', `${year}: ${what} ${text} is outside the year`);
  }
  return n;
}

/** Checks a year's data and turns it into day-number sets. Contradictions in the data throw. */
export function yearRulesOf(data: CalendarYearData): YearRules {
  const year = data?.year;
  if (!Number.isInteger(year) || year < 1900 || year > 2300) {
    throw new CalendarConfigError('invalid-year-data', `year ${String(year)} is not a supported year`);
  }
  if (data.status !== 'official' && data.status !== 'provisional') {
    throw new CalendarConfigError('invalid-year-data', `${year}: status must be official or provisional`);
  }
  for (const key of ['holidays', 'transferredDaysOff', 'workingWeekendDays', 'shortenedDays'] as const) {
    if (!Array.isArray(data[key])) throw new CalendarConfigError('invalid-year-data', `${year}: ${key} must be a list`);
  }
  const nonWorking = new Set<number>();
  for (const h of data.holidays) nonWorking.add(yearDate(h?.date, year, 'holiday'));
  for (const t of data.transferredDaysOff) nonWorking.add(yearDate(t?.date, year, 'transferred day off'));
  const working = new Set<number>();
  for (const d of data.workingWeekendDays) {
    const n = yearDate(d, year, 'working weekend day');
    if (nonWorking.has(n))
      throw new CalendarConfigError('conflicting-day', `${year}: ${d} is listed both as a day off and as a working day`);
    if (!isWeekend(n))
      throw new CalendarConfigError('invalid-year-data', `${year}: working weekend day ${d} is not a Saturday or Sunday`);
    working.add(n);
  }
  const shortened = new Set<number>();
  for (const d of data.shortenedDays) {
    const n = yearDate(d, year, 'shortened day');
    if (nonWorking.has(n))
      throw new CalendarConfigError(
        'conflicting-day',
        `${year}: ${d} is listed both as a day off and as a shortened working day`,
      );
    if (isWeekend(n) && !working.has(n)) {
      throw new CalendarConfigError(
        'conflicting-day',
        `${year}: shortened day ${d} falls on a weekend that is not listed as a working day`,
      );
    }
    shortened.add(n);
  }
  return { year, status: data.status, data, nonWorking, working, shortened };
}
