/**
 * The KPI report of a period for the team or one agent (docs/kpi.md). Pure: the caller passes the
 * tickets, their events, the SLA setup and `now`; the endpoint, the CLI and the desk all call this.
 */
import { priorities, type Priority } from '../vocabulary/enums.ts';
import type { SlaSetup } from '../domain/ticketDeadlines.ts';
import { csat, rate, times } from './aggregate.ts';
import { formatIsoDate, kpiPeriod, periodMonths, periodWeeks, quarterStarts, startOfDay, type KpiPeriod } from './kpiPeriod.ts';
import { kpiTargets, targetVerdicts } from './kpiTargets.ts';
import type { BreachedTicket, KpiEvent, KpiFigures, KpiReport, KpiTicket, KpiTicketInfo, KpiWeek, Rate } from './kpiTypes.ts';
import { EventIndex, ticketFacts, type TicketFacts } from './ticketFacts.ts';
import type { KpiListScope } from './kpiLists.ts';

export interface KpiInput {
  readonly tickets: readonly KpiTicket[];
  readonly events: readonly KpiEvent[];
  readonly setup: SlaSetup;
  /** Civil dates YYYY-MM-DD in the calendar's time zone, both included. */
  readonly from: string;
  readonly to: string;
  /** One agent's id, or null/undefined for the team. */
  readonly agent?: string | null;
  readonly now: number;
  /** Which ticket lists the report carries (default `all`); the numbers are the same in every scope. */
  readonly lists?: KpiListScope;
}

const inRange = (at: number | null, start: number, end: number): at is number => at !== null && at >= start && at < end;

/** The list a figure's ids go to, or null when the report does not carry it. */
type ListFor = (key: string) => string[] | null;
const noList: ListFor = () => null;

/** The figures of one group of tickets, recording the ids behind each number where `list` says. */
function figuresOf(facts: readonly TicketFacts[], start: number, end: number, list: ListFor): KpiFigures {
  const sla = { total: list('sla.total'), met: list('sla.met'), breached: list('sla.breached') };
  const esc = {
    total: list('withoutEscalation.total'),
    met: list('withoutEscalation.met'),
    missed: list('withoutEscalation.missed'),
  };
  const doc = { total: list('documented.total'), met: list('documented.met'), missed: list('documented.missed') };
  const closed = list('csat.closed');
  const rated = list('csat.rated');
  const created = list('volume.total');
  const fcList = list('firstContactMinutes');
  const resList = list('resolutionMinutes');
  let slaTotal = 0;
  let slaMet = 0;
  let finished = 0;
  let withoutEscalation = 0;
  let documented = 0;
  let closedCount = 0;
  let volume = 0;
  const scores: number[] = [];
  const fc: number[] = [];
  const res: number[] = [];
  for (const f of facts) {
    const id = f.ticket.id;
    if (f.outcome !== null && inRange(f.decidedAt, start, end)) {
      slaTotal++;
      sla.total?.push(id);
      if (f.outcome === 'met') {
        slaMet++;
        sla.met?.push(id);
      } else sla.breached?.push(id);
    }
    if (inRange(f.finishedAt, start, end)) {
      finished++;
      esc.total?.push(id);
      doc.total?.push(id);
      if (!f.escalated) {
        withoutEscalation++;
        esc.met?.push(id);
      } else esc.missed?.push(id);
      if (f.documented) {
        documented++;
        doc.met?.push(id);
      } else doc.missed?.push(id);
      res.push(f.resolutionMinutes!);
      resList?.push(id);
    }
    if (inRange(f.closedAt, start, end)) {
      closedCount++;
      closed?.push(id);
      if (f.csatScore !== null) {
        scores.push(f.csatScore);
        rated?.push(id);
      }
    }
    if (inRange(f.firstContactAt, start, end)) {
      fc.push(f.firstContactMinutes!);
      fcList?.push(id);
    }
    if (inRange(f.ticket.createdAt, start, end)) {
      volume++;
      created?.push(id);
    }
  }
  return {
    sla: rate(slaTotal, slaMet),
    withoutEscalation: rate(finished, withoutEscalation),
    documented: rate(finished, documented),
    csat: csat(scores, closedCount),
    volume,
    firstContactMinutes: times(fc),
    resolutionMinutes: times(res),
  };
}

function groupBy<K extends string>(facts: readonly TicketFacts[], key: (f: TicketFacts) => K): Map<K, TicketFacts[]> {
  const out = new Map<K, TicketFacts[]>();
  for (const f of facts) {
    const k = key(f);
    const list = out.get(k);
    if (list) list.push(f);
    else out.set(k, [f]);
  }
  return out;
}

/**
 * The trend: every ISO week touching the period with the figures of weekOf's definition (docs/kpi.md,
 * "Weeks"), counted in one pass over the tickets (each instant falls in at most one week).
 */
function weeksOf(facts: readonly TicketFacts[], period: KpiPeriod): KpiWeek[] {
  const mondays = periodWeeks(period.fromDay, period.toDay);
  const bounds = mondays.map((monday) => ({
    start: Math.max(period.start, startOfDay(period.timeZone, monday)),
    end: Math.min(period.end, startOfDay(period.timeZone, monday + 7)),
  }));
  // The bounds are cut to the period, so an instant outside it is in no week.
  const weekAt = (at: number | null): number => {
    if (at === null) return -1;
    for (let i = 0; i < bounds.length; i++) if (at >= bounds[i]!.start && at < bounds[i]!.end) return i;
    return -1;
  };
  const counts = mondays.map(() => ({
    sla: { emergency: [0, 0], standard: [0, 0], consultation: [0, 0], all: [0, 0] } as Record<Priority | 'all', [number, number]>,
    finished: 0,
    withoutEscalation: 0,
    closed: 0,
    scores: [] as number[],
    volume: 0,
  }));
  for (const f of facts) {
    if (f.outcome !== null) {
      const w = weekAt(f.decidedAt);
      if (w >= 0) {
        const met = f.outcome === 'met' ? 1 : 0;
        const c = counts[w]!.sla;
        c[f.priority][0]++;
        c[f.priority][1] += met;
        c.all[0]++;
        c.all[1] += met;
      }
    }
    const fw = weekAt(f.finishedAt);
    if (fw >= 0) {
      counts[fw]!.finished++;
      if (!f.escalated) counts[fw]!.withoutEscalation++;
    }
    const cw = weekAt(f.closedAt);
    if (cw >= 0) {
      counts[cw]!.closed++;
      if (f.csatScore !== null) counts[cw]!.scores.push(f.csatScore);
    }
    const vw = weekAt(f.ticket.createdAt);
    if (vw >= 0) counts[vw]!.volume++;
  }
  return mondays.map((monday, i) => {
    const c = counts[i]!;
    const sla = {} as Record<Priority | 'all', Rate>;
    for (const p of [...priorities, 'all'] as const) sla[p] = rate(c.sla[p][0], c.sla[p][1]);
    return {
      week: formatIsoDate(monday),
      sla,
      withoutEscalation: rate(c.finished, c.withoutEscalation),
      csat: csat(c.scores, c.closed),
      volume: c.volume,
    };
  });
}

function infoOf(f: TicketFacts): KpiTicketInfo {
  const t = f.ticket;
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    priority: f.priority,
    channel: t.channel,
    product: t.product,
    agentId: f.agentId,
    status: t.status,
    createdAt: t.createdAt,
  };
}

/**
 * A ticket finished before `start` and untouched since (no status change, contact or close at or
 * after it) has nothing in the period: skipping it before the SLA arithmetic changes no figure and
 * keeps a year's workspace cheap for a week's report. Repeats are read separately.
 */
function settledBefore(t: KpiTicket, start: number): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: settledBefore only saves work: keeping a ticket it could skip changes no figure
  if (t.status !== 'resolved' && t.status !== 'closed') return false;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: settledBefore only saves work: keeping a ticket it could skip changes no figure
  if ((t.resolvedAt ?? 0) >= start || (t.closedAt ?? 0) >= start || (t.firstContactAt ?? 0) >= start) return false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: settledBefore only saves work: keeping a ticket it could skip changes no figure
  for (const e of t.statusLog) if (e.at >= start) return false;
  // Stryker disable next-line BooleanLiteral: settledBefore only saves work: keeping a ticket it could skip changes no figure
  return true;
}

/** Throws KpiPeriodError (code malformed_date, from_after_to, period_too_long) for a bad period. */
export function computeKpiReport(input: KpiInput): KpiReport {
  const { setup, now } = input;
  const period = kpiPeriod(input.from, input.to, setup.calendar.timeZone);
  const asOf = Math.min(now, period.end);
  const agent = input.agent ?? null;

  const tz = period.timeZone;
  const q = quarterStarts(period.toDay);
  const previousStart = startOfDay(tz, q.previous);

  const read: KpiTicket[] = [];
  for (const t of input.tickets) {
    if (t.createdAt >= period.end) continue;
    if (settledBefore(t, period.start) && !(t.repeatOf && t.createdAt >= previousStart)) continue;
    read.push(t);
  }
  // Only the events of the tickets read are grouped: a year's working set has many more.
  const eventIndex = new EventIndex(
    input.events,
    read.map((t) => t.id),
  );
  const all: TicketFacts[] = [];
  for (const t of read) {
    const f = ticketFacts(t, eventIndex.of(t.id), setup, asOf);
    if (agent !== null && f.agentId !== agent) continue;
    all.push(f);
  }

  // Creation order (then id): every list comes out the same whatever order the tickets were read in.
  all.sort(
    // Stryker disable next-line EqualityOperator,ConditionalExpression: ids are unique, so two ids never compare equal
    (a, b) => a.ticket.createdAt - b.ticket.createdAt || (a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0),
  );

  const scope = input.lists ?? 'all';
  const lists: Record<string, string[]> = {};
  const listOf = (key: string): string[] => (lists[key] ??= []);
  // The team's lists (scopes all and team) and the splits' (scope all only).
  const teamList: ListFor = scope === 'none' ? noList : listOf;
  const splitList = (prefix: string): ListFor => (scope === 'all' ? (key) => listOf(prefix + key) : noList);
  const { start, end } = period;
  const byPriorityFacts = groupBy(all, (f) => f.priority);
  const byPriority = {} as Record<Priority, KpiFigures>;
  const sla = {} as Record<Priority, Rate>;
  for (const p of priorities) {
    const split = splitList(`byPriority.${p}.`);
    // A priority's SLA lists are the team's `sla.<priority>.*` too: one array under both names.
    const list: ListFor = (key) => {
      const own = split(key);
      if (!key.startsWith('sla.')) return own;
      const teamKey = `sla.${p}.${key.slice(4)}`;
      if (own !== null) return (lists[teamKey] = own);
      return teamList(teamKey);
    };
    byPriority[p] = figuresOf(byPriorityFacts.get(p) ?? [], start, end, list);
    sla[p] = byPriority[p].sla;
  }
  const team = figuresOf(all, start, end, teamList);
  const byChannel: KpiReport['byChannel'] = {};
  for (const [channel, facts] of groupBy(all, (f) => f.ticket.channel)) {
    byChannel[channel] = figuresOf(facts, start, end, splitList(`byChannel.${channel}.`));
  }
  const byProduct: KpiReport['byProduct'] = {};
  for (const [product, facts] of groupBy(all, (f) => f.ticket.product ?? 'none')) {
    byProduct[product] = figuresOf(facts, start, end, splitList(`byProduct.${product}.`));
  }

  // Repeats: in the period, in the quarter containing `to`, and in the quarter before it.
  const quarterStart = startOfDay(tz, q.quarter);
  const quarterEnd = Math.min(startOfDay(tz, q.next), asOf + 1);
  const repeatCount: string[] = [];
  const repeatQuarter: string[] = [];
  const repeatPrevious: string[] = [];
  for (const f of all) {
    // repeatOf is null or '' when the ticket repeats nothing.
    if (!f.ticket.repeatOf) continue;
    const c = f.ticket.createdAt;
    if (inRange(c, start, end)) repeatCount.push(f.ticket.id);
    if (inRange(c, quarterStart, quarterEnd)) repeatQuarter.push(f.ticket.id);
    if (inRange(c, previousStart, quarterStart)) repeatPrevious.push(f.ticket.id);
  }
  if (scope !== 'none') {
    lists['repeats.count'] = repeatCount;
    lists['repeats.quarter'] = repeatQuarter;
    lists['repeats.previousQuarter'] = repeatPrevious;
  }

  const months = periodMonths(period.fromDay, period.toDay);
  const monthCount = months.reduce((s, m) => s + m.fraction, 0);
  const monthBounds = months.map(
    (m) => [Math.max(start, startOfDay(tz, m.start)), Math.min(end, startOfDay(tz, m.end))] as const,
  );
  const monthCounts = months.map(() => 0);
  for (const f of all) {
    const i = monthBounds.findIndex(([ms, me]) => inRange(f.ticket.createdAt, ms, me));
    if (i >= 0) monthCounts[i]!++;
  }
  const byMonth = months.map((m, i) => ({ month: m.month, count: monthCounts[i]! }));

  const breached: BreachedTicket[] = [];
  for (const f of all) {
    if (f.outcome === 'breached' && inRange(f.decidedAt, start, end)) {
      breached.push({ ticketId: f.ticket.id, priority: f.priority, reasons: [...f.reasons], breachedAt: f.decidedAt });
    }
  }
  breached.sort((a, b) => a.breachedAt - b.breachedAt || a.ticketId.localeCompare(b.ticketId));

  // The tickets the report names: the breached, and with lists every ticket one of them names. A
  // list holds a ticket when its instant is in range: each of these conditions is the one of a
  // list (decided, finished, closed, contacted, created, a repeat); every other list is a subset.
  const tickets: Record<string, KpiTicketInfo> = {};
  const withLists = scope !== 'none';
  for (const f of all) {
    const c = f.ticket.createdAt;
    const named =
      (f.outcome !== null && inRange(f.decidedAt, start, end) && (withLists || f.outcome === 'breached')) ||
      (withLists &&
        (inRange(f.finishedAt, start, end) ||
          inRange(f.closedAt, start, end) ||
          inRange(f.firstContactAt, start, end) ||
          inRange(c, start, end) ||
          (!!f.ticket.repeatOf && inRange(c, previousStart, quarterEnd))));
    if (named) tickets[f.ticket.id] = infoOf(f);
  }

  const repeats = {
    count: repeatCount.length,
    previousQuarter: repeatPrevious.length,
    quarter: repeatQuarter.length,
    change: repeatPrevious.length === 0 ? null : (repeatQuarter.length - repeatPrevious.length) / repeatPrevious.length,
  };
  const base = {
    period: { from: period.from, to: period.to },
    sla,
    withoutEscalation: team.withoutEscalation,
    documented: team.documented,
    csat: team.csat,
    repeats,
    volume: {
      total: team.volume,
      // Stryker disable next-line ConditionalExpression: a valid period covers at least a day of a month, so never 0
      perMonth: monthCount === 0 ? 0 : team.volume / monthCount,
      expectedPerMonth: kpiTargets.volumePerMonth,
      byMonth,
    },
    firstContactMinutes: team.firstContactMinutes,
    resolutionMinutes: team.resolutionMinutes,
  };
  return {
    ...base,
    agent,
    timeZone: tz,
    asOf,
    targets: targetVerdicts({ ...base, byPriority }, setup),
    byPriority,
    byChannel,
    byProduct,
    weeks: weeksOf(all, period),
    breached,
    listScope: scope,
    lists,
    tickets,
  };
}
