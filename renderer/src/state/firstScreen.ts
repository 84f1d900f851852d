/**
 * The first screen of a start: the queue's first rows (or its empty state) on screen. The
 * start-up's background work waits for it, at most a bound: the alarm schedule's read of every
 * open ticket and the start of replication, so the manager's first rows do not share IndexedDB
 * and the main thread with them.
 */
let shown = false;
const waiting = new Set<() => void>();

/** The queue's first rows, or its empty state, are committed (QueuePane.tsx). */
export function markFirstScreen(): void {
  if (shown) return;
  shown = true;
  for (const resolve of waiting) resolve();
  waiting.clear();
}

/** Resolves once the first screen is shown, or after `limitMs` (another section is open, an empty queue). */
export function afterFirstScreen(limitMs: number): Promise<void> {
  if (shown) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiting.delete(done);
      resolve();
    };
    const timer = setTimeout(done, limitMs);
    waiting.add(done);
  });
}
