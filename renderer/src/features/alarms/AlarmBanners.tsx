/**
 * The in-window alarm banners: a strip across the top of the working area, one line per ticket,
 * newest first. In the layout's flow, not floating: the strip moves the section down instead of
 * covering the queue's rows or the ticket's composer the manager is typing in.
 */
import { Button, CloseButton } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { alarmKey } from '#shared/host.ts';
import { shortcutLabel } from '../../services/commands.ts';
import { formatTime } from '../../i18n/index.ts';
import { openAlarm, openLatestShortcut } from './alarmActions.ts';
import classes from './AlarmBanners.module.css';
import { useAlarmBannerStore } from './alarmBannerStore.ts';

const visible = 3;

export function AlarmBanners() {
  const { t } = useTranslation();
  const banners = useAlarmBannerStore((s) => s.banners);
  const dismiss = useAlarmBannerStore((s) => s.dismiss);
  if (banners.length === 0) return null;
  const hidden = banners.length - visible;

  return (
    <div className={classes.strip} role="region" aria-label={t('alarms.bannerRegion')} data-testid="alarm-banners">
      {banners.slice(0, visible).map((alarm, i) => {
        const key = alarmKey(alarm);
        const critical = alarm.severity === 'critical';
        const title = alarm.late ? `${alarm.title} (${t('alarms.late')})` : alarm.title;
        return (
          <div
            key={key}
            className={classes.banner}
            role="alert"
            data-testid="alarm-banner"
            data-alarm={key}
            data-severity={alarm.severity}
          >
            <IconAlarm size={16} className={classes.icon} aria-hidden />
            <div className={classes.text} title={alarm.body ? `${title}\n${alarm.body}` : title}>
              <span className={classes.title}>{title}</span>
              {alarm.body && <span className={classes.body}> — {alarm.body}</span>}
            </div>
            <span className={classes.time}>{formatTime(alarm.firedAt)}</span>
            <Button
              size="compact-xs"
              color={critical ? 'red' : 'orange'}
              onClick={() => openAlarm(alarm)}
              title={i === 0 ? shortcutLabel(openLatestShortcut) : undefined}
              data-testid="alarm-banner-open"
            >
              {t('alarms.open')}
            </Button>
            <CloseButton size="sm" onClick={() => dismiss(key)} aria-label={t('alarms.dismiss')} title={t('alarms.dismiss')} />
          </div>
        );
      })}
      {hidden > 0 && (
        <div className={classes.more} data-testid="alarm-banners-more">
          {t('alarms.more', { count: hidden })}
        </div>
      )}
    </div>
  );
}
