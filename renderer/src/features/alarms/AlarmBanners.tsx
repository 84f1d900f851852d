/**
 * The in-window alarm banners, stacked in the bottom-right corner above the status bar, newest
 * first: over everything, but not over the ticket header or the palette the manager is using.
 */
import { Affix, Button, Group, Notification, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { alarmKey, type FiredAlarm } from '#shared/host.ts';
import { shortcutLabel } from '../../app/commands.ts';
import { formatTime } from '../../i18n/index.ts';
import { useAlarmBannerStore } from './alarmBannerStore.ts';

const visible = 3;

interface Props {
  onOpen(alarm: FiredAlarm): void;
  openShortcut: string;
}

export function AlarmBanners({ onOpen, openShortcut }: Props) {
  const { t } = useTranslation();
  const banners = useAlarmBannerStore((s) => s.banners);
  const dismiss = useAlarmBannerStore((s) => s.dismiss);
  if (banners.length === 0) return null;
  const hidden = banners.length - visible;

  return (
    <Affix position={{ bottom: 40, right: 16 }} zIndex={400}>
      <Stack gap={6} w={440} role="region" aria-label={t('alarms.bannerRegion')} data-testid="alarm-banners">
        {banners.slice(0, visible).map((alarm, i) => {
          const key = alarmKey(alarm);
          const critical = alarm.severity === 'critical';
          return (
            <Notification
              key={key}
              color={critical ? 'red' : 'orange'}
              withBorder
              title={alarm.late ? `${alarm.title} (${t('alarms.late')})` : alarm.title}
              onClose={() => dismiss(key)}
              closeButtonProps={{ 'aria-label': t('alarms.dismiss'), title: t('alarms.dismiss') }}
              role="alert"
              data-testid="alarm-banner"
              data-alarm={key}
              data-severity={alarm.severity}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-end">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  {alarm.body && <Text size="sm" lineClamp={2}>{alarm.body}</Text>}
                  <Text size="xs" c="dimmed">{formatTime(alarm.firedAt)}</Text>
                </Stack>
                <Button
                  style={{ flexShrink: 0 }}
                  size="compact-sm"
                  color={critical ? 'red' : 'orange'}
                  onClick={() => onOpen(alarm)}
                  title={i === 0 ? shortcutLabel(openShortcut) : undefined}
                  data-testid="alarm-banner-open"
                >
                  {t('alarms.open')}
                </Button>
              </Group>
            </Notification>
          );
        })}
        {hidden > 0 && (
          <Text size="xs" ta="center" c="dimmed" data-testid="alarm-banners-more">
            {t('alarms.more', { count: hidden })}
          </Text>
        )}
      </Stack>
    </Affix>
  );
}
