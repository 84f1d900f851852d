/**
 * A ticket opened from the archive, read-only: fetched from the endpoint with its whole timeline
 * (the desk may not keep it). A ticket the desk keeps can be opened in the queue to work on; a
 * resolved one reopened where the workflow allows it; any ticket continued as a new linked one.
 */
import { Alert, Badge, Button, Center, Group, Loader, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconLink } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { openIntakeWith } from '../../services/intakeBus.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { keepFetchedTimeline } from '../../db/eventRepository.ts';
import { ApiRequestError } from '../../sync/apiClient.ts';
import { Timeline, useAgentNames, useTicket, useTicketEvents } from '../ticket/index.ts';
import { ArchiveReopen } from './ArchiveReopen.tsx';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; ticket: Ticket; events: TicketEvent[] }
  | { state: 'offline' }
  | { state: 'missing' }
  | { state: 'failed'; message: string };

/** Tickets fetched in this session: opening one again shows it at once, then refreshes it. */
const fetched = new Map<string, { ticket: Ticket; events: TicketEvent[] }>();

export function ArchiveTicket({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { api, db } = useWorkspace();
  const local = useTicket(db, ticketId);
  const localEvents = useTicketEvents(db, ticketId);
  const agentNames = useAgentNames(db);
  const go = useRouteStore((s) => s.go);
  const openTicket = useRouteStore((s) => s.openTicket);
  /** Reopened by the endpoint: the queue opens once sync has brought the ticket here. */
  const [awaitingReturn, setAwaitingReturn] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>(() => {
    const known = fetched.get(ticketId);
    return known ? { state: 'ready', ...known } : { state: 'loading' };
  });

  useEffect(() => {
    const controller = new AbortController();
    api.ticketWithTimeline<Ticket, TicketEvent>(ticketId, controller.signal).then(
      (answer) => {
        fetched.set(ticketId, answer);
        // A ticket the desk keeps keeps its timeline too (what a first sync has not brought yet).
        void keepFetchedTimeline(db, ticketId, answer.events).catch(() => undefined);
        if (!controller.signal.aborted) setLoaded({ state: 'ready', ...answer });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (err instanceof ApiRequestError && err.kind === 'network')
          setLoaded((l) => (l.state === 'ready' ? l : { state: 'offline' }));
        else if (err instanceof ApiRequestError && err.status === 404) setLoaded({ state: 'missing' });
        else setLoaded({ state: 'failed', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => controller.abort();
  }, [api, db, ticketId]);

  useEffect(() => {
    if (awaitingReturn && local && local.status !== 'resolved') openTicket(ticketId);
  }, [awaitingReturn, local, openTicket, ticketId]);

  const back = () => go('archive');
  const newLinked = () => {
    const source = loaded.state === 'ready' ? loaded.ticket : local;
    openIntakeWith({
      repeatOf: ticketId,
      repeatOfNumber: source?.number ?? null,
      prefill: source
        ? { organizationName: source.organizationName, siteName: source.siteName, product: source.product }
        : undefined,
    });
  };
  useHotkeys([['Escape', back]]);

  // Offline, what the desk keeps is still shown.
  const shown =
    loaded.state === 'ready' ? loaded : loaded.state === 'offline' && local ? { ticket: local, events: localEvents } : null;

  return (
    <ScrollArea h="100%" data-testid="archive-ticket" data-state={shown ? 'ready' : loaded.state}>
      <Stack p="md" gap="sm" maw={960}>
        <Group justify="space-between">
          <Button variant="subtle" leftSection={<IconArrowLeft size={15} />} onClick={back} data-testid="archive-back">
            {t('archive.back')}
          </Button>
          <Group gap="xs">
            {local && (
              <Button variant="light" onClick={() => openTicket(ticketId)} data-testid="archive-open-in-queue">
                {t('archive.openInQueue')}
              </Button>
            )}
            <Button leftSection={<IconLink size={15} />} onClick={newLinked} data-testid="archive-new-linked">
              {t('archive.newLinked')}
            </Button>
          </Group>
        </Group>
        {!shown && loaded.state === 'loading' && (
          <Center p="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        )}
        {!shown && loaded.state === 'offline' && <Alert color="yellow">{t('archive.ticketOffline')}</Alert>}
        {loaded.state === 'missing' && <Alert color="gray">{t('archive.ticketMissing')}</Alert>}
        {loaded.state === 'failed' && <Alert color="red">{t('archive.failed', { message: loaded.message })}</Alert>}
        {shown && (
          <>
            <Group gap="sm" align="baseline">
              <Title order={2} size="h3" data-testid="archive-ticket-subject">
                {shown.ticket.number ? `${shown.ticket.number} · ` : ''}
                {shown.ticket.subject}
              </Title>
              <Badge variant="light" data-testid="archive-ticket-status">
                {t(`common.status.${shown.ticket.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {shown.ticket.organizationName}
              {shown.ticket.siteName ? `, ${shown.ticket.siteName}` : ''} · {formatDateTime(shown.ticket.createdAt)}
              {shown.ticket.assigneeId ? ` · ${agentNames.get(shown.ticket.assigneeId) ?? shown.ticket.assigneeId}` : ''}
            </Text>
            <Text size="sm" c="dimmed">
              {local ? t('archive.inWorkingSet') : t('archive.readOnly')}
            </Text>
            {awaitingReturn ? (
              <Alert color="blue" data-testid="archive-reopened">
                {t('archive.reopen.arriving')}
              </Alert>
            ) : (
              <ArchiveReopen
                ticket={local ?? shown.ticket}
                kept={Boolean(local)}
                onReopened={(remote) => (remote ? setAwaitingReturn(true) : openTicket(ticketId))}
              />
            )}
            <Paper withBorder p="sm">
              <Text fw={600} size="sm" mb={4}>
                {t('archive.description')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="archive-ticket-description">
                {shown.ticket.description}
              </Text>
            </Paper>
            <Title order={3} size="h5">
              {t('archive.timeline')}
            </Title>
            <Timeline events={shown.events} agentNames={agentNames} articles={new Map()} />
          </>
        )}
      </Stack>
    </ScrollArea>
  );
}
