/**
 * The report as CSV (RFC 4180, `;`-free: comma separated, quoted when needed), for the CLI, the
 * endpoint and the desk. One row per figure: section, figure, split, value, target, verdict; then
 * the tickets behind the numbers. Rates are fractions 0-1 as in the JSON; spreadsheets format them.
 */
import { priorities } from '../vocabulary/enums.ts';
import type { KpiFigures, KpiReport } from './kpiTypes.ts';

const quote = (v: string | number | null): string => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export interface KpiRow {
  figure: string;
  split: string;
  value: number | null;
  total: number | null;
  met: number | null;
  verdict: string;
}

function figureRows(split: string, f: KpiFigures): KpiRow[] {
  return [
    { figure: 'sla', split, value: f.sla.rate, total: f.sla.total, met: f.sla.met, verdict: '' },
    {
      figure: 'withoutEscalation',
      split,
      value: f.withoutEscalation.rate,
      total: f.withoutEscalation.total,
      met: f.withoutEscalation.met,
      verdict: '',
    },
    { figure: 'documented', split, value: f.documented.rate, total: f.documented.total, met: f.documented.met, verdict: '' },
    { figure: 'csat.mean', split, value: f.csat.mean, total: f.csat.closed, met: f.csat.count, verdict: '' },
    { figure: 'volume', split, value: f.volume, total: null, met: null, verdict: '' },
    {
      figure: 'firstContactMinutes.mean',
      split,
      value: f.firstContactMinutes.mean,
      total: f.firstContactMinutes.count,
      met: null,
      verdict: '',
    },
    {
      figure: 'resolutionMinutes.mean',
      split,
      value: f.resolutionMinutes.mean,
      total: f.resolutionMinutes.count,
      met: null,
      verdict: '',
    },
  ];
}

/** Every number of the report as rows (the CSV and the XLSX summary sheet share them). */
export function kpiRows(r: KpiReport): KpiRow[] {
  const v = (key: string) => r.targets[key] ?? '';
  const rows: KpiRow[] = [];
  for (const p of priorities) {
    rows.push({
      figure: `sla.${p}`,
      split: 'team',
      value: r.sla[p].rate,
      total: r.sla[p].total,
      met: r.sla[p].met,
      verdict: v(`sla.${p}.rate`),
    });
  }
  rows.push(
    {
      figure: 'withoutEscalation',
      split: 'team',
      value: r.withoutEscalation.rate,
      total: r.withoutEscalation.total,
      met: r.withoutEscalation.met,
      verdict: v('withoutEscalation.rate'),
    },
    {
      figure: 'documented',
      split: 'team',
      value: r.documented.rate,
      total: r.documented.total,
      met: r.documented.met,
      verdict: v('documented.rate'),
    },
    { figure: 'csat.mean', split: 'team', value: r.csat.mean, total: r.csat.closed, met: r.csat.count, verdict: v('csat.mean') },
    { figure: 'csat.ratedShare', split: 'team', value: r.csat.ratedShare, total: r.csat.closed, met: r.csat.count, verdict: '' },
    { figure: 'repeats.count', split: 'team', value: r.repeats.count, total: null, met: null, verdict: '' },
    {
      figure: 'repeats.change',
      split: 'team',
      value: r.repeats.change,
      total: r.repeats.previousQuarter,
      met: r.repeats.quarter,
      verdict: v('repeats.change'),
    },
    { figure: 'volume.total', split: 'team', value: r.volume.total, total: null, met: null, verdict: '' },
    {
      figure: 'volume.perMonth',
      split: 'team',
      value: r.volume.perMonth,
      total: r.volume.expectedPerMonth,
      met: null,
      verdict: '',
    },
    {
      figure: 'firstContactMinutes.mean',
      split: 'team',
      value: r.firstContactMinutes.mean,
      total: r.firstContactMinutes.count,
      met: null,
      verdict: '',
    },
    {
      figure: 'firstContactMinutes.median',
      split: 'team',
      value: r.firstContactMinutes.median,
      total: r.firstContactMinutes.count,
      met: null,
      verdict: '',
    },
    {
      figure: 'resolutionMinutes.mean',
      split: 'team',
      value: r.resolutionMinutes.mean,
      total: r.resolutionMinutes.count,
      met: null,
      verdict: '',
    },
    {
      figure: 'resolutionMinutes.median',
      split: 'team',
      value: r.resolutionMinutes.median,
      total: r.resolutionMinutes.count,
      met: null,
      verdict: '',
    },
  );
  for (const p of priorities) rows.push(...figureRows(`priority:${p}`, r.byPriority[p]));
  for (const [c, f] of Object.entries(r.byChannel)) rows.push(...figureRows(`channel:${c}`, f));
  for (const [p, f] of Object.entries(r.byProduct)) rows.push(...figureRows(`product:${p}`, f));
  return rows;
}

/** The tickets behind the numbers: one row per (figure, ticket). */
export function kpiTicketRows(r: KpiReport): {
  figure: string;
  id: string;
  number: string;
  subject: string;
  priority: string;
  channel: string;
  product: string;
  agent: string;
  reasons: string;
}[] {
  const reasons = new Map(r.breached.map((b) => [b.ticketId, b.reasons.join(' ')]));
  const out = [];
  for (const [figure, ids] of Object.entries(r.lists)) {
    if (figure.startsWith('by')) continue;
    for (const id of ids) {
      const t = r.tickets[id];
      out.push({
        figure,
        id,
        number: t?.number ?? '',
        subject: t?.subject ?? '',
        priority: t?.priority ?? '',
        channel: t?.channel ?? '',
        product: t?.product ?? '',
        agent: t?.agentId ?? '',
        reasons: figure.endsWith('.breached') ? (reasons.get(id) ?? '') : '',
      });
    }
  }
  return out;
}

export function kpiCsv(r: KpiReport): string {
  const lines = [['period', r.period.from, r.period.to, r.agent ?? 'team'].map(quote).join(',')];
  lines.push(['figure', 'split', 'value', 'total', 'met', 'verdict'].join(','));
  for (const row of kpiRows(r))
    lines.push([row.figure, row.split, row.value, row.total, row.met, row.verdict].map(quote).join(','));
  lines.push('');
  lines.push(['figure', 'ticket', 'number', 'subject', 'priority', 'channel', 'product', 'agent', 'reasons'].join(','));
  for (const t of kpiTicketRows(r)) {
    lines.push([t.figure, t.id, t.number, t.subject, t.priority, t.channel, t.product, t.agent, t.reasons].map(quote).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
