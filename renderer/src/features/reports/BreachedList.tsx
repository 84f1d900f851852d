/** The period's SLA breaches with the reason (late contact, late resolution, still open). */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KpiReport } from '#shared/kpi/index.ts';
import { priorityColor } from '../../services/theme.ts';
import { formatDateTime } from '../../i18n/index.ts';

export function BreachedList({ report, onOpen }: { report: KpiReport; onOpen: (ticketId: string) => void }) {
  const { t } = useTranslation();
  if (report.breached.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="breached-empty">
        {t('reports.breached.empty')}
      </Text>
    );
  }
  return (
    <Table verticalSpacing={4} data-testid="breached-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.breached.ticket')}</Table.Th>
          <Table.Th>{t('reports.breached.priority')}</Table.Th>
          <Table.Th>{t('reports.breached.reason')}</Table.Th>
          <Table.Th>{t('reports.breached.at')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.breached.map((b) => {
          const info = report.tickets[b.ticketId];
          return (
            <Table.Tr key={b.ticketId} data-testid="breached-row">
              <Table.Td>
                <Anchor component="button" size="sm" onClick={() => onOpen(b.ticketId)}>
                  {info?.number ?? b.ticketId}
                </Anchor>{' '}
                <Text span size="sm">
                  {info?.subject}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge size="xs" variant="light" color={priorityColor[b.priority]}>
                  {t(`common.priority.${b.priority}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{b.reasons.map((r) => t(`reports.reason.${r}`)).join(', ')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(b.breachedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
