/** The SLA settings form: what was typed stays, the save turns it into policies and a calendar or refuses it. */
import { describe, expect, it } from 'vitest';
import { defaultRussianCalendarConfig, defaultSlaPolicies } from '#shared/sla/index.ts';
import { calendarOfForm, policiesOfForm, slaFormOf } from '../../../../../renderer/src/features/settings/slaForm.ts';

const base = defaultRussianCalendarConfig();
const form = () => slaFormOf(defaultSlaPolicies(), base);

describe('the SLA settings form', () => {
  it('round-trips the defaults unchanged', () => {
    expect(policiesOfForm(form())).toEqual({ ok: true, value: defaultSlaPolicies() });
    expect(calendarOfForm(form(), base)).toEqual({ ok: true, value: base });
  });

  it('makes emergency first contact 24/7', () => {
    const f = form();
    f.policies.emergency.firstContact = { minutes: '15', clock: 'calendar' };
    const check = policiesOfForm(f);
    expect(check.ok && check.value.emergency.firstContact).toEqual({ minutes: 15, clock: 'calendar' });
  });

  it('refuses a threshold that is not a number and keeps the typed text in the form', () => {
    const f = form();
    f.policies.standard.warningMaxMinutes = 'полчаса';
    expect(policiesOfForm(f)).toEqual({ ok: false, errors: [{ path: 'standard.warningMaxMinutes', code: 'not-a-number' }] });
    expect(f.policies.standard.warningMaxMinutes).toBe('полчаса');
  });

  it('adds a lunch break as typed, and refuses overlapping breaks', () => {
    const f = form();
    f.week.mon.breaks = '13:00-14:00';
    const check = calendarOfForm(f, base);
    expect(check.ok && check.value.week.mon).toEqual([
      { from: '09:00', to: '13:00' },
      { from: '14:00', to: '18:00' },
    ]);
    f.week.tue.breaks = '13:00-14:00, 13:30-15:00';
    expect(calendarOfForm(f, base)).toEqual({ ok: false, errors: [{ path: 'week.tue.breaks', code: 'overlapping-breaks' }] });
  });

  it('refuses a working day that ends before it starts', () => {
    const f = form();
    f.week.wed.to = '08:00';
    expect(calendarOfForm(f, base)).toEqual({ ok: false, errors: [{ path: 'week.wed.to', code: 'interval-ends-before-start' }] });
  });
});
