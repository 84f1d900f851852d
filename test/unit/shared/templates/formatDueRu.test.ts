import { describe, expect, it } from 'vitest';
import { formatDueRu } from '#shared/templates/index.ts';

const moscow = 'Europe/Moscow';
/** An instant by Moscow's wall clock (UTC+3 all year). */
const msk = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 3, min);

describe('formatDueRu: a deadline the Russian way, relative to now', () => {
  it.each([
    ['the same day', msk(2026, 3, 10, 9, 5), msk(2026, 3, 10, 14, 30), 'сегодня до 14:30'],
    ['the next day', msk(2026, 3, 10, 17, 0), msk(2026, 3, 11, 11, 0), 'завтра до 11:00'],
    ['two days on, by weekday and date', msk(2026, 1, 8, 10, 0), msk(2026, 1, 12, 10, 0), 'в понедельник, 12 января, до 10:00'],
    ['eight days on is a date', msk(2026, 3, 9, 10, 0), msk(2026, 3, 17, 10, 0), '17 марта до 10:00'],
    ['«во вторник»', msk(2026, 3, 12, 10, 0), msk(2026, 3, 17, 9, 0), 'во вторник, 17 марта, до 09:00'],
    ['«в среду»', msk(2026, 3, 13, 10, 0), msk(2026, 3, 18, 18, 0), 'в среду, 18 марта, до 18:00'],
    ['«в четверг»', msk(2026, 3, 16, 10, 0), msk(2026, 3, 19, 12, 0), 'в четверг, 19 марта, до 12:00'],
    ['«в пятницу»', msk(2026, 3, 16, 10, 0), msk(2026, 3, 20, 12, 0), 'в пятницу, 20 марта, до 12:00'],
    [
      '«в субботу» (a weekend is a day like any other)',
      msk(2026, 3, 18, 10, 0),
      msk(2026, 3, 21, 12, 0),
      'в субботу, 21 марта, до 12:00',
    ],
    ['«в воскресенье»', msk(2026, 3, 19, 10, 0), msk(2026, 3, 22, 12, 0), 'в воскресенье, 22 марта, до 12:00'],
    ['six days on is still a weekday', msk(2026, 3, 16, 10, 0), msk(2026, 3, 22, 23, 59), 'в воскресенье, 22 марта, до 23:59'],
    [
      'seven days on is a date (the same weekday would be ambiguous)',
      msk(2026, 3, 16, 10, 0),
      msk(2026, 3, 23, 10, 0),
      '23 марта до 10:00',
    ],
    ['later in the year', msk(2026, 3, 16, 10, 0), msk(2026, 6, 1, 15, 45), '1 июня до 15:45'],
    ['another year', msk(2026, 3, 16, 10, 0), msk(2027, 1, 12, 10, 0), '12 января 2027 года до 10:00'],
  ])('%s', (_case, now, due, phrase) => {
    expect(formatDueRu(due, now, moscow)).toBe(phrase);
  });

  it('counts days by the calendar across midnight, not by 24-hour spans', () => {
    // Ten minutes apart, but on two dates: tomorrow.
    expect(formatDueRu(msk(2026, 3, 11, 0, 20), msk(2026, 3, 10, 23, 50), moscow)).toBe('завтра до 00:20');
    // Almost 48 hours apart, still tomorrow; a few hours more than a day apart, the day after tomorrow.
    expect(formatDueRu(msk(2026, 3, 12, 23, 0), msk(2026, 3, 11, 0, 5), moscow)).toBe('завтра до 23:00');
    expect(formatDueRu(msk(2026, 3, 12, 9, 0), msk(2026, 3, 10, 23, 59), moscow)).toBe('в четверг, 12 марта, до 09:00');
  });

  it('writes a deadline at midnight as the end of the day before', () => {
    expect(formatDueRu(msk(2026, 3, 11, 0, 0), msk(2026, 3, 10, 12, 0), moscow)).toBe('сегодня до 24:00');
    expect(formatDueRu(msk(2026, 3, 12, 0, 0), msk(2026, 3, 10, 12, 0), moscow)).toBe('завтра до 24:00');
  });

  it('crosses the year end: the new year by weekday within six days, by date and year after', () => {
    expect(formatDueRu(msk(2027, 1, 1, 0, 20), msk(2026, 12, 31, 23, 50), moscow)).toBe('завтра до 00:20');
    expect(formatDueRu(msk(2027, 1, 1, 10, 0), msk(2026, 12, 30, 10, 0), moscow)).toBe('в пятницу, 1 января, до 10:00');
    expect(formatDueRu(msk(2027, 1, 11, 10, 0), msk(2026, 12, 30, 10, 0), moscow)).toBe('11 января 2027 года до 10:00');
    // Midnight of 1 January is the end of 31 December, of the old year.
    expect(formatDueRu(msk(2027, 1, 1, 0, 0), msk(2026, 12, 20, 10, 0), moscow)).toBe('31 декабря до 24:00');
  });

  it('writes calendar days through the New Year holidays (the phrase names dates, not working days)', () => {
    // 31 December 2026 to 11 January 2027 are days off; a deadline after them is still its date.
    expect(formatDueRu(msk(2027, 1, 11, 9, 0), msk(2027, 1, 5, 12, 0), moscow)).toBe('в понедельник, 11 января, до 09:00');
  });

  it('writes a deadline already past by its date', () => {
    expect(formatDueRu(msk(2026, 3, 9, 18, 0), msk(2026, 3, 10, 9, 0), moscow)).toBe('9 марта до 18:00');
    expect(formatDueRu(msk(2025, 12, 29, 18, 0), msk(2026, 1, 10, 9, 0), moscow)).toBe('29 декабря 2025 года до 18:00');
  });

  it('reads the dates and times in the given zone', () => {
    // 22:00 UTC on 10 March: still the 11th at 01:00 in Moscow, the 11th at 08:00 in Vladivostok.
    const due = Date.UTC(2026, 2, 10, 22, 0);
    const now = Date.UTC(2026, 2, 10, 12, 0);
    expect(formatDueRu(due, now, 'Europe/Moscow')).toBe('завтра до 01:00');
    expect(formatDueRu(due, now, 'Asia/Vladivostok')).toBe('завтра до 08:00');
    expect(formatDueRu(due, now, 'UTC')).toBe('сегодня до 22:00');
  });

  it('drops the seconds: the phrase names the minute the deadline falls in', () => {
    expect(formatDueRu(msk(2026, 3, 10, 14, 30) + 59_000, msk(2026, 3, 10, 9, 0), moscow)).toBe('сегодня до 14:30');
  });
});
