/** Intake API keys: listed without the key, created per channel (the key shown once), revoked at once. */
import { Badge, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intakeChannels, type IntakeChannel } from '#shared/protocol.ts';
import { formatDateTime } from '../../i18n/index.ts';
import type { AdminApi } from './adminApi.ts';
import { AdminListPanel } from './AdminListPanel.tsx';
import { ConfirmButton, SecretNotice } from './AdminNotices.tsx';
import { useAdminChanges, useAdminList } from './useAdminList.ts';

export function ApiKeysPanel({ admin }: { admin: AdminApi }) {
  const { t } = useTranslation();
  const list = useAdminList(useCallback(() => admin.keys(), [admin]));
  const { error, run } = useAdminChanges(list);
  const [channel, setChannel] = useState<IntakeChannel>('email');
  const [secret, setSecret] = useState<{ channel: string; key: string } | null>(null);
  const channelName = (c: string) =>
    (intakeChannels as readonly string[]).includes(c) ? t(`admin.keys.channels.${c as IntakeChannel}`) : c;

  return (
    <AdminListPanel
      testId="admin-keys"
      list={list}
      error={error}
      emptyText={t('admin.keys.none')}
      tableTestId="admin-key-table"
      columns={[t('admin.keys.id'), t('admin.keys.channel'), t('admin.keys.created'), t('admin.keys.state')]}
      actionsColumn
      row={(k) => (
        <Table.Tr key={k.id} data-testid="admin-key-row" data-key-id={k.id} data-revoked={k.revokedAt !== null}>
          <Table.Td>
            <Text size="xs" ff="monospace">
              {k.id}
            </Text>
          </Table.Td>
          <Table.Td>{channelName(k.channel)}</Table.Td>
          <Table.Td>{formatDateTime(k.createdAt)}</Table.Td>
          <Table.Td>
            {k.revokedAt === null ? (
              <Badge color="teal" variant="light">
                {t('admin.keys.live')}
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                {t('admin.keys.revokedAt', { at: formatDateTime(k.revokedAt) })}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            {k.revokedAt === null && (
              <ConfirmButton
                label={t('admin.keys.revoke')}
                question={t('admin.keys.revokeConfirm', { id: k.id.slice(0, 8) })}
                color="red"
                onConfirm={() => void run(() => admin.revokeKey(k.id))}
                testId="admin-key-revoke"
              />
            )}
          </Table.Td>
        </Table.Tr>
      )}
    >
      {secret && (
        <SecretNotice
          label={t('admin.keys.newKey', { channel: channelName(secret.channel) })}
          secret={secret.key}
          onClose={() => setSecret(null)}
        />
      )}
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('admin.keys.channel')}
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value as IntakeChannel)}
          data={intakeChannels.map((c) => ({ value: c, label: channelName(c) }))}
          data-testid="admin-key-channel"
        />
        <Button
          onClick={() =>
            void run(
              () => admin.addKey(channel),
              (k) => setSecret({ channel: k.channel, key: k.key }),
            )
          }
          data-testid="admin-key-add"
        >
          {t('admin.keys.add')}
        </Button>
      </Group>
    </AdminListPanel>
  );
}
