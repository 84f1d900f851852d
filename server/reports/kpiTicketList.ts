/**
 * The tickets behind one number of the KPI report, a page at a time (GET /api/reports/kpi/tickets):
 * the report's JSON carries the numbers, and a desk asks for a figure's tickets when they are shown.
 * Read at the report's instant `asOf`, the list is the one behind the number the desk shows.
 */
import { isKpiListKey, type KpiReport, type KpiTicketInfo } from '#shared/kpi/index.ts';
import { invalid } from '../domainErrors.ts';

export const defaultPageSize = 100;
export const maxPageSize = 500;

export interface KpiTicketPageRequest {
  figure: string;
  offset: number;
  limit: number;
  /** The report's instant (epoch ms), or null for now. */
  asOf: number | null;
}

export interface KpiTicketPage {
  figure: string;
  asOf: number;
  /** Tickets behind the figure in all. */
  total: number;
  offset: number;
  tickets: KpiTicketInfo[];
}

const wholeNumber = (v: unknown): number | null =>
  typeof v === 'string' && /^\d{1,16}$/.test(v) ? Number(v) : typeof v === 'undefined' || v === '' ? null : NaN;

/** Checks the figure and the page; throws an `invalid` DomainError with the reason. */
export function checkTicketPage(q: {
  figure?: unknown;
  offset?: unknown;
  limit?: unknown;
  asOf?: unknown;
}): KpiTicketPageRequest {
  const figure = q.figure;
  if (typeof figure !== 'string' || !isKpiListKey(figure)) {
    throw invalid(
      'unknown_figure',
      `Показатель «${String(figure ?? '')}» не найден: ожидается, например, figure=sla.standard.total или byChannel.email.sla.breached.`,
    );
  }
  const offset = wholeNumber(q.offset) ?? 0;
  if (Number.isNaN(offset)) throw invalid('invalid_page', 'offset: целое число не меньше 0.');
  const limit = wholeNumber(q.limit) ?? defaultPageSize;
  if (Number.isNaN(limit) || limit < 1 || limit > maxPageSize) {
    throw invalid('invalid_page', `limit: целое число от 1 до ${maxPageSize}.`);
  }
  const asOf = wholeNumber(q.asOf);
  if (Number.isNaN(asOf)) throw invalid('invalid_as_of', 'asOf: момент отчёта в миллисекундах с 1970 года.');
  return { figure, offset, limit, asOf };
}

/** One page of the figure's list in a report computed with every list (`lists: 'all'`). */
export function ticketPage(report: KpiReport, page: KpiTicketPageRequest): KpiTicketPage {
  const ids = report.lists[page.figure] ?? [];
  const tickets: KpiTicketInfo[] = [];
  for (const id of ids.slice(page.offset, page.offset + page.limit)) {
    const info = report.tickets[id];
    // Stryker disable next-line ConditionalExpression: every listed ticket is described (computeKpiReport)
    if (info) tickets.push(info);
  }
  return { figure: page.figure, asOf: report.asOf, total: ids.length, offset: page.offset, tickets };
}

/**
 * The last few full reports, for a minute: paging through a figure's tickets, or opening the
 * next figure of the same report, computes the period once.
 */
export class RecentReports {
  private readonly entries = new Map<string, { at: number; report: Promise<KpiReport> }>();
  private readonly ttlMs: number;
  private readonly size: number;
  private readonly clock: () => number;

  constructor(ttlMs = 60_000, size = 4, clock: () => number = Date.now) {
    this.ttlMs = ttlMs;
    this.size = size;
    this.clock = clock;
  }

  get(key: string, build: () => Promise<KpiReport>): Promise<KpiReport> {
    const now = this.clock();
    for (const [k, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(k);
    const hit = this.entries.get(key);
    if (hit) return hit.report;
    const report = build();
    this.entries.set(key, { at: now, report });
    // A failed computation is not kept.
    report.catch(() => this.entries.delete(key));
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return report;
  }
}
