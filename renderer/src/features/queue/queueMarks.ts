/**
 * Performance marks of the queue, read by the benchmark (test/bench/queue) and visible in the
 * browser's performance panel: 'queue:filter', 'queue:sort', 'queue:first-render' measures.
 */
const pending = new Set<string>();

export function startQueueMeasure(name: string): void {
  performance.mark(`queue:${name}:start`);
  pending.add(name);
}

/** Ends a measure started by startQueueMeasure, once; nothing when none is pending. */
export function endQueueMeasure(name: string): void {
  if (!pending.delete(name)) return;
  performance.measure(`queue:${name}`, `queue:${name}:start`);
}
