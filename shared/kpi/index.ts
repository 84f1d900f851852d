/** shared/kpi: the KPIs of a period on the production calendar (docs/kpi.md). Pure. */
export type { KpiEvent, KpiReport, KpiTicket, KpiTicketInfo, TargetVerdict } from './kpiTypes.ts';
export { isKpiListKey, type KpiListScope } from './kpiLists.ts';
export { kpiEventKinds } from './kpiTypes.ts';
export type { KpiInput } from './computeKpiReport.ts';
export { computeKpiReport } from './computeKpiReport.ts';
export { KpiPeriodError, kpiPeriod, maxPeriodDays, previousQuarterStart } from './kpiPeriod.ts';
export { kpiCsv, kpiRows, kpiTicketRows } from './kpiCsv.ts';
export type { KpiPreset } from './kpiPresets.ts';
export { presetPeriod } from './kpiPresets.ts';
export { dueReviewWeek, weeklyReviewMail, type ReviewWeek } from './weeklyReview.ts';
