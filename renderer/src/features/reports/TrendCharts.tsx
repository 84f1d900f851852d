/** The weekly trend: SLA met per priority (%) and the tickets created, per ISO week of the period. */
import { BarChart, LineChart } from '@mantine/charts';
import '@mantine/charts/styles.layer.css';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KpiReport } from '#shared/kpi/index.ts';

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export function TrendCharts({ report }: { report: KpiReport }) {
  const { t } = useTranslation();
  const data = report.weeks.map((w) => ({
    week: w.week.slice(5).split('-').reverse().join('.'),
    emergency: percent(w.sla.emergency.rate),
    standard: percent(w.sla.standard.rate),
    consultation: percent(w.sla.consultation.rate),
    all: percent(w.sla.all.rate),
    volume: w.volume,
  }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="kpi-trend">
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('reports.trend.sla')}
        </Text>
        <LineChart
          h={220}
          data={data}
          dataKey="week"
          yAxisProps={{ domain: [0, 100] }}
          connectNulls
          withLegend
          series={[
            { name: 'all', label: t('reports.trend.all'), color: 'dark.6' },
            { name: 'emergency', label: t('common.priority.emergency'), color: 'red.6' },
            { name: 'standard', label: t('common.priority.standard'), color: 'indigo.6' },
            { name: 'consultation', label: t('common.priority.consultation'), color: 'gray.6' },
          ]}
          referenceLines={[{ y: 95, label: '95 %', color: 'green.7' }]}
        />
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('reports.trend.volume')}
        </Text>
        <BarChart
          h={220}
          data={data}
          dataKey="week"
          series={[{ name: 'volume', label: t('reports.trend.volume'), color: 'indigo.5' }]}
        />
      </Stack>
    </SimpleGrid>
  );
}
