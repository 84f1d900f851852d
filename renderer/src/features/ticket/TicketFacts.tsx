/** The ticket's escalation, resolution and feedback, once they exist. */
import { Anchor, Paper, Rating, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KbArticle, Ticket } from '#shared/schema/index.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { useRouteStore } from '../../state/routeStore.ts';

export function TicketFacts({
  ticket,
  agentNames,
  articles,
}: {
  ticket: Ticket;
  agentNames: Map<string, string>;
  articles: Map<string, KbArticle>;
}) {
  const { t } = useTranslation();
  const go = useRouteStore((s) => s.go);
  const esc = ticket.escalation;
  const kbId = ticket.resolution?.kbArticleId ?? '';
  return (
    <>
      {esc.state !== 'none' && (
        <Paper withBorder p="sm" data-testid="escalation-card">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
            {t('ticket.escalation.title')}
          </Text>
          <Stack gap={4}>
            <Text size="sm">
              <Text span c="dimmed" inherit>
                {t('ticket.escalation.reason')}:{' '}
              </Text>
              {esc.reason}
            </Text>
            <Text size="xs" c="dimmed">
              {agentNames.get(esc.requestedBy) ?? esc.requestedBy}
              {esc.requestedAt ? ` · ${formatDateTime(esc.requestedAt)}` : ''}
            </Text>
            {esc.devTaskRef && (
              <Text size="sm" data-testid="escalation-dev-task">
                <Text span c="dimmed" inherit>
                  {t('ticket.escalation.devTask')}:{' '}
                </Text>
                {esc.devTaskRef}
              </Text>
            )}
            {esc.comment && (
              <Text size="sm">
                <Text span c="dimmed" inherit>
                  {t('ticket.escalation.comment')}:{' '}
                </Text>
                {esc.comment}
              </Text>
            )}
          </Stack>
        </Paper>
      )}
      {ticket.resolution && (
        <Paper withBorder p="sm" data-testid="resolution-card">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
            {t('ticket.resolution.title')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {ticket.resolution.summary}
          </Text>
          <Text size="sm" mt={4}>
            <Text span c="dimmed" inherit>
              {t('ticket.resolution.article')}:{' '}
            </Text>
            <Anchor component="button" inherit onClick={() => go('kb', kbId)} data-testid="resolution-article">
              {articles.get(kbId)?.title ?? kbId}
            </Anchor>
          </Text>
          {ticket.csat && (
            <Stack gap={2} mt={6} data-testid="csat-card">
              <Rating value={ticket.csat.score} readOnly size="sm" />
              <Text size="xs" c="dimmed">
                {t('ticket.csatValue', { score: ticket.csat.score })}
              </Text>
              {ticket.csat.comment && <Text size="sm">{ticket.csat.comment}</Text>}
            </Stack>
          )}
        </Paper>
      )}
    </>
  );
}
