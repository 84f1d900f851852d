/** The audit trail: who changed which account, key, connector or workspace setting, and when; newest first. */
import { Table } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions, type AuditAction } from '#shared/adminProtocol.ts';
import { formatDateTime } from '../../i18n/index.ts';
import type { AdminApi } from './adminApi.ts';
import { AdminListPanel } from './AdminListPanel.tsx';
import { useAdminList } from './useAdminList.ts';

export function AuditPanel({ admin }: { admin: AdminApi }) {
  const { t } = useTranslation();
  const list = useAdminList(useCallback(() => admin.audit(), [admin]));
  const actionName = (a: string) =>
    (auditActions as readonly string[]).includes(a) ? t(`admin.audit.actions.${a as AuditAction}`) : a;
  return (
    <AdminListPanel
      testId="admin-audit"
      list={list}
      emptyText={t('admin.audit.none')}
      tableTestId="admin-audit-table"
      columns={[
        t('admin.audit.at'),
        t('admin.audit.who'),
        t('admin.audit.action'),
        t('admin.audit.target'),
        t('admin.audit.detail'),
      ]}
      row={(e) => (
        <Table.Tr key={e.id} data-testid="admin-audit-row" data-action={e.action}>
          <Table.Td>{formatDateTime(e.at)}</Table.Td>
          <Table.Td>{e.actorLogin === 'cli' ? t('admin.audit.cli') : e.actorLogin}</Table.Td>
          <Table.Td>{actionName(e.action)}</Table.Td>
          <Table.Td>{e.target}</Table.Td>
          <Table.Td>{e.detail}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
