/**
 * A client's history as the client page shows it: each ticket's SLA outcome by its stored due
 * instants, and repeat tickets counted per site and product over the last quarters (Moscow time,
 * the workspace's).
 */
import type { Product, TicketStatus } from '../vocabulary/enums.ts';

export interface HistoryTicket {
  status: TicketStatus;
  createdAt: number;
  firstContactAt: number | null;
  firstContactDueAt: number | null;
  resolvedAt: number | null;
  resolutionDueAt: number | null;
  siteName: string;
  product: Product | null;
  repeatOf: string | null;
}

/** `breached`: a deadline passed before it was met (or is past and still unmet); `open`: still running. */
export type SlaOutcome = 'met' | 'breached' | 'open';

const finished = (t: HistoryTicket) => t.status === 'resolved' || t.status === 'closed';

export function slaOutcome(t: HistoryTicket, now: number): SlaOutcome {
  const late = (doneAt: number | null, dueAt: number | null) => dueAt !== null && (doneAt ?? now) > dueAt;
  if (late(t.firstContactAt, t.firstContactDueAt) || late(t.resolvedAt, t.resolutionDueAt)) return 'breached';
  return finished(t) ? 'met' : 'open';
}

const moscowOffsetMs = 3 * 3_600_000;

/** `2026 Q3` of an instant, in Moscow time. */
export function quarterOf(at: number): string {
  const d = new Date(at + moscowOffsetMs);
  return `${d.getUTCFullYear()} Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** The last `count` quarters up to the one holding `now`, oldest first. */
export function lastQuarters(now: number, count: number): string[] {
  const d = new Date(now + moscowOffsetMs);
  let year = d.getUTCFullYear();
  let q = Math.floor(d.getUTCMonth() / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${year} Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

export interface RepeatRow {
  siteName: string;
  product: Product | null;
  /** Repeat tickets created in each quarter, in the order of `quarters`. */
  counts: number[];
}

/** Repeats (tickets linked to an earlier one) per site and product, for the given quarters; busiest first. */
export function repeatsPerSiteAndProduct(tickets: readonly HistoryTicket[], quarters: readonly string[]): RepeatRow[] {
  const rows = new Map<string, RepeatRow>();
  for (const t of tickets) {
    if (!t.repeatOf) continue;
    const column = quarters.indexOf(quarterOf(t.createdAt));
    if (column < 0) continue;
    const key = `${t.siteName}\u0000${t.product ?? ''}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { siteName: t.siteName, product: t.product, counts: quarters.map(() => 0) }));
    row.counts[column]! += 1;
  }
  const total = (r: RepeatRow) => r.counts.reduce((a, b) => a + b, 0);
  return [...rows.values()].sort(
    (a, b) =>
      total(b) - total(a) || a.siteName.localeCompare(b.siteName, 'ru') || (a.product ?? '').localeCompare(b.product ?? ''),
  );
}
