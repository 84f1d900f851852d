/**
 * The report period: two civil dates in the workspace's time zone, both included, read as the
 * half-open instant range [00:00 of `from`, 00:00 of the day after `to`) (docs/kpi.md, "The period").
 */
import { civilDate, dayNumber, formatIsoDate, isoWeekday, parseIsoDate, wallClockMs } from '../sla/civilDate.ts';
import { wallClockToInstant } from '../sla/timeZone.ts';

/** Two years, one of them a leap year: long enough for a year-on-year view, short enough to compute quickly. */
export const maxPeriodDays = 731;

export type KpiPeriodErrorCode = 'malformed_date' | 'from_after_to' | 'period_too_long';

export class KpiPeriodError extends Error {
  readonly code: KpiPeriodErrorCode;
  constructor(code: KpiPeriodErrorCode, message: string) {
    super(message);
    this.name = 'KpiPeriodError';
    this.code = code;
  }
}

export interface KpiPeriod {
  readonly from: string;
  readonly to: string;
  /** Day numbers (days since 1970-01-01) of `from` and `to`. */
  readonly fromDay: number;
  readonly toDay: number;
  /** [start, end) in epoch ms. */
  readonly start: number;
  readonly end: number;
  readonly timeZone: string;
}

/** The instant of 00:00 of a civil day in a time zone. */
export function startOfDay(timeZone: string, dayNum: number): number {
  return wallClockToInstant(timeZone, wallClockMs(dayNum, 0));
}

/** Validates and resolves a period; throws KpiPeriodError with the reason. */
export function kpiPeriod(from: string, to: string, timeZone: string): KpiPeriod {
  const fromDay = parseIsoDate(from);
  if (fromDay === null) throw new KpiPeriodError('malformed_date', `from is not a date YYYY-MM-DD: ${JSON.stringify(from)}`);
  const toDay = parseIsoDate(to);
  if (toDay === null) throw new KpiPeriodError('malformed_date', `to is not a date YYYY-MM-DD: ${JSON.stringify(to)}`);
  if (fromDay > toDay) throw new KpiPeriodError('from_after_to', `from (${from}) is after to (${to})`);
  const days = toDay - fromDay + 1;
  if (days > maxPeriodDays) {
    throw new KpiPeriodError('period_too_long', `the period has ${days} days; at most ${maxPeriodDays} are allowed`);
  }
  return {
    from,
    to,
    fromDay,
    toDay,
    start: startOfDay(timeZone, fromDay),
    end: startOfDay(timeZone, toDay + 1),
    timeZone,
  };
}

/** Day numbers of the first day of the calendar quarter containing `dayNum`, of the quarter before it and of the one after. */
export function quarterStarts(dayNum: number): { quarter: number; previous: number; next: number } {
  const { year, month } = civilDate(dayNum);
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  // dayNumber rolls a month before January or after December into the year before or after (Date.UTC does).
  return { quarter: dayNumber(year, first, 1), previous: dayNumber(year, first - 3, 1), next: dayNumber(year, first + 3, 1) };
}

/** 00:00 of the first day of the calendar quarter before the one containing `to`: the earliest repeat a report reads. */
export function previousQuarterStart(period: KpiPeriod): number {
  return startOfDay(period.timeZone, quarterStarts(period.toDay).previous);
}

/** The calendar months the period touches, each with the share of it inside the period. */
export function periodMonths(fromDay: number, toDay: number): { month: string; fraction: number; start: number; end: number }[] {
  const out: { month: string; fraction: number; start: number; end: number }[] = [];
  const { year, month } = civilDate(fromDay);
  // Months past December roll into the next year in dayNumber (Date.UTC does), so the count simply goes on.
  for (let m = month; ; m++) {
    const first = dayNumber(year, m, 1);
    if (first > toDay) break;
    const next = dayNumber(year, m + 1, 1);
    const inside = Math.min(next - 1, toDay) - Math.max(first, fromDay) + 1;
    out.push({ month: formatIsoDate(first).slice(0, 7), fraction: inside / (next - first), start: first, end: next });
  }
  return out;
}

/** ISO weeks (Monday first) that touch the period: day numbers of each Monday. */
export function periodWeeks(fromDay: number, toDay: number): number[] {
  const out: number[] = [];
  for (let monday = fromDay - (isoWeekday(fromDay) - 1); monday <= toDay; monday += 7) out.push(monday);
  return out;
}

export { formatIsoDate };
