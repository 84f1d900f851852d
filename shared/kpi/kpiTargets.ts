/** The KPI targets of the job description (docs/kpi.md, "Targets") and their verdicts. */
import type { Priority } from '../vocabulary/enums.ts';
import type { SlaSetup } from '../domain/ticketDeadlines.ts';
import type { KpiReport, TargetVerdict } from './kpiTypes.ts';

export const kpiTargets = {
  slaEmergency: 1,
  slaStandard: 0.95,
  slaConsultation: 0.95,
  withoutEscalation: 0.85,
  documented: 1,
  csatMean: 4.5,
  repeatsChange: -0.1,
  volumePerMonth: 292,
} as const;

const atLeast = (value: number | null, target: number): TargetVerdict =>
  value === null ? null : value >= target ? 'met' : 'missed';
const below = (value: number | null, limit: number): TargetVerdict => (value === null ? null : value < limit ? 'met' : 'missed');

/** Verdicts keyed by figure path: `sla.emergency.rate`, `csat.mean`, `resolutionMinutes.emergency.mean`, ... */
export function targetVerdicts(
  report: Pick<KpiReport, 'sla' | 'withoutEscalation' | 'documented' | 'csat' | 'repeats' | 'byPriority'>,
  setup: SlaSetup,
): Record<string, TargetVerdict> {
  const out: Record<string, TargetVerdict> = {
    'sla.emergency.rate': atLeast(report.sla.emergency.rate, kpiTargets.slaEmergency),
    'sla.standard.rate': atLeast(report.sla.standard.rate, kpiTargets.slaStandard),
    'sla.consultation.rate': atLeast(report.sla.consultation.rate, kpiTargets.slaConsultation),
    'withoutEscalation.rate': atLeast(report.withoutEscalation.rate, kpiTargets.withoutEscalation),
    'documented.rate': atLeast(report.documented.rate, kpiTargets.documented),
    'csat.mean': atLeast(report.csat.mean, kpiTargets.csatMean),
    'repeats.change':
      report.repeats.change === null ? null : report.repeats.change <= kpiTargets.repeatsChange ? 'met' : 'missed',
  };
  const fc = setup.policies.emergency.firstContact;
  if (fc !== null)
    out['firstContactMinutes.emergency.mean'] = below(report.byPriority.emergency.firstContactMinutes.mean, fc.minutes);
  for (const p of ['emergency', 'standard', 'consultation'] as const satisfies readonly Priority[]) {
    const target = setup.policies[p].resolution.target;
    if (target.clock === 'business') {
      out[`resolutionMinutes.${p}.mean`] = below(report.byPriority[p].resolutionMinutes.mean, target.minutes);
    }
  }
  return out;
}
