/**
 * The first screen of a start: the queue's first rows on screen. Background scans of every ticket
 * (the alarm schedule) wait for it, at most a bound, so the manager's first rows do not share
 * IndexedDB and the main thread with a full read of the open tickets
 * (docs/performance-queue.md, fourth round).
 */
let shown = false;
const waiting = new Set<() => void>();

/** The queue's first rows are committed (QueueTable.tsx). */
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
