/**
 * The head's SLA settings in «Настройки»: policies per priority, working hours with breaks and the
 * time zone, the workspace switches, and the change history. Agents see it read-only. A save adds
 * a version in force from that instant; tickets already open keep their deadlines.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities } from '#shared/vocabulary/enums.ts';
import { weekdayKeys } from '#shared/sla/calendarConfig.ts';
import { calendarVersionsOf, slaPolicyVersionsOf } from '#shared/domain/slaSetupFromConfig.ts';
import { defaultRussianCalendarConfig, defaultSlaPolicies } from '#shared/sla/index.ts';
import { versionAt } from '#shared/sla/settingsVersions.ts';
import type { SettingsError } from '#shared/sla/slaSettings.ts';
import { saveSettingVersion, saveWorkspaceSettings } from '../../db/configRepository.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useSlaSetupStore } from '../../services/session/slaSetupStore.ts';
import { CalendarYearImport } from './CalendarYearImport.tsx';
import { useFollowedForm } from './followedForm.ts';
import {
  calendarOfForm,
  policiesOfForm,
  settingsMeaning,
  slaFormOf,
  workspaceFormOf,
  workspaceOfForm,
  type DurationField,
  type SettingsForm,
  type SlaForm,
  type WorkspaceForm,
} from './slaForm.ts';

function ErrorList({ errors }: { errors: readonly SettingsError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Alert color="red" data-testid="sla-settings-errors">
      {errors.map((e) => (
        <Text size="sm" key={`${e.path}-${e.code}`}>
          {e.path}: {t(`settings.sla.errors.${e.code}`)}
        </Text>
      ))}
    </Alert>
  );
}

function DurationInput(props: {
  label: string;
  field: DurationField;
  readOnly: boolean;
  testId: string;
  onChange: (f: DurationField) => void;
}) {
  const { t } = useTranslation();
  const { field, readOnly, onChange } = props;
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput
        size="xs"
        w={80}
        aria-label={props.label}
        value={field.minutes}
        readOnly={readOnly}
        data-testid={`${props.testId}-minutes`}
        onChange={(e) => onChange({ ...field, minutes: e.currentTarget.value })}
      />
      <SegmentedControl
        size="xs"
        disabled={readOnly}
        value={field.clock}
        data-testid={`${props.testId}-clock`}
        data={[
          { value: 'business', label: t('settings.sla.business') },
          { value: 'calendar', label: t('settings.sla.roundTheClock') },
        ]}
        onChange={(v) => onChange({ ...field, clock: v as DurationField['clock'] })}
      />
    </Group>
  );
}

export function SlaSettingsPanel() {
  const { t } = useTranslation();
  const { db, write, session } = useWorkspace();
  const docs = useSlaSetupStore((s) => s.docs);
  const workspaceSettings = useSlaSetupStore((s) => s.workspace);
  const readOnly = session.agent.role !== 'head' && session.agent.role !== 'admin';
  const policyVersions = slaPolicyVersionsOf(docs['sla-policies']?.value ?? null);
  const calendarVersions = calendarVersionsOf(docs.calendar?.value ?? null);
  const now = write.now();
  const currentPolicies = versionAt(policyVersions, now)?.value ?? defaultSlaPolicies();
  const currentCalendar = versionAt(calendarVersions, now)?.value ?? defaultRussianCalendarConfig();
  // The form follows the stored settings (another desk's save) until something is typed in it.
  const followed = useFollowedForm<SettingsForm>(
    { sla: slaFormOf(currentPolicies, currentCalendar), workspace: workspaceFormOf(workspaceSettings) },
    (f) => settingsMeaning(f, currentCalendar),
  );
  const form = followed.form.sla;
  const workspace = followed.form.workspace;
  const [errors, setErrors] = useState<readonly SettingsError[]>([]);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    setSaved(false);
    const policies = policiesOfForm(form);
    const calendar = calendarOfForm(form, currentCalendar);
    const all = [...(policies.ok ? [] : policies.errors), ...(calendar.ok ? [] : calendar.errors)];
    const ws = workspaceOfForm(workspace);
    if (!ws.ok) all.push(...ws.errors);
    setErrors(all);
    if (!policies.ok || !calendar.ok || !ws.ok) return;
    if (JSON.stringify(policies.value) !== JSON.stringify(currentPolicies)) {
      await saveSettingVersion(db, write, 'sla-policies', policyVersions, policies.value);
    }
    if (JSON.stringify(calendar.value) !== JSON.stringify(currentCalendar)) {
      await saveSettingVersion(db, write, 'calendar', calendarVersions, calendar.value);
    }
    if (JSON.stringify(ws.value) !== JSON.stringify(workspaceSettings)) await saveWorkspaceSettings(db, write, ws.value);
    setSaved(true);
  };

  const setForm = (change: (f: SlaForm) => SlaForm) => followed.update((all) => ({ ...all, sla: change(all.sla) }));
  const setWorkspace = (patch: Partial<WorkspaceForm>) =>
    followed.update((all) => ({ ...all, workspace: { ...all.workspace, ...patch } }));
  const setPolicy = (p: (typeof priorities)[number], patch: Partial<SlaForm['policies'][typeof p]>) =>
    setForm((f) => ({ ...f, policies: { ...f.policies, [p]: { ...f.policies[p], ...patch } } }));
  const setDay = (d: (typeof weekdayKeys)[number], patch: Partial<SlaForm['week'][typeof d]>) =>
    setForm((f) => ({ ...f, week: { ...f.week, [d]: { ...f.week[d], ...patch } } }));
  const takeNewValues = () => {
    followed.take();
    setErrors([]);
    setSaved(false);
  };

  const history = [
    ...(policyVersions?.versions ?? []).map((v) => ({ ...v, what: 'policies' })),
    ...(calendarVersions?.versions ?? []).map((v) => ({ ...v, what: 'calendar' })),
  ].sort((a, b) => b.from - a.from);

  return (
    <Card withBorder padding="md" data-testid="sla-settings">
      <Title order={5} mb="sm">
        {t('settings.sla.title')}
      </Title>
      {readOnly && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('settings.sla.readOnly')}
        </Text>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!readOnly) void save();
        }}
      >
        <Stack gap="sm">
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.sla.priority')}</Table.Th>
                <Table.Th>{t('settings.sla.firstContact')}</Table.Th>
                <Table.Th>{t('settings.sla.resolution')}</Table.Th>
                <Table.Th>{t('settings.sla.limit')}</Table.Th>
                <Table.Th>{t('settings.sla.warning')}</Table.Th>
                <Table.Th>{t('settings.sla.critical')}</Table.Th>
                <Table.Th>{t('settings.sla.pauses')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {priorities.map((p) => {
                const f = form.policies[p];
                return (
                  <Table.Tr key={p} data-testid={`sla-policy-${p}`}>
                    <Table.Td>{t(`settings.sla.priorities.${p}`)}</Table.Td>
                    <Table.Td>
                      {f.firstContact ? (
                        <DurationInput
                          label={t('settings.sla.firstContact')}
                          field={f.firstContact}
                          readOnly={readOnly}
                          testId={`sla-${p}-first-contact`}
                          onChange={(d) => setPolicy(p, { firstContact: d })}
                        />
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <DurationInput
                        label={t('settings.sla.resolution')}
                        field={f.target}
                        readOnly={readOnly}
                        testId={`sla-${p}-target`}
                        onChange={(d) => setPolicy(p, { target: d })}
                      />
                    </Table.Td>
                    <Table.Td>
                      {f.limit ? (
                        <DurationInput
                          label={t('settings.sla.limit')}
                          field={f.limit}
                          readOnly={readOnly}
                          testId={`sla-${p}-limit`}
                          onChange={(d) => setPolicy(p, { limit: d })}
                        />
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        w={64}
                        aria-label={t('settings.sla.warning')}
                        readOnly={readOnly}
                        value={f.warningMaxMinutes}
                        data-testid={`sla-${p}-warning`}
                        onChange={(e) => setPolicy(p, { warningMaxMinutes: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        w={64}
                        aria-label={t('settings.sla.critical')}
                        readOnly={readOnly}
                        value={f.criticalMinutes}
                        data-testid={`sla-${p}-critical`}
                        onChange={(e) => setPolicy(p, { criticalMinutes: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        size="xs"
                        disabled={readOnly}
                        label={t('settings.sla.pauseWaitingClient')}
                        checked={f.pausingStatuses.includes('waiting_client')}
                        onChange={(e) => setPolicy(p, { pausingStatuses: e.currentTarget.checked ? ['waiting_client'] : [] })}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('settings.sla.minutesHint')}
          </Text>
          <Title order={6}>{t('settings.sla.hours')}</Title>
          <TextInput
            size="xs"
            w={240}
            label={t('settings.sla.timeZone')}
            readOnly={readOnly}
            value={form.timeZone}
            data-testid="sla-time-zone"
            onChange={(e) => {
              const timeZone = e.currentTarget.value;
              setForm((f) => ({ ...f, timeZone }));
            }}
          />
          {weekdayKeys.map((d) => {
            const f = form.week[d];
            return (
              <Group key={d} gap="xs" data-testid={`sla-day-${d}`}>
                <Checkbox
                  w={120}
                  size="xs"
                  disabled={readOnly}
                  label={t(`settings.sla.weekdays.${d}`)}
                  checked={f.working}
                  onChange={(e) => setDay(d, { working: e.currentTarget.checked })}
                />
                <TextInput
                  size="xs"
                  w={70}
                  aria-label={t('settings.sla.from')}
                  readOnly={readOnly || !f.working}
                  value={f.from}
                  data-testid={`sla-day-${d}-from`}
                  onChange={(e) => setDay(d, { from: e.currentTarget.value })}
                />
                <TextInput
                  size="xs"
                  w={70}
                  aria-label={t('settings.sla.to')}
                  readOnly={readOnly || !f.working}
                  value={f.to}
                  data-testid={`sla-day-${d}-to`}
                  onChange={(e) => setDay(d, { to: e.currentTarget.value })}
                />
                <TextInput
                  size="xs"
                  w={220}
                  aria-label={t('settings.sla.breaks')}
                  placeholder={t('settings.sla.breaksHint')}
                  readOnly={readOnly || !f.working}
                  value={f.breaks}
                  data-testid={`sla-day-${d}-breaks`}
                  onChange={(e) => setDay(d, { breaks: e.currentTarget.value })}
                />
              </Group>
            );
          })}
          <Title order={6}>{t('settings.sla.workspace')}</Title>
          <TextInput
            size="xs"
            w={160}
            label={t('settings.sla.workingSetDays')}
            readOnly={readOnly}
            value={workspace.days}
            data-testid="settings-working-set-days"
            onChange={(e) => setWorkspace({ days: e.currentTarget.value })}
          />
          <Switch
            disabled={readOnly}
            checked={workspace.acknowledge}
            label={t('settings.sla.emailAcknowledgement')}
            data-testid="settings-email-ack"
            onChange={(e) => setWorkspace({ acknowledge: e.currentTarget.checked })}
          />
          <Switch
            disabled={readOnly}
            checked={workspace.review}
            label={t('settings.sla.weeklyReview')}
            description={t('settings.sla.weeklyReviewHint')}
            data-testid="settings-weekly-review"
            onChange={(e) => setWorkspace({ review: e.currentTarget.checked })}
          />
          <TextInput
            size="xs"
            maw={480}
            label={t('settings.sla.weeklyReviewRecipients')}
            placeholder="head@pass24online.ru"
            readOnly={readOnly}
            value={workspace.recipients}
            data-testid="settings-weekly-review-recipients"
            onChange={(e) => setWorkspace({ recipients: e.currentTarget.value })}
          />
          {followed.incoming && (
            <Alert color="yellow" role="status" data-testid="sla-settings-changed">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('settings.sla.changedElsewhere')}</Text>
                <Button size="xs" variant="default" onClick={takeNewValues} data-testid="sla-settings-take">
                  {t('settings.sla.takeNewValues')}
                </Button>
              </Stack>
            </Alert>
          )}
          <ErrorList errors={errors} />
          {saved && errors.length === 0 && (
            <Text size="sm" c="green" data-testid="sla-settings-saved">
              {t('settings.sla.saved')}
            </Text>
          )}
          {!readOnly && (
            <Group>
              <Button type="submit" size="xs" data-testid="sla-settings-save">
                {t('settings.sla.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <CalendarYearImport readOnly={readOnly} current={currentCalendar} versions={calendarVersions} />
      {history.length > 0 && (
        <Stack gap={2} mt="sm" data-testid="sla-settings-history">
          <Title order={6}>{t('settings.sla.history')}</Title>
          {history.map((v) => (
            <Text size="xs" key={`${v.what}-${v.id}`}>
              {t('settings.sla.historyEntry', {
                at: new Date(v.from).toLocaleString(),
                who: v.editedBy,
                what: t(`settings.sla.historyWhat.${v.what}`),
              })}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}
