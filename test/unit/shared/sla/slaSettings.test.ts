/**
 * The settings screen's validations: each refusal names the field and a code with a Russian
 * message; a valid value comes back as it was given.
 */
import { describe, expect, it } from 'vitest';

/** The default policies with the values at dotted paths replaced, wrong shapes included. */
function policiesWith(changes: Record<string, unknown>): unknown {
  const value = structuredClone(defaultSlaPolicies()) as unknown as Record<string, unknown>;
  for (const [path, v] of Object.entries(changes)) {
    const keys = path.split('.');
    let at = value;
    for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
    if (v === undefined) delete at[keys[keys.length - 1]!];
    else at[keys[keys.length - 1]!] = v;
  }
  return value;
}
import { defaultRussianCalendarConfig, defaultSlaPolicies } from '../../../../shared/sla/index.ts';
import {
  dayFormOf,
  dayHoursFromForm,
  settingsMessagesRu,
  validateCalendarConfig,
  validateSlaPolicies,
  validateWorkspaceSettings,
  recipientsOfText,
  type SettingsCheck,
} from '../../../../shared/sla/slaSettings.ts';

const errorsOf = <T>(check: SettingsCheck<T>) => (check.ok ? [] : check.errors);

describe('SLA policy validation', () => {
  it('accepts the shipped defaults unchanged', () => {
    const check = validateSlaPolicies(defaultSlaPolicies());
    expect(check).toEqual({ ok: true, value: defaultSlaPolicies() });
  });

  it('refuses a threshold that is not a number, with a Russian message', () => {
    const policies = policiesWith({ 'emergency.warningMaxMinutes': 'тридцать' });
    const errors = errorsOf(validateSlaPolicies(policies));
    expect(errors).toEqual([{ path: 'emergency.warningMaxMinutes', code: 'not-a-number' }]);
    expect(settingsMessagesRu[errors[0]!.code]).toBe('Нужно число.');
  });

  it('refuses a target of zero minutes, an unknown clock and an unknown pausing status', () => {
    const policies = policiesWith({
      'standard.resolution.target.minutes': 0,
      'emergency.firstContact.clock': 'lunar',
      'consultation.pausingStatuses': ['sleeping'],
    });
    expect(errorsOf(validateSlaPolicies(policies))).toEqual([
      { path: 'emergency.firstContact.clock', code: 'invalid-clock' },
      { path: 'standard.resolution.target.minutes', code: 'out-of-range' },
      { path: 'consultation.pausingStatuses', code: 'invalid-status' },
    ]);
  });

  it('refuses NaN and a missing priority', () => {
    const policies = policiesWith({ 'emergency.criticalMinutes': Number.NaN, standard: undefined });
    expect(errorsOf(validateSlaPolicies(policies))).toEqual([
      { path: 'emergency.criticalMinutes', code: 'not-a-number' },
      { path: 'standard', code: 'not-an-object' },
    ]);
  });
});

describe('working hours edited as a day with breaks', () => {
  const day = { working: true, from: '09:00', to: '18:00', breaks: [{ from: '13:00', to: '14:00' }] };

  it('turns a day with a lunch break into two intervals and back', () => {
    const check = dayHoursFromForm(day, 'mon');
    expect(check).toEqual({
      ok: true,
      value: [
        { from: '09:00', to: '13:00' },
        { from: '14:00', to: '18:00' },
      ],
    });
    expect(check.ok && dayFormOf(check.value)).toEqual(day);
  });

  it('a day off has no intervals', () => {
    expect(dayHoursFromForm({ ...day, working: false }, 'sun')).toEqual({ ok: true, value: [] });
  });

  it('refuses a working interval that ends before it starts', () => {
    expect(errorsOf(dayHoursFromForm({ ...day, from: '18:00', to: '09:00' }, 'mon'))).toContainEqual({
      path: 'mon.to',
      code: 'interval-ends-before-start',
    });
    expect(settingsMessagesRu['interval-ends-before-start']).toMatch(/заканчивается раньше/);
  });

  it('refuses overlapping breaks', () => {
    const breaks = [
      { from: '13:00', to: '14:00' },
      { from: '13:30', to: '14:30' },
    ];
    expect(errorsOf(dayHoursFromForm({ ...day, breaks }, 'tue'))).toEqual([{ path: 'tue.breaks', code: 'overlapping-breaks' }]);
  });

  it('refuses a break outside the day and a time that is not HH:MM', () => {
    expect(errorsOf(dayHoursFromForm({ ...day, breaks: [{ from: '08:00', to: '10:00' }] }, 'wed'))).toEqual([
      { path: 'wed.breaks.0', code: 'break-outside-day' },
    ]);
    expect(errorsOf(dayHoursFromForm({ ...day, from: '9' }, 'wed'))).toEqual([{ path: 'wed.from', code: 'invalid-time' }]);
  });
});

describe('calendar validation', () => {
  it('accepts the shipped Russian calendar', () => {
    expect(validateCalendarConfig(defaultRussianCalendarConfig()).ok).toBe(true);
  });

  it('refuses an unknown time zone', () => {
    expect(errorsOf(validateCalendarConfig({ ...defaultRussianCalendarConfig(), timeZone: 'Europe/Atlantis' }))).toEqual([
      { path: 'timeZone', code: 'invalid-time-zone' },
    ]);
  });

  it('refuses a weekday whose interval ends before it starts', () => {
    const config = defaultRussianCalendarConfig();
    const week = { ...config.week, fri: [{ from: '18:00', to: '09:00' }] };
    expect(errorsOf(validateCalendarConfig({ ...config, week }))).toEqual([
      { path: 'week.fri', code: 'interval-ends-before-start' },
    ]);
  });

  it('refuses a week without working hours', () => {
    const empty = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(errorsOf(validateCalendarConfig({ ...defaultRussianCalendarConfig(), week: empty }))).toEqual([
      { path: '', code: 'no-working-hours' },
    ]);
  });
});

describe('workspace switches', () => {
  it('accepts the working-set window in days and the acknowledgement switch', () => {
    expect(validateWorkspaceSettings({ workingSetDays: 90, emailAcknowledgement: false }).ok).toBe(true);
  });

  it('refuses a window that is not a whole number of days', () => {
    expect(errorsOf(validateWorkspaceSettings({ workingSetDays: '90', emailAcknowledgement: true }))).toEqual([
      { path: 'workingSetDays', code: 'not-a-number' },
    ]);
    expect(errorsOf(validateWorkspaceSettings({ workingSetDays: 0.5, emailAcknowledgement: true }))).toEqual([
      { path: 'workingSetDays', code: 'out-of-range' },
    ]);
  });

  const base = { workingSetDays: 90, emailAcknowledgement: true };

  it('accepts the weekly review switched on or off with its recipients, and settings saved before it existed', () => {
    expect(validateWorkspaceSettings({ ...base, weeklyReview: { enabled: true, recipients: ['head@pass24.test'] } }).ok).toBe(
      true,
    );
    expect(validateWorkspaceSettings({ ...base, weeklyReview: { enabled: false, recipients: [] } }).ok).toBe(true);
    expect(validateWorkspaceSettings(base).ok).toBe(true);
  });

  it('refuses a recipient that is not one address, naming which', () => {
    const check = validateWorkspaceSettings({
      ...base,
      weeklyReview: { enabled: true, recipients: ['head@pass24.test', 'Ольга Петрова', 'a@b.ru, c@d.ru'] },
    });
    expect(errorsOf(check)).toEqual([
      { path: 'weeklyReview.recipients.1', code: 'invalid-email' },
      { path: 'weeklyReview.recipients.2', code: 'invalid-email' },
    ]);
  });

  it('refuses more than 20 recipients and a switch that is not a boolean', () => {
    const many = Array.from({ length: 21 }, (_, i) => `head${i}@pass24.test`);
    expect(errorsOf(validateWorkspaceSettings({ ...base, weeklyReview: { enabled: true, recipients: many } }))).toEqual([
      { path: 'weeklyReview.recipients', code: 'out-of-range' },
    ]);
    expect(errorsOf(validateWorkspaceSettings({ ...base, weeklyReview: { enabled: 'yes', recipients: [] } }))).toEqual([
      { path: 'weeklyReview.enabled', code: 'not-an-object' },
    ]);
  });

  it('reads the recipients typed in one field, separated by commas, semicolons or spaces', () => {
    expect(recipientsOfText(' head@pass24.test, deputy@pass24.test;\nboss@pass24.test  ')).toEqual([
      'head@pass24.test',
      'deputy@pass24.test',
      'boss@pass24.test',
    ]);
    expect(recipientsOfText('  ')).toEqual([]);
  });
});
