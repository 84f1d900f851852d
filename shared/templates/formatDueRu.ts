/**
 * A deadline written the way a Russian support agent says it, relative to `now` in the
 * workspace's time zone: «сегодня до 14:30», «завтра до 11:00», «в понедельник, 12 января, до
 * 10:00» within the coming six days, «12 января до 10:00» later (or earlier) in the same year,
 * «12 января 2027 года до 10:00» in another year. A deadline at midnight is the end of the
 * previous day («сегодня до 24:00»): "tomorrow until 00:00" would promise a day too much.
 */
import { zoneOffsetMs } from '../sla/timeZone.ts';

const msPerDay = 86_400_000;

const monthsGenitive = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

/** ISO weekday 1-7 -> «в понедельник» ... «в воскресенье» (во вторник: в + в is said «во»). */
const onWeekday = ['в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу', 'в воскресенье'] as const;

interface Wall {
  day: number;
  minute: number;
}

/** Day number and minute of day on the zone's wall clock (seconds dropped: «до 14:30» is the minute it starts). */
function wallOf(instant: number, timeZone: string): Wall {
  const local = instant + zoneOffsetMs(timeZone, instant);
  const day = Math.floor(local / msPerDay);
  return { day, minute: Math.floor((local - day * msPerDay) / 60_000) };
}

const two = (n: number) => String(n).padStart(2, '0');

export function formatDueRu(due: number, now: number, timeZone: string): string {
  const today = wallOf(now, timeZone).day;
  let { day, minute } = wallOf(due, timeZone);
  if (minute === 0) {
    day -= 1;
    minute = 24 * 60;
  }
  const time = `до ${two(Math.floor(minute / 60))}:${two(minute % 60)}`;
  const ahead = day - today;
  if (ahead === 0) return `сегодня ${time}`;
  if (ahead === 1) return `завтра ${time}`;
  const date = new Date(day * msPerDay);
  const dayMonth = `${date.getUTCDate()} ${monthsGenitive[date.getUTCMonth()]}`;
  if (ahead > 1 && ahead <= 6) {
    const isoWeekday = ((date.getUTCDay() + 6) % 7) + 1;
    return `${onWeekday[isoWeekday - 1]}, ${dayMonth}, ${time}`;
  }
  const year = date.getUTCFullYear();
  const sameYear = new Date(today * msPerDay).getUTCFullYear() === year;
  return sameYear ? `${dayMonth} ${time}` : `${dayMonth} ${year} года ${time}`;
}
