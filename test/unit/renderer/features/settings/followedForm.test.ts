/**
 * A settings form open while the stored settings change at another desk: untouched it follows
 * them; with edits it keeps every typed character, says newer values wait, and takes them only
 * when asked. Its own save, arriving part by part, is no news.
 */
import { describe, expect, it } from 'vitest';
import { defaultRussianCalendarConfig, defaultSlaPolicies } from '#shared/sla/index.ts';
import { defaultWorkspaceSettings } from '#shared/sla/slaSettings.ts';
import {
  edited,
  followedForm,
  takeIncoming,
  valuesArrived,
  type Meaning,
} from '../../../../../renderer/src/features/settings/followedForm.ts';
import {
  settingsMeaning,
  slaFormOf,
  workspaceFormOf,
  type SettingsForm,
} from '../../../../../renderer/src/features/settings/slaForm.ts';

type Form = { minutes: string; days: string };
// Parts mean their numbers: «015» and «15» are the same minutes.
const meaning: Meaning<Form> = (f) => ({ minutes: Number(f.minutes), days: Number(f.days) });
const stored = (minutes: number, days: number): Form => ({ minutes: String(minutes), days: String(days) });

describe('a form that follows stored values', () => {
  it('takes another desk’s values while nothing is typed in it', () => {
    const state = valuesArrived(followedForm(stored(15, 90)), stored(30, 90), meaning);
    expect(state).toEqual({ form: stored(30, 90), base: stored(30, 90), incoming: null });
  });

  it('keeps what was typed when the values change underneath, and says newer ones wait', () => {
    const typing = edited(followedForm(stored(15, 90)), { minutes: '20', days: '90' });
    const state = valuesArrived(typing, stored(15, 120), meaning);
    expect(state.form).toEqual({ minutes: '20', days: '90' });
    expect(state.incoming).toEqual(stored(15, 120));
    // Typing goes on in the form; the newer values still wait.
    const more = edited(state, { minutes: '25', days: '90' });
    expect(more.form.minutes).toBe('25');
    expect(more.incoming).toEqual(stored(15, 120));
  });

  it('replaces the edits with the newer values only when asked', () => {
    const waiting = valuesArrived(edited(followedForm(stored(15, 90)), stored(20, 90)), stored(15, 120), meaning);
    expect(takeIncoming(waiting)).toEqual({ form: stored(15, 120), base: stored(15, 120), incoming: null });
    const nothingWaits = followedForm(stored(15, 90));
    expect(takeIncoming(nothingWaits)).toBe(nothingWaits);
  });

  it('keeps a value that was typed but means the same as before as no edit: the form still follows', () => {
    const retyped = edited(followedForm(stored(15, 90)), { minutes: '015', days: '90' });
    expect(valuesArrived(retyped, stored(15, 120), meaning)).toEqual({
      form: stored(15, 120),
      base: stored(15, 120),
      incoming: null,
    });
  });

  it('treats its own save arriving part by part as no news, and keeps the text as typed', () => {
    const typed = { minutes: '020', days: '120' };
    const saving = edited(followedForm(stored(15, 90)), typed);
    const half = valuesArrived(saving, stored(20, 90), meaning);
    expect(half).toEqual({ form: typed, base: stored(20, 90), incoming: null });
    const whole = valuesArrived(half, stored(20, 120), meaning);
    expect(whole).toEqual({ form: typed, base: stored(20, 120), incoming: null });
    // Now a change elsewhere finds the form untouched against what is stored, and follows.
    expect(valuesArrived(whole, stored(45, 120), meaning).form).toEqual(stored(45, 120));
  });

  it('stops offering newer values once the stored ones are back to what the form was filled from', () => {
    const waiting = valuesArrived(edited(followedForm(stored(15, 90)), stored(20, 90)), stored(15, 120), meaning);
    const back = valuesArrived(waiting, stored(15, 90), meaning);
    expect(back).toEqual({ form: stored(20, 90), base: stored(15, 90), incoming: null });
  });
});

describe('what the SLA settings form means', () => {
  const calendar = defaultRussianCalendarConfig();
  const form = (): SettingsForm => ({
    sla: slaFormOf(defaultSlaPolicies(), calendar),
    workspace: workspaceFormOf(defaultWorkspaceSettings),
  });

  it('is the same however a valid value was typed', () => {
    const typed = form();
    typed.sla.policies.standard.warningMaxMinutes = ` ${typed.sla.policies.standard.warningMaxMinutes}`;
    typed.sla.timeZone = ` ${typed.sla.timeZone} `;
    typed.workspace.days = '090';
    expect(settingsMeaning(typed, calendar)).toEqual(settingsMeaning(form(), calendar));
  });

  it('differs in the part that was changed, and keeps a value that does not validate as typed', () => {
    const typed = form();
    typed.workspace.days = 'девяносто';
    const before = settingsMeaning(form(), calendar);
    const after = settingsMeaning(typed, calendar);
    expect(after.policies).toEqual(before.policies);
    expect(after.hours).toEqual(before.hours);
    expect(after.workspace).toEqual(typed.workspace);
  });
});
