/**
 * Согласования (head of department): escalation requests to decide, article drafts to publish or
 * send back, and open improvement requests.
 */
import { Anchor, Badge, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { priorityColor } from '../../services/theme.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { useNow } from '../../state/ticker.ts';
import { useAgentNames } from '../ticket/index.ts';
import { useEscalationRequests, useKbDraftsAwaiting, useOpenImprovements } from './approvalQueries.ts';
import { KbDraftRow } from './KbDraftRow.tsx';
import { EscalationRow } from './EscalationRow.tsx';

export function ApprovalsSection() {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const now = useNow();
  const requests = useEscalationRequests(db);
  const improvements = useOpenImprovements(db);
  const drafts = useKbDraftsAwaiting(db);
  const agentNames = useAgentNames(db);
  const openTicket = useRouteStore((s) => s.openTicket);

  return (
    <ScrollArea h="100%" data-testid="section-approvals">
      <Stack p="md" gap="md">
        <Title order={3}>{t('approvals.title')}</Title>
        <Paper withBorder>
          <Text fw={700} size="sm" px="sm" pt="sm" pb={6}>
            {t('approvals.escalations')}{' '}
            <Badge size="sm" variant="light" ml={4} data-testid="approvals-count">
              {requests.length}
            </Badge>
          </Text>
          {requests.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" pb="sm" data-testid="approvals-empty">
              {t('approvals.escalationsEmpty')}
            </Text>
          ) : (
            <Table verticalSpacing={6} data-testid="approvals-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('approvals.columns.ticket')}</Table.Th>
                  <Table.Th>{t('approvals.columns.reason')}</Table.Th>
                  <Table.Th>{t('approvals.columns.requester')}</Table.Th>
                  <Table.Th>{t('approvals.columns.age')}</Table.Th>
                  <Table.Th>{t('approvals.columns.decision')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {requests.map((ticket) => (
                  <EscalationRow
                    key={ticket.id}
                    ticket={ticket}
                    requester={agentNames.get(ticket.escalation.requestedBy) ?? ticket.escalation.requestedBy}
                    now={now}
                  />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder>
          <Text fw={700} size="sm" px="sm" pt="sm" pb={6}>
            {t('approvals.kbDrafts')}{' '}
            <Badge size="sm" variant="light" ml={4} data-testid="kb-drafts-count">
              {drafts.length}
            </Badge>
          </Text>
          {drafts.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" pb="sm" data-testid="kb-drafts-empty">
              {t('approvals.kbDraftsEmpty')}
            </Text>
          ) : (
            <Table verticalSpacing={6} data-testid="kb-drafts-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('approvals.columns.article')}</Table.Th>
                  <Table.Th>{t('approvals.columns.author')}</Table.Th>
                  <Table.Th>{t('approvals.columns.edited')}</Table.Th>
                  <Table.Th>{t('approvals.columns.decision')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {drafts.map((article) => (
                  <KbDraftRow
                    key={article.id}
                    article={article}
                    author={agentNames.get(article.createdBy) ?? article.createdBy}
                  />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder>
          <Text fw={700} size="sm" px="sm" pt="sm" pb={6}>
            {t('approvals.improvements')}{' '}
            <Badge size="sm" variant="light" color="gray" ml={4}>
              {improvements.length}
            </Badge>
          </Text>
          {improvements.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" pb="sm">
              {t('approvals.improvementsEmpty')}
            </Text>
          ) : (
            <Table verticalSpacing={4} highlightOnHover data-testid="improvements-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('approvals.columns.ticket')}</Table.Th>
                  <Table.Th>{t('approvals.columns.client')}</Table.Th>
                  <Table.Th>{t('approvals.columns.status')}</Table.Th>
                  <Table.Th>{t('approvals.columns.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {improvements.map((ticket) => (
                  <Table.Tr key={ticket.id} data-testid="improvement-row">
                    <Table.Td>
                      <Anchor component="button" size="sm" onClick={() => openTicket(ticket.id)}>
                        {ticket.number ?? t('approvals.notSynced')}
                      </Anchor>{' '}
                      <Text span size="sm">
                        {ticket.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ticket.organizationName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="xs" variant="light" color={priorityColor[ticket.priority]}>
                        {t(`common.status.${ticket.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(ticket.createdAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
    </ScrollArea>
  );
}
