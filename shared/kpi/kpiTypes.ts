/** The report's shape (docs/kpi.md). The top level up to `resolutionMinutes` is fixed: scripts read it. */
import type { Channel, Priority, Product, TicketStatus } from '../vocabulary/enums.ts';
import type { TicketEvent } from '../schema/eventSchema.ts';
import type { Ticket } from '../schema/ticketSchema.ts';
import type { KpiListScope } from './kpiLists.ts';

/** The ticket fields the KPIs read. */
export type KpiTicket = Pick<
  Ticket,
  | 'id'
  | 'number'
  | 'subject'
  | 'priority'
  | 'status'
  | 'channel'
  | 'product'
  | 'assigneeId'
  | 'createdAt'
  | 'firstContactAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'statusLog'
  | 'escalation'
  | 'resolution'
  | 'csat'
  | 'repeatOf'
>;

/** The event fields the KPIs read (kinds priority_changed, assigned, escalation_approved, resolution). */
export type KpiEvent = Pick<TicketEvent, 'ticketId' | 'kind' | 'at' | 'data'>;

/** The event kinds the KPIs read: a data source may fetch only these. */
export const kpiEventKinds = ['priority_changed', 'assigned', 'escalation_approved', 'resolution'] as const;

export interface Rate {
  total: number;
  met: number;
  /** met / total, 0-1; null when total is 0. */
  rate: number | null;
}

export interface Times {
  /** Working minutes; null without tickets. */
  mean: number | null;
  median: number | null;
  count: number;
}

export interface Csat {
  count: number;
  mean: number | null;
  closed: number;
  ratedShare: number | null;
}

export interface Repeats {
  /** Repeats created in the period. */
  count: number;
  /** Repeats created in the calendar quarter before the one containing `to`. */
  previousQuarter: number;
  /** Repeats created in the calendar quarter containing `to` (up to the report's instant). */
  quarter: number;
  /** (quarter - previousQuarter) / previousQuarter; null when previousQuarter is 0. */
  change: number | null;
}

export interface Volume {
  total: number;
  perMonth: number;
  expectedPerMonth: number;
  byMonth: { month: string; count: number }[];
}

export type BreachReason = 'late_contact' | 'late_resolution' | 'still_open';

export interface BreachedTicket {
  ticketId: string;
  priority: Priority;
  reasons: BreachReason[];
  /** The earliest due instant that passed unmet. */
  breachedAt: number;
}

/** The figures of a split (a priority, a channel, a product, a week). */
export interface KpiFigures {
  sla: Rate;
  withoutEscalation: Rate;
  documented: Rate;
  csat: Csat;
  volume: number;
  firstContactMinutes: Times;
  resolutionMinutes: Times;
}

export interface KpiWeek {
  /** Monday of the ISO week, YYYY-MM-DD. */
  week: string;
  sla: Record<Priority, Rate> & { all: Rate };
  withoutEscalation: Rate;
  csat: Csat;
  volume: number;
}

export interface KpiTicketInfo {
  id: string;
  number: string | null;
  subject: string;
  priority: Priority;
  channel: Channel;
  product: Product | null;
  agentId: string;
  status: TicketStatus;
  createdAt: number;
}

export type TargetVerdict = 'met' | 'missed' | null;

export interface KpiReport {
  period: { from: string; to: string };
  sla: Record<Priority, Rate>;
  withoutEscalation: Rate;
  documented: Rate;
  csat: Csat;
  repeats: Repeats;
  volume: Volume;
  firstContactMinutes: Times;
  resolutionMinutes: Times;
  /** More keys (docs/kpi.md, "Splits and lists"). */
  agent: string | null;
  timeZone: string;
  asOf: number;
  targets: Record<string, TargetVerdict>;
  byPriority: Record<Priority, KpiFigures>;
  byChannel: Partial<Record<Channel, KpiFigures>>;
  byProduct: Record<string, KpiFigures>;
  weeks: KpiWeek[];
  breached: BreachedTicket[];
  /** Which lists `lists` holds: all, the team's (no split), or none (GET /api/reports/kpi/tickets gives them per figure). */
  listScope: KpiListScope;
  /** Ticket ids behind every number, keyed by figure (e.g. `sla.emergency.breached`), as `listScope` says. */
  lists: Record<string, string[]>;
  /** The tickets named in `lists` and in `breached`. */
  tickets: Record<string, KpiTicketInfo>;
}
