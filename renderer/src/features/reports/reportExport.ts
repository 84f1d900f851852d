/**
 * Exports from the desk: XLSX downloaded from the endpoint (exceljs stays on the server); CSV too
 * when the report is the endpoint's (its JSON has no lists of tickets), else made here.
 */
import { kpiCsv, type KpiReport } from '#shared/kpi/index.ts';
import type { ApiClient } from '../../sync/apiClient.ts';
import { kpiQuery } from './useKpiReport.ts';

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileName = (r: KpiReport, ext: string) => `kpi_${r.period.from}_${r.period.to}${r.agent ? `_${r.agent}` : ''}.${ext}`;

async function fromEndpoint(api: ApiClient, report: KpiReport, format: 'csv' | 'xlsx'): Promise<void> {
  const res = await api.fetch(`${api.baseUrl}${kpiQuery(report.period, report.agent, format)}`, { headers: api.headers() });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  download(await res.blob(), fileName(report, format));
}

export async function exportCsv(api: ApiClient, report: KpiReport, fromServer: boolean): Promise<void> {
  if (fromServer || report.listScope === 'none') return fromEndpoint(api, report, 'csv');
  // The byte order mark makes Excel read the file as UTF-8.
  download(new Blob(['\uFEFF', kpiCsv(report)], { type: 'text/csv;charset=utf-8' }), fileName(report, 'csv'));
}

export function exportXlsx(api: ApiClient, report: KpiReport): Promise<void> {
  return fromEndpoint(api, report, 'xlsx');
}
