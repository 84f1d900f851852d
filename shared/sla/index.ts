/**
 * shared/sla: the business calendar and the SLA engine (shared/sla/README.md).
 * Pure functions; instants are epoch milliseconds; callers pass `now`.
 */
export type {
  CalendarConfig,
  CalendarConfigErrorCode,
  CalendarYearData,
  CalendarYearStatus,
  DayHours,
  ProvisionalRules,
  WeeklyHours,
  WorkingInterval,
} from './calendarConfig.ts';
export { CalendarConfigError } from './calendarConfig.ts';
export type { BusinessCalendar } from './businessCalendar.ts';
export { calendarYearData, calendarYearStatus, createBusinessCalendar } from './businessCalendar.ts';
export { defaultRussianCalendar, defaultRussianCalendarConfig, shippedRussianYears } from './russianCalendar.ts';
export { provisionalRussianYear, ruHolidays } from './ruProvisionalYear.ts';
export { CalendarImportError, parseXmlCalendar, parseXmlCalendarJson } from './xmlCalendarImport.ts';
export type { CalendarImportErrorCode } from './xmlCalendarImport.ts';
export { addWorkingMinutes, isWorkingInstant, nextWorkingInstant, workingMinutesBetween } from './workingTime.ts';
export type { SlaClock, SlaDuration, SlaPolicies, SlaPolicy } from './slaPolicy.ts';
export { defaultSlaPolicies, warningWindowMinutes } from './slaPolicy.ts';
export type { StatusEntry } from './statusTimeline.ts';
export type { SlaInstant, SlaMetric, SlaMetricState, SlaStage, SlaState, SlaTicket } from './computeSla.ts';
export { computeSla, slaSortKey, upcomingSlaInstants } from './computeSla.ts';
