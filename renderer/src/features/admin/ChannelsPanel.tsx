/**
 * Channel connectors: each with its servers and its health (the endpoint's connector state and
 * the sentence when it fails), enabled or disabled here; a new mailbox checked and added.
 */
import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminApi } from './adminApi.ts';
import { Failure } from './AdminNotices.tsx';
import { NewChannelForm } from './NewChannelForm.tsx';
import { attempt, useAdminList } from './useAdminList.ts';

const stateColours: Record<string, string> = { running: 'teal', failing: 'red', starting: 'blue', standby: 'yellow' };
const knownStates = ['running', 'failing', 'starting', 'stopped', 'standby', 'disabled'] as const;

export function ChannelsPanel({ admin }: { admin: AdminApi }) {
  const { t } = useTranslation();
  const list = useAdminList(useCallback(() => admin.channels(), [admin]));
  const [error, setError] = useState<string | null>(null);
  const stateName = (s: string) =>
    (knownStates as readonly string[]).includes(s) ? t(`admin.channels.states.${s as (typeof knownStates)[number]}`) : s;

  const toggle = async (id: string, enabled: boolean) => {
    const result = await attempt(() => admin.setChannelEnabled(id, enabled));
    setError(result.ok ? null : result.message);
    await list.reload();
  };

  return (
    <Stack gap="md" data-testid="admin-channels">
      <Failure message={error ?? list.error} />
      <NewChannelForm admin={admin} onAdded={() => void list.reload()} />
      <Group>
        <Button variant="default" size="xs" onClick={() => void list.reload()} data-testid="admin-channels-reload">
          {t('admin.reload')}
        </Button>
      </Group>
      {list.items?.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.channels.none')}
        </Text>
      ) : (
        <Table striped data-testid="admin-channel-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.channels.name')}</Table.Th>
              <Table.Th>{t('admin.channels.address')}</Table.Th>
              <Table.Th>{t('admin.channels.servers')}</Table.Th>
              <Table.Th>{t('admin.channels.state')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('admin.accounts.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.items ?? []).map((c) => (
              <Table.Tr key={c.id} data-testid="admin-channel-row" data-state={c.status}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.address}</Table.Td>
                <Table.Td>
                  {c.kind === 'telegram' ? (
                    <Text size="xs">Bot API {c.apiRoot}</Text>
                  ) : c.kind === 'bitrix24' ? (
                    <Text size="xs">{t('admin.channels.portal', { address: c.apiRoot })}</Text>
                  ) : (
                    <>
                      <Text size="xs">IMAP {c.imap}</Text>
                      <Text size="xs">SMTP {c.smtp}</Text>
                    </>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={stateColours[c.status] ?? 'gray'} variant="light">
                    {stateName(c.status)}
                  </Badge>
                  {c.detail && (
                    <Text size="xs" c="dimmed">
                      {c.detail}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => void toggle(c.id, !c.enabled)}>
                    {c.enabled ? t('admin.channels.disable') : t('admin.channels.enable')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
