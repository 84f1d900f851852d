/**
 * Who the ticket is for: organisation, site and the contact, with call and mail links via the host,
 * and the organisation's company in the CRM when the directory links one.
 */
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '#shared/schema/index.ts';
import { useHost } from '../../services/hostContext.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { CrmLink, useCrmLinkOf } from '../../services/CrmLink.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }} component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** `onLink` opens the link to a client of the directory; absent where the manager may not edit the ticket. */
export function ClientCard({ ticket, onLink }: { ticket: Ticket; onLink?: () => void }) {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const crm = useCrmLinkOf(db, ticket.clientId);
  const host = useHost();
  const go = useRouteStore((s) => s.go);
  const none = (
    <Text span c="dimmed" inherit>
      {t('ticket.client.none')}
    </Text>
  );
  const link = (href: string, text: string, testId: string) => (
    <Anchor
      href={href}
      inherit
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        void host.openExternal(href);
      }}
    >
      {text}
    </Anchor>
  );
  const c = ticket.contact;
  return (
    <Paper withBorder p="sm" data-testid="client-card">
      <Group justify="space-between" mb={6}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {t('ticket.client.title')}
        </Text>
        <Group gap="sm">
          <CrmLink crm={crm} />
          {onLink && (
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconLink size={12} />}
              onClick={onLink}
              data-testid="client-link"
            >
              {t(ticket.clientId ? 'ticket.link.change' : 'ticket.link.open')}
            </Button>
          )}
          {ticket.clientId && (
            <Anchor component="button" size="xs" onClick={() => go('clients', ticket.clientId)} data-testid="client-page-link">
              {t('clients.open')}
            </Anchor>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2 }} spacing="sm" verticalSpacing={6}>
        <Field label={t('ticket.client.organization')}>{ticket.organizationName || none}</Field>
        <Field label={t('ticket.client.site')}>{ticket.siteName || none}</Field>
        <Field label={t('ticket.client.contact')}>{c.name || none}</Field>
        <Field label={t('ticket.client.phone')}>
          {c.phone ? link(`tel:${c.phone.replace(/[^\d+]/g, '')}`, c.phone, 'client-phone') : none}
        </Field>
        <Field label={t('ticket.client.email')}>{c.email ? link(`mailto:${c.email}`, c.email, 'client-email') : none}</Field>
        <Field label={t('ticket.client.messenger')}>{c.messenger || none}</Field>
      </SimpleGrid>
    </Paper>
  );
}
