/** Intake API keys: listed without the key, created per channel (the key shown once), revoked at once. */
import { Badge, Button, Group, NativeSelect, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intakeChannels, type IntakeChannel } from '#shared/protocol.ts';
import { formatDateTime } from '../../i18n/index.ts';
import type { AdminApi } from './adminApi.ts';
import { ConfirmButton, Failure, SecretNotice } from './AdminNotices.tsx';
import { attempt, useAdminList } from './useAdminList.ts';

export function ApiKeysPanel({ admin }: { admin: AdminApi }) {
  const { t } = useTranslation();
  const list = useAdminList(useCallback(() => admin.keys(), [admin]));
  const [channel, setChannel] = useState<IntakeChannel>('email');
  const [secret, setSecret] = useState<{ channel: string; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const channelName = (c: string) =>
    (intakeChannels as readonly string[]).includes(c) ? t(`admin.keys.channels.${c as IntakeChannel}`) : c;

  const run = async <T,>(action: () => Promise<T>, after?: (value: T) => void) => {
    const result = await attempt(action);
    if (!result.ok) return setError(result.message);
    setError(null);
    after?.(result.value);
    await list.reload();
  };

  return (
    <Stack gap="md" data-testid="admin-keys">
      <Failure message={error ?? list.error} />
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
      {list.items?.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.keys.none')}
        </Text>
      ) : (
        <Table striped data-testid="admin-key-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.keys.id')}</Table.Th>
              <Table.Th>{t('admin.keys.channel')}</Table.Th>
              <Table.Th>{t('admin.keys.created')}</Table.Th>
              <Table.Th>{t('admin.keys.state')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('admin.accounts.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.items ?? []).map((k) => (
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
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
