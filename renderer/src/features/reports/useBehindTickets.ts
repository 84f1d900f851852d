/**
 * The tickets behind a number, a page at a time: from the report itself when it carries its lists
 * (the desk's own, offline), else from the endpoint (GET /api/reports/kpi/tickets), read at the
 * report's instant so the list is the one behind the number shown.
 */
import { useEffect, useState } from 'react';
import type { KpiReport, KpiTicketInfo } from '#shared/kpi/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import type { ApiClient } from '../../sync/apiClient.ts';

/** A figure's list by its key in the report (`sla.standard.total`), or given tickets (a breach). */
export type BehindList = { title: string; key: string } | { title: string; ids: readonly string[] };

export interface BehindRow {
  id: string;
  info: KpiTicketInfo | null;
}

export type BehindState =
  | { status: 'loading'; rows: BehindRow[]; total: number | null }
  | { status: 'ready'; rows: BehindRow[]; total: number }
  | { status: 'error'; rows: BehindRow[]; total: number | null; message: string };

export const behindPageSize = 100;

interface TicketPage {
  total: number;
  tickets: KpiTicketInfo[];
}

export function behindQuery(report: KpiReport, figure: string, offset: number, limit = behindPageSize): string {
  const q = new URLSearchParams({ from: report.period.from, to: report.period.to, figure, asOf: String(report.asOf) });
  if (report.agent) q.set('agent', report.agent);
  q.set('offset', String(offset));
  q.set('limit', String(limit));
  return `/api/reports/kpi/tickets?${q.toString()}`;
}

/** The page of `list` from `offset`: here when the report holds the ids, else from the endpoint. */
async function pageOf(
  api: ApiClient,
  report: KpiReport,
  list: BehindList,
  offset: number,
): Promise<{ total: number; rows: BehindRow[] }> {
  const here = (ids: readonly string[]) => ({
    total: ids.length,
    rows: ids.slice(offset, offset + behindPageSize).map((id) => ({ id, info: report.tickets[id] ?? null })),
  });
  if ('ids' in list) return here(list.ids);
  if (report.listScope !== 'none') return here(report.lists[list.key] ?? []);
  const page = await api.request<TicketPage>('GET', behindQuery(report, list.key, offset));
  return { total: page.total, rows: page.tickets.map((t) => ({ id: t.id, info: t })) };
}

const noRows: BehindRow[] = [];

/** The rows loaded so far and `more()` to load the next page. */
export function useBehindTickets(report: KpiReport, list: BehindList | null): { state: BehindState; more: () => void } {
  const { api } = useWorkspace();
  const [pages, setPages] = useState(1);
  // The pages loaded so far, kept with the list they belong to.
  const [answer, setAnswer] = useState<{
    list: BehindList;
    rows: BehindRow[];
    total: number | null;
    error: string | null;
  } | null>(null);
  // A new list starts from its first page.
  const [forList, setForList] = useState(list);
  if (forList !== list) {
    setForList(list);
    setPages(1);
  }
  const current = answer !== null && answer.list === list ? answer : null;

  useEffect(() => {
    if (list === null) return;
    const rows = current?.rows ?? noRows;
    const offset = rows.length;
    if (current?.error || offset >= pages * behindPageSize || offset >= (current?.total ?? Infinity)) return;
    let cancelled = false;
    pageOf(api, report, list, offset).then(
      (page) => {
        if (!cancelled) setAnswer({ list, rows: [...rows, ...page.rows], total: page.total, error: null });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (!cancelled) setAnswer({ list, rows, total: current?.total ?? null, error: message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, report, list, pages]); // eslint-disable-line react-hooks/exhaustive-deps

  const rows = current?.rows ?? noRows;
  const total = current?.total ?? null;
  let state: BehindState;
  if (current?.error) state = { status: 'error', rows, total, message: current.error };
  else if (total === null || rows.length < Math.min(total, pages * behindPageSize)) state = { status: 'loading', rows, total };
  else state = { status: 'ready', rows, total };
  return { state, more: () => setPages((p) => p + 1) };
}
