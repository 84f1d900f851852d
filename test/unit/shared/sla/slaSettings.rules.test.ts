import { describe, expect, it } from 'vitest';
import { defaultRussianCalendarConfig, defaultSlaPolicies } from '#shared/sla/index.ts';
import {
  dayFormOf,
  dayHoursFromForm,
  defaultWorkspaceSettings,
  settingsMessagesRu,
  validateCalendarConfig,
  validateSlaPolicies,
  validateWorkspaceSettings,
  type DayForm,
  type SettingsCheck,
} from '#shared/sla/slaSettings.ts';

const errorsOf = <T>(check: SettingsCheck<T>) => (check.ok ? [] : check.errors);
const notAnObject = { ok: false, errors: [{ path: '', code: 'not-an-object' }] };

describe('the Russian message of every refusal', () => {
  it('says what to fix', () => {
    expect(settingsMessagesRu).toEqual({
      'not-an-object': 'Настройка имеет неверную форму.',
      'not-a-number': 'Нужно число.',
      'out-of-range': 'Число вне допустимых пределов.',
      'invalid-clock': 'Часы отсчёта: рабочее время или 24/7.',
      'invalid-email': 'Нужен адрес электронной почты.',
      'invalid-status': 'Неизвестный статус обращения.',
      'invalid-time': 'Время указывается как ЧЧ:ММ от 00:00 до 24:00.',
      'interval-ends-before-start': 'Интервал заканчивается раньше, чем начинается.',
      'break-outside-day': 'Перерыв выходит за рабочий день.',
      'overlapping-breaks': 'Перерывы пересекаются.',
      'invalid-time-zone': 'Неизвестный часовой пояс.',
      'no-working-hours': 'В неделе нет ни одного рабочего часа.',
      'calendar-unreadable': 'Файл календаря не читается.',
      'calendar-wrong-year': 'Файл календаря за другой год.',
      'calendar-invalid-day': 'В календаре есть несуществующая дата.',
      'calendar-invalid-year': 'Данные года календаря неверны.',
      'calendar-conflicting-day': 'День указан и выходным, и рабочим.',
    });
  });
});

describe('SLA policies', () => {
  const standard = (over: Record<string, unknown>) => ({
    ...defaultSlaPolicies(),
    standard: { ...defaultSlaPolicies().standard, ...over },
  });
  const target = (minutes: unknown, clock: unknown = 'business') =>
    standard({ resolution: { target: { minutes, clock }, limit: null } });

  it('come back as given when valid, a policy without a limit or a critical window too', () => {
    const value = standard({ resolution: { target: { minutes: 60, clock: 'calendar' }, limit: null }, criticalMinutes: null });
    expect(validateSlaPolicies(value)).toEqual({ ok: true, value });
  });

  it.each([
    [1, []],
    [366 * 24 * 60, []],
    [0, [{ path: 'standard.resolution.target.minutes', code: 'out-of-range' }]],
    [366 * 24 * 60 + 1, [{ path: 'standard.resolution.target.minutes', code: 'out-of-range' }]],
    [Infinity, [{ path: 'standard.resolution.target.minutes', code: 'not-a-number' }]],
    ['60', [{ path: 'standard.resolution.target.minutes', code: 'not-a-number' }]],
  ])('a target of %s minutes (at most a year): %j', (minutes, errors) => {
    expect(errorsOf(validateSlaPolicies(target(minutes)))).toEqual(errors);
  });

  it('a target that is not a duration, and an unknown clock', () => {
    expect(errorsOf(validateSlaPolicies(standard({ resolution: { target: 60, limit: null } })))).toEqual([
      { path: 'standard.resolution.target', code: 'not-an-object' },
    ]);
    expect(errorsOf(validateSlaPolicies(target(60, 'wall')))).toEqual([
      { path: 'standard.resolution.target.clock', code: 'invalid-clock' },
    ]);
  });

  it('a limit is checked like a target', () => {
    const limit = { minutes: 0, clock: 'calendar' };
    expect(
      errorsOf(validateSlaPolicies(standard({ resolution: { target: { minutes: 60, clock: 'business' }, limit } }))),
    ).toEqual([{ path: 'standard.resolution.limit.minutes', code: 'out-of-range' }]);
  });

  it('a policy without its resolution is not a policy', () => {
    expect(errorsOf(validateSlaPolicies(standard({ resolution: null })))).toEqual([{ path: 'standard', code: 'not-an-object' }]);
  });

  it.each([
    [['waiting_client', 'in_progress'], []],
    [[], []],
    [['waiting_client', 'lunch'], [{ path: 'standard.pausingStatuses', code: 'invalid-status' }]],
    ['waiting_client', [{ path: 'standard.pausingStatuses', code: 'invalid-status' }]],
  ])('pausing statuses %j: %j', (pausingStatuses, errors) => {
    expect(errorsOf(validateSlaPolicies(standard({ pausingStatuses })))).toEqual(errors);
  });

  it.each([
    [0, []],
    [1, []],
    [-0.01, [{ path: 'standard.warningFraction', code: 'out-of-range' }]],
    [1.01, [{ path: 'standard.warningFraction', code: 'out-of-range' }]],
    [NaN, [{ path: 'standard.warningFraction', code: 'not-a-number' }]],
    ['0.25', [{ path: 'standard.warningFraction', code: 'not-a-number' }]],
  ])('a warning fraction of %s (0 to 1): %j', (warningFraction, errors) => {
    expect(errorsOf(validateSlaPolicies(standard({ warningFraction })))).toEqual(errors);
  });

  it('the critical window, when there is one, is a positive number of minutes', () => {
    expect(errorsOf(validateSlaPolicies(standard({ criticalMinutes: 0 })))).toEqual([
      { path: 'standard.criticalMinutes', code: 'out-of-range' },
    ]);
  });

  it('something that is not a set of policies', () => {
    expect(validateSlaPolicies([])).toEqual(notAnObject);
    expect(validateSlaPolicies(null)).toEqual(notAnObject);
  });
});

describe('a working day edited with its breaks', () => {
  const day = (from: string, to: string, breaks: [string, string][] = []): DayForm => ({
    working: true,
    from,
    to,
    breaks: breaks.map(([f, t]) => ({ from: f, to: t })),
  });
  const hours = (form: DayForm) => dayHoursFromForm(form, 'mon');

  it('becomes its intervals, breaks in any order', () => {
    expect(
      hours(
        day('08:30', '24:00', [
          ['17:00', '17:15'],
          ['12:00', '13:00'],
        ]),
      ),
    ).toEqual({
      ok: true,
      value: [
        { from: '08:30', to: '12:00' },
        { from: '13:00', to: '17:00' },
        { from: '17:15', to: '24:00' },
      ],
    });
  });

  it.each(['24:01', '23:60', '25:00', '9:00', ' 09:00', '09:00 ', 9])('refuses the time %j', (time) => {
    expect(errorsOf(hours({ ...day('09:00', '18:00'), to: time as string }))).toEqual([{ path: 'mon.to', code: 'invalid-time' }]);
  });

  it('accepts the last minute of an hour and the end of the day', () => {
    expect(hours(day('09:59', '24:00'))).toEqual({ ok: true, value: [{ from: '09:59', to: '24:00' }] });
  });

  it('judges nothing against a start it could not read, not even a midnight end or break', () => {
    expect(errorsOf(hours(day('x', '00:00', [['00:00', '01:00']])))).toEqual([{ path: 'mon.from', code: 'invalid-time' }]);
  });

  it('refuses a day that ends when or before it starts', () => {
    expect(errorsOf(hours(day('09:00', '09:00')))).toEqual([{ path: 'mon.to', code: 'interval-ends-before-start' }]);
    expect(errorsOf(hours(day('9', '18:00')))).toEqual([{ path: 'mon.from', code: 'invalid-time' }]);
  });

  it('refuses each faulty break by its place', () => {
    expect(
      errorsOf(
        hours(
          day('09:00', '18:00', [
            ['12:00', '12:00'],
            ['x', '13:00'],
            ['12:00', 'y'],
            ['09:00', '10:00'],
            ['17:00', '18:00'],
          ]),
        ),
      ),
    ).toEqual([
      { path: 'mon.breaks.0', code: 'interval-ends-before-start' },
      { path: 'mon.breaks.1', code: 'invalid-time' },
      { path: 'mon.breaks.2', code: 'invalid-time' },
      { path: 'mon.breaks.3', code: 'break-outside-day' },
      { path: 'mon.breaks.4', code: 'break-outside-day' },
    ]);
  });

  it('a break is only refused as outside a day whose hours are known', () => {
    expect(errorsOf(hours(day('x', '18:00', [['08:00', '09:00']])))).toEqual([{ path: 'mon.from', code: 'invalid-time' }]);
    expect(errorsOf(hours(day('09:00', 'x', [['19:00', '20:00']])))).toEqual([{ path: 'mon.to', code: 'invalid-time' }]);
  });

  it('refuses breaks that overlap; breaks that touch are two breaks', () => {
    expect(
      errorsOf(
        hours(
          day('09:00', '18:00', [
            ['13:00', '14:00'],
            ['12:00', '13:30'],
          ]),
        ),
      ),
    ).toEqual([{ path: 'mon.breaks', code: 'overlapping-breaks' }]);
    expect(
      hours(
        day('09:00', '18:00', [
          ['12:00', '13:00'],
          ['13:00', '14:00'],
        ]),
      ).ok,
    ).toBe(true);
  });

  it('a day off is shown as a day off with the usual hours to start from', () => {
    expect(dayFormOf([])).toEqual({ working: false, from: '09:00', to: '18:00', breaks: [] });
  });
});

describe('a calendar', () => {
  const config = defaultRussianCalendarConfig();
  const year = (over: Record<string, unknown> = {}) => ({
    year: 2027,
    status: 'official',
    source: '',
    holidays: [],
    transferredDaysOff: [],
    workingWeekendDays: [],
    shortenedDays: [],
    ...over,
  });

  it.each([null, [], { ...config, week: null }, { ...config, week: [] }])('refuses %j as not a calendar', (value) => {
    expect(validateCalendarConfig(value)).toEqual(notAnObject);
  });

  it('refuses a time zone that is not a name', () => {
    expect(errorsOf(validateCalendarConfig({ ...config, timeZone: 3 }))).toEqual([
      { path: 'timeZone', code: 'invalid-time-zone' },
    ]);
  });

  it.each([
    [
      [
        { from: '09:00', to: '13:00' },
        { from: '12:00', to: '18:00' },
      ],
      'overlapping-breaks',
    ],
    [[{ from: '9', to: '18:00' }], 'invalid-time'],
    ['09:00-18:00', 'invalid-time'],
  ])('refuses a Tuesday of %j: %s', (tue, code) => {
    expect(errorsOf(validateCalendarConfig({ ...config, week: { ...config.week, tue } }))).toEqual([{ path: 'week.tue', code }]);
  });

  it.each([
    ['a year given twice', { years: [year(), year()] }, 'calendar-invalid-year'],
    ['a year of bad data', { years: [year({ status: 'draft' })] }, 'calendar-invalid-year'],
    [
      'a day both off and working',
      { years: [year({ holidays: [{ date: '2027-01-02', name: 'П' }], workingWeekendDays: ['2027-01-02'] })] },
      'calendar-conflicting-day',
    ],
    ['shortened days by a negative amount', { shortenedDayMinutes: -1 }, 'invalid-time'],
    ['years that are not a list', { years: 5 }, 'not-an-object'],
  ])('refuses %s', (_, over, code) => {
    expect(validateCalendarConfig({ ...config, ...over })).toEqual({ ok: false, errors: [{ path: '', code }] });
  });
});

describe('workspace switches', () => {
  it('default to 90 days of closed tickets, acknowledging every new email and no weekly review mail', () => {
    expect(defaultWorkspaceSettings).toEqual({
      workingSetDays: 90,
      emailAcknowledgement: true,
      weeklyReview: { enabled: false, recipients: [] },
    });
  });

  it.each([
    [1, []],
    [3650, []],
    [0, [{ path: 'workingSetDays', code: 'out-of-range' }]],
    [3651, [{ path: 'workingSetDays', code: 'out-of-range' }]],
    [Infinity, [{ path: 'workingSetDays', code: 'not-a-number' }]],
  ])('a window of %s days (1 to 3650): %j', (workingSetDays, errors) => {
    expect(errorsOf(validateWorkspaceSettings({ workingSetDays, emailAcknowledgement: true }))).toEqual(errors);
  });

  const review = (recipients: unknown[], enabled: unknown = true) =>
    errorsOf(
      validateWorkspaceSettings({ workingSetDays: 90, emailAcknowledgement: true, weeklyReview: { enabled, recipients } }),
    );

  it('the weekly review goes to at most 20 addresses of up to 254 characters', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `head${i}@pass24.test`);
    expect(review(twenty)).toEqual([]);
    const long = `${'a'.repeat(242)}@pass24.test`;
    expect([long.length, review([long])]).toEqual([254, []]);
    expect(review([`a${long}`])).toEqual([{ path: 'weeklyReview.recipients.0', code: 'invalid-email' }]);
  });

  it('a recipient is one address: a name, one @, a domain with a dot, nothing a mail client would read as more', () => {
    expect(review(['head@pass24.test', 'o.petrova+sla@mail.pass24.ru', 'ольга@почта.рф'], false)).toEqual([]);
    const refused: unknown[] = ['head', 'head@', '@pass24.test', 'head@pass24', 'head@.test', 'head@pass24.', 'a@b@c.ru'];
    refused.push(' head@pass24.test', 'head@pass24.test ', 'he ad@pass24.test', 'Ольга <head@pass24.test>', '"head"@pass24.test');
    refused.push('a,b@c.ru', 'a;b@c.ru', 'a:b@c.ru', 'a(b)@c.ru', 'a@b.ru;', 'a@b.ru\n', 7);
    expect(review(refused)).toEqual(refused.map((_, i) => ({ path: `weeklyReview.recipients.${i}`, code: 'invalid-email' })));
  });

  it('the weekly review is an object with a switch and a list', () => {
    expect(review([], 'yes')).toEqual([{ path: 'weeklyReview.enabled', code: 'not-an-object' }]);
    expect(errorsOf(validateWorkspaceSettings({ ...defaultWorkspaceSettings, weeklyReview: null }))).toEqual([
      { path: 'weeklyReview', code: 'not-an-object' },
    ]);
    expect(
      errorsOf(validateWorkspaceSettings({ ...defaultWorkspaceSettings, weeklyReview: { enabled: 1, recipients: 'a@b.ru' } })),
    ).toEqual([
      { path: 'weeklyReview.enabled', code: 'not-an-object' },
      { path: 'weeklyReview.recipients', code: 'not-an-object' },
    ]);
  });

  it('the acknowledgement is a switch, on or off', () => {
    expect(errorsOf(validateWorkspaceSettings({ workingSetDays: 90, emailAcknowledgement: 'yes' }))).toEqual([
      { path: 'emailAcknowledgement', code: 'not-an-object' },
    ]);
    expect(validateWorkspaceSettings(null)).toEqual(notAnObject);
  });
});
