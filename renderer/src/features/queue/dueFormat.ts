/** Due instants as the manager reads them: the time of day today, the date and time otherwise. Formatters are built once. */
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import type { Locale } from '#shared/host.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withDate}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', {
      // The workspace's business time zone: the deadlines are days of that calendar.
      timeZone: defaultSlaSetup().calendar.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      ...(withDate ? { day: '2-digit', month: '2-digit' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** "14:05" when due today (by the day of `startOfToday`), "24.11 09:15" otherwise. */
export function formatDue(at: number, startOfToday: number, locale: Locale): string {
  const today = at >= startOfToday && at < startOfToday + 86_400_000;
  return formatter(locale, !today).format(at).replace(',', '');
}
