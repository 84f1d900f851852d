/** Tickets found in the archive, as a table: the arrows pick a row, Enter (or a click) opens it. */
import { Badge, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '#shared/schema/index.ts';
import { formatDate } from '../../i18n/index.ts';

export function ArchiveResults({
  tickets,
  selected,
  onSelect,
  onOpen,
  testId = 'archive-results',
}: {
  tickets: readonly Ticket[];
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (ticket: Ticket) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    body.current?.querySelector(`[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <Table highlightOnHover verticalSpacing={6} data-testid={testId} aria-label={t('archive.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('archive.columns.number')}</Table.Th>
          <Table.Th>{t('archive.columns.subject')}</Table.Th>
          <Table.Th>{t('archive.columns.client')}</Table.Th>
          <Table.Th>{t('archive.columns.status')}</Table.Th>
          <Table.Th>{t('archive.columns.created')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody ref={body}>
        {tickets.map((ticket, i) => (
          <Table.Tr
            key={ticket.id}
            data-index={i}
            data-testid="archive-row"
            data-ticket-id={ticket.id}
            aria-selected={i === selected}
            bg={i === selected ? 'var(--mantine-primary-color-light)' : undefined}
            style={{ cursor: 'pointer' }}
            onMouseEnter={() => onSelect(i)}
            onClick={() => onOpen(ticket)}
          >
            <Table.Td className="tabular">{ticket.number ?? t('common.notSynced')}</Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={1}>
                {ticket.subject}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={1}>
                {ticket.organizationName}
                {ticket.siteName ? `, ${ticket.siteName}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={ticket.status === 'closed' || ticket.status === 'resolved' ? 'gray' : 'blue'}>
                {t(`common.status.${ticket.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td className="tabular">{formatDate(ticket.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
