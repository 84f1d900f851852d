/**
 * The head of department's SLA settings as data: validation of what the settings screen (or a
 * pushed config document) holds, refused with a message code the endpoint and the desk show from
 * one copy (settingsMessages.ts). Nothing here saves anything: a refused value is simply not used.
 */
import { priorities, type Priority } from '../vocabulary/enums.ts';
import { ticketStatuses } from '../vocabulary/enums.ts';
import { CalendarConfigError, parseDayHours, weekdayKeys, type CalendarConfig, type DayHours } from './calendarConfig.ts';
import { createBusinessCalendar } from './businessCalendar.ts';
import type { SlaDuration, SlaPolicies, SlaPolicy } from './slaPolicy.ts';
import type { SettingsErrorCode } from './settingsMessages.ts';
import { isValidTimeZone } from './timeZone.ts';

export type { SettingsErrorCode };

/** One refusal: where (a dotted path of the value) and why (a code; its words in settingsMessages.ts). */
export interface SettingsError {
  readonly path: string;
  readonly code: SettingsErrorCode;
}

export type SettingsCheck<T> = { ok: true; value: T } | { ok: false; errors: readonly SettingsError[] };

// The codes' words, Russian and English, are in settingsMessages.ts; the Russian is also offered
// here, beside the codes, for the endpoint's answers.
export { settingsMessagesRu } from './settingsMessages.ts';

/** Longest target the screen accepts: a year of minutes. */
const maxMinutes = 366 * 24 * 60;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function positiveMinutes(v: unknown, path: string, errors: SettingsError[]): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) errors.push({ path, code: 'not-a-number' });
  else if (v <= 0 || v > maxMinutes) errors.push({ path, code: 'out-of-range' });
  return v as number;
}

function duration(v: unknown, path: string, errors: SettingsError[]): SlaDuration {
  if (!isObject(v)) {
    errors.push({ path, code: 'not-an-object' });
    return { minutes: 0, clock: 'business' };
  }
  positiveMinutes(v.minutes, `${path}.minutes`, errors);
  if (v.clock !== 'business' && v.clock !== 'calendar') errors.push({ path: `${path}.clock`, code: 'invalid-clock' });
  return { minutes: v.minutes as number, clock: v.clock as SlaDuration['clock'] };
}

function checkPolicy(v: unknown, path: string, errors: SettingsError[]): SlaPolicy | null {
  if (!isObject(v) || !isObject(v.resolution)) {
    errors.push({ path, code: 'not-an-object' });
    return null;
  }
  const firstContact = v.firstContact === null ? null : duration(v.firstContact, `${path}.firstContact`, errors);
  const target = duration(v.resolution.target, `${path}.resolution.target`, errors);
  const limit = v.resolution.limit === null ? null : duration(v.resolution.limit, `${path}.resolution.limit`, errors);
  const pausing = v.pausingStatuses;
  if (!Array.isArray(pausing) || pausing.some((s) => !(ticketStatuses as readonly unknown[]).includes(s))) {
    errors.push({ path: `${path}.pausingStatuses`, code: 'invalid-status' });
  }
  const fraction = v.warningFraction;
  if (typeof fraction !== 'number' || !Number.isFinite(fraction))
    errors.push({ path: `${path}.warningFraction`, code: 'not-a-number' });
  else if (fraction < 0 || fraction > 1) errors.push({ path: `${path}.warningFraction`, code: 'out-of-range' });
  positiveMinutes(v.warningMaxMinutes, `${path}.warningMaxMinutes`, errors);
  if (v.criticalMinutes !== null) positiveMinutes(v.criticalMinutes, `${path}.criticalMinutes`, errors);
  return {
    firstContact,
    resolution: { target, limit },
    pausingStatuses: (Array.isArray(pausing) ? pausing : []) as string[],
    warningFraction: fraction as number,
    warningMaxMinutes: v.warningMaxMinutes as number,
    criticalMinutes: v.criticalMinutes as number | null,
  };
}

/** Checks the policies of every priority (targets, clocks, pausing statuses, thresholds). */
export function validateSlaPolicies(value: unknown): SettingsCheck<SlaPolicies> {
  if (!isObject(value)) return { ok: false, errors: [{ path: '', code: 'not-an-object' }] };
  const errors: SettingsError[] = [];
  const out = {} as Record<Priority, SlaPolicy>;
  for (const p of priorities) {
    const policy = checkPolicy(value[p], p, errors);
    if (policy) out[p] = policy;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** One weekday as the screen edits it: the working day and its breaks inside it. */
export interface DayForm {
  readonly working: boolean;
  readonly from: string;
  readonly to: string;
  readonly breaks: readonly { readonly from: string; readonly to: string }[];
}

const hhmm = /^(\d{2}):(\d{2})$/;
function clockMinutes(text: unknown): number | null {
  const m = typeof text === 'string' ? hhmm.exec(text) : null;
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** The calendar's intervals of a day edited as a working day with breaks; errors name the field. */
export function dayHoursFromForm(form: DayForm, path: string): SettingsCheck<DayHours> {
  if (!form.working) return { ok: true, value: [] };
  const errors: SettingsError[] = [];
  const from = clockMinutes(form.from);
  const to = clockMinutes(form.to);
  if (from === null) errors.push({ path: `${path}.from`, code: 'invalid-time' });
  if (to === null) errors.push({ path: `${path}.to`, code: 'invalid-time' });
  if (from !== null && to !== null && to <= from) errors.push({ path: `${path}.to`, code: 'interval-ends-before-start' });
  const breaks: [number, number][] = [];
  form.breaks.forEach((b, i) => {
    const bf = clockMinutes(b.from);
    const bt = clockMinutes(b.to);
    const where = `${path}.breaks.${i}`;
    if (bf === null || bt === null) errors.push({ path: where, code: 'invalid-time' });
    else if (bt <= bf) errors.push({ path: where, code: 'interval-ends-before-start' });
    else if (from !== null && to !== null && (bf <= from || bt >= to)) errors.push({ path: where, code: 'break-outside-day' });
    else breaks.push([bf, bt]);
  });
  breaks.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < breaks.length; i++) {
    if (breaks[i]![0] < breaks[i - 1]![1]) errors.push({ path: `${path}.breaks`, code: 'overlapping-breaks' });
  }
  if (errors.length || from === null || to === null) return { ok: false, errors };
  const intervals: { from: string; to: string }[] = [];
  let start = from;
  for (const [bf, bt] of breaks) {
    intervals.push({ from: formatClock(start), to: formatClock(bf) });
    start = bt;
  }
  intervals.push({ from: formatClock(start), to: formatClock(to) });
  return { ok: true, value: intervals };
}

/** The form of a day's intervals: the gaps between them are its breaks. */
export function dayFormOf(hours: DayHours): DayForm {
  if (hours.length === 0) return { working: false, from: '09:00', to: '18:00', breaks: [] };
  const breaks = hours.slice(1).map((h, i) => ({ from: hours[i]!.to, to: h.from }));
  return { working: true, from: hours[0]!.from, to: hours[hours.length - 1]!.to, breaks };
}

function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const calendarCodes: Record<CalendarConfigError['code'], SettingsErrorCode> = {
  'invalid-time-zone': 'invalid-time-zone',
  'invalid-hours': 'invalid-time',
  'no-working-hours': 'no-working-hours',
  'invalid-year-data': 'calendar-invalid-year',
  'duplicate-year': 'calendar-invalid-year',
  'conflicting-day': 'calendar-conflicting-day',
};

/** Checks a whole calendar (time zone, weekly hours, years) by building it, as every desk will. */
export function validateCalendarConfig(value: unknown): SettingsCheck<CalendarConfig> {
  if (!isObject(value) || !isObject(value.week)) return { ok: false, errors: [{ path: '', code: 'not-an-object' }] };
  if (typeof value.timeZone !== 'string' || !isValidTimeZone(value.timeZone)) {
    return { ok: false, errors: [{ path: 'timeZone', code: 'invalid-time-zone' }] };
  }
  for (const day of weekdayKeys) {
    try {
      parseDayHours(value.week[day] as DayHours, day);
    } catch (err) {
      const ends = err instanceof Error && /ends before it starts/.test(err.message);
      const overlaps = err instanceof Error && /overlap/.test(err.message);
      const code = ends ? 'interval-ends-before-start' : overlaps ? 'overlapping-breaks' : 'invalid-time';
      return { ok: false, errors: [{ path: `week.${day}`, code }] };
    }
  }
  try {
    createBusinessCalendar(value as unknown as CalendarConfig);
  } catch (err) {
    if (err instanceof CalendarConfigError) return { ok: false, errors: [{ path: '', code: calendarCodes[err.code] }] };
    return { ok: false, errors: [{ path: '', code: 'not-an-object' }] };
  }
  return { ok: true, value: value as unknown as CalendarConfig };
}

/** Workspace-wide switches kept with the SLA settings (config key `workspace`). */
export interface WorkspaceSettings {
  /** How many days of closed tickets a desk keeps locally. */
  readonly workingSetDays: number;
  /** Whether an email that opens a ticket is answered with an acknowledgement. */
  readonly emailAcknowledgement: boolean;
  /** The previous week's SLA review mailed every Monday 09:00 (absent in settings saved before it: off). */
  readonly weeklyReview?: WeeklyReviewSettings;
}

/** The weekly SLA review mail: sent only when switched on and someone is to receive it. */
interface WeeklyReviewSettings {
  readonly enabled: boolean;
  readonly recipients: readonly string[];
}

export const defaultWorkspaceSettings: WorkspaceSettings = {
  workingSetDays: 90,
  emailAcknowledgement: true,
  weeklyReview: { enabled: false, recipients: [] },
};

/** At most this many recipients of the weekly review. */
const maxReviewRecipients = 20;
// One address, as a mail client would accept it: no spaces, one @, a dot in the domain.
const emailAddress = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function checkWeeklyReview(v: unknown, errors: SettingsError[]): void {
  if (v === undefined) return;
  if (!isObject(v)) {
    errors.push({ path: 'weeklyReview', code: 'not-an-object' });
    return;
  }
  if (typeof v.enabled !== 'boolean') errors.push({ path: 'weeklyReview.enabled', code: 'not-an-object' });
  if (!Array.isArray(v.recipients)) {
    errors.push({ path: 'weeklyReview.recipients', code: 'not-an-object' });
    return;
  }
  if (v.recipients.length > maxReviewRecipients) errors.push({ path: 'weeklyReview.recipients', code: 'out-of-range' });
  v.recipients.forEach((r: unknown, i) => {
    if (typeof r !== 'string' || r.length > 254 || !emailAddress.test(r))
      errors.push({ path: `weeklyReview.recipients.${i}`, code: 'invalid-email' });
  });
}

/** The recipients typed in one field, separated by commas, semicolons, spaces or lines. */
export function recipientsOfText(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((r) => r.trim())
    .filter((r) => r !== '');
}

export function validateWorkspaceSettings(value: unknown): SettingsCheck<WorkspaceSettings> {
  if (!isObject(value)) return { ok: false, errors: [{ path: '', code: 'not-an-object' }] };
  const errors: SettingsError[] = [];
  const days = value.workingSetDays;
  if (typeof days !== 'number' || !Number.isFinite(days)) errors.push({ path: 'workingSetDays', code: 'not-a-number' });
  else if (!Number.isInteger(days) || days < 1 || days > 3650) errors.push({ path: 'workingSetDays', code: 'out-of-range' });
  if (typeof value.emailAcknowledgement !== 'boolean') errors.push({ path: 'emailAcknowledgement', code: 'not-an-object' });
  checkWeeklyReview(value.weeklyReview, errors);
  return errors.length ? { ok: false, errors } : { ok: true, value: value as unknown as WorkspaceSettings };
}
