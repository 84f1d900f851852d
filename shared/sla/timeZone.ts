/**
 * Wall clock <-> instant conversion for any IANA time zone, through the platform's Intl (present
 * in Node, browsers and Electron). Only the calendar index calls this, once per working-interval
 * boundary when a year is first used; the working-time arithmetic itself never touches Intl.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  // Stryker disable next-line ConditionalExpression: the cache only saves building a formatter again
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Stryker disable next-line all: the cache only saves building a formatter again
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the platform knows the IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone at an instant, in ms (local wall clock minus UTC), to the second. */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        year = Number(p.value);
        break;
      case 'month':
        month = Number(p.value);
        break;
      case 'day':
        day = Number(p.value);
        break;
      case 'hour':
        hour = Number(p.value);
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'second':
        second = Number(p.value);
        break;
      default:
        break;
    }
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return wall - Math.floor(instant / 1000) * 1000;
}

const msPerDay = 86_400_000;

/**
 * The instant at which the zone's wall clock shows `wallMs` (a wall-clock time encoded on the UTC
 * axis, see civilDate.wallClockMs). Like Temporal's 'compatible' disambiguation: a wall time that
 * occurs twice (clocks turned back) maps to the earlier instant; a wall time skipped by a
 * spring-forward gap maps to the instant as far after the gap as it was into it (02:30 in a
 * 02:00-03:00 gap is 03:30), so a working interval never starts before it exists.
 * `hint` is a likely offset (e.g. the previous boundary's) that saves an Intl call most times.
 */
export function wallClockToInstant(timeZone: string, wallMs: number, hint?: number): number {
  // The hint only saves Intl calls: without it the lines after give the same instant.
  // Stryker disable next-line ConditionalExpression,BlockStatement
  if (hint !== undefined && zoneOffsetMs(timeZone, wallMs - hint) === hint) {
    // The hinted offset is consistent; it is the answer unless the wall time is ambiguous, which
    // only happens next to a transition: check the offset a day earlier to be sure.
    const before = zoneOffsetMs(timeZone, wallMs - msPerDay);
    // Stryker disable next-line ConditionalExpression
    if (before === hint) return wallMs - hint;
  }
  const before = zoneOffsetMs(timeZone, wallMs - msPerDay);
  const after = zoneOffsetMs(timeZone, wallMs + msPerDay);
  const early = wallMs - before;
  const late = wallMs - after;
  const earlyValid = zoneOffsetMs(timeZone, early) === before;
  const lateValid = zoneOffsetMs(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  // Valid before the transition only, or in a gap: reading the wall time with the offset from
  // before the gap lands after it.
  return early;
}
