/**
 * The tickets behind a number, a page at a time. A ticket in the local working set opens in the
 * queue; one that is not here (archived on the server) opens read-only from the archive.
 */
import { Anchor, Badge, Button, Group, Loader, Modal, ScrollArea, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiReport } from '#shared/kpi/index.ts';
import { priorityColor } from '../../services/theme.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { presentLocally } from './localKpiReport.ts';
import { useBehindTickets, type BehindList, type BehindRow } from './useBehindTickets.ts';

export type { BehindList } from './useBehindTickets.ts';

/** Which of the rows are in the local working set (null until known). */
function usePresent(rows: readonly BehindRow[]): Set<string> | null {
  const { db } = useWorkspace();
  const [found, setFound] = useState<{ rows: readonly BehindRow[]; present: Set<string> } | null>(null);
  useEffect(() => {
    if (rows.length === 0) return;
    let cancelled = false;
    void presentLocally(
      db,
      rows.map((r) => r.id),
    ).then((present) => {
      if (!cancelled) setFound({ rows, present });
    });
    return () => {
      cancelled = true;
    };
  }, [db, rows]);
  return found !== null && found.rows === rows ? found.present : null;
}

export function BehindModal({
  report,
  list,
  onClose,
  onOpen,
}: {
  report: KpiReport;
  list: BehindList | null;
  onClose: () => void;
  /** `here`: the ticket is in the local working set (else it opens from the archive). */
  onOpen: (id: string, here: boolean) => void;
}) {
  const { t } = useTranslation();
  const { state, more } = useBehindTickets(report, list);
  const present = usePresent(state.rows);

  return (
    <Modal
      opened={list !== null}
      onClose={onClose}
      size="xl"
      title={list ? t('reports.behind.title', { figure: list.title }) : ''}
      data-testid="kpi-behind"
    >
      {state.status === 'ready' && state.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.behind.empty')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah="70vh">
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {state.rows.map(({ id, info }) => {
                const here = present?.has(id) ?? true;
                return (
                  <Table.Tr key={id} data-testid="behind-row" data-ticket-id={id}>
                    <Table.Td>
                      <Anchor
                        component="button"
                        size="sm"
                        c={here ? undefined : 'dimmed'}
                        title={here ? undefined : t('reports.behind.archived')}
                        onClick={() => onOpen(id, here)}
                      >
                        {info?.number ?? id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{info?.subject}</Text>
                      {!here && (
                        <Text size="xs" c="dimmed" data-testid="behind-archived">
                          {t('reports.behind.archived')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {info && (
                        <Badge size="xs" variant="light" color={priorityColor[info.priority]}>
                          {t(`common.priority.${info.priority}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{info ? formatDateTime(info.createdAt) : ''}</Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      <Group gap="sm" mt="sm">
        {state.total !== null && state.total > 0 && (
          <Text size="sm" c="dimmed" data-testid="behind-shown">
            {t('reports.behind.shown', { shown: state.rows.length, total: state.total })}
          </Text>
        )}
        {state.status === 'loading' && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('reports.behind.loading')}</Text>
          </Group>
        )}
        {state.status === 'error' && (
          <Text size="sm" c="red" data-testid="behind-error">
            {t('reports.behind.failed', { message: state.message })}
          </Text>
        )}
        {state.status === 'ready' && state.rows.length < state.total && (
          <Button variant="default" size="xs" onClick={more} data-testid="behind-more">
            {t('reports.behind.more')}
          </Button>
        )}
      </Group>
    </Modal>
  );
}
