/**
 * The SLA settings form's state: every field kept as typed (a bad value stays on screen with its
 * message), turned into policies and a calendar by the shared validations on save.
 */
import { priorities, type Priority } from '#shared/vocabulary/enums.ts';
import { weekdayKeys, type CalendarConfig, type WeeklyHours } from '#shared/sla/calendarConfig.ts';
import type { SlaDuration, SlaPolicies, SlaPolicy } from '#shared/sla/slaPolicy.ts';
import {
  dayFormOf,
  dayHoursFromForm,
  recipientsOfText,
  validateCalendarConfig,
  validateSlaPolicies,
  validateWorkspaceSettings,
  type SettingsCheck,
  type SettingsError,
  type WorkspaceSettings,
} from '#shared/sla/slaSettings.ts';

export interface DurationField {
  minutes: string;
  clock: SlaDuration['clock'];
}

export interface PolicyForm {
  firstContact: DurationField | null;
  target: DurationField;
  limit: DurationField | null;
  warningMaxMinutes: string;
  criticalMinutes: string;
  pausingStatuses: string[];
  warningFraction: number;
}

export interface DayField {
  working: boolean;
  from: string;
  to: string;
  /** Breaks as typed: `13:00-14:00, 16:00-16:15`. */
  breaks: string;
}

export interface SlaForm {
  policies: Record<Priority, PolicyForm>;
  week: Record<(typeof weekdayKeys)[number], DayField>;
  timeZone: string;
}

const durationField = (d: SlaDuration): DurationField => ({ minutes: String(d.minutes), clock: d.clock });

export function slaFormOf(policies: SlaPolicies, calendar: CalendarConfig): SlaForm {
  const forms = {} as Record<Priority, PolicyForm>;
  for (const p of priorities) {
    const policy = policies[p];
    forms[p] = {
      firstContact: policy.firstContact && durationField(policy.firstContact),
      target: durationField(policy.resolution.target),
      limit: policy.resolution.limit && durationField(policy.resolution.limit),
      warningMaxMinutes: String(policy.warningMaxMinutes),
      criticalMinutes: policy.criticalMinutes === null ? '' : String(policy.criticalMinutes),
      pausingStatuses: [...policy.pausingStatuses],
      warningFraction: policy.warningFraction,
    };
  }
  const week = {} as SlaForm['week'];
  for (const d of weekdayKeys) {
    const f = dayFormOf(calendar.week[d]);
    week[d] = { working: f.working, from: f.from, to: f.to, breaks: f.breaks.map((b) => `${b.from}-${b.to}`).join(', ') };
  }
  return { policies: forms, week, timeZone: calendar.timeZone };
}

/** A typed number: blank or not a number stays NaN so the validation names it. */
const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));

const duration = (f: DurationField): SlaDuration => ({ minutes: num(f.minutes), clock: f.clock });

export function policiesOfForm(form: SlaForm): SettingsCheck<SlaPolicies> {
  const out = {} as Record<Priority, SlaPolicy>;
  for (const p of priorities) {
    const f = form.policies[p];
    out[p] = {
      firstContact: f.firstContact && duration(f.firstContact),
      resolution: { target: duration(f.target), limit: f.limit && duration(f.limit) },
      pausingStatuses: f.pausingStatuses,
      warningFraction: f.warningFraction,
      warningMaxMinutes: num(f.warningMaxMinutes),
      criticalMinutes: f.criticalMinutes.trim() === '' ? null : num(f.criticalMinutes),
    };
  }
  return validateSlaPolicies(out);
}

function parseBreaks(text: string): { from: string; to: string }[] {
  return text
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => {
      const [from = '', to = ''] = b.split('-').map((s) => s.trim());
      return { from, to };
    });
}

export function calendarOfForm(form: SlaForm, base: CalendarConfig): SettingsCheck<CalendarConfig> {
  const errors: SettingsError[] = [];
  const week = {} as Record<keyof WeeklyHours, WeeklyHours['mon']>;
  for (const d of weekdayKeys) {
    const f = form.week[d];
    const check = dayHoursFromForm({ working: f.working, from: f.from, to: f.to, breaks: parseBreaks(f.breaks) }, `week.${d}`);
    if (check.ok) week[d] = check.value;
    else errors.push(...check.errors);
  }
  if (errors.length) return { ok: false, errors };
  return validateCalendarConfig({ ...base, timeZone: form.timeZone.trim(), week });
}

/** The workspace switches as the form edits them: the days as typed, the recipients as one text. */
export interface WorkspaceForm {
  days: string;
  acknowledge: boolean;
  review: boolean;
  recipients: string;
}

export function workspaceFormOf(settings: WorkspaceSettings): WorkspaceForm {
  return {
    days: String(settings.workingSetDays),
    acknowledge: settings.emailAcknowledgement,
    review: settings.weeklyReview?.enabled ?? false,
    recipients: (settings.weeklyReview?.recipients ?? []).join(', '),
  };
}

export function workspaceOfForm(form: WorkspaceForm): SettingsCheck<WorkspaceSettings> {
  return validateWorkspaceSettings({
    workingSetDays: Number(form.days.trim() === '' ? Number.NaN : form.days),
    emailAcknowledgement: form.acknowledge,
    weeklyReview: { enabled: form.review, recipients: recipientsOfText(form.recipients) },
  });
}

/** The whole settings form: the SLA policies and hours, and the workspace switches. */
export interface SettingsForm {
  sla: SlaForm;
  workspace: WorkspaceForm;
}

/**
 * What a settings form means, part by part: the values it validates to, or the text as typed
 * where it does not validate (so a form is compared with stored settings however it was typed).
 */
export function settingsMeaning(form: SettingsForm, base: CalendarConfig) {
  const policies = policiesOfForm(form.sla);
  const calendar = calendarOfForm(form.sla, base);
  const workspace = workspaceOfForm(form.workspace);
  return {
    policies: policies.ok ? policies.value : form.sla.policies,
    hours: calendar.ok
      ? { timeZone: calendar.value.timeZone, week: calendar.value.week }
      : { timeZone: form.sla.timeZone, week: form.sla.week },
    workspace: workspace.ok ? workspace.value : form.workspace,
  };
}
