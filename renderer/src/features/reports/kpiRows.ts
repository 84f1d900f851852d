/** The rows of the KPI table: what each shows, its target and the list of tickets behind it. */
import type { TFunction } from 'i18next';
import type { KpiReport, TargetVerdict } from '#shared/kpi/index.ts';
import { formatChange, formatNumber, formatShare } from './reportFormat.ts';

export interface KpiTableRow {
  id: string;
  label: string;
  value: string;
  basis: string;
  target: string;
  verdict: TargetVerdict;
  /** False for figures shown for information (no pass/fail target). */
  judged: boolean;
  /** The list of the tickets behind the value (docs/kpi.md, "Splits and lists"). */
  list: string;
}

export function kpiTableRows(r: KpiReport, t: TFunction): KpiTableRow[] {
  const rateRow = (
    id: string,
    label: string,
    rate: KpiReport['withoutEscalation'],
    target: string,
    verdictKey: string,
    list: string,
  ): KpiTableRow => ({
    id,
    label,
    value: formatShare(rate.rate),
    basis: t('reports.basis.rate', { met: rate.met, total: rate.total }),
    target,
    verdict: r.targets[verdictKey] ?? null,
    judged: true,
    list,
  });
  const minutes = (v: number | null) => (v === null ? '—' : t('reports.minutes', { value: formatNumber(v) }));
  const hours = (v: number | null) => (v === null ? '—' : t('reports.hours', { value: formatNumber(v / 60) }));
  return [
    rateRow(
      'slaEmergency',
      t('reports.kpi.slaEmergency'),
      r.sla.emergency,
      t('reports.targets.slaEmergency'),
      'sla.emergency.rate',
      'sla.emergency.total',
    ),
    rateRow(
      'slaStandard',
      t('reports.kpi.slaStandard'),
      r.sla.standard,
      t('reports.targets.sla95'),
      'sla.standard.rate',
      'sla.standard.total',
    ),
    rateRow(
      'slaConsultation',
      t('reports.kpi.slaConsultation'),
      r.sla.consultation,
      t('reports.targets.sla95'),
      'sla.consultation.rate',
      'sla.consultation.total',
    ),
    {
      id: 'firstContact',
      label: t('reports.kpi.firstContact'),
      value: `${minutes(r.firstContactMinutes.mean)} / ${minutes(r.firstContactMinutes.median)}`,
      basis: t('reports.basis.times', { count: r.firstContactMinutes.count }),
      target: t('reports.targets.withinSla'),
      verdict: r.targets['firstContactMinutes.emergency.mean'] ?? null,
      judged: true,
      list: 'firstContactMinutes',
    },
    {
      id: 'resolution',
      label: t('reports.kpi.resolution'),
      value: `${hours(r.resolutionMinutes.mean)} / ${hours(r.resolutionMinutes.median)}`,
      basis: t('reports.basis.times', { count: r.resolutionMinutes.count }),
      target: t('reports.targets.withinSla'),
      verdict: resolutionVerdict(r),
      judged: true,
      list: 'resolutionMinutes',
    },
    rateRow(
      'withoutEscalation',
      t('reports.kpi.withoutEscalation'),
      r.withoutEscalation,
      t('reports.targets.withoutEscalation'),
      'withoutEscalation.rate',
      'withoutEscalation.total',
    ),
    rateRow(
      'documented',
      t('reports.kpi.documented'),
      r.documented,
      t('reports.targets.documented'),
      'documented.rate',
      'documented.total',
    ),
    {
      id: 'csat',
      label: t('reports.kpi.csat'),
      value: formatNumber(r.csat.mean, 2),
      basis: t('reports.basis.csat', { count: r.csat.count, closed: r.csat.closed }),
      target: t('reports.targets.csat'),
      verdict: r.targets['csat.mean'] ?? null,
      judged: true,
      list: 'csat.rated',
    },
    {
      id: 'ratedShare',
      label: t('reports.kpi.ratedShare'),
      value: formatShare(r.csat.ratedShare),
      basis: t('reports.basis.rate', { met: r.csat.count, total: r.csat.closed }),
      target: '—',
      verdict: null,
      judged: false,
      list: 'csat.closed',
    },
    {
      id: 'repeats',
      label: t('reports.kpi.repeats'),
      value: formatChange(r.repeats.change),
      basis: t('reports.basis.repeats', {
        quarter: r.repeats.quarter,
        previous: r.repeats.previousQuarter,
        count: r.repeats.count,
      }),
      target: t('reports.targets.repeats'),
      verdict: r.targets['repeats.change'] ?? null,
      judged: true,
      list: 'repeats.quarter',
    },
    {
      id: 'volume',
      label: t('reports.kpi.volume'),
      value: formatNumber(r.volume.perMonth),
      basis: t('reports.basis.volume', { total: r.volume.total }),
      target: t('reports.targets.volume', { expected: r.volume.expectedPerMonth }),
      verdict: null,
      judged: false,
      list: 'volume.total',
    },
  ];
}

/** Every priority's mean resolution within its working-hours target: met; any one over: missed. */
function resolutionVerdict(r: KpiReport): TargetVerdict {
  const verdicts = (['emergency', 'standard', 'consultation'] as const).map(
    (p) => r.targets[`resolutionMinutes.${p}.mean`] ?? null,
  );
  if (verdicts.includes('missed')) return 'missed';
  return verdicts.includes('met') ? 'met' : null;
}
