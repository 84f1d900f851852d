/** What a banner (or its shortcut) does: open the alarm's ticket, the banner going with it. */
import { alarmKey, type FiredAlarm } from '#shared/host.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { useAlarmBannerStore } from './alarmBannerStore.ts';

export const openLatestShortcut = 'alt+o';
export const dismissAllShortcut = 'alt+shift+o';

export function openAlarm(alarm: FiredAlarm): void {
  useAlarmBannerStore.getState().dismiss(alarmKey(alarm));
  useRouteStore.getState().openTicket(alarm.ticketId);
}
