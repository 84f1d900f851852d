/**
 * Test hooks for the e2e tests and the benchmarks: the signed-in workspace (real RxDB, real sync)
 * and the repository functions, on `window.__deskTest`. Compiled in only by test builds
 * (DESK_TEST_HOOKS=1, renderer/vite.shared.ts), and installed there only when the page's storage
 * says `pass24desk.testHooks = 1` (a test sets it before the page loads); never for a user.
 * There, `pass24desk.testPollIntervalMs` (milliseconds) shortens the periodic pull of the
 * collections without a live stream, so a test sees it without waiting out the 30 s.
 */
import * as ticketRepository from '../db/ticketRepository.ts';
import * as eventRepository from '../db/eventRepository.ts';
import { useWorkspaceStore } from '../services/session/workspaceStore.ts';
import { useRouteStore } from '../state/routeStore.ts';
import { tickNow } from '../state/ticker.ts';
import { lastScheduledAlarms } from '../features/alarms/index.ts';
import { syncTuning } from '../services/session/syncTuning.ts';

export function installTestHooks(): void {
  if (localStorage.getItem('pass24desk.testHooks') !== '1') return;
  const pollIntervalMs = Number(localStorage.getItem('pass24desk.testPollIntervalMs'));
  if (pollIntervalMs > 0) syncTuning.pollIntervalMs = pollIntervalMs;
  Object.defineProperty(window, '__deskTest', {
    configurable: true,
    value: {
      workspace: () => useWorkspaceStore.getState().workspace,
      route: useRouteStore,
      tickNow,
      /** The alarm list last handed to the host (ticket, metric, stage, title). */
      scheduledAlarms: () =>
        lastScheduledAlarms().map(({ ticketId, metric, stage, title }) => ({ ticketId, metric, stage, title })),
      tickets: ticketRepository,
      events: eventRepository,
    },
  });
}
