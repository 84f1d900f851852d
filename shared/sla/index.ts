/**
 * shared/sla: the business calendar and the SLA engine (shared/sla/README.md).
 * Pure functions; instants are epoch milliseconds; callers pass `now`.
 */
export type { CalendarConfig, CalendarYearData, DayHours } from './calendarConfig.ts';
export { CalendarConfigError } from './calendarConfig.ts';
export type { BusinessCalendar } from './businessCalendar.ts';
export { calendarYearData, calendarYearStatus, createBusinessCalendar } from './businessCalendar.ts';
export { defaultRussianCalendar, defaultRussianCalendarConfig } from './russianCalendar.ts';
export { provisionalRussianYear } from './ruProvisionalYear.ts';
export { CalendarImportError, parseXmlCalendar, parseXmlCalendarJson } from './xmlCalendarImport.ts';
export { addWorkingMinutes, isWorkingInstant, nextWorkingInstant, workingMinutesBetween } from './workingTime.ts';
export type { SlaPolicies, SlaPolicy } from './slaPolicy.ts';
export { defaultSlaPolicies, warningWindowMinutes } from './slaPolicy.ts';
export type { SlaMetricState, SlaStage, SlaState, SlaTicket } from './computeSla.ts';
export { computeSla, slaSortKey, upcomingSlaInstants } from './computeSla.ts';
