/**
 * Tells the signed-in agent when a client writes again on a ticket assigned to them (the mail
 * that resumed or reopened it): a system notification through the host, and one inside the
 * window with a button to open the ticket. New timeline entries are read from the local
 * database's insert stream, so replicated ones arrive here as soon as sync brings them.
 */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isFollowUpFor, messagePreview } from '#shared/channels/deskNotices.ts';
import type { TicketEvent } from '#shared/schema/eventSchema.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { useHost } from '../../services/hostContext.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useRouteStore } from '../../state/routeStore.ts';

export function FollowUpNotices() {
  const { t } = useTranslation();
  const host = useHost();
  const { db, clock, session } = useWorkspace();
  const agentId = session.agent.id;

  useEffect(() => {
    const since = clock.now();
    const told = new Set<string>();
    const sub = db.events.insert$.subscribe((change) => {
      const event = change.documentData as TicketEvent;
      if (event.kind !== 'client_message' || told.has(event.id)) return;
      void db.tickets
        .findOne(event.ticketId)
        .exec()
        .then((doc) => {
          const ticket = doc ? (doc.toJSON() as Ticket) : null;
          if (!isFollowUpFor(event, ticket, agentId, since) || told.has(event.id)) return;
          told.add(event.id);
          const title = ticket?.number
            ? t('channels.followUp.title', { number: ticket.number })
            : t('channels.followUp.untitled');
          const body = `${event.authorName}: ${messagePreview(event.body)}`;
          void host.notify({ title, body, ticketId: event.ticketId, severity: 'normal' }).catch(() => undefined);
          const id = `follow-up-${event.id}`;
          notifications.show({
            id,
            title,
            color: 'blue',
            autoClose: 15_000,
            'data-testid': 'follow-up-notice',
            message: (
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm">{body}</Text>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => {
                    notifications.hide(id);
                    useRouteStore.getState().openTicket(event.ticketId);
                  }}
                >
                  {t('channels.followUp.open')}
                </Button>
              </Group>
            ),
          });
        })
        .catch((error: unknown) => console.error('follow-up notice', error));
    });
    return () => sub.unsubscribe();
  }, [db, clock, agentId, host, t]);

  return null;
}
