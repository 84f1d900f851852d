/**
 * What the KPIs need to know about one ticket, read as it stood at the report's instant `asOf`
 * (docs/kpi.md, "Per-ticket facts").
 */
import type { Priority } from '../vocabulary/enums.ts';
import { slaSourceOf, type SlaSetup } from '../domain/ticketDeadlines.ts';
import { evaluateSla } from '../sla/computeSla.ts';
import { workingMsBetween } from '../sla/workingTime.ts';
import type { BreachReason, KpiEvent, KpiTicket } from './kpiTypes.ts';

export interface TicketFacts {
  readonly ticket: KpiTicket;
  readonly priority: Priority;
  readonly agentId: string;
  readonly finishedAt: number | null;
  /** Working minutes the resolution clock ran up to finishedAt; null when not finished. */
  readonly resolutionMinutes: number | null;
  /** Working minutes from creation to first contact; null without contact at asOf. */
  readonly firstContactAt: number | null;
  readonly firstContactMinutes: number | null;
  readonly outcome: 'met' | 'breached' | null;
  /** breachedAt of a breached ticket, finishedAt of a met one. */
  readonly decidedAt: number | null;
  readonly reasons: readonly BreachReason[];
  readonly escalated: boolean;
  readonly documented: boolean;
  readonly closedAt: number | null;
  readonly csatScore: number | null;
}

const msPerMinute = 60_000;

/** The events of one ticket by kind, each list in time order. */
export interface TicketEventIndex {
  readonly priorityChanged: readonly KpiEvent[];
  readonly assigned: readonly KpiEvent[];
  readonly escalationApproved: readonly KpiEvent[];
  readonly resolution: readonly KpiEvent[];
}

export const noEvents: TicketEventIndex = { priorityChanged: [], assigned: [], escalationApproved: [], resolution: [] };

/** Groups the events by ticket; each ticket's are split by kind (and sorted) only when it is read. */
export class EventIndex {
  private readonly byTicket = new Map<string, KpiEvent[]>();

  /** `only`: keep the events of these tickets alone (the others are never asked for). */
  constructor(events: readonly KpiEvent[], only?: Iterable<string>) {
    if (only) {
      // One lookup an event: the tickets' lists exist beforehand, another ticket's event finds none.
      for (const id of only) this.byTicket.set(id, []);
      for (const e of events) this.byTicket.get(e.ticketId)?.push(e);
      return;
    }
    for (const e of events) {
      const list = this.byTicket.get(e.ticketId);
      if (list) list.push(e);
      else this.byTicket.set(e.ticketId, [e]);
    }
  }

  of(ticketId: string): TicketEventIndex {
    const list = this.byTicket.get(ticketId);
    if (!list || list.length === 0) return noEvents;
    const entry = {
      priorityChanged: [] as KpiEvent[],
      assigned: [] as KpiEvent[],
      escalationApproved: [] as KpiEvent[],
      resolution: [] as KpiEvent[],
    };
    for (const e of list.length > 1 ? [...list].sort((a, b) => a.at - b.at) : list) {
      if (e.kind === 'priority_changed') entry.priorityChanged.push(e);
      else if (e.kind === 'assigned') entry.assigned.push(e);
      else if (e.kind === 'escalation_approved') entry.escalationApproved.push(e);
      else if (e.kind === 'resolution') entry.resolution.push(e);
    }
    return entry;
  }
}

/** The value a field had at asOf: the `from` of the first change after asOf, else the current value. */
function valueAt(changes: readonly KpiEvent[], current: string, asOf: number): string {
  for (const e of changes) {
    if (e.at > asOf) return typeof e.data.from === 'string' ? e.data.from : current;
  }
  return current;
}

const priorityNames: ReadonlySet<string> = new Set(['emergency', 'standard', 'consultation']);

export function ticketFacts(t: KpiTicket, events: TicketEventIndex, setup: SlaSetup, asOf: number): TicketFacts {
  const pastPriority = valueAt(events.priorityChanged, t.priority, asOf);
  const priority = (priorityNames.has(pastPriority) ? pastPriority : t.priority) as Priority;
  const agentId = valueAt(events.assigned, t.assigneeId, asOf);
  // Measured by the settings in force when the ticket was created, as its countdown was.
  const source = slaSourceOf(t, setup);
  const policy = source.policies[priority];
  const cal = source.calendar;

  const firstContactAt = t.firstContactAt !== null && t.firstContactAt <= asOf ? t.firstContactAt : null;
  // The SLA state and the status timeline it was read from (a resolution counts only up to asOf).
  const { state, timeline } = evaluateSla(
    { createdAt: t.createdAt, priority, firstContactAt, resolvedAt: t.resolvedAt, statusLog: t.statusLog },
    policy,
    cal,
    asOf,
  );
  const finishedAt = timeline.finishedAt;

  let resolutionMinutes: number | null = null;
  if (finishedAt !== null) {
    let ms = 0;
    for (let i = 0; i < timeline.running.length; i += 2)
      ms += workingMsBetween(cal, timeline.running[i]!, timeline.running[i + 1]!);
    resolutionMinutes = ms / msPerMinute;
  }
  const firstContactMinutes =
    firstContactAt === null ? null : workingMsBetween(cal, t.createdAt, Math.max(firstContactAt, t.createdAt)) / msPerMinute;

  const reasons: BreachReason[] = [];
  let breachedAt = Infinity;
  const fc = state.firstContact;
  if (fc !== null) {
    if (fc.breachedAt !== null) {
      reasons.push('late_contact');
      breachedAt = Math.min(breachedAt, fc.breachedAt);
    } else if (fc.metAt === null && finishedAt !== null) {
      // Finished without any recorded contact: no contact is never a met contact.
      reasons.push('late_contact');
      breachedAt = Math.min(breachedAt, finishedAt);
    }
  }
  if (state.resolution.breachedAt !== null) {
    reasons.push(finishedAt !== null ? 'late_resolution' : 'still_open');
    breachedAt = Math.min(breachedAt, state.resolution.breachedAt);
  }
  const outcome = reasons.length > 0 ? 'breached' : finishedAt !== null ? 'met' : null;
  const decidedAt = outcome === 'breached' ? breachedAt : finishedAt;

  let escalated: boolean;
  if (events.escalationApproved.length > 0) escalated = events.escalationApproved[0]!.at <= asOf;
  else {
    const e = t.escalation;
    escalated = (e.state === 'approved' || e.state === 'answered') && e.decidedAt !== null && e.decidedAt <= asOf;
  }

  let documented: boolean;
  if (events.resolution.length > 0) {
    let latest: KpiEvent | null = null;
    for (const e of events.resolution) if (e.at <= asOf) latest = e;
    const kb = latest?.data.kbArticleId;
    documented = typeof kb === 'string' && kb.trim() !== '';
  } else documented = (t.resolution?.kbArticleId ?? '').trim() !== '';

  const closedAt = t.closedAt !== null && t.closedAt <= asOf ? t.closedAt : null;
  return {
    ticket: t,
    priority,
    agentId,
    finishedAt,
    resolutionMinutes,
    firstContactAt,
    firstContactMinutes,
    outcome,
    decidedAt,
    reasons,
    escalated,
    documented,
    closedAt,
    csatScore: closedAt !== null && t.csat !== null ? t.csat.score : null,
  };
}
