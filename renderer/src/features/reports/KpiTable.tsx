/** The KPI table: value, basis, target and verdict; a click on a value lists the tickets behind it. */
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KpiReport } from '#shared/kpi/index.ts';
import { kpiTableRows } from './kpiRows.ts';
import { VerdictMark } from './VerdictMark.tsx';

export function KpiTable({ report, onShow }: { report: KpiReport; onShow: (figure: string, list: string) => void }) {
  const { t } = useTranslation();
  const rows = kpiTableRows(report, t);
  return (
    <Table verticalSpacing={6} striped data-testid="kpi-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.table.kpi')}</Table.Th>
          <Table.Th>{t('reports.table.value')}</Table.Th>
          <Table.Th>{t('reports.table.basis')}</Table.Th>
          <Table.Th>{t('reports.table.target')}</Table.Th>
          <Table.Th>{t('reports.table.verdict')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} data-testid={`kpi-row-${row.id}`}>
            <Table.Td>
              <Text size="sm">{row.label}</Text>
            </Table.Td>
            <Table.Td>
              <Anchor
                component="button"
                size="sm"
                fw={700}
                onClick={() => onShow(row.label, row.list)}
                data-testid={`kpi-value-${row.id}`}
              >
                {row.value}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {row.basis}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{row.target}</Text>
            </Table.Td>
            <Table.Td>
              {row.judged ? (
                <VerdictMark verdict={row.verdict} />
              ) : (
                <Text size="xs" c="dimmed">
                  {t('reports.verdict.info')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
