import { describe, expect, it } from 'vitest';
import { checkDocument, type RuleDoc } from '#shared/authz/documentRules.ts';
import type { CollectionName } from '#shared/protocol.ts';
import type { Actor } from '#shared/domain/workflow.ts';
import { agent, head, monday10, otherAgent } from '../../../support/ticketFactory.ts';

const now = monday10;

function verdict(collection: CollectionName, actor: Actor, stored: RuleDoc | null, pushed: RuleDoc) {
  return checkDocument(collection, { role: actor.role, agentId: actor.id, stored, pushed, now });
}

const event = (over: Record<string, unknown> = {}): RuleDoc => ({
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

const script = (over: Record<string, unknown> = {}): RuleDoc => ({
  id: 'tpl-1',
  title: 'Приветствие',
  body: 'Здравствуйте',
  editedAt: now,
  editedBy: head.id,
  _deleted: false,
  ...over,
});

describe('timeline entry rules', () => {
  it('accepts an entry in the signer’s name, and the same entry pushed again', () => {
    expect(verdict('events', agent, null, event())).toEqual({ ok: true });
    expect(verdict('events', agent, { ...event(), updatedAt: 5 }, event())).toEqual({ ok: true });
  });
  it('refuses an entry in someone else’s name', () => {
    expect(verdict('events', agent, null, event({ authorId: head.id }))).toMatchObject({ ok: false, code: 'foreign_author' });
  });
  it('reserves the escalation decisions for a head', () => {
    expect(verdict('events', agent, null, event({ kind: 'escalation_approved' }))).toMatchObject({
      ok: false,
      code: 'forbidden_action',
    });
    expect(verdict('events', head, null, event({ kind: 'escalation_approved', authorId: head.id }))).toEqual({ ok: true });
  });
  it('refuses an entry changed or deleted after it was stored', () => {
    expect(verdict('events', agent, event(), event({ body: 'Иначе' }))).toMatchObject({ ok: false, code: 'insert_only' });
    expect(verdict('events', agent, event(), event({ _deleted: true }))).toMatchObject({ ok: false, code: 'insert_only' });
  });
});

describe('knowledge-base rules', () => {
  it('lets anyone edit an article in their own name', () => {
    expect(verdict('kb', agent, article(), article({ body: 'Дополнено', editedBy: agent.id }))).toEqual({ ok: true });
  });
  it('refuses an agent deleting or archiving a head’s article; its author and a head may', () => {
    expect(verdict('kb', agent, article(), article({ _deleted: true }))).toMatchObject({ ok: false, code: 'forbidden_action' });
    expect(verdict('kb', agent, article(), article({ status: 'archived', editedBy: agent.id }))).toMatchObject({
      ok: false,
      code: 'forbidden_action',
    });
    expect(verdict('kb', head, article(), article({ _deleted: true }))).toEqual({ ok: true });
    const own = article({ createdBy: agent.id, editedBy: agent.id });
    expect(verdict('kb', agent, own, { ...own, _deleted: true })).toEqual({ ok: true });
  });
  it('refuses an article created in someone else’s name', () => {
    expect(verdict('kb', agent, null, article())).toMatchObject({ ok: false, code: 'foreign_author' });
  });
  it('publishing is the head’s: an agent’s new article is a draft, and an agent cannot publish one later', () => {
    const draft = article({ status: 'draft', createdBy: agent.id, editedBy: agent.id });
    expect(verdict('kb', agent, null, draft)).toEqual({ ok: true });
    expect(verdict('kb', agent, null, { ...draft, status: 'published' })).toMatchObject({ ok: false, code: 'forbidden_action' });
    expect(verdict('kb', agent, draft, { ...draft, status: 'published' })).toMatchObject({ ok: false, code: 'forbidden_action' });
    expect(verdict('kb', head, draft, { ...draft, status: 'published', editedBy: head.id })).toEqual({ ok: true });
  });
  it('sending a draft back with a comment is the head’s, in the head’s name', () => {
    const draft = article({ status: 'draft', createdBy: agent.id, editedBy: agent.id, returned: null });
    const back = (by: string) => ({ ...draft, returned: { comment: 'Добавьте шаги', at: now, by } });
    expect(verdict('kb', head, draft, back(head.id))).toEqual({ ok: true });
    expect(verdict('kb', head, draft, back(agent.id))).toMatchObject({ ok: false, code: 'foreign_author' });
    expect(verdict('kb', agent, draft, back(agent.id))).toMatchObject({ ok: false, code: 'forbidden_action' });
    expect(verdict('kb', agent, back(head.id), { ...back(head.id), body: 'Шаги добавлены' })).toEqual({ ok: true });
  });
  it('bringing back an earlier version is an edit: an agent may restore a published article’s text, never its status', () => {
    // The article was published, then taken back to drafts by the head; an agent pushes the published version's state.
    const published = article({ body: 'Старый текст', editedBy: head.id });
    const current = article({ status: 'draft', body: 'Новый текст', editedBy: head.id });
    expect(verdict('kb', agent, current, { ...published, editedBy: agent.id })).toMatchObject({
      ok: false,
      code: 'forbidden_action',
    });
    // The same text in the current status, signed by the agent, is an ordinary edit.
    expect(verdict('kb', agent, current, { ...current, body: published.body, editedBy: agent.id })).toEqual({ ok: true });
    expect(verdict('kb', agent, article(), { ...article(), body: 'Старый текст', editedBy: agent.id })).toEqual({ ok: true });
  });
});

describe('reply script rules', () => {
  it('keeps shared scripts for the head', () => {
    expect(verdict('templates', agent, script(), script({ body: 'Добрый день', editedBy: agent.id }))).toMatchObject({
      ok: false,
      code: 'forbidden_action',
    });
    expect(verdict('templates', head, script(), script({ body: 'Добрый день' }))).toEqual({ ok: true });
  });
  it('lets an agent write and delete its own personal script, not take over another’s', () => {
    const mine = script({ ownerId: agent.id, editedBy: agent.id });
    expect(verdict('templates', agent, null, mine)).toEqual({ ok: true });
    expect(verdict('templates', agent, mine, { ...mine, _deleted: true })).toEqual({ ok: true });
    const theirs = script({ ownerId: otherAgent.id, editedBy: otherAgent.id });
    expect(verdict('templates', agent, theirs, { ...theirs, ownerId: agent.id, editedBy: agent.id })).toMatchObject({
      ok: false,
      code: 'forbidden_action',
    });
  });
});

describe('reply script conflict drafts', () => {
  const draft = (by: string) => ({ body: 'Другая версия', phoneBody: null, editedAt: now, editedBy: by });
  it('accepts a merge that keeps the signer’s own lost text, and a save that clears a colleague’s', () => {
    expect(verdict('templates', head, script(), script({ conflictDraft: draft(head.id) }))).toEqual({ ok: true });
    const drafted = script({ conflictDraft: draft('head-2') });
    expect(verdict('templates', head, drafted, { ...drafted, body: 'Объединено', conflictDraft: null })).toEqual({ ok: true });
  });
  it('refuses a conflict draft put in someone else’s name', () => {
    expect(verdict('templates', head, script(), script({ conflictDraft: draft('head-2') }))).toMatchObject({
      ok: false,
      code: 'foreign_author',
    });
  });
  it('refuses an agent’s conflict draft on a shared script: the head’s texts are the head’s', () => {
    expect(verdict('templates', agent, script(), script({ conflictDraft: draft(agent.id) }))).toMatchObject({
      ok: false,
      code: 'forbidden_action',
    });
  });
});

describe('client and settings rules', () => {
  const client: RuleDoc = { id: 'c-1', name: 'УК', editedAt: now, editedBy: agent.id, _deleted: false };
  it('lets anyone keep a client card; deletion is the head’s', () => {
    expect(verdict('clients', agent, client, { ...client, name: 'УК «Север»' })).toEqual({ ok: true });
    expect(verdict('clients', agent, client, { ...client, _deleted: true })).toMatchObject({
      ok: false,
      code: 'forbidden_action',
    });
    expect(verdict('clients', head, client, { ...client, _deleted: true })).toEqual({ ok: true });
  });
  it('leaves the CRM link to the endpoint: no desk sets, changes or clears it, whatever its role', () => {
    const link = { system: 'bitrix24', id: '17', url: 'https://crm.example/crm/company/details/17/' };
    const linked: RuleDoc = { ...client, crm: link };
    const refused = { ok: false, code: 'forbidden_action' };
    expect(verdict('clients', agent, null, { ...client, crm: link })).toMatchObject(refused);
    expect(verdict('clients', agent, client, linked)).toMatchObject(refused);
    expect(verdict('clients', head, linked, { ...linked, crm: { ...link, id: '18' } })).toMatchObject(refused);
    expect(verdict('clients', head, linked, { ...linked, crm: null })).toMatchObject(refused);
    // An edit that carries the link as stored passes.
    expect(verdict('clients', agent, linked, { ...linked, name: 'УК «Север»' })).toEqual({ ok: true });
    expect(verdict('clients', agent, null, { ...client, crm: null })).toEqual({ ok: true });
  });
  it('keeps settings for the head, in its own name, bounded in size', () => {
    const setting: RuleDoc = { id: 'calendar', value: { a: 1 }, editedAt: now, editedBy: head.id, _deleted: false };
    expect(verdict('config', agent, null, { ...setting, editedBy: agent.id })).toMatchObject({
      ok: false,
      code: 'forbidden_role',
    });
    expect(verdict('config', head, null, setting)).toEqual({ ok: true });
    expect(verdict('config', head, null, { ...setting, value: { big: 'x'.repeat(300_000) } })).toMatchObject({
      ok: false,
      code: 'invalid_document',
    });
  });
  it('never takes the agents directory from a desk', () => {
    expect(verdict('agents', head, null, { id: 'a', _deleted: false })).toMatchObject({ ok: false, code: 'pull_only' });
  });
});
