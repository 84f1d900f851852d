/**
 * The report the section shows: online, the endpoint's (every ticket of the period); offline or
 * when the server cannot be reached, the local working set's, computed in a worker, and said so.
 */
import { useEffect, useState } from 'react';
import type { KpiReport } from '#shared/kpi/index.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useConnectionStore } from '../../state/connectionStore.ts';
import { ApiRequestError } from '../../sync/apiClient.ts';
import { localKpiReport } from './localKpiReport.ts';

export type ReportSource = 'server' | 'local';

export type KpiReportState =
  { status: 'loading' } | { status: 'ready'; report: KpiReport; source: ReportSource } | { status: 'error'; message: string };

export function kpiQuery(period: { from: string; to: string }, agent: string | null, format?: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams({ from: period.from, to: period.to });
  if (agent) q.set('agent', agent);
  if (format) q.set('format', format);
  return `/api/reports/kpi?${q.toString()}`;
}

export function useKpiReport(period: { from: string; to: string } | null, agent: string | null): KpiReportState {
  const { api, db, clock } = useWorkspace();
  const online = useConnectionStore((s) => s.state === 'online');
  // The answer is kept with the request it answers: a newer request shows as loading until its own arrives.
  const key = period === null ? '' : `${period.from}|${period.to}|${agent ?? ''}|${online ? 'online' : 'offline'}`;
  const [answer, setAnswer] = useState<{ key: string; state: KpiReportState } | null>(null);

  useEffect(() => {
    if (period === null) return;
    let cancelled = false;
    const setState = (state: KpiReportState) => setAnswer({ key, state });
    const local = async () => {
      const report = await localKpiReport(db, period, agent, clock.now());
      if (!cancelled) setState({ status: 'ready', report, source: 'local' });
    };
    const run = async () => {
      if (!online) return local();
      try {
        const report = await api.request<KpiReport>('GET', kpiQuery(period, agent));
        if (!cancelled) setState({ status: 'ready', report, source: 'server' });
      } catch (error) {
        // Unreachable: the local working set still answers. A refusal (400, 403) is shown as is.
        if (error instanceof ApiRequestError && error.kind === 'network') return local();
        throw error;
      }
    };
    run().catch((error: unknown) => {
      if (!cancelled) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
    };
  }, [api, db, clock, key]); // eslint-disable-line react-hooks/exhaustive-deps

  return answer !== null && answer.key === key ? answer.state : { status: 'loading' };
}
