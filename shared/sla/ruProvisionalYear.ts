/**
 * Russian non-working holidays and a provisional production calendar for a year whose decree is
 * not published yet (or not shipped), built from the Labour Code:
 * - art. 112 part 1: the fixed non-working holidays below;
 * - art. 112 part 2: a holiday on a Saturday or Sunday moves that day off to the next working
 *   day, except the January holidays (1-8 January), whose weekend days the Government moves by
 *   decree to dates nobody can predict, so a provisional year leaves them out;
 * - art. 95: the working day immediately before a holiday is one hour shorter (31 December
 *   counts: 1 January follows).
 * The Government's decree usually adds more transfers; hence "provisional".
 */
import type { CalendarYearData } from './calendarConfig.ts';
import { dayNumber, formatIsoDate, isWeekend } from './civilDate.ts';

const newYear = 'Новогодние каникулы';

/** [month, day, name] of the fixed non-working holidays (art. 112 part 1). */
export const ruFixedHolidays: readonly (readonly [number, number, string])[] = [
  [1, 1, newYear],
  [1, 2, newYear],
  [1, 3, newYear],
  [1, 4, newYear],
  [1, 5, newYear],
  [1, 6, newYear],
  [1, 7, 'Рождество Христово'],
  [1, 8, newYear],
  [2, 23, 'День защитника Отечества'],
  [3, 8, 'Международный женский день'],
  [5, 1, 'Праздник Весны и Труда'],
  [5, 9, 'День Победы'],
  [6, 12, 'День России'],
  [11, 4, 'День народного единства'],
];

export function ruHolidays(year: number): { date: string; name: string }[] {
  return ruFixedHolidays.map(([m, d, name]) => ({ date: formatIsoDate(dayNumber(year, m, d)), name }));
}

export function provisionalRussianYear(year: number): CalendarYearData {
  const holidays = ruFixedHolidays.map(([m, d]) => dayNumber(year, m, d));
  const holidaySet = new Set(holidays);
  const transferred: { date: string; from: string | null }[] = [];
  const off = new Set(holidaySet);

  for (const [i, h] of holidays.entries()) {
    const [month] = ruFixedHolidays[i]!;
    if (month === 1 || !isWeekend(h)) continue;
    let d = h + 1;
    while (isWeekend(d) || off.has(d)) d += 1;
    off.add(d);
    transferred.push({ date: formatIsoDate(d), from: formatIsoDate(h) });
  }

  const shortened: string[] = [];
  const nextJan1 = dayNumber(year + 1, 1, 1);
  for (const h of [...holidays, nextJan1]) {
    const eve = h - 1;
    if (eve < dayNumber(year, 1, 1) || eve >= nextJan1) continue;
    if (!isWeekend(eve) && !off.has(eve)) shortened.push(formatIsoDate(eve));
  }

  return {
    year,
    status: 'provisional',
    source: 'Трудовой кодекс РФ, ст. 112 и 95 (без постановления о переносе выходных дней)',
    holidays: ruHolidays(year),
    transferredDaysOff: transferred,
    workingWeekendDays: [],
    shortenedDays: [...new Set(shortened)].sort(),
  };
}
