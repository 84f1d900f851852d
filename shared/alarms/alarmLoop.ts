/**
 * The running alarm scheduler of a host (the Electron main process, or the web host): holds the renderer's latest list with absolute
 * instants and fires each alarm once, as soon as it falls due.
 *
 * Two clocks drive it, because each alone fails somewhere:
 * - a timer aimed at the next due instant, so an alarm fires within milliseconds of its instant;
 * - a check every 15 s, which catches what a timer misses when the wall clock jumps (sleep, NTP
 *   corrections: Node timers run on a monotonic clock that may stop while the machine sleeps).
 * The host also calls check() on powerMonitor 'resume' and 'unlock-screen'.
 *
 * Pure of any platform: the host passes its clock (timers and wall time), so the same loop runs in
 * the main process, in the browser, and in the benchmark (test/bench/alarms) with real timers.
 */
import {
  cancelledAlarms,
  checkAlarms,
  defaultAlarmTiming,
  isPending,
  nextDueAt,
  normaliseAlarms,
  pruneFiredLog,
} from './alarmScheduler.ts';
import type { AlarmTiming, DueAlarm, FiredLog } from './alarmScheduler.ts';
import type { AlarmSpec } from '../host.ts';

export interface AlarmClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Where the fired log lives between runs (electron-store in the app). */
export interface FiredLogStore {
  load(): FiredLog;
  save(log: FiredLog): void;
}

export interface AlarmLoopOptions {
  store: FiredLogStore;
  /** Raises one alarm; `firedAt` is the instant of the check that found it due. */
  onFire(due: DueAlarm, firedAt: number): void;
  clock: AlarmClock;
  /** At most 15 s: a timer that fires late (sleep, a throttled page) delays an alarm by one check at most. */
  checkIntervalMs?: number;
  timing?: AlarmTiming;
  /** How long the log remembers alarms of tickets that left the list. */
  retentionMs?: number;
  log?(message: string): void;
}

export const defaultCheckIntervalMs = 15_000;
export const defaultRetentionMs = 7 * 24 * 60 * 60_000;
/** setTimeout's largest delay; a longer one fires at once. */
const maxTimerDelayMs = 2_147_483_647;

export type CheckReason = 'timer' | 'interval' | 'schedule' | 'resume' | 'unlock-screen' | 'visible' | 'start';

export class AlarmLoop {
  readonly #options: AlarmLoopOptions;
  readonly #clock: AlarmClock;
  readonly #timing: AlarmTiming;
  #alarms: AlarmSpec[] = [];
  #log: FiredLog;
  #timer: unknown = null;
  #interval: unknown = null;

  constructor(options: AlarmLoopOptions) {
    this.#options = options;
    this.#clock = options.clock;
    this.#timing = options.timing ?? defaultAlarmTiming;
    this.#log = options.store.load();
  }

  start(): void {
    if (this.#interval !== null) return;
    this.#interval = this.#clock.setInterval(
      () => this.check('interval'),
      this.#options.checkIntervalMs ?? defaultCheckIntervalMs,
    );
    this.check('start');
  }

  stop(): void {
    if (this.#interval !== null) this.#clock.clearInterval(this.#interval);
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#interval = null;
    this.#timer = null;
  }

  /** Replaces the whole list (the renderer sends it whenever tickets change). Returns the cancelled alarms. */
  replace(list: readonly AlarmSpec[]): AlarmSpec[] {
    const next = normaliseAlarms(list);
    const cancelled = cancelledAlarms(this.#alarms, next, this.#log);
    this.#alarms = next;
    const pruned = pruneFiredLog(this.#log, next, this.#clock.now(), this.#options.retentionMs ?? defaultRetentionMs);
    if (pruned !== this.#log) this.#persist(pruned);
    if (cancelled.length > 0) this.#options.log?.(`alarms: ${cancelled.length} pending alarm(s) cancelled`);
    this.check('schedule');
    return cancelled;
  }

  /** Fires whatever is due now, then aims the timer at the next due instant. */
  check(reason: CheckReason = 'interval'): void {
    const now = this.#clock.now();
    const result = checkAlarms(this.#alarms, this.#log, now, this.#timing);
    if (result.log !== this.#log) {
      // Recorded before raising: a crash while notifying costs one alarm, never a storm of repeats.
      this.#persist(result.log);
      if (result.expired.length > 0)
        this.#options.log?.(`alarms: ${result.expired.length} alarm(s) too old to raise (${reason})`);
    }
    for (const due of result.fire) {
      try {
        this.#options.onFire(due, now);
      } catch (error) {
        this.#options.log?.(
          `alarms: raising ${due.alarm.ticketId}/${due.alarm.metric}/${due.alarm.stage} failed: ${String(error)}`,
        );
      }
    }
    this.#arm(now);
  }

  /** Alarms that have not fired yet, in due order. */
  pending(): AlarmSpec[] {
    return this.#alarms.filter((a) => isPending(a, this.#log));
  }

  firedLog(): FiredLog {
    return this.#log;
  }

  #arm(now: number): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
    const next = nextDueAt(this.#alarms, this.#log);
    if (next === null) return;
    // A timer may wake a millisecond early by the wall clock; check() then simply re-arms.
    const delay = Math.min(Math.max(next - now, 0), maxTimerDelayMs);
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      this.check('timer');
    }, delay);
  }

  #persist(log: FiredLog): void {
    this.#log = log;
    try {
      this.#options.store.save(log);
    } catch (error) {
      this.#options.log?.(`alarms: could not save the fired log: ${String(error)}`);
    }
  }
}
