/**
 * The main process's alarm loop: shared/alarms/alarmLoop.ts on the system clock (Node timers and
 * the wall clock). The web host runs the same loop on the browser's clock.
 */
import { AlarmLoop as SharedAlarmLoop } from '../../../shared/alarms/alarmLoop.ts';
import type { AlarmClock, AlarmLoopOptions } from '../../../shared/alarms/alarmLoop.ts';

export type { AlarmClock, FiredLogStore } from '../../../shared/alarms/alarmLoop.ts';
export { defaultCheckIntervalMs } from '../../../shared/alarms/alarmLoop.ts';

export const systemClock: AlarmClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export class AlarmLoop extends SharedAlarmLoop {
  constructor(options: Omit<AlarmLoopOptions, 'clock'> & { clock?: AlarmClock }) {
    super({ ...options, clock: options.clock ?? systemClock });
  }
}
