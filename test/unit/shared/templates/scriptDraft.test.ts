import { describe, expect, it } from 'vitest';
import { checkScriptDraft, fillScript, scriptFields, templateValues, type ScriptDraft } from '#shared/templates/index.ts';
import { makeTicket, monday10 } from '../../../support/ticketFactory.ts';

const draft: ScriptDraft = {
  title: '  Напоминание  ',
  category: ' ',
  body: 'Здравствуйте, {{client.name}}!\n\n',
  phoneBody: '   ',
  channels: ['email', 'email'],
  tags: [' напоминание ', 'напоминание', ''],
  shared: true,
};
const agent = { id: 'agent-1', role: 'agent' as const };
const head = { id: 'head-1', role: 'head' as const };

describe('checkScriptDraft: what may be saved, by whom', () => {
  it('a shared script is made by the head, never by an agent; a personal one by anyone', () => {
    expect(checkScriptDraft(draft, head, null)).toBeNull();
    expect(checkScriptDraft(draft, agent, null)).toBe('forbidden');
    expect(checkScriptDraft({ ...draft, shared: false }, agent, null)).toBeNull();
  });

  it('an agent may not save over a shared script or another agent’s, only over their own', () => {
    expect(checkScriptDraft(draft, agent, { ownerId: null })).toBe('forbidden');
    expect(checkScriptDraft(draft, agent, { ownerId: 'agent-2' })).toBe('forbidden');
    expect(checkScriptDraft(draft, agent, { ownerId: 'agent-1' })).toBeNull();
  });

  it('needs a title and a written text', () => {
    expect(checkScriptDraft({ ...draft, title: ' ' }, head, null)).toBe('titleRequired');
    expect(checkScriptDraft({ ...draft, body: '\n ' }, head, null)).toBe('bodyRequired');
  });

  it('stores trimmed fields: no empty phone variant, tags and channels once each, a fallback category', () => {
    expect(scriptFields(draft, 'Общее')).toEqual({
      title: 'Напоминание',
      category: 'Общее',
      body: 'Здравствуйте, {{client.name}}!',
      phoneBody: null,
      channels: ['email'],
      tags: ['напоминание'],
    });
  });
});

describe('fillScript: the variant for the channel, filled in', () => {
  const script = { body: 'Письменно: {{client.name}}', phoneBody: 'Вслух: {{client.name}}, {{? вопрос}}' };
  const ticket = makeTicket({}, { channel: 'phone', contact: { name: 'Сергей' } });
  const values = templateValues({ ticket, now: monday10 });
  const options = { now: monday10, timeZone: 'Europe/Moscow' };

  it('reads the phone text on a phone ticket, and the written one when asked', () => {
    expect(fillScript(script, 'phone', values, { ...options, answers: { вопрос: 'ок' } })).toMatchObject({
      text: 'Вслух: Сергей, ок',
      variant: 'phone',
      hasPhoneVariant: true,
      prompts: [{ name: 'вопрос', label: 'вопрос' }],
    });
    expect(fillScript(script, 'phone', values, { ...options, variant: 'written' })).toMatchObject({
      text: 'Письменно: Сергей',
      variant: 'written',
    });
    expect(fillScript(script, 'email', values, options)).toMatchObject({ text: 'Письменно: Сергей', variant: 'written' });
  });
});
