/**
 * One ticket, everything the manager needs to work it: header with live SLA timers, the legal
 * moves, client card, description, escalation and resolution, the composer and the timeline.
 * Renders alone or in the right pane of a split (about 860 px wide).
 */
import { Alert, Center, Group, Loader, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { availableActions, mayWorkTicket, type WorkflowActionType } from '#shared/domain/workflow.ts';
import { KbSuggestions } from '../kb/index.ts';
import { LinkClientDialog } from './LinkClientDialog.tsx';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { ActionDialog, isDialogAction, type DialogAction } from './ActionDialog.tsx';
import { ActionsBar } from './ActionsBar.tsx';
import { ClientCard } from './ClientCard.tsx';
import { Composer, type ComposerMode } from './Composer.tsx';
import { EditTicketDialog } from './EditTicketDialog.tsx';
import { TicketFacts } from './TicketFacts.tsx';
import { TicketHeader } from './TicketHeader.tsx';
import { replyRouteOf } from './replyRoute.ts';
import { Timeline } from './Timeline.tsx';
import { useAgentNames, useKbArticles, useTicket, useTicketEvents } from './ticketQueries.ts';
import { useTicketCommands } from './ticketCommands.ts';
import { useFinishedTimeline } from './useFinishedTimeline.ts';
import { useApplyAction } from './useApplyAction.ts';

export function TicketView({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { db, write, api } = useWorkspace();
  const ticket = useTicket(db, ticketId);
  const events = useTicketEvents(db, ticketId);
  const history = useFinishedTimeline(db, api, ticket, events);
  const agentNames = useAgentNames(db);
  const kbIds = events.flatMap((e) => (typeof e.data.kbArticleId === 'string' ? [e.data.kbArticleId] : []));
  if (ticket?.resolution?.kbArticleId) kbIds.push(ticket.resolution.kbArticleId);
  const articles = useKbArticles(db, kbIds);
  const resolutionArticle = ticket?.resolution?.kbArticleId ? articles.get(ticket.resolution.kbArticleId) : undefined;
  const closeItem = useRouteStore((s) => s.closeItem);

  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const [composerMode, setComposerMode] = useState<ComposerMode>('reply');
  const composerRef = useRef<HTMLTextAreaElement | null>(null);
  const [insertion, setInsertion] = useState<{ text: string; seq: number } | null>(null);
  const direct = useApplyAction(ticketId);

  const available: WorkflowActionType[] = ticket ? availableActions(ticket, write.actor) : [];
  const run = (type: WorkflowActionType) => {
    if (isDialogAction(type)) setDialog(type);
    else if (type === 'take' || type === 'clientAnswered') void direct.apply({ type });
  };
  const focusComposer = (mode: ComposerMode) => {
    setComposerMode(mode);
    // After the mode switch renders, so the caret lands in the right box.
    requestAnimationFrame(() => composerRef.current?.focus());
  };
  // A closed ticket is history: it is not edited (a note can still be added); nor is another agent's ticket.
  const editable = ticket ? ticket.status !== 'closed' && mayWorkTicket(ticket, write.actor) : false;
  useTicketCommands(
    available,
    run,
    focusComposer,
    Boolean(ticket) && dialog === null && !editing && !linking,
    editable ? () => setEditing(true) : null,
  );

  if (ticket === undefined) {
    return (
      <Center h="100%" data-testid="ticket-view" data-state="loading">
        <Loader size="sm" aria-label={t('ticket.loading')} />
      </Center>
    );
  }
  if (ticket === null) {
    return (
      <Center h="100%" p="md" data-testid="ticket-view" data-state="missing">
        <Text c="dimmed" size="sm">
          {t('ticket.notFound')}
        </Text>
      </Center>
    );
  }

  const route = replyRouteOf(ticket, events);
  return (
    <ScrollArea h="100%" data-testid="ticket-view" data-state="ready" data-ticket-id={ticket.id}>
      <Stack gap="sm" p="md" maw={1100}>
        <TicketHeader
          ticket={ticket}
          assigneeName={agentNames.get(ticket.assigneeId) ?? ticket.assigneeId}
          onClose={closeItem}
          onEdit={editable ? () => setEditing(true) : undefined}
        />
        <ActionsBar available={available} busy={direct.busy} onAction={run} />
        {direct.error && (
          <Alert color="red" p="xs" withCloseButton onClose={direct.clearError} data-testid="action-error">
            {direct.error}
          </Alert>
        )}
        <ClientCard ticket={ticket} onLink={editable ? () => setLinking(true) : undefined} />
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <Paper withBorder p="sm" style={{ flex: 3, minWidth: 0 }}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
              {t('ticket.description')}
            </Text>
            {ticket.description ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="ticket-description">
                {ticket.description}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('ticket.noDescription')}
              </Text>
            )}
          </Paper>
          <div style={{ flex: 2, minWidth: 0 }}>
            <KbSuggestions
              subject={ticket.subject}
              description={ticket.description}
              product={ticket.product}
              ticket={ticket}
              linkedIds={new Set(kbIds)}
              onLink={available.includes('linkKb') ? (id) => void direct.apply({ type: 'linkKb', kbArticleId: id }) : null}
              onInsert={
                available.includes('reply')
                  ? (text) => {
                      setComposerMode('reply');
                      setInsertion((prev) => ({ text, seq: (prev?.seq ?? 0) + 1 }));
                    }
                  : null
              }
            />
          </div>
        </Group>
        <TicketFacts ticket={ticket} agentNames={agentNames} articles={articles} />
        <Composer
          ticket={ticket}
          events={events}
          article={resolutionArticle ? { title: resolutionArticle.title } : null}
          mode={composerMode}
          onModeChange={setComposerMode}
          canReply={available.includes('reply')}
          canNote={available.includes('note')}
          inputRef={composerRef}
          route={route}
          onLogContact={available.includes('logContact') ? () => setDialog('logContact') : null}
          insertion={insertion}
        />
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" mt="xs">
          {t('ticket.timeline.title')}
        </Text>
        {history === 'fetching' && (
          <Group gap="xs" data-testid="timeline-fetching">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('ticket.timeline.fetching')}
            </Text>
          </Group>
        )}
        {history === 'partOnServer' && (
          <Alert color="yellow" p="xs" data-testid="timeline-part-on-server">
            {t('ticket.timeline.partOnServer')}
          </Alert>
        )}
        <Timeline events={events} agentNames={agentNames} articles={articles} />
      </Stack>
      <ActionDialog ticket={ticket} type={dialog} onClose={() => setDialog(null)} linkedKbId={kbIds.at(-1) ?? ''} />
      <EditTicketDialog ticket={ticket} opened={editing} onClose={() => setEditing(false)} />
      <LinkClientDialog ticket={ticket} fromChat={route.kind === 'telegram'} opened={linking} onClose={() => setLinking(false)} />
    </ScrollArea>
  );
}
