/** Column widths of the queue's rows, as TanStack sizes the headers (default, clamped to min/max). */
import type { CSSProperties } from 'react';
import { defaultColumnWidths, maxColumnWidth, minColumnWidth, type QueueColumnId } from './queueColumns.tsx';

/** The subject takes the room left over (header and rows alike), never less than its width. */
export function columnStyle(id: string, size: number): CSSProperties {
  return id === 'subject' ? { flex: `1 0 ${size}px`, width: size } : { width: size };
}

export interface RowColumn {
  id: QueueColumnId;
  style: CSSProperties;
}

export interface RowLayout {
  columns: readonly RowColumn[];
  totalWidth: number;
}

export function rowLayout(
  columns: readonly QueueColumnId[],
  widths: Readonly<Partial<Record<QueueColumnId, number>>>,
): RowLayout {
  let totalWidth = 0;
  const out = columns.map((id) => {
    const size = Math.min(Math.max(widths[id] ?? defaultColumnWidths[id], minColumnWidth), maxColumnWidth);
    totalWidth += size;
    return { id, style: columnStyle(id, size) };
  });
  return { columns: out, totalWidth };
}
