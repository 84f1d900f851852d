/** Настройки: language, theme, shift, account, and what the host can do (notifications). */
import { Button, Card, Group, ScrollArea, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Locale, ThemeName } from '#shared/host.ts';
import { useHost } from '../../services/hostContext.ts';
import { openSignOut } from './SignOutDialog.tsx';
import { changeLocale } from '../../i18n/index.ts';
import { useSettingsStore } from '../../state/settingsStore.ts';
import { useWorkspaceStore } from '../../services/session/workspaceStore.ts';
import { AlarmSettings } from './AlarmSettings.tsx';
import { DesktopSettings } from './DesktopSettings.tsx';
import { SlaSettingsPanel } from './SlaSettingsPanel.tsx';

export function SettingsSection() {
  const { t } = useTranslation();
  const host = useHost();
  const settings = useSettingsStore((s) => s.settings);
  const session = useWorkspaceStore((s) => s.session);
  const workspaceReady = useWorkspaceStore((s) => s.workspace !== null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void host.appInfo().then(setInfo);
  }, [host]);
  const update = (patch: Parameters<typeof host.setSettings>[0]) => useSettingsStore.getState().update(host, patch);

  return (
    <ScrollArea h="100%" data-testid="section-settings">
      <Stack p="md" maw={760} gap="md">
        <Title order={3}>{t('settings.title')}</Title>
        <Card withBorder padding="md">
          <Title order={5} mb="sm">
            {t('settings.appearance')}
          </Title>
          <Stack gap="sm">
            <Group justify="space-between">
              <Text size="sm">{t('settings.language')}</Text>
              <SegmentedControl
                size="xs"
                value={settings.locale}
                data-testid="settings-language"
                data={[
                  { value: 'ru', label: 'Русский' },
                  { value: 'en', label: 'English' },
                ]}
                onChange={(value) => {
                  const locale = value as Locale;
                  void update({ locale }).then(() => changeLocale(locale));
                }}
              />
            </Group>
            <Group justify="space-between">
              <Text size="sm">{t('settings.theme')}</Text>
              <SegmentedControl
                size="xs"
                value={settings.theme}
                data-testid="settings-theme"
                data={(['light', 'dark', 'auto'] as const).map((v) => ({ value: v, label: t(`settings.themes.${v}`) }))}
                onChange={(value) => void update({ theme: value as ThemeName })}
              />
            </Group>
          </Stack>
        </Card>
        <Card withBorder padding="md">
          <Title order={5} mb="sm">
            {t('settings.work')}
          </Title>
          <Switch
            checked={settings.onShift}
            onChange={(e) => void update({ onShift: e.currentTarget.checked })}
            label={t('settings.onShift')}
            description={t('settings.onShiftHint')}
            data-testid="settings-on-shift"
          />
        </Card>
        <AlarmSettings />
        <DesktopSettings />
        {workspaceReady && <SlaSettingsPanel />}
        {session && (
          <Card withBorder padding="md">
            <Title order={5} mb="sm">
              {t('settings.account')}
            </Title>
            <Stack gap={4}>
              <Text size="sm">
                {t('settings.signedInAs', {
                  name: session.agent.name,
                  login: session.agent.login,
                  role: t(`common.role.${session.agent.role}`),
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('settings.endpoint')}:{' '}
                {settings.endpointUrl ? session.endpointUrl : `${t('settings.embedded')} (${session.endpointUrl})`}
              </Text>
              <Group mt="xs">
                <Button variant="default" color="red" onClick={openSignOut} data-testid="settings-sign-out">
                  {t('settings.signOut')}
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
        {info && (
          <Card withBorder padding="md">
            <Title order={5} mb="sm">
              {t('settings.about')}
            </Title>
            <Text size="sm">{t('settings.version', { version: info.version, kind: info.kind })}</Text>
            <Text size="sm" c={info.notificationsSupported ? 'teal' : 'orange'} data-testid="settings-notifications">
              {info.notificationsSupported
                ? t('settings.notificationsOk')
                : t('settings.notificationsOff', {
                    reason:
                      info.kind === 'web'
                        ? t(
                            `settings.notificationReasons.${info.notificationsUnsupportedReason as 'browser' | 'denied' | 'default'}`,
                          )
                        : info.notificationsUnsupportedReason,
                  })}
            </Text>
          </Card>
        )}
      </Stack>
    </ScrollArea>
  );
}
