/** UI state of the «Скрипты» section: the query, the view, the highlighted row, the ticket to preview with. */
import { create } from 'zustand';

export const scriptViews = ['all', 'shared', 'mine', 'unused', 'archived'] as const;
export type ScriptView = (typeof scriptViews)[number];

interface ScriptsUiStore {
  query: string;
  view: ScriptView;
  cursor: number;
  previewTicketId: string | null;
  setQuery(query: string): void;
  setView(view: ScriptView): void;
  setCursor(cursor: number): void;
  setPreviewTicketId(id: string | null): void;
}

export const useScriptsUi = create<ScriptsUiStore>((set) => ({
  query: '',
  view: 'all',
  cursor: 0,
  previewTicketId: null,
  setQuery: (query) => set({ query, cursor: 0 }),
  setView: (view) => set({ view, cursor: 0 }),
  setCursor: (cursor) => set({ cursor }),
  setPreviewTicketId: (previewTicketId) => set({ previewTicketId }),
}));
