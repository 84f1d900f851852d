/**
 * The alarm list last handed to the host, kept for the test hooks (renderer/src/app/testHooks.ts):
 * an e2e test that moves the page's clock must first know the host holds the current list, since
 * a jump of the clock fires the host's timers before the page's own re-render can send a new one.
 */
import type { AlarmSpec } from '#shared/host.ts';

let last: readonly AlarmSpec[] = [];

export function recordScheduledAlarms(list: readonly AlarmSpec[]): void {
  last = list;
}

export function lastScheduledAlarms(): readonly AlarmSpec[] {
  return last;
}
