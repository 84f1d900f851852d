/**
 * The one copy of what a refused setting's code says: in Russian for the endpoint's answers and
 * the desk, in English for the desk's English interface (its i18n takes both from here, so the
 * reason a 400 gives and the message beside the field cannot drift apart).
 */

/** Why a setting is refused (shared/sla/slaSettings.ts refuses it). */
export type SettingsErrorCode =
  | 'not-an-object'
  | 'not-a-number'
  | 'out-of-range'
  | 'invalid-clock'
  | 'invalid-status'
  | 'invalid-time'
  | 'interval-ends-before-start'
  | 'break-outside-day'
  | 'overlapping-breaks'
  | 'invalid-time-zone'
  | 'no-working-hours'
  | 'calendar-unreadable'
  | 'calendar-wrong-year'
  | 'calendar-invalid-day'
  | 'calendar-invalid-year'
  | 'calendar-conflicting-day'
  | 'invalid-email';

type SettingsMessages = Readonly<Record<SettingsErrorCode, string>>;

export const settingsMessagesRu: SettingsMessages = {
  'not-an-object': 'Настройка имеет неверную форму.',
  'not-a-number': 'Нужно число.',
  'out-of-range': 'Число вне допустимых пределов.',
  'invalid-clock': 'Часы отсчёта: рабочее время или 24/7.',
  'invalid-status': 'Неизвестный статус обращения.',
  'invalid-time': 'Время указывается как ЧЧ:ММ от 00:00 до 24:00.',
  'interval-ends-before-start': 'Интервал заканчивается раньше, чем начинается.',
  'break-outside-day': 'Перерыв выходит за рабочий день.',
  'overlapping-breaks': 'Перерывы пересекаются.',
  'invalid-time-zone': 'Неизвестный часовой пояс.',
  'no-working-hours': 'В неделе нет ни одного рабочего часа.',
  'calendar-unreadable': 'Файл календаря не читается.',
  'calendar-wrong-year': 'Файл календаря за другой год.',
  'calendar-invalid-day': 'В календаре есть несуществующая дата.',
  'calendar-invalid-year': 'Данные года календаря неверны.',
  'calendar-conflicting-day': 'День указан и выходным, и рабочим.',
  'invalid-email': 'Нужен адрес электронной почты.',
};

export const settingsMessagesEn: SettingsMessages = {
  'not-an-object': 'The setting has the wrong shape.',
  'not-a-number': 'A number is needed.',
  'out-of-range': 'The number is out of range.',
  'invalid-clock': 'The clock is working hours or 24/7.',
  'invalid-status': 'Unknown ticket status.',
  'invalid-time': 'Times are HH:MM from 00:00 to 24:00.',
  'interval-ends-before-start': 'The interval ends before it starts.',
  'break-outside-day': 'The break is outside the working day.',
  'overlapping-breaks': 'The breaks overlap.',
  'invalid-time-zone': 'Unknown time zone.',
  'no-working-hours': 'The week has no working hours.',
  'calendar-unreadable': 'The calendar file cannot be read.',
  'calendar-wrong-year': 'The calendar file is for another year.',
  'calendar-invalid-day': 'The calendar has a date that does not exist.',
  'calendar-invalid-year': "The calendar year's data is wrong.",
  'calendar-conflicting-day': 'A day is listed both as a day off and as a working day.',
  'invalid-email': 'An email address is needed.',
};
