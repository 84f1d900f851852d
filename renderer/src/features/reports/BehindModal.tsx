/**
 * The tickets behind a number. A ticket in the local working set opens in the queue; one that is
 * not here (archived on the server) cannot be opened from the desk yet, and the list says so.
 */
import { Anchor, Badge, Modal, ScrollArea, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiReport } from '#shared/kpi/index.ts';
import { priorityColor } from '../../services/theme.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { presentLocally } from './localKpiReport.ts';

export interface BehindList {
  figure: string;
  ids: readonly string[];
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
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const [found, setFound] = useState<{ list: BehindList; present: Set<string> } | null>(null);
  const present = found !== null && found.list === list ? found.present : null;
  useEffect(() => {
    if (list === null) return;
    let cancelled = false;
    void presentLocally(db, list.ids).then((set) => {
      if (!cancelled) setFound({ list, present: set });
    });
    return () => {
      cancelled = true;
    };
  }, [db, list]);

  return (
    <Modal
      opened={list !== null}
      onClose={onClose}
      size="xl"
      title={list ? t('reports.behind.title', { figure: list.figure }) : ''}
      data-testid="kpi-behind"
    >
      {list !== null && list.ids.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reports.behind.empty')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah="70vh">
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {list?.ids.map((id) => {
                const info = report.tickets[id];
                const here = present?.has(id) ?? true;
                return (
                  <Table.Tr key={id} data-testid="behind-row">
                    <Table.Td>
                      {here ? (
                        <Anchor component="button" size="sm" onClick={() => onOpen(id)}>
                          {info?.number ?? id}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed" title={t('reports.behind.archived')}>
                          {info?.number ?? id}
                        </Text>
                      )}
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
    </Modal>
  );
}
