/**
 * The shipped calendar: Moscow time, Monday to Friday 09:00-18:00, the Russian production
 * calendar from the official decrees (resources/calendars/ru, one file a year) and provisional
 * years from the Labour Code beyond them.
 */
import ru2025 from '../../resources/calendars/ru/2025.json' with { type: 'json' };
import ru2026 from '../../resources/calendars/ru/2026.json' with { type: 'json' };
import type { CalendarConfig, CalendarYearData, DayHours } from './calendarConfig.ts';
import { createBusinessCalendar, type BusinessCalendar } from './businessCalendar.ts';

/** The official years shipped with the app. */
export const shippedRussianYears: readonly CalendarYearData[] = [ru2025 as CalendarYearData, ru2026 as CalendarYearData];

const workday: DayHours = [{ from: '09:00', to: '18:00' }];

export function defaultRussianCalendarConfig(): CalendarConfig {
  return {
    timeZone: 'Europe/Moscow',
    week: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [], sun: [] },
    years: shippedRussianYears,
    provisionalRules: 'ru',
    shortenedDayMinutes: 60,
  };
}

let shared: BusinessCalendar | null = null;

/** One shared instance: the calendar is immutable, and its year index is built once. */
export function defaultRussianCalendar(): BusinessCalendar {
  shared ??= createBusinessCalendar(defaultRussianCalendarConfig());
  return shared;
}
