/** The desk's period presets (this week, last week, this month, this quarter), in the workspace's time zone. */
import { civilDate, dayNumber, formatIsoDate, isoWeekday } from '../sla/civilDate.ts';
import { zoneOffsetMs } from '../sla/timeZone.ts';

export type KpiPreset = 'thisWeek' | 'lastWeek' | 'month' | 'quarter';

const msPerDay = 86_400_000;

/** The civil day (day number) of an instant in a time zone. */
function dayOf(timeZone: string, at: number): number {
  return Math.floor((at + zoneOffsetMs(timeZone, at)) / msPerDay);
}

export function presetPeriod(preset: KpiPreset, timeZone: string, now: number): { from: string; to: string } {
  const today = dayOf(timeZone, now);
  const monday = today - (isoWeekday(today) - 1);
  const { year, month } = civilDate(today);
  const range = (a: number, b: number) => ({ from: formatIsoDate(a), to: formatIsoDate(b) });
  switch (preset) {
    case 'thisWeek':
      return range(monday, monday + 6);
    case 'lastWeek':
      return range(monday - 7, monday - 1);
    case 'month':
      return range(dayNumber(year, month, 1), dayNumber(year, month + 1, 1) - 1);
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return range(dayNumber(year, first, 1), dayNumber(year, first + 3, 1) - 1);
    }
  }
}
