/**
 * SLA policies per priority (docs/product.md, "SLA deadlines"). Plain JSON: the head of department
 * edits them and they are stored as the `sla-policies` config document.
 */
import type { Priority } from '../vocabulary/enums.ts';

/** `business`: counts working time of the business calendar. `calendar`: counts wall-clock time, 24/7. */
export type SlaClock = 'business' | 'calendar';

export interface SlaDuration {
  readonly minutes: number;
  readonly clock: SlaClock;
}

export interface SlaPolicy {
  /** First public contact with the client (logged call, sent reply); null: not measured. */
  readonly firstContact: SlaDuration | null;
  readonly resolution: {
    /** The target in working hours (or calendar time). */
    readonly target: SlaDuration;
    /** A hard limit besides the target (e.g. 5 calendar days); the earlier of the two is the breach. */
    readonly limit: SlaDuration | null;
  };
  /** Statuses that pause the resolution clocks (first contact never pauses). */
  readonly pausingStatuses: readonly string[];
  /**
   * Warning window. Interpretation of "25% of the target left and at most 30 min": the warning
   * starts when the time left is at most min(warningFraction x duration, warningMaxMinutes),
   * measured in the duration's own clock: a 4-hour target warns 30 working minutes before its
   * due instant, a 15-minute target 3.75 minutes before (min(3.75, 30)).
   */
  readonly warningFraction: number;
  readonly warningMaxMinutes: number;
  /**
   * Critical window in minutes left (5 for emergencies), or null for none. The more severe stage
   * wins: where the critical window is wider than the warning window (the 15-minute first
   * contact: 5 > 3.75) the countdown goes from ok straight to critical.
   */
  readonly criticalMinutes: number | null;
}

export type SlaPolicies = Readonly<Record<Priority, SlaPolicy>>;

const waitingForClient = ['waiting_client'] as const;
const fiveCalendarDays: SlaDuration = { minutes: 5 * 24 * 60, clock: 'calendar' };

/** The job description's numbers (docs/product.md): the defaults until the head of department edits them. */
export function defaultSlaPolicies(): SlaPolicies {
  return {
    emergency: {
      firstContact: { minutes: 15, clock: 'business' },
      resolution: { target: { minutes: 4 * 60, clock: 'business' }, limit: null },
      pausingStatuses: waitingForClient,
      warningFraction: 0.25,
      warningMaxMinutes: 30,
      criticalMinutes: 5,
    },
    standard: {
      firstContact: null,
      resolution: { target: { minutes: 24 * 60, clock: 'business' }, limit: fiveCalendarDays },
      pausingStatuses: waitingForClient,
      warningFraction: 0.25,
      warningMaxMinutes: 30,
      criticalMinutes: null,
    },
    consultation: {
      firstContact: null,
      resolution: { target: { minutes: 48 * 60, clock: 'business' }, limit: fiveCalendarDays },
      pausingStatuses: waitingForClient,
      warningFraction: 0.25,
      warningMaxMinutes: 30,
      criticalMinutes: null,
    },
  };
}

/** The warning window of a duration, in minutes of its own clock (see SlaPolicy.warningFraction). */
export function warningWindowMinutes(policy: SlaPolicy, duration: SlaDuration): number {
  return Math.min(policy.warningFraction * duration.minutes, policy.warningMaxMinutes);
}
