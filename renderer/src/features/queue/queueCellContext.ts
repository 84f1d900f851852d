/**
 * What the cells need besides their ticket: agent names, the start of today, and the translation
 * function with its language. Given once through context, so no cell subscribes to i18next itself
 * (a hook per cell, 400 cells on screen).
 */
import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';
import type { Locale } from '#shared/host.ts';

export interface QueueCellContext {
  agentNames: ReadonlyMap<string, string>;
  startOfToday: number;
  /** Beside an open ticket: short forms (the priority as a letter). */
  compact: boolean;
  t: TFunction;
  locale: Locale;
}

const untranslated = ((key: string) => key) as unknown as TFunction;

export const QueueCellContextValue = createContext<QueueCellContext>({
  agentNames: new Map(),
  startOfToday: 0,
  compact: false,
  t: untranslated,
  locale: 'ru',
});

export function useQueueCellContext(): QueueCellContext {
  return useContext(QueueCellContextValue);
}
