/**
 * Working-time arithmetic on a business calendar. Internally everything is whole milliseconds:
 * a "position" is the working time from the start of a year's index up to an instant, found by
 * binary search over the year's intervals; moving between years adds whole-year totals.
 */
import { maxYear, minYear, yearIndex, yearIndexAt, type BusinessCalendar, type YearIndex } from './businessCalendar.ts';

const msPerMinute = 60_000;

/** Index of the last interval starting at or before t, or -1. */
function lastStartAtOrBefore(y: YearIndex, t: number): number {
  const starts = y.starts;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Working ms from the year's start up to instant t (t inside the year). */
function positionIn(y: YearIndex, t: number): number {
  const i = lastStartAtOrBefore(y, t);
  if (i < 0) return 0;
  const end = y.ends[i]!;
  return t >= end ? y.cumEnd[i]! : y.cumEnd[i]! - (end - t);
}

/** The earliest instant of the year at position p, for 0 < p <= total. */
function instantAtPosition(y: YearIndex, p: number): number {
  const cum = y.cumEnd;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! >= p) hi = mid;
    else lo = mid + 1;
  }
  return y.ends[lo]! - (cum[lo]! - p);
}

function nextYear(cal: BusinessCalendar, y: YearIndex): YearIndex {
  if (y.year >= maxYear) throw new RangeError('the calendar has no working time left before its last supported year');
  return yearIndex(cal, y.year + 1);
}

/** The first working instant at or after t. */
export function nextWorkingInstant(cal: BusinessCalendar, t: number): number {
  let y = yearIndexAt(cal, t);
  const i = lastStartAtOrBefore(y, t);
  if (i >= 0 && t < y.ends[i]!) return t;
  if (i + 1 < y.starts.length) return y.starts[i + 1]!;
  for (;;) {
    y = nextYear(cal, y);
    if (y.starts.length > 0) return y.starts[0]!;
  }
}

/**
 * The instant after `ms` working milliseconds counted from `start` (the earliest such instant:
 * 09:00 + 9 h on a 09:00-18:00 day is 18:00 that day, not 09:00 the next working day).
 * From a non-working instant the count starts at the next working instant; 0 from a non-working
 * instant is that next working instant.
 */
export function addWorkingMs(cal: BusinessCalendar, start: number, ms: number): number {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`working time to add must be a finite number >= 0, got ${ms}`);
  if (ms === 0) return nextWorkingInstant(cal, start);
  let y = yearIndexAt(cal, start);
  let p = positionIn(y, start) + ms;
  while (p > y.total) {
    p -= y.total;
    y = nextYear(cal, y);
  }
  return instantAtPosition(y, p);
}

/** Working ms in [from, to); negative when to is before from. */
export function workingMsBetween(cal: BusinessCalendar, from: number, to: number): number {
  if (to < from) return -workingMsBetween(cal, to, from);
  const a = yearIndexAt(cal, from);
  const pa = positionIn(a, from);
  const b = yearIndexAt(cal, to);
  const pb = positionIn(b, to);
  if (a === b) return pb - pa;
  let sum = a.total - pa + pb;
  for (let year = a.year + 1; year < b.year; year++) sum += yearIndex(cal, year).total;
  return sum;
}

/**
 * The earliest instant t with at most `ms` working milliseconds between t and `due`: when a
 * countdown to `due` reaches `ms` of working time left. `ms` > 0.
 */
export function workingMsBefore(cal: BusinessCalendar, due: number, ms: number): number {
  let y = yearIndexAt(cal, due);
  let p = positionIn(y, due) - ms;
  while (p <= 0) {
    if (y.year <= minYear) return y.start;
    y = yearIndex(cal, y.year - 1);
    p += y.total;
  }
  return instantAtPosition(y, p);
}

export function isWorkingInstant(cal: BusinessCalendar, at: number): boolean {
  const y = yearIndexAt(cal, at);
  const i = lastStartAtOrBefore(y, at);
  return i >= 0 && at < y.ends[i]!;
}

/**
 * The instant `minutes` working minutes after `start` (see addWorkingMs). Minutes may be
 * fractional; the arithmetic is exact to the millisecond, so for whole milliseconds
 * `workingMinutesBetween(cal, a, addWorkingMinutes(cal, a, m)) === m`.
 */
export function addWorkingMinutes(cal: BusinessCalendar, start: number, minutes: number): number {
  return addWorkingMs(cal, start, Math.round(minutes * msPerMinute));
}

/** Working minutes in [from, to); negative when `to` is before `from`. */
export function workingMinutesBetween(cal: BusinessCalendar, from: number, to: number): number {
  return workingMsBetween(cal, from, to) / msPerMinute;
}
