import { describe, expect, it } from 'vitest';
import { canCreateShared, checkScriptDraft, draftOf, scriptFields, type ScriptDraft } from '#shared/templates/scriptDraft.ts';
import type { ScriptDoc } from '#shared/templates/scriptDoc.ts';

const stored: ScriptDoc = {
  id: 's1',
  title: 'Напоминание',
  category: 'Ожидание клиента',
  body: 'Здравствуйте!',
  channels: ['email'],
  tags: ['напоминание'],
  ownerId: 'agent-1',
  editedAt: 1,
  updatedAt: 1,
};
const draft: ScriptDraft = {
  title: 'Напоминание',
  category: 'Ожидание клиента',
  body: 'Здравствуйте!',
  phoneBody: '',
  channels: [],
  tags: [],
  shared: false,
};
const agent = { id: 'agent-1', role: 'agent' as const };
const head = { id: 'head-1', role: 'head' as const };
const admin = { id: 'admin-1', role: 'admin' as const };

describe('the editor’s draft of a stored script', () => {
  it('holds its fields; no phone variant reads as an empty phone text; a personal script is not shared', () => {
    expect(draftOf(stored)).toEqual({
      title: 'Напоминание',
      category: 'Ожидание клиента',
      body: 'Здравствуйте!',
      phoneBody: '',
      channels: ['email'],
      tags: ['напоминание'],
      shared: false,
    });
    expect(draftOf({ ...stored, phoneBody: null }).phoneBody).toBe('');
    expect(draftOf({ ...stored, phoneBody: 'Вслух' }).phoneBody).toBe('Вслух');
  });

  it('a script without an owner is shared', () => {
    expect(draftOf({ ...stored, ownerId: null }).shared).toBe(true);
    expect(draftOf({ ...stored, ownerId: undefined }).shared).toBe(true);
  });

  it('editing the draft’s lists leaves the stored script as it was', () => {
    const d = draftOf(stored);
    d.channels.push('phone');
    d.tags.push('новый');
    expect(stored.channels).toEqual(['email']);
    expect(stored.tags).toEqual(['напоминание']);
  });
});

describe('who makes a shared script', () => {
  it.each([
    ['agent', false],
    ['head', true],
    ['admin', true],
  ] as const)('%s: %s', (role, may) => {
    expect(canCreateShared({ role })).toBe(may);
  });

  it('an admin may make a shared script; an agent only a personal one', () => {
    expect(checkScriptDraft({ ...draft, shared: true }, admin, null)).toBeNull();
    expect(checkScriptDraft({ ...draft, shared: true }, agent, null)).toBe('forbidden');
  });
});

describe('saving over a stored script', () => {
  it('the owner may save over their personal script whatever the draft says of sharing: ownership never changes', () => {
    expect(checkScriptDraft({ ...draft, shared: true }, agent, { ownerId: 'agent-1' })).toBeNull();
  });

  it('the head or an admin may save over a shared script even when the draft is not marked shared', () => {
    expect(checkScriptDraft(draft, head, { ownerId: null })).toBeNull();
    expect(checkScriptDraft(draft, admin, { ownerId: null })).toBeNull();
    expect(checkScriptDraft(draft, agent, { ownerId: null })).toBe('forbidden');
  });

  it('a refusal comes before any complaint about the text', () => {
    expect(checkScriptDraft({ ...draft, title: '', body: '' }, agent, { ownerId: 'agent-2' })).toBe('forbidden');
    expect(checkScriptDraft({ ...draft, title: '', body: '', shared: true }, agent, null)).toBe('forbidden');
  });

  it('the title is asked for before the text', () => {
    expect(checkScriptDraft({ ...draft, title: ' ', body: ' ' }, agent, null)).toBe('titleRequired');
    expect(checkScriptDraft({ ...draft, body: ' ' }, agent, null)).toBe('bodyRequired');
    expect(checkScriptDraft(draft, agent, null)).toBeNull();
  });
});

describe('the stored fields of a draft', () => {
  it('the texts keep their leading indentation and lose only the trailing blank', () => {
    const fields = scriptFields(
      { ...draft, title: ' Т ', category: ' К ', body: '  Текст\n  строка \n', phoneBody: '  Вслух \n' },
      'Общее',
    );
    expect(fields).toMatchObject({ title: 'Т', category: 'К', body: '  Текст\n  строка', phoneBody: '  Вслух' });
  });

  it('tags are trimmed, kept once each in their first order, empty ones dropped', () => {
    expect(scriptFields({ ...draft, tags: [' б ', 'а', '  ', 'б'] }, 'Общее').tags).toEqual(['б', 'а']);
  });

  it('channels are kept once each in their first order', () => {
    expect(scriptFields({ ...draft, channels: ['phone', 'email', 'phone'] }, 'Общее').channels).toEqual(['phone', 'email']);
  });
});
