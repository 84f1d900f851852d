/**
 * A client's page, reached from the client card: the organisation with its sites and contacts,
 * every ticket (open, recent, archived: from the endpoint) with its status and SLA outcome, the
 * repeats per site and product over the last four quarters, and a new ticket for this client.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { lastQuarters, repeatsPerSiteAndProduct, slaOutcome } from '#shared/domain/clientHistory.ts';
import type { Client, Ticket } from '#shared/schema/index.ts';
import { formatDate } from '../../i18n/index.ts';
import { openIntakeWith } from '../../services/intakeBus.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { useNow } from '../../state/ticker.ts';
import { useClients } from '../intake/index.ts';
import { CrmLink } from '../../services/CrmLink.tsx';
import { useClientTickets } from './useClientTickets.ts';

const slaColor = { met: 'teal', breached: 'red', open: 'blue' } as const;

function contactsOf(clients: readonly Client[]): Array<Client['contacts'][number] & { where: string }> {
  return clients.flatMap((c) => c.contacts.map((p) => ({ ...p, where: c.name })));
}

export function ClientPage({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const now = useNow();
  const all = useClients(db);
  const org = all.find((c) => c.id === clientId) ?? null;
  const sites = all.filter((c) => c.parentId === clientId);
  const found = useClientTickets(clientId);
  const go = useRouteStore((s) => s.go);
  const openTicket = useRouteStore((s) => s.openTicket);
  const quarters = useMemo(() => lastQuarters(now, 4), [now]);
  const repeats = useMemo(() => repeatsPerSiteAndProduct(found.tickets, quarters), [found.tickets, quarters]);

  const back = () => history.back();
  useHotkeys([['Escape', back]]);
  const open = async (ticket: Ticket) => {
    const local = await db.tickets.findOne(ticket.id).exec();
    if (local) openTicket(ticket.id);
    else go('archive', ticket.id);
  };
  const name = org?.name ?? found.tickets[0]?.organizationName ?? '';
  const newTicket = () =>
    openIntakeWith({ prefill: { organizationName: name, siteName: sites.length === 1 ? sites[0]!.name : '' } });
  const contacts = contactsOf(org ? [org, ...sites] : sites);

  return (
    <ScrollArea h="100%" data-testid="section-clients">
      <Stack p="md" gap="md" maw={1200}>
        <Group justify="space-between">
          <Group gap="sm">
            <Button variant="subtle" leftSection={<IconArrowLeft size={15} />} onClick={back} data-testid="client-back">
              {t('clients.back')}
            </Button>
            <Title order={2} size="h3" data-testid="client-name">
              {name || t('clients.unknown')}
            </Title>
            {org?.inn && (
              <Text size="sm" c="dimmed" data-testid="client-inn">
                {t('clients.inn', { inn: org.inn })}
              </Text>
            )}
            <CrmLink crm={org?.crm ?? null} size="sm" />
          </Group>
          <Button leftSection={<IconPlus size={15} />} onClick={newTicket} data-testid="client-new-ticket">
            {t('clients.newTicket')}
          </Button>
        </Group>
        {org && (org.products.length > 0 || org.notes) && (
          <Text size="sm" c="dimmed">
            {org.products.length > 0 &&
              `${t('clients.products')}: ${org.products.map((p) => t(`common.product.${p}`)).join(', ')}`}
            {org.notes && ` · ${org.notes}`}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="sm">
            <Title order={3} size="h5" mb={6}>
              {t('clients.sites')}
            </Title>
            {sites.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('clients.sitesNone')}
              </Text>
            ) : (
              <Stack gap={4} data-testid="client-sites">
                {sites.map((s) => (
                  <Text key={s.id} size="sm">
                    <b>{s.name}</b>
                    {[s.city, s.address].filter(Boolean).length > 0 && ` · ${[s.city, s.address].filter(Boolean).join(', ')}`}
                  </Text>
                ))}
              </Stack>
            )}
          </Paper>
          <Paper withBorder p="sm">
            <Title order={3} size="h5" mb={6}>
              {t('clients.contacts')}
            </Title>
            {contacts.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('clients.contactsNone')}
              </Text>
            ) : (
              <Stack gap={4} data-testid="client-contacts">
                {contacts.map((c, i) => (
                  <Text key={i} size="sm">
                    {[c.name, c.role, c.phone, c.email].filter(Boolean).join(' · ')}{' '}
                    <Text span c="dimmed" size="xs">
                      ({c.where})
                    </Text>
                  </Text>
                ))}
              </Stack>
            )}
          </Paper>
        </SimpleGrid>

        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb={6}>
            {t('clients.repeats')}
          </Title>
          {repeats.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="client-repeats-none">
              {t('clients.repeatsNone')}
            </Text>
          ) : (
            <Table data-testid="client-repeats">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('clients.columns.site')}</Table.Th>
                  <Table.Th>{t('clients.columns.product')}</Table.Th>
                  {quarters.map((q) => (
                    <Table.Th key={q}>{q}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {repeats.map((r) => (
                  <Table.Tr key={`${r.siteName}|${r.product ?? ''}`}>
                    <Table.Td>{r.siteName}</Table.Td>
                    <Table.Td>{r.product ? t(`common.product.${r.product}`) : t('clients.productNone')}</Table.Td>
                    {r.counts.map((n, i) => (
                      <Table.Td key={quarters[i]} className="tabular">
                        {n}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>

        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb={6}>
            {t('clients.tickets')}
          </Title>
          {found.source === 'local' && (
            <Alert color="yellow" mb="sm" data-testid="client-offline">
              {t('clients.offline')}
            </Alert>
          )}
          {found.error && (
            <Alert color="red" mb="sm">
              {t('clients.failed', { message: found.error })}
            </Alert>
          )}
          {found.loading ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : found.tickets.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('clients.ticketsNone')}
            </Text>
          ) : (
            <Table highlightOnHover data-testid="client-tickets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('clients.columns.number')}</Table.Th>
                  <Table.Th>{t('clients.columns.subject')}</Table.Th>
                  <Table.Th>{t('clients.columns.site')}</Table.Th>
                  <Table.Th>{t('clients.columns.status')}</Table.Th>
                  <Table.Th>{t('clients.columns.sla')}</Table.Th>
                  <Table.Th>{t('clients.columns.created')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {found.tickets.map((ticket) => {
                  const sla = slaOutcome(ticket, now);
                  return (
                    <Table.Tr key={ticket.id} data-testid="client-ticket-row" data-ticket-id={ticket.id}>
                      <Table.Td className="tabular">
                        <Anchor component="button" size="sm" onClick={() => void open(ticket)}>
                          {ticket.number ?? t('common.notSynced')}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={1}>
                          {ticket.subject}
                        </Text>
                      </Table.Td>
                      <Table.Td>{ticket.siteName}</Table.Td>
                      <Table.Td>{t(`common.status.${ticket.status}`)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={slaColor[sla]}>
                          {t(`clients.sla.${sla}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td className="tabular">{formatDate(ticket.createdAt)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
          {found.truncated && (
            <Text size="xs" c="dimmed" mt={6}>
              {t('clients.ticketsMore', { count: found.tickets.length })}
            </Text>
          )}
        </Paper>
      </Stack>
    </ScrollArea>
  );
}
