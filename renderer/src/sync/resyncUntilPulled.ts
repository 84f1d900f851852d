/**
 * Asks RxDB to pull again until its pull handler has run. RxDB 17's downstream takes a RESYNC
 * queued right behind a live stream's documents out of its queue and drops it (it processes the
 * documents and stops at the RESYNC): a tickets walk whose next part was asked for so then never
 * went on, and the first sync never completed, whenever the endpoint streamed a change (a save of
 * this desk or another's) at that moment.
 */
export interface ResyncUntilPulledOptions {
  reSync(): void;
  /** How many times the pull handler has been called so far. */
  pulls(): number;
  /** False once the engine stopped or started again: the asking ends. */
  current(): boolean;
  /** How long to wait for the handler before asking again. */
  everyMs?: number;
  pollMs?: number;
}

export async function resyncUntilPulled(options: ResyncUntilPulledOptions): Promise<void> {
  const { everyMs = 1_000, pollMs = 20 } = options;
  const before = options.pulls();
  while (options.current() && options.pulls() === before) {
    options.reSync();
    const until = Date.now() + everyMs;
    while (options.current() && options.pulls() === before && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}
