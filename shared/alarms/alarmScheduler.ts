/**
 * The pure core of the alarm scheduler (docs/architecture.md, "SLA engine and alarms").
 *
 * The renderer computes every alarm that still matters (past-due ones included, so a restart or a
 * wake from sleep can catch up) and replaces the whole list whenever tickets change. The host keeps
 * a log of what already fired. Given the list, the log and `now`, these functions decide what to
 * fire. Nothing here reads a clock or keeps state: the caller passes `now` and stores the log.
 *
 * Cancellation needs no message of its own: an alarm that is absent from the replaced list is not
 * pending any more (the ticket was contacted, resolved or taken by someone else).
 */
import { alarmKey } from '../host.ts';
import type { AlarmSpec, AlarmStage } from '../host.ts';

/** What the log remembers of one fired (ticket, metric, stage). */
export interface FiredEntry {
  ticketId: string;
  /** When it fired (epoch ms); used to forget it once the ticket has left the list for good. */
  firedAt: number;
}

/** Fired alarms by alarmKey(). Persisted by the host so a restart does not fire them again. */
export type FiredLog = Readonly<Record<string, FiredEntry>>;

export interface AlarmTiming {
  /** An alarm that fires more than this after its due instant is marked late (e.g. the machine slept). */
  lateAfterMs: number;
  /**
   * An alarm due longer ago than this is recorded as fired without a notification. It keeps a fresh
   * install (or a machine that was off for days) from raising a notification for every old breach;
   * the queue shows those tickets as breached anyway.
   */
  staleAfterMs: number;
}

export const defaultAlarmTiming: AlarmTiming = {
  // Twice the host's 15 s check interval: an alarm this late was not merely waiting for a check.
  lateAfterMs: 30_000,
  staleAfterMs: 24 * 60 * 60_000,
};

/** An alarm to raise now. */
export interface DueAlarm {
  alarm: AlarmSpec;
  late: boolean;
}

export interface CheckResult {
  /** Alarms to raise, in the order they fell due. */
  fire: DueAlarm[];
  /**
   * Due alarms not raised because a later stage of the same ticket's metric is raised in the same
   * check (after a sleep, "first contact breached" says all that "first contact due in 5 minutes" would).
   */
  superseded: AlarmSpec[];
  /** Due alarms too old to raise (see AlarmTiming.staleAfterMs). */
  expired: AlarmSpec[];
  /** The log with every alarm above recorded; the same object when nothing changed. */
  log: FiredLog;
}

const stageRank: Record<AlarmStage, number> = { arrived: 0, warning: 1, breached: 2 };

/**
 * The list as the scheduler keeps it: one alarm per key (if the renderer sends a key twice, the
 * earlier instant wins, so a duplicate can never postpone an alarm), no non-finite instants,
 * sorted by due instant.
 */
export function normaliseAlarms(list: readonly AlarmSpec[]): AlarmSpec[] {
  const byKey = new Map<string, AlarmSpec>();
  for (const alarm of list) {
    if (!Number.isFinite(alarm.at)) continue;
    const key = alarmKey(alarm);
    const seen = byKey.get(key);
    if (!seen || alarm.at < seen.at) byKey.set(key, alarm);
  }
  return [...byKey.values()].sort((a, b) => a.at - b.at || alarmKey(a).localeCompare(alarmKey(b)));
}

/** Whether this alarm still has to fire. */
export function isPending(alarm: AlarmSpec, log: FiredLog): boolean {
  return !Object.hasOwn(log, alarmKey(alarm));
}

/** Decides what fires at `now`: every pending alarm whose instant has come, each once. */
export function checkAlarms(
  alarms: readonly AlarmSpec[],
  log: FiredLog,
  now: number,
  timing: AlarmTiming = defaultAlarmTiming,
): CheckResult {
  const due = alarms.filter((a) => a.at <= now && isPending(a, log));
  if (due.length === 0) return { fire: [], superseded: [], expired: [], log };

  const expired = due.filter((a) => now - a.at > timing.staleAfterMs);
  const live = due.filter((a) => now - a.at <= timing.staleAfterMs);

  // Per (ticket, metric), only the most advanced stage that is due now is raised.
  const latest = new Map<string, AlarmSpec>();
  for (const alarm of live) {
    const group = `${alarm.ticketId}:${alarm.metric}`;
    const held = latest.get(group);
    if (
      !held ||
      stageRank[alarm.stage] > stageRank[held.stage] ||
      (stageRank[alarm.stage] === stageRank[held.stage] && alarm.at > held.at)
    ) {
      latest.set(group, alarm);
    }
  }
  const raised = new Set(latest.values());
  const fire = live
    .filter((a) => raised.has(a))
    .sort((a, b) => a.at - b.at)
    .map((alarm) => ({ alarm, late: now - alarm.at > timing.lateAfterMs }));
  const superseded = live.filter((a) => !raised.has(a));

  const next: Record<string, FiredEntry> = { ...log };
  for (const alarm of due) next[alarmKey(alarm)] = { ticketId: alarm.ticketId, firedAt: now };
  return { fire, superseded, expired, log: next };
}

/** The instant of the earliest pending alarm, or null when nothing is pending. */
export function nextDueAt(alarms: readonly AlarmSpec[], log: FiredLog): number | null {
  let next: number | null = null;
  for (const alarm of alarms) {
    if (isPending(alarm, log) && (next === null || alarm.at < next)) next = alarm.at;
  }
  return next;
}

/** Pending alarms of the previous list that the new list no longer holds: they will not fire. */
export function cancelledAlarms(previous: readonly AlarmSpec[], next: readonly AlarmSpec[], log: FiredLog): AlarmSpec[] {
  const kept = new Set(next.map(alarmKey));
  return previous.filter((a) => isPending(a, log) && !kept.has(alarmKey(a)));
}

/**
 * Forgets fired alarms of tickets that are no longer scheduled, once they fired longer ago than
 * `retentionMs`. Keys of scheduled tickets are always kept, or their past alarms would fire again.
 * Returns the same object when nothing is forgotten.
 */
export function pruneFiredLog(log: FiredLog, scheduled: readonly AlarmSpec[], now: number, retentionMs: number): FiredLog {
  const tickets = new Set(scheduled.map((a) => a.ticketId));
  let pruned: Record<string, FiredEntry> | null = null;
  for (const [key, entry] of Object.entries(log)) {
    if (tickets.has(entry.ticketId) || now - entry.firedAt <= retentionMs) continue;
    pruned ??= { ...log };
    delete pruned[key];
  }
  return pruned ?? log;
}
