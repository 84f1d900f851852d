import type { RxReplicationState } from 'rxdb/plugins/replication';

/**
 * Cancels a replication once RxDB's upstream listens for the cancel. The upstream reads its
 * checkpoint after start() has returned and only then subscribes to the cancel signal: a cancel
 * in between completes that signal first, and RxDB's subscription rejects where nobody can catch
 * it. The wait is bounded so a storage that never answers does not hold up a sign-out.
 */
export async function cancelWhenSafe<T, C>(r: RxReplicationState<T, C>, limitMs = 2_000): Promise<void> {
  const until = Date.now() + limitMs;
  await r.startQueue;
  const internal = r.internalReplicationState;
  // Only an upstream with a starting checkpoint reads it first; the others listen at once.
  const reads = internal?.input.initialCheckpoint?.upstream !== undefined && !r.isStopped();
  while (reads && internal && internal.stats.up.upstreamInitialSync === 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await r.cancel();
}
