import { describe, expect, it } from 'vitest';
import { checkDocument, type RuleDoc } from '#shared/authz/documentRules.ts';
import { maxConfigValueChars } from '#shared/authz/configRules.ts';
import type { Actor } from '#shared/domain/workflow.ts';
import type { CollectionName } from '#shared/protocol.ts';
import { agent, head, monday10, otherAgent } from '../../../support/ticketFactory.ts';

// docs/authorization.md: the rules of the collections other than tickets, with the sentence each refusal shows.
const now = monday10;
const admin: Actor = { id: 'admin-1', name: 'Администратор', role: 'admin' };
const verdict = (collection: CollectionName, actor: Actor, stored: RuleDoc | null, pushed: RuleDoc) =>
  checkDocument(collection, { role: actor.role, agentId: actor.id, stored, pushed, now });
const refused = (code: string, reason: string) => ({ ok: false, code, reason });
const foreign = (path: string, named: string, signedIn: string) =>
  refused(
    'foreign_author',
    `Поле «${path}» называет автором другого сотрудника (${named}): изменения записываются от имени вошедшего (${signedIn}).`,
  );

describe('client cards', () => {
  const client: RuleDoc = { id: 'c-1', name: 'УК', editedAt: now, editedBy: agent.id, _deleted: false };

  it('are edited in the signed-in account’s name', () => {
    expect(verdict('clients', agent, client, { ...client, name: 'УК «Север»', editedBy: otherAgent.id })).toEqual(
      foreign('editedBy', otherAgent.id, agent.id),
    );
  });

  it('may arrive new without an editor named yet', () => {
    const { editedBy: _, ...bare } = client;
    expect(verdict('clients', agent, null, bare as RuleDoc)).toEqual({ ok: true });
    expect(verdict('clients', agent, null, { ...client, editedBy: null })).toEqual({ ok: true });
  });

  it('are deleted and brought back by the head only', () => {
    const sentence = refused('forbidden_action', 'Удалить карточку клиента может только руководитель.');
    const gone = { ...client, _deleted: true };
    expect(verdict('clients', agent, client, gone)).toEqual(sentence);
    expect(verdict('clients', agent, null, gone)).toEqual(sentence);
    expect(verdict('clients', agent, gone, client)).toEqual(sentence);
    expect(verdict('clients', head, gone, client)).toEqual({ ok: true });
  });

  it('keep their CRM link as the endpoint’s directory sync set it, and say so', () => {
    const link = { system: 'bitrix24', id: '17', url: 'https://crm.example/crm/company/details/17/' };
    expect(verdict('clients', head, { ...client, crm: link }, { ...client, crm: null })).toEqual(
      refused('forbidden_action', 'Связь карточки с компанией в CRM ставит только синхронизация с CRM.'),
    );
  });
});

describe('workspace settings', () => {
  const setting: RuleDoc = { id: 'calendar', value: { a: 1 }, editedAt: now, editedBy: head.id, _deleted: false };

  it('are the head’s and the admin’s; an agent is told its role', () => {
    expect(verdict('config', agent, null, { ...setting, editedBy: agent.id })).toEqual(
      refused('forbidden_role', 'Настройки рабочего пространства изменяет руководитель или администратор; ваша роль: agent.'),
    );
    expect(verdict('config', admin, setting, { ...setting, value: { a: 2 }, editedBy: admin.id })).toEqual({ ok: true });
  });

  it('are changed in the signed-in account’s name', () => {
    expect(verdict('config', head, setting, { ...setting, value: { a: 2 }, editedBy: admin.id })).toEqual(
      foreign('editedBy', admin.id, head.id),
    );
  });

  it('are never deleted, only changed', () => {
    expect(verdict('config', head, setting, { ...setting, _deleted: true })).toEqual(
      refused('forbidden_action', 'Настройки не удаляются: измените значение.'),
    );
  });

  it(`hold a value of at most ${maxConfigValueChars} characters as JSON`, () => {
    const sized = (chars: number) => ({ ...setting, value: 'x'.repeat(chars - 2) }); // JSON adds the two quotes
    expect(verdict('config', head, null, sized(maxConfigValueChars))).toEqual({ ok: true });
    expect(verdict('config', head, null, sized(maxConfigValueChars + 1))).toEqual(
      refused('invalid_document', `Значение настройки слишком велико: больше ${maxConfigValueChars} символов.`),
    );
  });
});

describe('timeline entries', () => {
  const entry = (over: Record<string, unknown> = {}): RuleDoc => ({
    id: 'e-1',
    ticketId: 't-1',
    kind: 'note',
    at: now,
    authorId: agent.id,
    authorName: agent.name,
    public: false,
    body: 'Проверил',
    data: {},
    updatedAt: 0,
    _deleted: false,
    ...over,
  });

  it('are never changed once stored', () => {
    expect(verdict('events', agent, entry(), entry({ body: 'Иначе' }))).toEqual(
      refused('insert_only', 'Записи ленты не изменяются и не удаляются после сохранения.'),
    );
  });

  it('are never pushed deleted, not even new', () => {
    expect(verdict('events', agent, null, entry({ _deleted: true }))).toEqual(
      refused('insert_only', 'Записи ленты не удаляются.'),
    );
  });

  it('always name their author', () => {
    const sentence = refused('foreign_author', 'У записи ленты нет автора (authorId).');
    const { authorId: _, ...anonymous } = entry();
    expect(verdict('events', agent, null, anonymous as RuleDoc)).toEqual(sentence);
    expect(verdict('events', agent, null, entry({ authorId: null }))).toEqual(sentence);
  });

  it.each(['escalation_approved', 'escalation_returned'])('a head’s decision (%s) is entered by a head only', (kind) => {
    expect(verdict('events', agent, null, entry({ kind }))).toEqual(
      refused('forbidden_action', 'Решение по эскалации заносит в ленту только руководитель.'),
    );
    expect(verdict('events', head, null, entry({ kind, authorId: head.id }))).toEqual({ ok: true });
  });
});

describe('knowledge-base articles', () => {
  const article = (over: Record<string, unknown> = {}): RuleDoc => ({
    id: 'kb-1',
    title: 'Камера',
    body: 'Текст',
    status: 'published',
    createdAt: now,
    createdBy: head.id,
    editedAt: now,
    editedBy: head.id,
    conflictDraft: null,
    _deleted: false,
    ...over,
  });
  const mine = article({ createdBy: agent.id, editedBy: agent.id, status: 'draft' });
  const headOnly = refused(
    'forbidden_action',
    'Опубликовать, отправить в архив или вернуть статью в черновики может только руководитель.',
  );
  const authorOrHead = refused(
    'forbidden_action',
    'Удалить статью или вернуть удалённую может только её автор или руководитель.',
  );

  it('are written new in the author’s own name: creator, editor and conflict draft alike', () => {
    expect(verdict('kb', agent, null, mine)).toEqual({ ok: true });
    expect(verdict('kb', agent, null, article({ editedBy: agent.id, status: 'draft' }))).toEqual(
      foreign('createdBy', head.id, agent.id),
    );
    expect(verdict('kb', agent, null, article({ createdBy: agent.id, status: 'draft' }))).toEqual(
      foreign('editedBy', head.id, agent.id),
    );
    const draft = { body: 'Моя версия', editedAt: now, editedBy: otherAgent.id };
    expect(verdict('kb', agent, mine, { ...mine, conflictDraft: draft })).toEqual(
      foreign('conflictDraft.editedBy', otherAgent.id, agent.id),
    );
  });

  it('keep their creator for good', () => {
    expect(verdict('kb', agent, article(), article({ createdBy: agent.id, editedBy: agent.id }))).toEqual(
      refused('foreign_author', 'Поле «createdBy» (кто создал документ) не изменяется после сохранения.'),
    );
  });

  it('are brought back from the archive by the head only, their author included', () => {
    const archived = article({ status: 'archived', createdBy: agent.id });
    expect(verdict('kb', agent, archived, article({ createdBy: agent.id, editedBy: agent.id }))).toEqual(headOnly);
    expect(verdict('kb', head, archived, article({ createdBy: agent.id }))).toEqual({ ok: true });
  });

  it('are deleted and brought back from deletion by their author or the head only', () => {
    expect(verdict('kb', agent, article(), article({ editedBy: agent.id, _deleted: true }))).toEqual(authorOrHead);
    expect(verdict('kb', agent, mine, { ...mine, _deleted: true })).toEqual({ ok: true });
    expect(verdict('kb', head, mine, { ...mine, editedBy: head.id, _deleted: true })).toEqual({ ok: true });
  });

  it('may be created and deleted on a desk before they ever reach the endpoint, by their author', () => {
    expect(verdict('kb', agent, null, { ...mine, _deleted: true })).toEqual({ ok: true });
  });
});

describe('reply scripts', () => {
  const script = (over: Record<string, unknown> = {}): RuleDoc => ({
    id: 'tpl-1',
    title: 'Приветствие',
    body: 'Здравствуйте',
    editedAt: now,
    editedBy: agent.id,
    ownerId: agent.id,
    _deleted: false,
    ...over,
  });
  const sentence = refused(
    'forbidden_action',
    'Общие скрипты ответов изменяет руководитель; агент пишет и удаляет только свои личные скрипты.',
  );

  it('are edited in the signed-in account’s name, personal ones too', () => {
    expect(verdict('templates', agent, script(), script({ body: 'Добрый день', editedBy: otherAgent.id }))).toEqual(
      foreign('editedBy', otherAgent.id, agent.id),
    );
  });

  it('an agent does not turn its personal script into a shared one', () => {
    expect(verdict('templates', agent, script(), script({ ownerId: null }))).toEqual(sentence);
    expect(verdict('templates', agent, null, script({ ownerId: null }))).toEqual(sentence);
  });
});
