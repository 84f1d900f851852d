/** UI state of the KB section: the query, the product filter and the highlighted row. */
import { create } from 'zustand';
import type { Product } from '#shared/vocabulary/enums.ts';
import { useRouteStore } from '../../state/routeStore.ts';

interface KbUiStore {
  query: string;
  product: Product | null;
  /** Index of the highlighted row in the current result list. */
  cursor: number;
  /** The editor: 'new' for a new article, an id to edit one, null when reading. */
  editing: string | null;
  setEditing(editing: string | null): void;
  setQuery(query: string): void;
  setProduct(product: Product | null): void;
  setCursor(cursor: number): void;
}

export const useKbUi = create<KbUiStore>((set) => ({
  query: '',
  product: null,
  cursor: 0,
  editing: null,
  setEditing: (editing) => set({ editing }),
  setQuery: (query) => set({ query, cursor: 0 }),
  setProduct: (product) => set({ product, cursor: 0 }),
  setCursor: (cursor) => set({ cursor }),
}));

/** Opens an article in the knowledge base with its editor, e.g. to improve it from a ticket. */
export function openKbEditor(id: string): void {
  useKbUi.getState().setEditing(id);
  useRouteStore.getState().go('kb', id);
}
