/**
 * i18n: Russian first, English second (i18next; plural forms by Intl.PluralRules, so Russian
 * gets `_one/_few/_many`: 1 обращение, 2 обращения, 5 обращений). Messages live in one file per
 * room under ru/ and en/; the English files are type-checked against the Russian ones.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '#shared/host.ts';
import { ru } from './ru/index.ts';
import { en } from './en/index.ts';

export const i18n = i18next.createInstance();

export async function initI18n(locale: Locale): Promise<void> {
  await i18n.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'ru',
    resources: { ru: { translation: ru }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
}

export async function changeLocale(locale: Locale): Promise<void> {
  await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/** Dates and times as Russians write them: 22.11.2026 14:05. */
export function formatDateTime(at: number, locale: Locale = i18n.language as Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(at)
    .replace(',', '');
}

export function formatTime(at: number, locale: Locale = i18n.language as Locale, seconds = false): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  }).format(at);
}

export function formatDate(at: number, locale: Locale = i18n.language as Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'ru-RU', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);
}
