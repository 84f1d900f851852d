/**
 * The few words the main process shows itself (tray, notification fallbacks), Russian first.
 * Everything else the user reads lives in renderer/src/i18n.
 */
import { ruPlural } from '../../shared/alarms/alarmTexts.ts';
import type { Locale } from '../../shared/host.ts';

export const appTitle = 'PASS24 Support Desk';

export interface MainTexts {
  open: string;
  quit: string;
  /** Suffix of a notification title raised after its due instant. */
  late: string;
  /** "2 экстренных обращения без контакта". */
  uncontactedEmergencies(count: number): string;
  /** Tray tooltip: the app's name, and the count while emergencies wait for contact. */
  trayTooltip(count: number): string;
}

const ru: MainTexts = {
  open: 'Открыть',
  quit: 'Выход',
  late: 'с опозданием',
  uncontactedEmergencies: (count) =>
    `${ruPlural(count, { one: 'экстренное обращение', few: 'экстренных обращения', many: 'экстренных обращений' })} без контакта`,
  trayTooltip: (count) => (count > 0 ? `${appTitle}\n${ru.uncontactedEmergencies(count)}` : appTitle),
};

const en: MainTexts = {
  open: 'Open',
  quit: 'Quit',
  late: 'late',
  uncontactedEmergencies: (count) => `${count} emergency ${count === 1 ? 'ticket' : 'tickets'} without contact`,
  trayTooltip: (count) => (count > 0 ? `${appTitle}\n${en.uncontactedEmergencies(count)}` : appTitle),
};

export function mainTexts(locale: Locale): MainTexts {
  return locale === 'en' ? en : ru;
}

/**
 * Why native notifications are missing, for Настройки. The in-app banner with sound replaces them.
 */
export function notificationsUnsupportedReason(platform: string, locale: Locale): string {
  const fallback =
    locale === 'en'
      ? 'Alarms are shown as a banner inside the app window, with sound.'
      : 'Тревоги показываются баннером в окне приложения, со звуком.';
  let reason: string;
  if (platform === 'linux') {
    reason =
      locale === 'en'
        ? 'The desktop has no notification service (org.freedesktop.Notifications over D-Bus), so system notifications cannot be shown.'
        : 'В системе нет службы уведомлений рабочего стола (org.freedesktop.Notifications через D-Bus), поэтому системные уведомления недоступны.';
  } else if (platform === 'win32') {
    reason =
      locale === 'en'
        ? 'This version of Windows does not let the app show notifications.'
        : 'Эта версия Windows не позволяет приложению показывать уведомления.';
  } else {
    reason =
      locale === 'en'
        ? 'The operating system does not let the app show notifications.'
        : 'Операционная система не позволяет приложению показывать уведомления.';
  }
  return `${reason} ${fallback}`;
}
