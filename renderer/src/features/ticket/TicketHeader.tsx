/** The ticket's head: number (or "not yet synced"), subject, priority, type, status, assignee, SLA timers. */
import { ActionIcon, Badge, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '#shared/schema/index.ts';
import { priorityColor } from '../../services/theme.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { shortcutLabel } from '../../services/commands.ts';
import { SlaTimers } from './SlaTimers.tsx';
import { editShortcut } from './ticketCommands.ts';

const statusColor: Record<Ticket['status'], string> = {
  new: 'blue',
  in_progress: 'indigo',
  waiting_client: 'cyan',
  escalation_requested: 'grape',
  escalated: 'violet',
  resolved: 'teal',
  closed: 'gray',
};

export function TicketHeader({
  ticket,
  assigneeName,
  onClose,
  onEdit,
}: {
  ticket: Ticket;
  assigneeName: string;
  onClose?: () => void;
  onEdit?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={8} data-testid="ticket-header">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            {ticket.number ? (
              <Text ff="monospace" fw={700} size="sm" data-testid="ticket-number">
                № {ticket.number}
              </Text>
            ) : (
              <Badge color="gray" variant="outline" size="sm" data-testid="ticket-not-synced">
                {t('common.notSynced')}
              </Badge>
            )}
            <Badge
              color={priorityColor[ticket.priority]}
              variant={ticket.priority === 'emergency' ? 'filled' : 'light'}
              size="sm"
              data-testid="ticket-priority"
            >
              {t(`common.priority.${ticket.priority}`)}
            </Badge>
            <Badge color="gray" variant="light" size="sm" data-testid="ticket-type">
              {t(`common.type.${ticket.type}`)}
            </Badge>
            <Badge
              color={statusColor[ticket.status]}
              variant="dot"
              size="sm"
              data-testid="ticket-status"
              data-status={ticket.status}
            >
              {t(`common.status.${ticket.status}`)}
            </Badge>
          </Group>
          <Title order={4} style={{ wordBreak: 'break-word' }} data-testid="ticket-subject">
            {ticket.subject}
          </Title>
          <Text size="xs" c="dimmed">
            {t('ticket.createdAt')} {formatDateTime(ticket.createdAt)} · {t('ticket.channel')}:{' '}
            {t(`common.channel.${ticket.channel}`)}
            {ticket.product ? ` · ${t(`common.product.${ticket.product}`)}` : ''} · {t('ticket.assignee')}:{' '}
            <Text
              span
              inherit
              c={assigneeName ? undefined : 'dimmed'}
              fw={assigneeName ? 600 : undefined}
              data-testid="ticket-assignee"
            >
              {assigneeName || t('ticket.unassigned')}
            </Text>
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          {onEdit && (
            <Tooltip label={`${t('ticket.edit.title')} (${shortcutLabel(editShortcut)})`}>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={onEdit}
                aria-label={t('ticket.edit.title')}
                data-testid="ticket-edit"
              >
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          {onClose && (
            <Tooltip label={t('ticket.close')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={onClose}
                aria-label={t('ticket.close')}
                data-testid="ticket-close"
              >
                <IconX size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
      <SlaTimers ticket={ticket} />
    </Stack>
  );
}
