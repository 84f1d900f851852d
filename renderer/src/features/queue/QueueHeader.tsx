/**
 * The queue's header row: TanStack Table for the column order, visibility, widths and resizing,
 * and the sort buttons. Its own memoised component: scrolling and filtering re-render the body
 * only.
 */
import { Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnSizingState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueSort } from '#shared/domain/queueOrder.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { isQueueColumnId, queueColumnDefs, queueColumnIds, type QueueColumnId } from './queueColumns.tsx';
import { columnStyle } from './queueLayout.ts';
import { startQueueMeasure } from './queueMarks.ts';
import classes from './QueueTable.module.css';

export interface QueueHeaderProps {
  columns: readonly QueueColumnId[];
  widths: Readonly<Partial<Record<QueueColumnId, number>>>;
  sort: QueueSort | null;
  onSortChange(sort: QueueSort | null): void;
  onWidthsChange(widths: Record<string, number>): void;
}

const noRows: Ticket[] = [];

export const QueueHeader = memo(function QueueHeader({ columns, widths, sort, onSortChange, onWidthsChange }: QueueHeaderProps) {
  const { t } = useTranslation();
  const columnDefs = useMemo(() => queueColumnDefs(t), [t]);
  const sorting: SortingState = sort ? [{ id: sort.column, desc: sort.desc }] : [];
  const columnVisibility = useMemo(() => Object.fromEntries(queueColumnIds.map((id) => [id, columns.includes(id)])), [columns]);
  const columnOrder = useMemo(() => [...columns, ...queueColumnIds.filter((id) => !columns.includes(id))], [columns]);

  // It holds no data: it only lays out the headers; the body is drawn from the rows directly.
  const table = useReactTable<Ticket>({
    data: noRows,
    columns: columnDefs,
    getRowId: (ticket) => ticket.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    enableSortingRemoval: true,
    columnResizeMode: 'onChange',
    state: { sorting, columnVisibility, columnOrder, columnSizing: widths as ColumnSizingState },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      startQueueMeasure('sort');
      onSortChange(first && isQueueColumnId(first.id) ? { column: first.id, desc: first.desc } : null);
    },
    onColumnSizingChange: (updater: Updater<ColumnSizingState>) => {
      onWidthsChange(typeof updater === 'function' ? updater(widths as ColumnSizingState) : updater);
    },
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <div role="rowgroup" className={classes.head}>
      <div role="row" aria-rowindex={1} className={classes.headRow}>
        {headers.map((header) => {
          const sorted = header.column.getIsSorted();
          return (
            <div
              key={header.id}
              role="columnheader"
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
              className={classes.th}
              style={columnStyle(header.id, header.getSize())}
              data-column={header.id}
            >
              <UnstyledButton
                className={classes.sortButton}
                onClick={header.column.getToggleSortingHandler()}
                title={t('queue.sortHint')}
                data-testid={`queue-sort-${header.id}`}
                data-sorted={sorted || undefined}
              >
                <Text size="xs" fw={600} c="dimmed" truncate>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </Text>
                {sorted === 'asc' && <IconArrowUp size={12} />}
                {sorted === 'desc' && <IconArrowDown size={12} />}
              </UnstyledButton>
              <div
                className={classes.resizer}
                data-resizing={header.column.getIsResizing() || undefined}
                onMouseDown={header.getResizeHandler()}
                onDoubleClick={() => header.column.resetSize()}
                data-testid={`queue-resize-${header.id}`}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
});
