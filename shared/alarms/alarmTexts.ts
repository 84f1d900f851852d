/**
 * The words of alarm notifications, Russian first, English second. They live here rather than in
 * renderer/src/i18n because the notification is built as data (AlarmSpec) that the host shows as
 * is, and the tests of the alarm rules check them too.
 */
import type { AlarmMetric, AlarmStage, Locale } from '../host.ts';

/** Russian plural forms: one (1, 21), few (2-4, 22-24), many (5-20, 25-30, 11-14). */
export interface RuForms {
  one: string;
  few: string;
  many: string;
}

const ruRules = new Intl.PluralRules('ru');

/** "1 минута", "2 минуты", "5 минут", "21 минута", "11 минут". */
export function ruPlural(count: number, forms: RuForms): string {
  const rule = ruRules.select(count);
  const word = rule === 'one' ? forms.one : rule === 'few' ? forms.few : forms.many;
  return `${count} ${word}`;
}

function enPlural(count: number, one: string, other: string): string {
  return `${count} ${count === 1 ? one : other}`;
}

/**
 * A span of minutes in words: whole hours as hours, anything else as minutes.
 * `working` says the span is counted on the working calendar ("1 рабочий час").
 */
export function minutesInWords(minutes: number, locale: Locale, working = false): string {
  const hours = minutes / 60;
  if (minutes >= 60 && Number.isInteger(hours)) {
    if (locale === 'en') return enPlural(hours, working ? 'working hour' : 'hour', working ? 'working hours' : 'hours');
    return ruPlural(
      hours,
      working ? { one: 'рабочий час', few: 'рабочих часа', many: 'рабочих часов' } : { one: 'час', few: 'часа', many: 'часов' },
    );
  }
  if (locale === 'en') return enPlural(minutes, working ? 'working minute' : 'minute', working ? 'working minutes' : 'minutes');
  return ruPlural(
    minutes,
    working
      ? { one: 'рабочая минута', few: 'рабочие минуты', many: 'рабочих минут' }
      : { one: 'минута', few: 'минуты', many: 'минут' },
  );
}

export interface AlarmTextInput {
  metric: AlarmMetric;
  stage: AlarmStage;
  emergency: boolean;
  ticketNumber: string | null;
  subject: string;
  siteName: string | null;
  /** For warnings: how far the deadline is, in minutes (working minutes for standard tickets). */
  minutesLeft?: number;
}

function ticketLabel(ticketNumber: string | null, locale: Locale): string {
  if (ticketNumber) return locale === 'en' ? `#${ticketNumber}` : `№${ticketNumber}`;
  return locale === 'en' ? 'New ticket' : 'Новое обращение';
}

/** Title and body of one alarm's notification. */
export function alarmText(input: AlarmTextInput, locale: Locale): { title: string; body: string } {
  const label = ticketLabel(input.ticketNumber, locale);
  const left = minutesInWords(input.minutesLeft ?? 0, locale, !input.emergency);
  const en = locale === 'en';
  let title: string;
  switch (`${input.metric}:${input.stage}`) {
    case 'arrival:arrived':
      if (input.ticketNumber) title = en ? `Emergency ticket ${label}` : `Экстренное обращение ${label}`;
      else title = en ? 'New emergency ticket' : 'Новое экстренное обращение';
      break;
    case 'firstContact:warning':
      title = en ? `${label}: ${left} left to contact the client` : `${label}: до первого контакта ${left}`;
      break;
    case 'firstContact:breached':
      title = en ? `${label}: first contact overdue` : `${label}: срок первого контакта истёк`;
      break;
    case 'resolution:warning':
      title = en ? `${label}: ${left} left to resolve` : `${label}: до срока решения ${left}`;
      break;
    case 'resolution:breached':
      title = en ? `${label}: resolution overdue` : `${label}: срок решения истёк`;
      break;
    default:
      title = label;
  }
  const body = [input.siteName, input.subject].filter((part) => part && part.trim() !== '').join(' — ');
  return { title, body };
}
