/** What the cells need besides their ticket: agent names and the start of today. */
import { createContext, useContext } from 'react';

export interface QueueCellContext {
  agentNames: ReadonlyMap<string, string>;
  startOfToday: number;
  /** Beside an open ticket: short forms (the priority as a letter). */
  compact: boolean;
}

export const QueueCellContextValue = createContext<QueueCellContext>({ agentNames: new Map(), startOfToday: 0, compact: false });

export function useQueueCellContext(): QueueCellContext {
  return useContext(QueueCellContextValue);
}
