/**
 * Civil (wall-calendar) dates as day numbers: whole days since 1970-01-01. Calendar arithmetic
 * runs on these numbers and on Date.UTC, never on the machine's local time zone.
 */

const msPerDay = 86_400_000;

/** Day number of a civil date (month 1-12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / msPerDay;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilDate(dayNum: number): CivilDate {
  const d = new Date(dayNum * msPerDay);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(dayNum: number): number {
  return ((((dayNum + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(dayNum: number): boolean {
  return isoWeekday(dayNum) >= 6;
}

export function daysInYear(year: number): number {
  return dayNumber(year + 1, 1, 1) - dayNumber(year, 1, 1);
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a `YYYY-MM-DD` string, or null when the text is not a real date. */
export function parseIsoDate(text: string): number | null {
  const m = isoDatePattern.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const n = dayNumber(year, month, day);
  const back = civilDate(n);
  // Date.UTC rolls 2025-02-30 over to March: a date that does not survive the round trip is not real.
  return back.year === year && back.month === month && back.day === day ? n : null;
}

export function formatIsoDate(dayNum: number): string {
  const { year, month, day } = civilDate(dayNum);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Wall-clock instant "as if UTC": the local date and minute of day encoded on the UTC axis. */
export function wallClockMs(dayNum: number, minuteOfDay: number): number {
  return dayNum * msPerDay + minuteOfDay * 60_000;
}
