/** The archive's query, kept while a found ticket is open so Esc comes back to the same results. */
import { create } from 'zustand';
import type { TicketStatus } from '#shared/vocabulary/enums.ts';

interface ArchiveStore {
  q: string;
  status: TicketStatus | null;
  selected: number;
  set(patch: Partial<Omit<ArchiveStore, 'set'>>): void;
}

export const useArchiveStore = create<ArchiveStore>((set) => ({
  q: '',
  status: null,
  selected: 0,
  set: (patch) => set(patch),
}));
