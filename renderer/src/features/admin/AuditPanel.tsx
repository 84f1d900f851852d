/** The audit trail: who changed which account, key, connector or workspace setting, and when; newest first. */
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions, type AuditAction } from '#shared/adminProtocol.ts';
import { formatDateTime } from '../../i18n/index.ts';
import type { AdminApi } from './adminApi.ts';
import { Failure } from './AdminNotices.tsx';
import { useAdminList } from './useAdminList.ts';

export function AuditPanel({ admin }: { admin: AdminApi }) {
  const { t } = useTranslation();
  const list = useAdminList(useCallback(() => admin.audit(), [admin]));
  const actionName = (a: string) =>
    (auditActions as readonly string[]).includes(a) ? t(`admin.audit.actions.${a as AuditAction}`) : a;
  return (
    <Stack gap="md" data-testid="admin-audit">
      <Failure message={list.error} />
      <Group>
        <Button variant="default" size="xs" onClick={() => void list.reload()} data-testid="admin-audit-reload">
          {t('admin.reload')}
        </Button>
      </Group>
      {list.items?.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.audit.none')}
        </Text>
      ) : (
        <Table striped data-testid="admin-audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.audit.at')}</Table.Th>
              <Table.Th>{t('admin.audit.who')}</Table.Th>
              <Table.Th>{t('admin.audit.action')}</Table.Th>
              <Table.Th>{t('admin.audit.target')}</Table.Th>
              <Table.Th>{t('admin.audit.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.items ?? []).map((e) => (
              <Table.Tr key={e.id} data-testid="admin-audit-row" data-action={e.action}>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{e.actorLogin === 'cli' ? t('admin.audit.cli') : e.actorLogin}</Table.Td>
                <Table.Td>{actionName(e.action)}</Table.Td>
                <Table.Td>{e.target}</Table.Td>
                <Table.Td>{e.detail}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
