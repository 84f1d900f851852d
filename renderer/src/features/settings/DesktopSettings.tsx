/**
 * What only the desktop app can do: start when the user signs in to the computer, and update
 * itself from the central endpoint (downloaded in the background, installed at the next start,
 * or now when the user asks). Hidden in the browser, where the host can do neither.
 */
import { Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '#shared/host.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useHost } from '../../services/hostContext.ts';

export function DesktopSettings() {
  const { t } = useTranslation();
  const host = useHost();
  const [launch, setLaunch] = useState<boolean | null>(null);
  const [update, setUpdate] = useState<UpdateStatus | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    void host.getLaunchAtLogin().then(setLaunch);
    void host.updateStatus().then(setUpdate);
    return host.onUpdateStatus(setUpdate);
  }, [host]);

  if (launch === null && (update === null || update.state === 'unsupported')) return null;

  const check = async () => {
    setChecking(true);
    try {
      setUpdate(await host.checkForUpdates());
    } finally {
      setChecking(false);
    }
  };

  return (
    <Card withBorder padding="md" data-testid="settings-desktop">
      <Title order={5} mb="sm">
        {t('settings.desktop.title')}
      </Title>
      <Stack gap="sm">
        {launch !== null && (
          <Switch
            checked={launch}
            onChange={(e) => {
              const enabled = e.currentTarget.checked;
              void host.setLaunchAtLogin(enabled).then(setLaunch);
            }}
            label={t('settings.desktop.launchAtLogin')}
            description={t('settings.desktop.launchAtLoginHint')}
            data-testid="settings-launch-at-login"
          />
        )}
        {update && update.state !== 'unsupported' && (
          <Group justify="space-between" align="center" wrap="nowrap">
            <Text size="sm" role="status" data-testid="settings-update-status" data-state={update.state}>
              {t(`settings.desktop.update.${update.state}`, {
                version: update.version ?? '',
                error: update.error ?? '',
                at: update.checkedAt ? formatDateTime(update.checkedAt) : '',
              })}
            </Text>
            <Group gap="xs" wrap="nowrap">
              {update.state === 'ready' && (
                <Button size="xs" onClick={() => void host.installUpdateNow()} data-testid="settings-update-install">
                  {t('settings.desktop.installNow')}
                </Button>
              )}
              <Button
                size="xs"
                variant="default"
                loading={checking}
                disabled={update.state === 'ready'}
                onClick={() => void check()}
                data-testid="settings-update-check"
              >
                {t('settings.desktop.check')}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
