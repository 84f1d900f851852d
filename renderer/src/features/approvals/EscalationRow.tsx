/** One escalation request with the head's inline decision: approve with a dev task, or return with a comment. */
import { Alert, Anchor, Button, Group, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { waitingAge } from './waitingAge.ts';
import type { Ticket } from '#shared/schema/index.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { useApplyAction } from '../ticket/index.ts';

export function useAgeText(): (since: number | null, now: number) => string {
  const { t } = useTranslation();
  return (since, now) => {
    if (since === null) return '—';
    const age = waitingAge(since, now);
    return age.unit === 'lessThanMinute' ? t('approvals.ageLessThanMinute') : t(`common.${age.unit}`, { count: age.count });
  };
}

export function EscalationRow({ ticket, requester, now }: { ticket: Ticket; requester: string; now: number }) {
  const { t } = useTranslation();
  const openTicket = useRouteStore((s) => s.openTicket);
  const ageText = useAgeText();
  const { busy, error, apply } = useApplyAction(ticket.id);
  const [devTask, setDevTask] = useState('');
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');

  const approve = () => void apply({ type: 'approveEscalation', devTaskRef: devTask });
  const giveBack = async () => {
    if (await apply({ type: 'returnEscalation', comment })) setReturning(false);
  };

  return (
    <Table.Tr data-testid="approval-row" data-ticket-id={ticket.id}>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Anchor component="button" size="sm" fw={600} onClick={() => openTicket(ticket.id)} data-testid="approval-open">
          {ticket.number ?? t('approvals.notSynced')}
        </Anchor>
        <Text size="xs" lineClamp={2}>
          {ticket.subject}
        </Text>
        <Text size="xs" c="dimmed">
          {ticket.organizationName}
        </Text>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="approval-reason">
          {ticket.escalation.reason}
        </Text>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Text size="sm">{requester}</Text>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
        <Text size="sm" data-testid="approval-age">
          {ageText(ticket.escalation.requestedAt, now)}
        </Text>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top', minWidth: 280 }}>
        <Stack gap={6}>
          <Group gap={6} wrap="nowrap">
            <TextInput
              placeholder={t('approvals.devTaskPlaceholder')}
              aria-label={t('approvals.devTask')}
              value={devTask}
              onChange={(e) => setDevTask(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') approve();
              }}
              style={{ flex: 1 }}
              data-testid="approval-dev-task"
            />
            <Button onClick={approve} loading={busy} data-testid="approval-approve">
              {t('approvals.approve')}
            </Button>
            <Button
              variant="default"
              color="red"
              onClick={() => setReturning(true)}
              disabled={busy}
              data-testid="approval-return"
            >
              {t('approvals.return')}
            </Button>
          </Group>
          {error && !returning && (
            <Alert color="red" p={6} data-testid="approval-error">
              {error}
            </Alert>
          )}
        </Stack>
        <Modal opened={returning} onClose={() => setReturning(false)} title={t('approvals.returnTitle')}>
          <Stack gap="sm">
            <Textarea
              label={t('approvals.comment')}
              withAsterisk
              autosize
              minRows={3}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              data-autofocus
              data-testid="approval-return-comment"
            />
            {error && (
              <Alert color="red" p={6}>
                {error}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setReturning(false)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={() => void giveBack()} loading={busy} data-testid="approval-return-submit">
                {t('approvals.return')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Table.Td>
    </Table.Tr>
  );
}
