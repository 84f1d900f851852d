/**
 * «Отчёты»: the KPIs of a period (docs/kpi.md) for the team or one agent (the head chooses; an
 * agent sees their own). Online the endpoint computes over every ticket of the period; offline the
 * desk computes from its working set in a worker and says so. A click on a number lists the
 * tickets behind it (the endpoint's a page at a time, archived ones open from the archive);
 * exports CSV and XLSX; prints as the monthly report.
 */
import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconDownload, IconPrinter, IconWifiOff } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kpiPeriod, presetPeriod, type KpiPreset } from '#shared/kpi/index.ts';
import type { ReportPeriodSetting } from '#shared/host.ts';
import type { Agent } from '#shared/schema/index.ts';
import { dateFieldFormat, parseDateField } from '../../services/datesLocale.ts';
import { useSlaSetup } from '../../services/session/slaSetupStore.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useObservable } from '../../db/useObservable.ts';
import { useHost } from '../../services/hostContext.ts';
import { useConnectionStore } from '../../state/connectionStore.ts';
import { useSettingsStore } from '../../state/settingsStore.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { BehindModal, type BehindList } from './BehindModal.tsx';
import { BreachedList } from './BreachedList.tsx';
import { KpiTable } from './KpiTable.tsx';
import { warmKpiWorker } from './localKpiReport.ts';
import { exportCsv, exportXlsx } from './reportExport.ts';
import classes from './reports.module.css';
import { TrendCharts } from './TrendCharts.tsx';
import { useKpiReport } from './useKpiReport.ts';

type PeriodChoice = KpiPreset | 'custom';

function validPeriod(p: { from: string; to: string }, timeZone: string): boolean {
  try {
    kpiPeriod(p.from, p.to, timeZone);
    return true;
  } catch {
    return false;
  }
}

export function ReportsSection() {
  const { t } = useTranslation();
  const { session, db, api, clock } = useWorkspace();
  const me = session.agent;
  const seesEveryone = me.role === 'head' || me.role === 'admin';
  const online = useConnectionStore((s) => s.state === 'online');
  const timeZone = useSlaSetup().calendar.timeZone;
  const host = useHost();
  // The period chosen last is kept on this desk: a reload or a restart shows the same report.
  const remembered = useSettingsStore.getState().settings.reportPeriod;
  const [choice, setChoiceState] = useState<PeriodChoice>(remembered?.choice ?? 'month');
  const [custom, setCustomState] = useState(() =>
    remembered && validPeriod(remembered, timeZone)
      ? { from: remembered.from, to: remembered.to }
      : presetPeriod('month', timeZone, clock.now()),
  );
  const remember = (next: ReportPeriodSetting) => void useSettingsStore.getState().update(host, { reportPeriod: next });
  const setChoice = (next: PeriodChoice) => {
    setChoiceState(next);
    remember({ choice: next, ...custom });
  };
  const setCustom = (next: { from: string; to: string }) => {
    setCustomState(next);
    remember({ choice, ...next });
  };
  const [agentChoice, setAgentChoice] = useState<string>('');
  const [behind, setBehind] = useState<BehindList | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const openTicket = useRouteStore((s) => s.openTicket);
  const go = useRouteStore((s) => s.go);
  useEffect(warmKpiWorker, []);

  const agentDocs = useObservable(() => db.agents.find().$, [db], []);
  const agents = useMemo(
    () => agentDocs.map((a) => a.toJSON() as Agent).sort((a, b) => a.name.localeCompare(b.name, 'ru')),
    [agentDocs],
  );

  const period = useMemo(
    () => (choice === 'custom' ? custom : presetPeriod(choice, timeZone, clock.now())),
    [choice, custom, timeZone, clock],
  );
  const periodOk = validPeriod(period, timeZone);
  const agent = seesEveryone ? agentChoice || null : me.id;
  const state = useKpiReport(periodOk ? period : null, agent);
  const report = state.status === 'ready' ? state.report : null;

  const show = (title: string, key: string) => setBehind({ title, key });

  return (
    <ScrollArea h="100%" data-testid="section-reports">
      <Stack p="md" gap="md" className={classes.report}>
        <Title order={3} className={classes.noPrint}>
          {t('reports.title')}
        </Title>
        <Title order={3} className={classes.printOnly}>
          {t('reports.printTitle', { from: period.from, to: period.to })}
        </Title>
        <Group gap="sm" align="end" className={classes.noPrint}>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('reports.period.label')}
            </Text>
            <SegmentedControl
              value={choice}
              onChange={(v) => setChoice(v as PeriodChoice)}
              data={(['thisWeek', 'lastWeek', 'month', 'quarter', 'custom'] as const).map((v) => ({
                value: v,
                label: t(`reports.period.${v}`),
              }))}
              data-testid="report-period"
            />
          </Stack>
          {choice === 'custom' && (
            <>
              <DateInput
                label={t('reports.period.from')}
                value={custom.from}
                onChange={(v) => v && setCustom({ ...custom, from: v })}
                valueFormat={dateFieldFormat}
                dateParser={parseDateField}
                placeholder={t('reports.period.placeholder')}
                error={!periodOk}
                data-testid="report-from"
              />
              <DateInput
                label={t('reports.period.to')}
                value={custom.to}
                onChange={(v) => v && setCustom({ ...custom, to: v })}
                valueFormat={dateFieldFormat}
                dateParser={parseDateField}
                placeholder={t('reports.period.placeholder')}
                error={!periodOk}
                data-testid="report-to"
              />
            </>
          )}
          {seesEveryone ? (
            <Select
              label={t('reports.scope.label')}
              value={agentChoice}
              onChange={(v) => setAgentChoice(v ?? '')}
              data={[{ value: '', label: t('reports.scope.team') }, ...agents.map((a) => ({ value: a.id, label: a.name }))]}
              allowDeselect={false}
              data-testid="report-agent"
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('reports.agentOnly')}
            </Text>
          )}
          <Group gap="xs" ml="auto">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              disabled={!report}
              onClick={() => {
                setExportError(null);
                if (report)
                  exportCsv(api, report, state.status === 'ready' && state.source === 'server').catch((e: unknown) =>
                    setExportError(e instanceof Error ? e.message : String(e)),
                  );
              }}
              data-testid="export-csv"
            >
              {t('reports.export.csv')}
            </Button>
            <Tooltip label={t('reports.export.xlsxOffline')} disabled={online}>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                disabled={!report || !online}
                onClick={() => {
                  setExportError(null);
                  if (report)
                    exportXlsx(api, report).catch((e: unknown) => setExportError(e instanceof Error ? e.message : String(e)));
                }}
                data-testid="export-xlsx"
              >
                {t('reports.export.xlsx')}
              </Button>
            </Tooltip>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              disabled={!report}
              onClick={() => window.print()}
              data-testid="report-print"
            >
              {t('reports.export.print')}
            </Button>
          </Group>
        </Group>
        {exportError && (
          <Alert color="red" className={classes.noPrint}>
            {t('reports.source.failed', { message: exportError })}
          </Alert>
        )}
        {state.status === 'loading' && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('reports.source.loading')}</Text>
          </Group>
        )}
        {state.status === 'error' && (
          <Alert color="red" data-testid="report-error">
            {t('reports.source.failed', { message: state.message })}
          </Alert>
        )}
        {state.status === 'ready' && (
          <>
            {state.source === 'local' ? (
              <Alert color="yellow" icon={<IconWifiOff size={16} />} data-testid="report-source-local">
                {t('reports.source.local')}
              </Alert>
            ) : (
              <Text size="xs" c="dimmed" data-testid="report-source-server">
                {t('reports.source.server')}
              </Text>
            )}
            <Paper withBorder p="sm" className={classes.section}>
              <KpiTable report={state.report} onShow={show} />
            </Paper>
            <Paper withBorder p="sm" className={classes.section}>
              <Title order={5} mb="xs">
                {t('reports.trend.title')}
              </Title>
              <TrendCharts report={state.report} />
            </Paper>
            <Paper withBorder p="sm" className={classes.section}>
              <Title order={5} mb="xs">
                {t('reports.breached.title')}
              </Title>
              <BreachedList report={state.report} onOpen={(id) => setBehind({ title: t('reports.breached.title'), ids: [id] })} />
            </Paper>
            <BehindModal
              report={state.report}
              list={behind}
              onClose={() => setBehind(null)}
              onOpen={(id, here) => {
                setBehind(null);
                if (here) openTicket(id);
                else go('archive', id);
              }}
            />
          </>
        )}
      </Stack>
    </ScrollArea>
  );
}
