/** The queue's columns: ids (also the sort keys of shared/domain/queueOrder.ts), headers, cells, default widths. */
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { queueSortColumns, type QueueSortColumn } from '#shared/domain/queueOrder.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import {
  AgeCell,
  AssigneeCell,
  ChannelCell,
  NumberCell,
  OrganizationCell,
  PriorityCell,
  SlaCell,
  StatusCell,
  SubjectCell,
} from './QueueCells.tsx';

export type QueueColumnId = QueueSortColumn;
export const queueColumnIds: readonly QueueColumnId[] = queueSortColumns;

/** Shown until the manager chooses: everything, in this order. */
export const defaultQueueColumns: readonly QueueColumnId[] = [
  'number',
  'priority',
  'subject',
  'organization',
  'status',
  'assignee',
  'sla',
  'channel',
  'age',
];
/** Beside an open ticket the queue is narrow: what decides which ticket is next. */
export const splitQueueColumns: readonly QueueColumnId[] = ['number', 'priority', 'subject', 'sla'];

/** Widths beside an open ticket (the subject grows into what is left). */
export const splitColumnWidths: Readonly<Partial<Record<QueueColumnId, number>>> = {
  number: 104,
  priority: 40,
  subject: 140,
  sla: 200,
};

export const minColumnWidth = 56;
export const maxColumnWidth = 800;

export const defaultColumnWidths: Readonly<Record<QueueColumnId, number>> = {
  number: 118,
  priority: 112,
  subject: 320,
  organization: 240,
  status: 130,
  assignee: 150,
  sla: 210,
  channel: 110,
  age: 76,
};

/** The cell component of each column (the table renders them directly, without TanStack's row model). */
export const queueCells: Readonly<Record<QueueColumnId, (props: { ticket: Ticket }) => React.ReactNode>> = {
  number: NumberCell,
  priority: PriorityCell,
  subject: SubjectCell,
  organization: OrganizationCell,
  status: StatusCell,
  assignee: AssigneeCell,
  sla: SlaCell,
  channel: ChannelCell,
  age: AgeCell,
};

export function isQueueColumnId(id: string): id is QueueColumnId {
  return (queueColumnIds as readonly string[]).includes(id);
}

export function queueColumnDefs(t: TFunction): ColumnDef<Ticket>[] {
  return queueColumnIds.map((id) => {
    const Cell = queueCells[id];
    return {
      id,
      header: t(`queue.columns.${id}`),
      size: defaultColumnWidths[id],
      minSize: minColumnWidth,
      maxSize: maxColumnWidth,
      // Cells render components, so TanStack cannot guess a direction: first click ascends.
      sortDescFirst: false,
      // Sorting happens in shared/domain/queueOrder.ts; TanStack only needs an accessor to offer it.
      accessorFn: (ticket) => ticket.id,
      cell: ({ row }) => <Cell ticket={row.original} />,
    } satisfies ColumnDef<Ticket>;
  });
}
