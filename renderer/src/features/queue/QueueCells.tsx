/** The cells of a queue row. Only the countdown and the age read the shared ticker. */
import { Badge, Group, Text } from '@mantine/core';
import { IconPlayerPause } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '#shared/host.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { priorityColor, stageColor } from '../../app/theme.ts';
import { useNow } from '../../state/ticker.ts';
import { formatDue } from './dueFormat.ts';
import { useQueueCellContext } from './queueCellContext.ts';
import { formatAge, slaDisplayOf } from './slaDisplay.ts';

interface CellProps {
  ticket: Ticket;
}

export function NumberCell({ ticket }: CellProps) {
  const { t } = useTranslation();
  if (ticket.number === null) {
    return <Badge size="xs" variant="outline" color="gray" data-testid="queue-not-synced">{t('common.notSynced')}</Badge>;
  }
  return <Text size="xs" ff="monospace" truncate>{ticket.number}</Text>;
}

export function PriorityCell({ ticket }: CellProps) {
  const { t } = useTranslation();
  const { compact } = useQueueCellContext();
  const label = t(`common.priority.${ticket.priority}`);
  if (compact) {
    return (
      <Badge size="sm" circle variant={ticket.priority === 'emergency' ? 'filled' : 'light'} color={priorityColor[ticket.priority]} title={label}>
        {label.charAt(0)}
      </Badge>
    );
  }
  return (
    <Badge size="xs" radius="sm" variant={ticket.priority === 'emergency' ? 'filled' : 'light'} color={priorityColor[ticket.priority]}>
      {label}
    </Badge>
  );
}

export function SubjectCell({ ticket }: CellProps) {
  return <Text size="sm" truncate fw={ticket.status === 'new' ? 600 : 400}>{ticket.subject}</Text>;
}

export function OrganizationCell({ ticket }: CellProps) {
  return (
    <Text size="xs" truncate>
      {ticket.organizationName}
      {ticket.siteName && <Text span c="dimmed" inherit>{ticket.organizationName ? ' · ' : ''}{ticket.siteName}</Text>}
    </Text>
  );
}

export function StatusCell({ ticket }: CellProps) {
  const { t } = useTranslation();
  return <Text size="xs" truncate>{t(`common.status.${ticket.status}`)}</Text>;
}

export function AssigneeCell({ ticket }: CellProps) {
  const { t } = useTranslation();
  const { agentNames } = useQueueCellContext();
  if (!ticket.assigneeId) return <Text size="xs" c="dimmed" truncate>{t('queue.unassigned')}</Text>;
  return <Text size="xs" truncate>{agentNames.get(ticket.assigneeId) ?? ticket.assigneeId}</Text>;
}

export function ChannelCell({ ticket }: CellProps) {
  const { t } = useTranslation();
  return <Text size="xs" c="dimmed" truncate>{t(`common.channel.${ticket.channel}`)}</Text>;
}

export function AgeCell({ ticket }: CellProps) {
  const { t } = useTranslation();
  const now = useNow();
  return <Text size="xs" c="dimmed">{formatAge(ticket.createdAt, now, t)}</Text>;
}

/** The live countdown: the remaining working time, the due time of day, coloured by stage. */
export function SlaCell({ ticket }: CellProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const { startOfToday } = useQueueCellContext();
  const sla = useMemo(() => slaDisplayOf(ticket, now, t), [ticket, now, t]);
  const due = formatDue(sla.metric.dueAt, startOfToday, i18n.language as Locale);
  const color = stageColor[sla.stage];
  const metricName = t(sla.metric.metric === 'firstContact' ? 'queue.sla.firstContact' : 'queue.sla.resolution');
  return (
    // A plain title, not a Tooltip: this cell re-renders every second in every visible row.
    <Group gap={6} wrap="nowrap" title={t('queue.sla.tooltip', { metric: metricName, due, left: sla.left })} data-testid="sla-countdown" data-stage={sla.stage} data-metric={sla.metric.metric}>
      {sla.stage === 'paused' && <IconPlayerPause size={12} color={`var(--mantine-color-${color}-6)`} />}
        <Text size="xs" fw={sla.stage === 'breached' || sla.stage === 'critical' ? 700 : 500} c={sla.stage === 'met' ? 'dimmed' : `var(--mantine-color-${color}-text)`} truncate data-testid="sla-countdown-text">
          {sla.text}
        </Text>
        {sla.stage !== 'met' && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('queue.sla.dueAt', { time: due })}
          </Text>
        )}
    </Group>
  );
}
