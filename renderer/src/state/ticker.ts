/**
 * The one shared ticker: every countdown on screen reads the same "now" (server-corrected) and
 * re-renders once a second together, instead of a timer per row.
 */
import { useSyncExternalStore } from 'react';

type Listener = () => void;

let now = Date.now();
let offsetMs = 0;
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setInterval> | null = null;

function tick(): void {
  now = Date.now() + offsetMs;
  for (const l of [...listeners]) l();
}

/** Server clock minus local clock (renderer/src/sync/clock.ts), applied to every countdown. */
export function setTickerOffset(ms: number): void {
  offsetMs = ms;
  tick();
}

export function tickerNow(): number {
  return Date.now() + offsetMs;
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now() + offsetMs;
    // Aligned to the second, so every countdown changes its digit at the same moment.
    timer = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The instant of the last tick (what useNow and useTickerValue's selectors saw). */
export function tickedNow(): number {
  return now;
}

/** The current server-corrected instant, updated every second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/** For tests and the queue benchmark: run one tick now. */
export function tickNow(): void {
  tick();
}

/**
 * A value derived from the ticker's instant, re-rendering only when it changes (e.g. the hour, or
 * how many deadlines have passed), not every second. `select` must return a primitive.
 */
export function useTickerValue<T extends string | number | boolean>(select: (now: number) => T): T {
  return useSyncExternalStore(subscribe, () => select(now));
}
