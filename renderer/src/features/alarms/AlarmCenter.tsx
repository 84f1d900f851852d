/**
 * The alarms of the signed-in desk: keeps the host's alarm list and attention count in
 * step with the tickets, and answers what the host reports: a fired alarm gets a banner (when the
 * system could not show it, and always for emergencies) and the alert tone (emergencies, when
 * sound is on); a clicked notification opens its ticket.
 */
import { useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands, type Command } from '../../services/commands.ts';
import { useHost } from '../../services/hostContext.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { useSettingsStore } from '../../state/settingsStore.ts';
import { dismissAllShortcut, openAlarm, openLatestShortcut } from './alarmActions.ts';
import { needsBanner, useAlarmBannerStore } from './alarmBannerStore.ts';
import { playAlertTone } from './alertTone.ts';
import { useAlarmSchedule } from './useAlarmSchedule.ts';
import { useAskNotificationPermissionOnWeb } from './useNotificationPermission.ts';

export function AlarmCenter(_props: Record<string, never>) {
  const { t } = useTranslation();
  const host = useHost();
  useAlarmSchedule();
  useAskNotificationPermissionOnWeb();

  useEffect(
    () =>
      host.onAlarmFired((alarm) => {
        if (needsBanner(alarm)) useAlarmBannerStore.getState().show(alarm);
        if (alarm.severity === 'critical' && useSettingsStore.getState().settings.alarms.sound) playAlertTone();
      }),
    [host],
  );
  useEffect(() => host.onOpenTicket((ticketId) => useRouteStore.getState().openTicket(ticketId)), [host]);

  const commands: Command[] = [
    {
      id: 'alarms.openLatest',
      label: t('alarms.commands.openLatest'),
      group: t('shell.palette.groupTickets'),
      shortcut: openLatestShortcut,
      run: () => {
        const latest = useAlarmBannerStore.getState().banners[0];
        if (latest) openAlarm(latest);
      },
    },
    {
      id: 'alarms.dismissAll',
      label: t('alarms.commands.dismissAll'),
      group: t('shell.palette.groupActions'),
      shortcut: dismissAllShortcut,
      run: () => useAlarmBannerStore.getState().dismissAll(),
    },
  ];
  useCommands('alarms', commands);
  useHotkeys(commands.map((c) => [c.shortcut!, () => c.run(), { preventDefault: true, usePhysicalKeys: true }]));

  return null; // the banners are drawn in the layout (Desk: AlarmBanners)
}
