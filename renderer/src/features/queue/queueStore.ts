/** UI state of the queue (not data): the view, the quick filter, the column sort and the selected row. */
import { create } from 'zustand';
import type { QueueSort, QueueViewId } from '#shared/domain/queueOrder.ts';

interface QueueStore {
  view: QueueViewId;
  filter: string;
  /** null: the urgency order. */
  sort: QueueSort | null;
  selectedId: string | null;
  setView(view: QueueViewId): void;
  setFilter(filter: string): void;
  setSort(sort: QueueSort | null): void;
  select(ticketId: string | null): void;
}

export const useQueueStore = create<QueueStore>((set) => ({
  view: 'open',
  filter: '',
  sort: null,
  selectedId: null,
  setView: (view) => set({ view }),
  setFilter: (filter) => set({ filter }),
  setSort: (sort) => set({ sort }),
  select: (selectedId) => set({ selectedId }),
}));

/** The quick filter input, so '/' and the palette can focus it. */
export const queueFilterInput: { current: HTMLInputElement | null } = { current: null };
