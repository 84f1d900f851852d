/**
 * A business calendar: time zone, weekly working hours and production-calendar years, indexed
 * lazily one year at a time. A year's index lists its working intervals as instants with the
 * cumulative working time at each interval's end, so working-time arithmetic is a binary search
 * (workingTime.ts) instead of a walk day by day.
 */
import {
  CalendarConfigError,
  parseDayHours,
  weekdayKeys,
  yearRulesOf,
  type CalendarConfig,
  type CalendarYearData,
  type CalendarYearStatus,
  type DayMinutes,
  type YearRules,
} from './calendarConfig.ts';
import { dayNumber, daysInYear, isoWeekday, wallClockMs } from './civilDate.ts';
import { provisionalRussianYear } from './ruProvisionalYear.ts';
import { isValidTimeZone, wallClockToInstant, zoneOffsetMs } from './timeZone.ts';

/** One calendar year's working intervals, as instants. */
export interface YearIndex {
  readonly year: number;
  /** Instant of local midnight on 1 January, and on 1 January of the next year. */
  readonly start: number;
  readonly end: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Working ms from `start` to the end of interval i. */
  readonly cumEnd: Float64Array;
  /** Working ms in the whole year. */
  readonly total: number;
}

/** Years the index can build; instants outside them are a caller's bug (e.g. a sentinel instant). */
export const minYear = 1900;
export const maxYear = 2300;

interface CalendarIndex {
  readonly years: Map<number, YearIndex>;
  /** The year used last: consecutive calls mostly stay in one year. */
  last: YearIndex | null;
}

export interface BusinessCalendar {
  readonly timeZone: string;
  /** The validated configuration the calendar was built from. */
  readonly config: CalendarConfig;
  /** Internal: resolved rules and the lazily built year index. Use the functions of this module. */
  readonly internal: {
    readonly week: readonly DayMinutes[];
    readonly weekendWorkHours: DayMinutes;
    readonly shortenBy: number;
    readonly years: ReadonlyMap<number, YearRules>;
    readonly index: CalendarIndex;
  };
}

export function createBusinessCalendar(config: CalendarConfig): BusinessCalendar {
  if (!isValidTimeZone(config?.timeZone)) {
    throw new CalendarConfigError('invalid-time-zone', `unknown time zone "${String(config?.timeZone)}"`);
  }
  if (config.provisionalRules !== 'ru' && config.provisionalRules !== 'none') {
    throw new CalendarConfigError('invalid-year-data', 'provisionalRules must be "ru" or "none"');
  }
  if (!config.week || typeof config.week !== 'object') throw new CalendarConfigError('invalid-hours', 'week is missing');
  // Index 0 unused so that ISO weekday numbers index directly.
  const week: DayMinutes[] = [[]];
  for (const key of weekdayKeys) week.push(parseDayHours(config.week[key], `week.${key}`));
  const firstWorkday = week.find((d) => d.length > 0);
  if (!firstWorkday) throw new CalendarConfigError('no-working-hours', 'the week has no working hours');
  const weekendWorkHours = config.workingWeekendDayHours
    ? parseDayHours(config.workingWeekendDayHours, 'workingWeekendDayHours')
    : firstWorkday;
  const shortenBy = config.shortenedDayMinutes ?? 60;
  if (!Number.isInteger(shortenBy) || shortenBy < 0 || shortenBy > 1440) {
    throw new CalendarConfigError('invalid-hours', 'shortenedDayMinutes must be a whole number of minutes in a day');
  }
  const years = new Map<number, YearRules>();
  for (const data of config.years ?? []) {
    const rules = yearRulesOf(data);
    if (years.has(rules.year)) throw new CalendarConfigError('duplicate-year', `year ${rules.year} is given twice`);
    years.set(rules.year, rules);
  }
  return {
    timeZone: config.timeZone,
    config,
    internal: { week, weekendWorkHours, shortenBy, years, index: { years: new Map(), last: null } },
  };
}

function rulesFor(cal: BusinessCalendar, year: number): YearRules {
  const given = cal.internal.years.get(year);
  if (given) return given;
  return yearRulesOf(cal.config.provisionalRules === 'ru' ? provisionalRussianYear(year) : emptyYear(year));
}

function emptyYear(year: number): CalendarYearData {
  return {
    year,
    status: 'provisional',
    source: 'weekly hours only',
    holidays: [],
    transferredDaysOff: [],
    workingWeekendDays: [],
    shortenedDays: [],
  };
}

/** `official` when the calendar holds a decree's data for the year, else `provisional`. */
export function calendarYearStatus(cal: BusinessCalendar, year: number): CalendarYearStatus {
  return cal.internal.years.get(year)?.status ?? 'provisional';
}

/** The production-calendar data the calendar uses for a year (given, or provisional). */
export function calendarYearData(cal: BusinessCalendar, year: number): CalendarYearData {
  return rulesFor(cal, year).data;
}

/** Cuts `minutes` off the end of a day's hours (a shortened pre-holiday day). */
function shorten(hours: DayMinutes, minutes: number): DayMinutes {
  const out = hours.map(([a, b]) => [a, b] as [number, number]);
  let cut = minutes;
  while (cut > 0 && out.length > 0) {
    const last = out[out.length - 1]!;
    const len = last[1] - last[0];
    if (len > cut) {
      last[1] -= cut;
      cut = 0;
    } else {
      out.pop();
      cut -= len;
    }
  }
  return out;
}

/** Working hours (minutes of the local day) of one civil day. */
export function dayHoursOf(cal: BusinessCalendar, rules: YearRules, dayNum: number): DayMinutes {
  if (rules.nonWorking.has(dayNum)) return [];
  const weekday = isoWeekday(dayNum);
  let hours = cal.internal.week[weekday]!;
  if (rules.working.has(dayNum) && hours.length === 0) hours = cal.internal.weekendWorkHours;
  if (rules.shortened.has(dayNum)) hours = shorten(hours, cal.internal.shortenBy);
  return hours;
}

function buildYear(cal: BusinessCalendar, year: number): YearIndex {
  if (!Number.isInteger(year) || year < minYear || year > maxYear) {
    throw new RangeError(`instant outside the calendar's supported years ${minYear}-${maxYear}`);
  }
  const tz = cal.timeZone;
  const rules = rulesFor(cal, year);
  const first = dayNumber(year, 1, 1);
  const days = daysInYear(year);
  const start = wallClockToInstant(tz, wallClockMs(first, 0));
  const end = wallClockToInstant(tz, wallClockMs(first + days, 0));
  let hint = zoneOffsetMs(tz, start);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < days; k++) {
    const dayNum = first + k;
    for (const [from, to] of dayHoursOf(cal, rules, dayNum)) {
      let s = wallClockToInstant(tz, wallClockMs(dayNum, from), hint);
      hint = wallClockMs(dayNum, from) - s;
      const e = wallClockToInstant(tz, wallClockMs(dayNum, to), hint);
      hint = wallClockMs(dayNum, to) - e;
      const prevEnd = ends[ends.length - 1];
      if (prevEnd !== undefined && s < prevEnd) s = prevEnd;
      // A clock change can swallow an interval (or end it where the next one starts): keep only real time.
      if (e > s) {
        if (prevEnd === s) ends[ends.length - 1] = e;
        else {
          starts.push(s);
          ends.push(e);
        }
      }
    }
  }
  const cumEnd = new Float64Array(starts.length);
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    total += ends[i]! - starts[i]!;
    cumEnd[i] = total;
  }
  return { year, start, end, starts: Float64Array.from(starts), ends: Float64Array.from(ends), cumEnd, total };
}

/** The index of a civil year, built on first use. */
export function yearIndex(cal: BusinessCalendar, year: number): YearIndex {
  const index = cal.internal.index;
  let y = index.years.get(year);
  if (!y) {
    y = buildYear(cal, year);
    index.years.set(year, y);
  }
  return y;
}

const msPerAverageYear = 365.2425 * 86_400_000;

/** The index of the local year that contains `instant`. */
export function yearIndexAt(cal: BusinessCalendar, instant: number): YearIndex {
  const index = cal.internal.index;
  const last = index.last;
  if (last !== null && instant >= last.start && instant < last.end) return last;
  if (!Number.isFinite(instant)) throw new RangeError(`not an instant: ${instant}`);
  // The UTC year estimate is off by at most a day plus the zone offset: one step corrects it.
  let y = yearIndex(cal, Math.floor(1970 + instant / msPerAverageYear));
  while (instant < y.start) y = yearIndex(cal, y.year - 1);
  while (instant >= y.end) y = yearIndex(cal, y.year + 1);
  index.last = y;
  return y;
}
