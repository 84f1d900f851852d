/**
 * Настройки → Оповещения: the warning thresholds (minutes before SLA deadlines), the alert tone,
 * and, on the web, whether the browser shows notifications. Saved per user through the host.
 * A bad value keeps what was typed and says in Russian what is allowed.
 */
import { Alert, Button, Card, Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  parseThreshold,
  thresholdFields,
  thresholdLimits,
  type ThresholdError,
  type ThresholdField,
} from '#shared/alarms/thresholdLimits.ts';
import { defaultAlarmThresholds, type AlarmThresholds } from '#shared/host.ts';
import { useHost } from '../../services/hostContext.ts';
import { requestWebNotificationPermission } from '../../host/index.ts';
import { useSettingsStore } from '../../state/settingsStore.ts';

type Draft = Record<ThresholdField, string | number>;
type Errors = Partial<Record<ThresholdField, ThresholdError>>;

const hints: Record<ThresholdField, 'emergencyContactHint' | 'emergencyResolutionHint' | 'standardResolutionHint'> = {
  emergencyContactWarnBefore: 'emergencyContactHint',
  emergencyResolutionWarnBefore: 'emergencyResolutionHint',
  standardResolutionWarnBefore: 'standardResolutionHint',
};

function draftOf(a: AlarmThresholds): Draft {
  return {
    emergencyContactWarnBefore: a.emergencyContactWarnBefore,
    emergencyResolutionWarnBefore: a.emergencyResolutionWarnBefore,
    standardResolutionWarnBefore: a.standardResolutionWarnBefore,
  };
}

type Permission = NotificationPermission | 'unsupported';

function currentPermission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

export function AlarmSettings() {
  const { t } = useTranslation();
  const host = useHost();
  const alarms = useSettingsStore((s) => s.settings.alarms);
  const [draft, setDraft] = useState<Draft>(() => draftOf(alarms));
  const [errors, setErrors] = useState<Errors>({});
  const [permission, setPermission] = useState<Permission>(currentPermission);
  // Saved settings (here, or defaults restored) replace the draft: adjusted while rendering, not in an effect.
  const [shown, setShown] = useState(alarms);
  if (shown !== alarms) {
    setShown(alarms);
    setDraft(draftOf(alarms));
  }

  const save = async (patch: Partial<AlarmThresholds>): Promise<void> => {
    try {
      await useSettingsStore.getState().update(host, { alarms: { ...alarms, ...patch } });
      notifications.show({ message: t('alarms.settings.saved'), color: 'teal', autoClose: 2500 });
    } catch (error) {
      console.error('alarm settings not saved', error);
      notifications.show({ message: t('alarms.settings.saveFailed'), color: 'red' });
    }
  };

  const submit = (): void => {
    const next: Partial<AlarmThresholds> = {};
    const found: Errors = {};
    for (const field of thresholdFields) {
      const parsed = parseThreshold(field, draft[field]);
      if (parsed.ok) next[field] = parsed.value;
      else found[field] = parsed.error;
    }
    setErrors(found);
    if (Object.keys(found).length === 0) void save(next);
  };

  const errorText = (e: ThresholdError | undefined): string | undefined =>
    e === undefined
      ? undefined
      : e.code === 'out_of_range'
        ? t('alarms.settings.errors.out_of_range', { min: e.min, max: e.max })
        : t(`alarms.settings.errors.${e.code}`);

  return (
    <Card withBorder padding="md" data-testid="settings-alarms">
      <Title order={5} mb={4}>
        {t('alarms.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('alarms.settings.intro')}
      </Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {thresholdFields.map((field) => (
            <NumberInput
              key={field}
              label={t(`alarms.settings.${field}`)}
              description={t(`alarms.settings.${hints[field]}`)}
              rightSection={
                <Text size="xs" c="dimmed">
                  {t('alarms.settings.minutes')}
                </Text>
              }
              rightSectionWidth={44}
              min={thresholdLimits[field].min}
              max={thresholdLimits[field].max}
              clampBehavior="none"
              allowDecimal={false}
              value={draft[field]}
              onChange={(value) => {
                setDraft((d) => ({ ...d, [field]: value }));
                setErrors((e) => ({ ...e, [field]: undefined }));
              }}
              error={errorText(errors[field])}
              maw={420}
              data-testid={`settings-alarms-${field}`}
            />
          ))}
          <Group gap="xs">
            <Button type="submit" size="xs" data-testid="settings-alarms-save">
              {t('alarms.settings.save')}
            </Button>
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                setErrors({});
                void save({ ...defaultAlarmThresholds });
              }}
              data-testid="settings-alarms-defaults"
            >
              {t('alarms.settings.defaults')}
            </Button>
          </Group>
          <Switch
            checked={alarms.sound}
            onChange={(e) => void save({ sound: e.currentTarget.checked })}
            label={t('alarms.settings.sound')}
            data-testid="settings-alarms-sound"
          />
          <Group gap="xs">
            <Button
              variant="light"
              size="xs"
              onClick={() =>
                void host.notify({
                  title: t('alarms.settings.checkTitle'),
                  body: t('alarms.settings.checkBody'),
                  severity: 'critical',
                })
              }
              data-testid="settings-alarms-check"
            >
              {t('alarms.settings.check')}
            </Button>
          </Group>
          {host.kind === 'web' && (
            <Alert
              color={permission === 'granted' ? 'teal' : 'orange'}
              variant="light"
              p="xs"
              data-testid="settings-alarms-permission"
              data-permission={permission}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{t(`alarms.settings.permission.${permission}`)}</Text>
                {permission === 'default' && (
                  <Button
                    size="compact-xs"
                    variant="default"
                    onClick={() => void requestWebNotificationPermission().then(() => setPermission(currentPermission()))}
                  >
                    {t('alarms.settings.permission.ask')}
                  </Button>
                )}
              </Group>
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}
