/** The queue itself: views with counts, the quick filter, and the table of the chosen view. */
import { Stack } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { startOfDayIn, type QueueViewId } from '#shared/domain/queueOrder.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import type { Locale } from '#shared/host.ts';
import { useHost } from '../../services/hostContext.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useConnectionStore } from '../../state/connectionStore.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { markFirstScreen } from '../../state/firstScreen.ts';
import { useSettingsStore } from '../../state/settingsStore.ts';
import { useTickerValue } from '../../state/ticker.ts';
import { QueueCellContextValue, type QueueCellContext } from './queueCellContext.ts';
import {
  defaultQueueColumns,
  isQueueColumnId,
  splitColumnWidths,
  splitQueueColumns,
  type QueueColumnId,
} from './queueColumns.tsx';
import { startQueueMeasure } from './queueMarks.ts';
import { useQueueStore } from './queueStore.ts';
import { QueueTable, type QueueTableApi } from './QueueTable.tsx';
import { QueueToolbar } from './QueueToolbar.tsx';
import { QueueViewTabs } from './QueueViewTabs.tsx';
import { useQueueCommands } from './useQueueCommands.ts';
import { useQueueModel } from './useQueueModel.ts';
import { useAgentNames, useQueueTickets } from './useQueueTickets.ts';

const hourMs = 3_600_000;
const noRows: readonly Ticket[] = [];
const firstPageViews: ReadonlySet<QueueViewId> = new Set(['open', 'burning', 'waiting', 'escalation']);
const saveWidthsAfterMs = 400;

export function QueuePane({ split }: { split: boolean }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const { session } = useWorkspace();
  const [mounted] = useState(() => {
    startQueueMeasure('first-render');
    startQueueMeasure('complete');
    return true;
  });
  // The day boundary is found once an hour; the pane does not re-render on every tick.
  const hour = useTickerValue((now) => Math.floor(now / hourMs));
  const startOfToday = useMemo(() => startOfDayIn(defaultSlaSetup().calendar.timeZone, hour * hourMs), [hour]);
  const { tickets, loaded, complete } = useQueueTickets(startOfToday);
  // The first screen (its rows, or the empty queue) is committed: the start-up's background work may begin.
  useEffect(() => {
    if (loaded) markFirstScreen();
  }, [loaded]);
  // A first sync: the open tickets are still coming, an empty list is not the answer yet (the
  // finished ones come later and are not the queue's).
  const firstPull = useConnectionStore((s) => s.state !== 'offline' && s.state !== 'signed_out' && !s.openTicketsIn);
  const agentNames = useAgentNames();
  const { view, filter, sort, selectedId, setView, setFilter, setSort, select } = useQueueStore();
  const itemId = useRouteStore((s) => s.itemId);
  const model = useQueueModel({ tickets, agentId: session.agent.id, agentNames, startOfToday, view, filter, sort });
  // Before every ticket is loaded only the first page is there: right for the first rows of the
  // views that are prefixes of the open tickets by status, in urgency order; the rest waits.
  const rowsReady = complete || (firstPageViews.has(view) && !filter && (!sort || (sort.column === 'sla' && !sort.desc)));
  const rows = rowsReady ? model.rows : noRows;

  const settings = useSettingsStore((s) => s.settings);
  const chosen = settings.queueColumns.filter(isQueueColumnId);
  const columns: readonly QueueColumnId[] = split ? splitQueueColumns : chosen.length > 0 ? chosen : defaultQueueColumns;
  const [widths, setWidths] = useState<Record<string, number>>(settings.queueColumnWidths);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
    },
    [],
  );
  const changeWidths = useCallback(
    (next: Record<string, number>) => {
      setWidths(next);
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(
        () => void useSettingsStore.getState().update(host, { queueColumnWidths: next }),
        saveWidthsAfterMs,
      );
    },
    [host],
  );
  const keepSplitWidths = useCallback(() => undefined, []);

  // The open ticket is the selected row.
  useEffect(() => {
    if (itemId) select(itemId);
  }, [itemId, select]);

  const tableApi = useRef<QueueTableApi | null>(null);
  const { move, openSelected } = useQueueCommands(rows, tableApi);
  const onFilterKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      openSelected();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (filter) setFilter('');
      else e.currentTarget.blur();
    }
  };

  const locale: Locale = i18n.language === 'en' ? 'en' : 'ru';
  const cellContext = useMemo<QueueCellContext>(
    () => ({ agentNames, startOfToday, compact: split, t, locale }),
    [agentNames, startOfToday, split, t, locale],
  );
  const onRowClick = useMemo(
    () => (ticketId: string) => {
      select(ticketId);
      useRouteStore.getState().openTicket(ticketId);
    },
    [select],
  );

  return (
    <Stack gap={6} h="100%" p="xs" style={{ minHeight: 0 }} data-queue-pane data-mounted={mounted}>
      <QueueViewTabs view={view} counts={complete ? model.counts : null} compact={split} onChange={setView} />
      <QueueToolbar
        filter={filter}
        columns={columns}
        showColumnsMenu={!split}
        shown={rows.length}
        onFilterChange={setFilter}
        onFilterKey={onFilterKey}
        onColumnsChange={(next) => void useSettingsStore.getState().update(host, { queueColumns: next })}
        onResetColumns={() => {
          setWidths({});
          void useSettingsStore.getState().update(host, { queueColumns: [], queueColumnWidths: {} });
        }}
      />
      <div style={{ flex: 1, minHeight: 0 }}>
        <QueueCellContextValue.Provider value={cellContext}>
          <QueueTable
            rows={rows}
            columns={columns}
            widths={split ? splitColumnWidths : widths}
            sort={sort}
            selectedId={selectedId}
            emptyText={
              !complete
                ? t('common.loading')
                : filter
                  ? t('queue.noMatch', { query: filter })
                  : firstPull
                    ? t('queue.firstPull')
                    : t('queue.emptyView')
            }
            apiRef={tableApi}
            onSortChange={setSort}
            // Beside a ticket the widths are fixed; the manager's own widths are for the full queue.
            onWidthsChange={split ? keepSplitWidths : changeWidths}
            onRowClick={onRowClick}
          />
        </QueueCellContextValue.Provider>
      </div>
    </Stack>
  );
}
