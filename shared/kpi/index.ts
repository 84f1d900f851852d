/** shared/kpi: the KPIs of a period on the production calendar (docs/kpi.md). Pure. */
export type {
  BreachReason,
  BreachedTicket,
  Csat,
  KpiEvent,
  KpiFigures,
  KpiReport,
  KpiTicket,
  KpiTicketInfo,
  KpiWeek,
  Rate,
  Repeats,
  TargetVerdict,
  Times,
  Volume,
} from './kpiTypes.ts';
export { kpiEventKinds } from './kpiTypes.ts';
export type { KpiInput } from './computeKpiReport.ts';
export { computeKpiReport } from './computeKpiReport.ts';
export type { KpiPeriod, KpiPeriodErrorCode } from './kpiPeriod.ts';
export { KpiPeriodError, kpiPeriod, maxPeriodDays } from './kpiPeriod.ts';
export { kpiTargets } from './kpiTargets.ts';
export type { KpiRow } from './kpiCsv.ts';
export { kpiCsv, kpiRows, kpiTicketRows } from './kpiCsv.ts';
export type { KpiPreset } from './kpiPresets.ts';
export { dayOf, kpiPresets, presetPeriod } from './kpiPresets.ts';
