/**
 * The shell every list of the admin's console shares: the failure in words, what the panel puts
 * above its list (forms, notices), «Обновить», then the empty text or the table of rows.
 */
import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Failure } from './AdminNotices.tsx';
import type { AdminList } from './useAdminList.ts';

export interface AdminListPanelProps<T> {
  /** The panel's test id; its «Обновить» is `<testId>-reload`. */
  testId: string;
  list: AdminList<T>;
  /** The last change's failure, shown in place of the list's own. */
  error?: string | null;
  emptyText: string;
  tableTestId: string;
  /** The columns' headers. */
  columns: readonly string[];
  /** A last column for each row's buttons, its header for screen readers only. */
  actionsColumn?: boolean;
  /** One item's row (a Table.Tr with its key). */
  row: (item: T) => ReactNode;
  highlightOnHover?: boolean;
  /** Forms and notices above the list. */
  children?: ReactNode;
}

export function AdminListPanel<T>(props: AdminListPanelProps<T>) {
  const { t } = useTranslation();
  const { list } = props;
  return (
    <Stack gap="md" data-testid={props.testId}>
      <Failure message={props.error ?? list.error} />
      {props.children}
      <Group>
        <Button variant="default" size="xs" onClick={() => void list.reload()} data-testid={`${props.testId}-reload`}>
          {t('admin.reload')}
        </Button>
      </Group>
      {list.items?.length === 0 ? (
        <Text size="sm" c="dimmed">
          {props.emptyText}
        </Text>
      ) : (
        <Table striped highlightOnHover={props.highlightOnHover ?? false} data-testid={props.tableTestId}>
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
              {props.actionsColumn && (
                <Table.Th>
                  <VisuallyHidden>{t('admin.accounts.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{(list.items ?? []).map(props.row)}</Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
