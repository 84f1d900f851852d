/**
 * «Архив»: every ticket on the endpoint, searched as you type (Russian full text, a number finds
 * its ticket) and opened read-only. Offline it searches what this desk keeps and says so.
 */
import { Alert, Button, Group, Loader, ScrollArea, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch, IconWifiOff } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '#shared/schema/index.ts';
import { ticketStatuses, type TicketStatus } from '#shared/vocabulary/enums.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { ArchiveResults } from './ArchiveResults.tsx';
import { ArchiveTicket } from './ArchiveTicket.tsx';
import { useArchiveStore } from './archiveStore.ts';
import { useArchiveSearch } from './useArchiveSearch.ts';

export function ArchiveSection() {
  const itemId = useRouteStore((s) => s.itemId);
  return itemId ? <ArchiveTicket ticketId={itemId} /> : <ArchiveSearch />;
}

function ArchiveSearch() {
  const { t } = useTranslation();
  const { q, status, selected, set } = useArchiveStore();
  const go = useRouteStore((s) => s.go);
  const found = useArchiveSearch({ q, status });
  const open = (ticket: Ticket) => go('archive', ticket.id);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      set({ selected: Math.min(selected + 1, found.tickets.length - 1) });
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      set({ selected: Math.max(selected - 1, 0) });
    } else if (e.key === 'Enter') {
      const ticket = found.tickets[selected];
      if (ticket) open(ticket);
    }
  };
  return (
    <ScrollArea h="100%" data-testid="section-archive">
      <Stack p="md" gap="sm">
        <Title order={2} size="h3">
          {t('archive.title')}
        </Title>
        <Group align="end" gap="sm">
          <TextInput
            flex={1}
            label={t('archive.searchLabel')}
            placeholder={t('archive.searchPlaceholder')}
            leftSection={<IconSearch size={15} />}
            value={q}
            onChange={(e) => set({ q: e.currentTarget.value, selected: 0 })}
            onKeyDown={onKeyDown}
            data-autofocus
            autoFocus
            data-testid="archive-search"
            description={t('archive.keys')}
          />
          <Select
            w={200}
            label={t('archive.statusLabel')}
            placeholder={t('archive.statusAny')}
            clearable
            value={status}
            data={ticketStatuses.map((s) => ({ value: s, label: t(`common.status.${s}`) }))}
            onChange={(v) => set({ status: (v as TicketStatus | null) ?? null, selected: 0 })}
            data-testid="archive-status"
          />
        </Group>
        {found.source === 'local' && (
          <Alert color="yellow" icon={<IconWifiOff size={16} />} data-testid="archive-offline">
            {t('archive.offline')}
          </Alert>
        )}
        {found.error && (
          <Alert color="red" data-testid="archive-error">
            {t('archive.failed', { message: found.error })}
          </Alert>
        )}
        <Group gap="xs" mih={20}>
          {found.loading ? (
            <>
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                {t('archive.searching')}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed" data-testid="archive-count" aria-live="polite">
              {found.tickets.length === 0
                ? t('archive.empty')
                : found.nextCursor
                  ? t('archive.foundMore', { count: found.tickets.length })
                  : t('archive.found', { count: found.tickets.length })}
            </Text>
          )}
        </Group>
        {found.tickets.length > 0 && (
          <ArchiveResults tickets={found.tickets} selected={selected} onSelect={(i) => set({ selected: i })} onOpen={open} />
        )}
        {found.nextCursor && !found.loading && (
          <Button variant="subtle" onClick={found.more} data-testid="archive-more" style={{ alignSelf: 'start' }}>
            {t('archive.more')}
          </Button>
        )}
      </Stack>
    </ScrollArea>
  );
}
