/**
 * The SLA state of a ticket at an instant: every deadline, countdown and stage (shared/sla/README.md).
 * Pure: the caller passes `now`, the calendar and the policy of the ticket's
 * current priority. A priority change needs nothing special: every deadline is recomputed from
 * creation under the new priority's policy, with the paused time kept (it comes from statusLog).
 *
 * Deadlines are half-open: a metric met before its due instant is on time; from the due instant
 * on it is breached (acting at that very millisecond is already late).
 */
import type { Priority } from '../vocabulary/enums.ts';
import { maxInstant } from '../schema/fields.ts';
import type { BusinessCalendar } from './businessCalendar.ts';
import { warningWindowMinutes, type SlaDuration, type SlaPolicy } from './slaPolicy.ts';
import { statusTimeline, type StatusEntry, type StatusTimeline } from './statusTimeline.ts';
import { addWorkingMs, workingMsBefore, workingMsBetween } from './workingTime.ts';

/** The SLA inputs a ticket document carries (shared/schema/ticketSchema.ts). */
export interface SlaTicket {
  readonly createdAt: number;
  readonly priority: Priority;
  /** First public contact (logged call, sent reply); internal notes never set it. */
  readonly firstContactAt: number | null;
  /** When the ticket was resolved; statusLog decides whether it still is (a reopen continues the clock). */
  readonly resolvedAt: number | null;
  /** Chronological status history; the first entry is the creation status at createdAt. */
  readonly statusLog: readonly StatusEntry[];
}

export type SlaMetric = 'firstContact' | 'resolution';
export type SlaStage = 'ok' | 'warning' | 'critical' | 'breached' | 'met' | 'paused';

export interface SlaMetricState {
  readonly metric: SlaMetric;
  /** The deadline: the earlier of the target and the limit. While paused: as if the clock resumed now. */
  readonly dueAt: number;
  readonly targetDueAt: number;
  /** The hard limit's due instant, or null when the policy has no limit. */
  readonly limitDueAt: number | null;
  /** Working / wall-clock minutes from now (or from metAt, once met) to dueAt; negative when overdue. */
  readonly remainingWorkingMinutes: number;
  readonly remainingWallMinutes: number;
  readonly stage: SlaStage;
  /** dueAt once it has passed unmet, else null. */
  readonly breachedAt: number | null;
  /**
   * The target's due instant passed before the metric was met (or before now). The breach is the
   * earlier of target and limit, so a missed target is always a breach; breached without
   * targetMissed means the hard limit (e.g. 5 calendar days) came first.
   */
  readonly targetMissed: boolean;
  /** Wall-clock minutes spent in pausing statuses (always 0 for first contact, which never pauses). */
  readonly pausedMinutes: number;
  /** When the metric was met (first contact made; ticket resolved or closed), else null. */
  readonly metAt: number | null;
}

export interface SlaState {
  /** null when the policy has no first-contact target. */
  readonly firstContact: SlaMetricState | null;
  readonly resolution: SlaMetricState;
  /**
   * The due instant the queue sorts by: the earliest due of the metrics not yet met (first
   * contact while an emergency is not contacted, then resolution); null when the ticket is done.
   */
  readonly nextDueAt: number | null;
  readonly worstStage: SlaStage;
}

const msPerMinute = 60_000;

/** Severity order for worstStage: a paused countdown is less pressing than a running one. */
const stageRank: Readonly<Record<SlaStage, number>> = { met: 0, paused: 1, ok: 2, warning: 3, critical: 4, breached: 5 };

export function worseStage(a: SlaStage, b: SlaStage): SlaStage {
  return stageRank[b] > stageRank[a] ? b : a;
}

interface SubTarget {
  readonly duration: SlaDuration;
  readonly due: number;
}

/** Internal detail of a metric, for upcomingSlaInstants. */
export interface MetricDetail {
  readonly state: SlaMetricState;
  readonly subTargets: readonly SubTarget[];
  /** The countdown is live and running: not met, not paused, ticket not finished. */
  readonly running: boolean;
}

function advance(cal: BusinessCalendar, clock: SlaDuration['clock'], from: number, ms: number): number {
  return clock === 'business' ? addWorkingMs(cal, from, ms) : from + ms;
}

function elapsed(cal: BusinessCalendar, clock: SlaDuration['clock'], from: number, to: number): number {
  return clock === 'business' ? workingMsBetween(cal, from, to) : to - from;
}

/** Due instant of a duration counted over the running segments, continuing from `end` if unspent. */
function dueOf(cal: BusinessCalendar, duration: SlaDuration, running: readonly number[], start: number, end: number): number {
  let remaining = Math.round(duration.minutes * msPerMinute);
  if (!(remaining >= 0)) throw new RangeError(`SLA duration must be >= 0 minutes, got ${duration.minutes}`);
  if (remaining === 0) return advance(cal, duration.clock, start, 0);
  for (let i = 0; i < running.length; i += 2) {
    const s = running[i]!;
    const avail = elapsed(cal, duration.clock, s, running[i + 1]!);
    if (avail >= remaining) return advance(cal, duration.clock, s, remaining);
    remaining -= avail;
  }
  return advance(cal, duration.clock, end, remaining);
}

function thresholdStage(cal: BusinessCalendar, policy: SlaPolicy, subTargets: readonly SubTarget[], at: number): SlaStage {
  let stage: SlaStage = 'ok';
  for (const { duration, due } of subTargets) {
    const left = elapsed(cal, duration.clock, at, due);
    if (policy.criticalMinutes !== null && left <= policy.criticalMinutes * msPerMinute) stage = worseStage(stage, 'critical');
    else if (left <= warningWindowMinutes(policy, duration) * msPerMinute) stage = worseStage(stage, 'warning');
  }
  return stage;
}

interface MetricInput {
  readonly metric: SlaMetric;
  readonly target: SlaDuration;
  readonly limit: SlaDuration | null;
  readonly running: readonly number[];
  readonly end: number;
  readonly metAt: number | null;
  /** The countdown stopped without the metric being met (ticket finished without contact). */
  readonly frozenAt: number | null;
  readonly paused: boolean;
  readonly pausedMs: number;
}

function evaluateMetric(cal: BusinessCalendar, policy: SlaPolicy, createdAt: number, m: MetricInput, now: number): MetricDetail {
  const targetDueAt = dueOf(cal, m.target, m.running, createdAt, m.end);
  const limitDueAt = m.limit === null ? null : dueOf(cal, m.limit, m.running, createdAt, m.end);
  const subTargets: SubTarget[] = [{ duration: m.target, due: targetDueAt }];
  if (m.limit !== null && limitDueAt !== null) subTargets.push({ duration: m.limit, due: limitDueAt });
  const dueAt = limitDueAt === null ? targetDueAt : Math.min(targetDueAt, limitDueAt);
  const ref = m.metAt ?? m.frozenAt ?? now;
  const breachedAt = dueAt <= ref ? dueAt : null;

  let stage: SlaStage;
  if (breachedAt !== null) stage = 'breached';
  else if (m.metAt !== null) stage = 'met';
  else if (m.frozenAt === null && m.paused) stage = 'paused';
  else stage = thresholdStage(cal, policy, subTargets, ref);

  const state: SlaMetricState = {
    metric: m.metric,
    dueAt,
    targetDueAt,
    limitDueAt,
    remainingWorkingMinutes: workingMsBetween(cal, ref, dueAt) / msPerMinute,
    remainingWallMinutes: (dueAt - ref) / msPerMinute,
    stage,
    breachedAt,
    targetMissed: targetDueAt <= ref,
    pausedMinutes: m.pausedMs / msPerMinute,
    metAt: m.metAt,
  };
  const running = m.metAt === null && m.frozenAt === null && !m.paused && breachedAt === null;
  return { state, subTargets, running };
}

/** computeSla with the detail upcomingSlaInstants needs. */
export function evaluateSla(
  ticket: SlaTicket,
  policy: SlaPolicy,
  cal: BusinessCalendar,
  now: number,
): { state: SlaState; firstContact: MetricDetail | null; resolution: MetricDetail; timeline: StatusTimeline } {
  const created = ticket.createdAt;
  const timeline = statusTimeline(created, ticket.statusLog, ticket.resolvedAt, policy.pausingStatuses, now);

  let firstContact: MetricDetail | null = null;
  if (policy.firstContact !== null) {
    const contactAt = ticket.firstContactAt;
    const frozenAt = contactAt === null ? timeline.finishedAt : null;
    // First contact never pauses: its clock runs from creation until contact (or the ticket's end).
    const end = contactAt ?? frozenAt ?? Math.max(now, created);
    firstContact = evaluateMetric(
      cal,
      policy,
      created,
      {
        metric: 'firstContact',
        target: policy.firstContact,
        limit: null,
        running: [created, Math.max(end, created)],
        end: Math.max(end, created),
        metAt: contactAt,
        frozenAt,
        paused: false,
        pausedMs: 0,
      },
      now,
    );
  }

  const resolution = evaluateMetric(
    cal,
    policy,
    created,
    {
      metric: 'resolution',
      target: policy.resolution.target,
      limit: policy.resolution.limit,
      running: timeline.running,
      end: timeline.end,
      metAt: timeline.finishedAt,
      frozenAt: null,
      paused: timeline.pausedNow,
      pausedMs: timeline.pausedMs,
    },
    now,
  );

  let nextDueAt: number | null = null;
  if (timeline.finishedAt === null) {
    nextDueAt = resolution.state.dueAt;
    if (firstContact !== null && firstContact.state.metAt === null) nextDueAt = Math.min(nextDueAt, firstContact.state.dueAt);
  }
  const worstStage =
    firstContact === null ? resolution.state.stage : worseStage(firstContact.state.stage, resolution.state.stage);
  return {
    state: { firstContact: firstContact?.state ?? null, resolution: resolution.state, nextDueAt, worstStage },
    firstContact,
    resolution,
    timeline,
  };
}

/**
 * The SLA state of `ticket` at `now` under `policy` (the policy of the ticket's current priority:
 * `policies[ticket.priority]`).
 */
export function computeSla(ticket: SlaTicket, policy: SlaPolicy, cal: BusinessCalendar, now: number): SlaState {
  return evaluateSla(ticket, policy, cal, now).state;
}

/**
 * Sort key for the queue and the stored `dueAt` index: ascending order puts breached tickets
 * first (their due instants are past), most overdue first, then the nearest due; done tickets
 * last (maxInstant). A paused ticket's due instant moves with time, so sort by a fresh state.
 */
export function slaSortKey(state: SlaState): number {
  return state.nextDueAt ?? maxInstant;
}

export interface SlaInstant {
  readonly metric: SlaMetric;
  readonly stage: 'warning' | 'critical' | 'breached';
  readonly at: number;
}

function windowStart(cal: BusinessCalendar, sub: SubTarget, minutes: number | null): number {
  if (minutes === null || !(minutes > 0)) return Infinity;
  const ms = Math.round(minutes * msPerMinute);
  return sub.duration.clock === 'business' ? workingMsBefore(cal, sub.due, ms) : sub.due - ms;
}

/**
 * The future instants (after `now`) at which a metric's stage changes to warning, critical or
 * breached if nothing else happens, in time order: what the alarm scheduler and the queue ticker
 * wait for. A paused, met or finished countdown has none; a status change means recomputing.
 * A stage whose window starts no earlier than a more severe one's is skipped (never shown).
 */
export function upcomingSlaInstants(ticket: SlaTicket, policy: SlaPolicy, cal: BusinessCalendar, now: number): SlaInstant[] {
  const detail = evaluateSla(ticket, policy, cal, now);
  const out: SlaInstant[] = [];
  for (const m of [detail.firstContact, detail.resolution]) {
    if (m === null || !m.running) continue;
    const min = (f: (s: SubTarget) => number) => Math.min(...m.subTargets.map(f));
    const breach = m.state.dueAt;
    const critical = min((s) => windowStart(cal, s, policy.criticalMinutes));
    const warning = min((s) => windowStart(cal, s, warningWindowMinutes(policy, s.duration)));
    if (warning > now && warning < Math.min(critical, breach))
      out.push({ metric: m.state.metric, stage: 'warning', at: warning });
    if (critical > now && critical < breach) out.push({ metric: m.state.metric, stage: 'critical', at: critical });
    if (breach > now) out.push({ metric: m.state.metric, stage: 'breached', at: breach });
  }
  return out.sort((a, b) => a.at - b.at);
}
