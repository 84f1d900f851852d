/**
 * The date pickers' language (@mantine/dates on dayjs): Russian month and day names and weeks from
 * Monday in the Russian interface, the English names in the English one; typed dates are parsed in
 * the format the field shows (ДД.ММ.ГГГГ).
 */
import type { DatesProviderSettings } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/ru';
import '@mantine/dates/styles.layer.css';

dayjs.extend(customParseFormat);

/** The format every date field shows and accepts from the keyboard. */
export const dateFieldFormat = 'DD.MM.YYYY';

export function datesSettings(language: string): DatesProviderSettings {
  return { locale: language.startsWith('en') ? 'en' : 'ru', firstDayOfWeek: 1, weekendDays: [0, 6] };
}

/** A typed date, once complete and real, as YYYY-MM-DD; null while it is not (31.02.2026, 1.07.2). */
export function parseDateField(text: string): string | null {
  const d = dayjs(text.trim(), dateFieldFormat, true);
  return d.isValid() ? d.format('YYYY-MM-DD') : null;
}
