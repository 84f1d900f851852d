/**
 * The queue table: the header (QueueHeader.tsx, TanStack Table for the columns) and a body
 * virtualised with TanStack Virtual, drawn straight from the view's tickets as a grid of plain
 * elements (role grid/row/gridcell): no row model rebuilt per keystroke, no table layout.
 * Rows are keyed by slot (row index modulo the most rows on screen), so a jump reuses the same
 * elements; only the countdown and age cells follow the shared ticker. While a scroll moves a
 * screen or more between renders (scrollbar dragged, End), rows skim: their number and the
 * emergency's edge only, until TanStack's isScrolling ends. A wheel or keyboard scroll never
 * skims. Why each choice, with figures: docs/performance-queue.md, "How the queue stays fast".
 */
import { Center, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, type MutableRefObject, type RefObject } from 'react';
import type { QueueSort } from '#shared/domain/queueOrder.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { queueCells, type QueueColumnId } from './queueColumns.tsx';
import { QueueHeader } from './QueueHeader.tsx';
import { rowLayout, type RowColumn } from './queueLayout.ts';
import { endQueueMeasure } from './queueMarks.ts';
import classes from './QueueTable.module.css';

export const queueRowHeight = 32;
/** Rows drawn beyond the screen on each side. */
const overscan = 4;
/** The cells a skimming row keeps (the others are empty until the scroll stops); its priority still shows as the row's left border. */
const skimColumns: ReadonlySet<QueueColumnId> = new Set(['number']);

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

interface QueueRowProps {
  ticket: Ticket;
  /** The row's position among the grid's rows for assistive technology (the header is 1). */
  rowIndex: number;
  start: number;
  selected: boolean;
  /** Visible columns with their widths (a new array when they change). */
  layout: readonly RowColumn[];
  /** A fast scroll passes: only the skimColumns' cells have content. */
  skim: boolean;
  onRowClick(ticketId: string): void;
}

const QueueRow = memo(function QueueRow({ ticket, rowIndex, start, selected, layout, skim, onRowClick }: QueueRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className={classes.row}
      data-testid="queue-row"
      data-ticket-id={ticket.id}
      data-selected={selected || undefined}
      data-priority={ticket.priority}
      data-skim={skim || undefined}
      aria-selected={selected}
      style={{ transform: `translateY(${start}px)` }}
      onClick={() => onRowClick(ticket.id)}
    >
      {layout.map(({ id, style }) => {
        const Cell = queueCells[id];
        return (
          <div key={id} role="gridcell" className={classes.cell} style={style} data-column={id}>
            {skim && !skimColumns.has(id) ? null : <Cell ticket={ticket} />}
          </div>
        );
      })}
    </div>
  );
});

interface QueueBodyProps {
  rows: readonly Ticket[];
  selectedId: string | null;
  layout: readonly RowColumn[];
  scrollRef: RefObject<HTMLDivElement | null>;
  apiRef: MutableRefObject<QueueTableApi | null>;
  onRowClick(ticketId: string): void;
}

/** The virtual rows: the only part of the table a scroll re-renders. */
const QueueBody = memo(function QueueBody({ rows, selectedId, layout, scrollRef, apiRef, onRowClick }: QueueBodyProps) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => queueRowHeight,
    overscan,
  });
  apiRef.current = { scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) };
  const items = virtualizer.getVirtualItems();
  // As many slots as rows a screen of this height draws (its rows, one cut in two, the overscan),
  // never fewer than drawn now, so the keys on screen are distinct.
  const screenRows = Math.ceil((virtualizer.scrollRect?.height ?? 0) / queueRowHeight) + 2 + 2 * overscan;
  const slots = Math.max(items.length, screenRows);
  // Skimming starts when the first row moved a screen or more since the last render, and lasts
  // until the scroll stops (then TanStack renders again with isScrolling false).
  const skim = useRef({ first: 0, on: false });
  const first = items[0]?.index ?? 0;
  if (!virtualizer.isScrolling) skim.current.on = false;
  else if (Math.abs(first - skim.current.first) >= screenRows - 2 * overscan) skim.current.on = true;
  skim.current.first = first;
  const skimming = skim.current.on;
  return (
    <div role="rowgroup" className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const ticket = rows[item.index];
        if (!ticket) return null;
        return (
          <QueueRow
            key={item.index % slots}
            ticket={ticket}
            rowIndex={item.index + 2}
            start={item.start}
            selected={ticket.id === selectedId}
            layout={layout}
            skim={skimming}
            onRowClick={onRowClick}
          />
        );
      })}
    </div>
  );
});

/** Memoised: the table re-renders only when its inputs change; a scroll re-renders the body alone. */
export const QueueTable = memo(function QueueTable(props: QueueTableProps) {
  const { rows, columns, widths, sort, selectedId, emptyText, apiRef, onSortChange, onWidthsChange, onRowClick } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { columns: layout, totalWidth } = useMemo(() => rowLayout(columns, widths), [columns, widths]);

  // Filter and sort timings end when the new rows are committed (queueMarks.ts).
  useLayoutEffect(() => {
    endQueueMeasure('filter');
    endQueueMeasure('sort');
  }, [rows]);
  useEffect(() => {
    if (rows.length > 0) endQueueMeasure('first-render');
  }, [rows]);

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      data-testid="queue-table"
      role="grid"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
    >
      <div className={classes.table} style={{ minWidth: totalWidth }}>
        <QueueHeader columns={columns} widths={widths} sort={sort} onSortChange={onSortChange} onWidthsChange={onWidthsChange} />
        <QueueBody
          rows={rows}
          selectedId={selectedId}
          layout={layout}
          scrollRef={scrollRef}
          apiRef={apiRef}
          onRowClick={onRowClick}
        />
      </div>
      {rows.length === 0 && (
        <Center py="xl" data-testid="queue-empty">
          <Text size="sm" c="dimmed">
            {emptyText}
          </Text>
        </Center>
      )}
    </div>
  );
});
