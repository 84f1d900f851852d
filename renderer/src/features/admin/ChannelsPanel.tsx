/**
 * Channel connectors: each with its servers and its health (the endpoint's connector state and
 * the sentence when it fails), enabled or disabled here; a new mailbox checked and added.
 */
import { Alert, Badge, Button, Table, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminApi } from './adminApi.ts';
import { AdminListPanel } from './AdminListPanel.tsx';
import { NewChannelForm } from './NewChannelForm.tsx';
import { useAdminChanges, useAdminList } from './useAdminList.ts';

const stateColours: Record<string, string> = { running: 'teal', failing: 'red', starting: 'blue', standby: 'yellow' };
const knownStates = ['running', 'failing', 'starting', 'stopped', 'standby', 'disabled'] as const;

export function ChannelsPanel({ admin }: { admin: AdminApi }) {
  const { t } = useTranslation();
  const list = useAdminList(useCallback(() => admin.channels(), [admin]));
  const { error, run } = useAdminChanges(list);
  // Switched off, but Telegram could not be told to stop posting to the endpoint (the endpoint's words).
  const [warning, setWarning] = useState('');
  const stateName = (s: string) =>
    (knownStates as readonly string[]).includes(s) ? t(`admin.channels.states.${s as (typeof knownStates)[number]}`) : s;

  return (
    <AdminListPanel
      testId="admin-channels"
      list={list}
      error={error}
      emptyText={t('admin.channels.none')}
      tableTestId="admin-channel-table"
      columns={[t('admin.channels.name'), t('admin.channels.address'), t('admin.channels.servers'), t('admin.channels.state')]}
      actionsColumn
      row={(c) => (
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
            <Button
              size="xs"
              variant="default"
              onClick={() =>
                void run(
                  () => admin.setChannelEnabled(c.id, !c.enabled),
                  (done) => setWarning(done.warning ?? ''),
                )
              }
            >
              {c.enabled ? t('admin.channels.disable') : t('admin.channels.enable')}
            </Button>
          </Table.Td>
        </Table.Tr>
      )}
    >
      {warning && (
        <Alert
          color="yellow"
          role="status"
          data-testid="admin-channel-warning"
          withCloseButton
          closeButtonLabel={t('admin.close')}
          onClose={() => setWarning('')}
        >
          {warning}
        </Alert>
      )}
      <NewChannelForm admin={admin} onAdded={() => void list.reload()} />
    </AdminListPanel>
  );
}
