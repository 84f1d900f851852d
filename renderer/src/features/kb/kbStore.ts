/** UI state of the KB section: the query, the product filter and the highlighted row. */
import { create } from 'zustand';
import type { Product } from '#shared/vocabulary/enums.ts';

interface KbUiStore {
  query: string;
  product: Product | null;
  /** Index of the highlighted row in the current result list. */
  cursor: number;
  setQuery(query: string): void;
  setProduct(product: Product | null): void;
  setCursor(cursor: number): void;
}

export const useKbUi = create<KbUiStore>((set) => ({
  query: '',
  product: null,
  cursor: 0,
  setQuery: (query) => set({ query, cursor: 0 }),
  setProduct: (product) => set({ product, cursor: 0 }),
  setCursor: (cursor) => set({ cursor }),
}));
