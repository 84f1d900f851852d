/**
 * Import of a production-calendar year: an xmlcalendar XML or JSON file or the official list
 * pasted in; the days that change are shown before the head saves the year.
 */
import { Alert, Button, Group, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarConfig, CalendarYearData } from '#shared/sla/calendarConfig.ts';
import { calendarYearData, createBusinessCalendar } from '#shared/sla/index.ts';
import { diffCalendarYear, importCalendarYear, type CalendarDayChange } from '#shared/sla/calendarYearImport.ts';
import type { VersionedSetting } from '#shared/sla/settingsVersions.ts';
import type { SettingsErrorCode } from '#shared/sla/slaSettings.ts';
import { saveSettingVersion } from '../../db/configRepository.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';

interface Props {
  readOnly: boolean;
  current: CalendarConfig;
  versions: VersionedSetting<CalendarConfig> | null;
}

export function CalendarYearImport({ readOnly, current, versions }: Props) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const [year, setYear] = useState(String(new Date(write.now()).getFullYear() + 1));
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState<SettingsErrorCode | null>(null);
  const [preview, setPreview] = useState<{ data: CalendarYearData; changes: CalendarDayChange[] } | null>(null);
  const [saved, setSaved] = useState(false);
  const cal = createBusinessCalendar(current);
  const years = [...current.years].sort((a, b) => a.year - b.year);

  const check = () => {
    setSaved(false);
    const y = Number(year);
    const result = importCalendarYear(text, y, source || t('settings.calendar.pasted'));
    if (!result.ok) {
      setError(result.errors[0]!.code);
      setPreview(null);
      return;
    }
    setError(null);
    setPreview({ data: result.value, changes: diffCalendarYear(calendarYearData(cal, y), result.value) });
  };

  const save = async () => {
    if (!preview) return;
    const next: CalendarConfig = {
      ...current,
      years: [...current.years.filter((y) => y.year !== preview.data.year), preview.data],
    };
    await saveSettingVersion(db, write, 'calendar', versions, next);
    setPreview(null);
    setText('');
    setSaved(true);
  };

  return (
    <Stack gap="xs" mt="md" data-testid="calendar-settings">
      <Title order={6}>{t('settings.calendar.title')}</Title>
      {years.map((y) => (
        <Text size="xs" key={y.year} data-testid={`calendar-year-${y.year}`}>
          {t('settings.calendar.yearLine', { year: y.year, status: t(`settings.calendar.status.${y.status}`), source: y.source })}
        </Text>
      ))}
      {!readOnly && (
        <>
          <Group gap="xs" align="end">
            <TextInput
              size="xs"
              w={90}
              label={t('settings.calendar.year')}
              value={year}
              data-testid="calendar-import-year"
              onChange={(e) => setYear(e.currentTarget.value)}
            />
            <input
              type="file"
              accept=".xml,.json,.txt"
              aria-label={t('settings.calendar.file')}
              data-testid="calendar-import-file"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (!file) return;
                setSource(file.name);
                void file.text().then(setText);
              }}
            />
          </Group>
          <Textarea
            size="xs"
            autosize
            minRows={3}
            maxRows={10}
            label={t('settings.calendar.paste')}
            value={text}
            data-testid="calendar-import-text"
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={check} data-testid="calendar-import-check">
              {t('settings.calendar.check')}
            </Button>
            {preview && (
              <Button size="xs" onClick={() => void save()} data-testid="calendar-import-save">
                {t('settings.calendar.save', { year: preview.data.year })}
              </Button>
            )}
          </Group>
          {error && (
            <Alert color="red" data-testid="calendar-import-error">
              {t(`settings.sla.errors.${error}`)}
            </Alert>
          )}
          {saved && (
            <Text size="sm" c="green" data-testid="calendar-import-saved">
              {t('settings.calendar.saved')}
            </Text>
          )}
          {preview && (
            <Table withTableBorder data-testid="calendar-import-diff">
              <Table.Tbody>
                {preview.changes.length === 0 && (
                  <Table.Tr>
                    <Table.Td>{t('settings.calendar.noChanges')}</Table.Td>
                  </Table.Tr>
                )}
                {preview.changes.map((c) => (
                  <Table.Tr key={c.date}>
                    <Table.Td>{c.date}</Table.Td>
                    <Table.Td>{t(`settings.calendar.kind.${c.before}`)}</Table.Td>
                    <Table.Td>→ {t(`settings.calendar.kind.${c.after}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
