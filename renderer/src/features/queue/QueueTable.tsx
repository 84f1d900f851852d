/**
 * The queue table: TanStack Table for the columns (order, visibility, widths, sort headers),
 * TanStack Virtual so only the rows on screen exist in the DOM. The rows are drawn straight from
 * the view's tickets (TanStack's row model would build a row object for each of 50,000 tickets
 * on every keystroke of the filter), as plain elements. Rows are memoised; only their countdown
 * and age cells follow the shared ticker.
 */
import { Center, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnSizingState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, type CSSProperties, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueSort } from '#shared/domain/queueOrder.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { isQueueColumnId, queueCells, queueColumnDefs, queueColumnIds, type QueueColumnId } from './queueColumns.tsx';
import { endQueueMeasure, startQueueMeasure } from './queueMarks.ts';
import classes from './QueueTable.module.css';

export const queueRowHeight = 32;

export interface QueueTableApi {
  scrollToIndex(index: number): void;
}

export interface QueueTableProps {
  rows: readonly Ticket[];
  columns: readonly QueueColumnId[];
  widths: Readonly<Partial<Record<QueueColumnId, number>>>;
  sort: QueueSort | null;
  selectedId: string | null;
  emptyText: string;
  apiRef: MutableRefObject<QueueTableApi | null>;
  onSortChange(sort: QueueSort | null): void;
  onWidthsChange(widths: Record<string, number>): void;
  onRowClick(ticketId: string): void;
}

/** The subject takes the room left over (header and rows alike), never less than its width. */
function columnStyle(id: string, size: number): CSSProperties {
  return id === 'subject' ? { flex: `1 0 ${size}px`, width: size } : { width: size };
}

interface RowColumn {
  id: QueueColumnId;
  style: CSSProperties;
}

interface QueueRowProps {
  ticket: Ticket;
  start: number;
  selected: boolean;
  /** Visible columns with their widths (a new array when they change). */
  layout: readonly RowColumn[];
  onRowClick(ticketId: string): void;
}

const noRows: Ticket[] = [];

const QueueRow = memo(function QueueRow({ ticket, start, selected, layout, onRowClick }: QueueRowProps) {
  return (
    <tr
      className={classes.row}
      data-testid="queue-row"
      data-ticket-id={ticket.id}
      data-selected={selected || undefined}
      data-priority={ticket.priority}
      aria-selected={selected}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onRowClick(ticket.id)}
    >
      {layout.map(({ id, style }) => {
        const Cell = queueCells[id];
        return (
          <td key={id} className={classes.cell} style={style} data-column={id}>
            <Cell ticket={ticket} />
          </td>
        );
      })}
    </tr>
  );
});

/** Memoised: the pane re-renders every second (counts), the table only when its inputs change. */
export const QueueTable = memo(function QueueTable(props: QueueTableProps) {
  const { rows, columns, widths, sort, selectedId, emptyText, apiRef, onSortChange, onWidthsChange, onRowClick } = props;
  const { t } = useTranslation();
  const columnDefs = useMemo(() => queueColumnDefs(t), [t]);
  const sorting: SortingState = sort ? [{ id: sort.column, desc: sort.desc }] : [];
  const columnVisibility = useMemo(
    () => Object.fromEntries(queueColumnIds.map((id) => [id, columns.includes(id)])),
    [columns],
  );
  const columnOrder = useMemo(() => [...columns, ...queueColumnIds.filter((id) => !columns.includes(id))], [columns]);

  // TanStack Table returns non-memoisable functions; the rows below are memoised by hand.
  // It holds no data: it only lays out the headers; the body is drawn from `rows` directly.
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

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => queueRowHeight,
    overscan: 12,
  });
  apiRef.current = { scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) };

  // Filter and sort timings end when the new rows are committed (queueMarks.ts).
  useLayoutEffect(() => {
    endQueueMeasure('filter');
    endQueueMeasure('sort');
  }, [rows]);
  useEffect(() => {
    if (rows.length > 0) endQueueMeasure('first-render');
  }, [rows]);

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const layoutKey = headers.map((h) => `${h.id}:${h.getSize()}`).join(',');
  const layout = useMemo<RowColumn[]>(
    () => layoutKey.split(',').filter(Boolean).map((part) => {
      const [id, size] = part.split(':') as [QueueColumnId, string];
      return { id, style: columnStyle(id, Number(size)) };
    }),
    [layoutKey],
  );
  const totalWidth = table.getTotalSize();

  return (
    <div ref={scrollRef} className={classes.scroller} data-testid="queue-table">
      <Table className={classes.table} style={{ width: '100%', minWidth: totalWidth }} withRowBorders={false} verticalSpacing={0} horizontalSpacing={0}>
        <Table.Thead className={classes.head}>
          <Table.Tr className={classes.headRow}>
            {headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <Table.Th key={header.id} className={classes.th} style={columnStyle(header.id, header.getSize())} data-column={header.id}>
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
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <tbody className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const ticket = rows[item.index];
            if (!ticket) return null;
            return (
              <QueueRow
                key={ticket.id}
                ticket={ticket}
                start={item.start}
                selected={ticket.id === selectedId}
                layout={layout}
                onRowClick={onRowClick}
              />
            );
          })}
        </tbody>
      </Table>
      {rows.length === 0 && (
        <Center py="xl" data-testid="queue-empty">
          <Text size="sm" c="dimmed">{emptyText}</Text>
        </Center>
      )}
    </div>
  );
});
