/** Column widths of the queue's rows, as TanStack sizes the headers (default, clamped to min/max). */
import type { CSSProperties } from 'react';
import { defaultColumnWidths, maxColumnWidth, minColumnWidth, type QueueColumnId } from './queueColumns.tsx';

/**
 * The text columns give up room, down to a floor, before the table scrolls sideways: on a laptop's
 * 1440 px, or at 125 % scaling, every chosen column stays in view. Their text ends in an ellipsis.
 * The subject and the SLA give up half as much as the others: they are what the manager reads.
 */
const shrinkTo: Readonly<Partial<Record<string, { floor: number; factor: number }>>> = {
  subject: { floor: 140, factor: 0.5 },
  organization: { floor: 110, factor: 1 },
  status: { floor: 104, factor: 1 },
  assignee: { floor: 100, factor: 1 },
  // Beside an open ticket: the countdown stays, its due time goes.
  sla: { floor: 100, factor: 0.5 },
  channel: { floor: 80, factor: 1 },
};

/** The narrowest a column gets at this size. */
const narrowest = (id: string, size: number): number => Math.min(size, shrinkTo[id]?.floor ?? size);

/** The subject takes the room left over (header and rows alike); the text columns shrink first when room is short. */
export function columnStyle(id: string, size: number): CSSProperties {
  const grow = id === 'subject' ? 1 : 0;
  const shrink = shrinkTo[id]?.factor ?? 0;
  return { flex: `${grow} ${shrink} ${size}px`, width: size, minWidth: narrowest(id, size) };
}

export interface RowColumn {
  id: QueueColumnId;
  style: CSSProperties;
}

export interface RowLayout {
  columns: readonly RowColumn[];
  /** The least the row needs with every text column at its narrowest: below it the table scrolls sideways. */
  totalWidth: number;
}

export function rowLayout(
  columns: readonly QueueColumnId[],
  widths: Readonly<Partial<Record<QueueColumnId, number>>>,
): RowLayout {
  let totalWidth = 0;
  const out = columns.map((id) => {
    const size = Math.min(Math.max(widths[id] ?? defaultColumnWidths[id], minColumnWidth), maxColumnWidth);
    totalWidth += narrowest(id, size);
    return { id, style: columnStyle(id, size) };
  });
  return { columns: out, totalWidth };
}
