/** One escalation request with the head's inline decision: approve with a dev task, or return with a comment. */
import { Anchor, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { waitingAge } from './waitingAge.ts';
import type { Ticket } from '#shared/schema/index.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { useApplyAction } from '../ticket/index.ts';
import { DecisionRow } from './DecisionRow.tsx';

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

  const approve = () => void apply({ type: 'approveEscalation', devTaskRef: devTask });

  return (
    <DecisionRow
      testId="approval"
      rowData={{ 'data-ticket-id': ticket.id }}
      approveLabel={t('approvals.approve')}
      approveTestId="approval-approve"
      fields={
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
      }
      returnLabel={t('approvals.return')}
      returnTitle={t('approvals.returnTitle')}
      size="sm"
      busy={busy}
      error={error}
      onApprove={approve}
      onReturn={(comment) => apply({ type: 'returnEscalation', comment })}
    >
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
    </DecisionRow>
  );
}
