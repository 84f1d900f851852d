import { describe, expect, it } from 'vitest';
import { jsonEqual, mergeDocuments } from '#shared/domain/merge.ts';
import { makeTicket, monday10 } from '../../../support/ticketFactory.ts';

const t0 = monday10;
const base = { ...makeTicket({ updatedAt: 100, number: '2026-000001' }), _deleted: false };

describe('three-way merge of tickets', () => {
  it('keeps a field changed on one side only, from either side', () => {
    const local = { ...base, subject: 'Новая тема', editedAt: t0 + 10 };
    const remote = { ...base, assigneeId: 'agent-2', editedAt: t0 + 20, updatedAt: 200 };
    const { merged, conflicts } = mergeDocuments('tickets', base, local, remote);
    expect(merged.subject).toBe('Новая тема');
    expect(merged.assigneeId).toBe('agent-2');
    expect(merged.updatedAt).toBe(200);
    expect(conflicts).toEqual([]);
  });

  it('gives a field changed on both sides to the later edit', () => {
    const local = { ...base, subject: 'Локально', editedAt: t0 + 30 };
    const remote = { ...base, subject: 'На сервере', editedAt: t0 + 20, updatedAt: 200 };
    const r1 = mergeDocuments('tickets', base, local, remote);
    expect(r1.merged.subject).toBe('Локально');
    expect(r1.conflicts).toEqual([{ field: 'subject', lost: 'На сервере', loser: 'remote' }]);
    const r2 = mergeDocuments('tickets', base, { ...local, editedAt: t0 + 10 }, remote);
    expect(r2.merged.subject).toBe('На сервере');
    expect(r2.conflicts[0]).toMatchObject({ field: 'subject', loser: 'local' });
  });

  it('gives a tie to the server', () => {
    const local = { ...base, subject: 'A', editedAt: t0 + 10 };
    const remote = { ...base, subject: 'B', editedAt: t0 + 10 };
    expect(mergeDocuments('tickets', base, local, remote).merged.subject).toBe('B');
  });

  it('never lets the client change the number, createdAt or updatedAt', () => {
    const local = { ...base, number: null, createdAt: 5, updatedAt: 1, editedAt: t0 + 50 };
    const remote = { ...base, updatedAt: 300 };
    const { merged } = mergeDocuments('tickets', base, local, remote);
    expect(merged).toMatchObject({ number: '2026-000001', createdAt: base.createdAt, updatedAt: 300 });
  });

  it('unites status histories changed on both sides and keeps the status consistent', () => {
    const local = {
      ...base,
      status: 'waiting_client' as const,
      statusLog: [...base.statusLog, { status: 'waiting_client' as const, at: t0 + 10 }],
      editedAt: t0 + 10,
    };
    const remote = {
      ...base,
      status: 'in_progress' as const,
      statusLog: [...base.statusLog, { status: 'in_progress' as const, at: t0 + 5 }],
      editedAt: t0 + 5,
    };
    const { merged } = mergeDocuments('tickets', base, local, remote);
    expect(merged.status).toBe('waiting_client');
    expect(merged.statusLog.map((e) => e.status)).toEqual(['new', 'in_progress', 'waiting_client']);
  });

  it('treats a document new to the client (no base) as changed on both sides', () => {
    const local = { ...base, subject: 'Мой', editedAt: t0 + 2 };
    const remote = { ...base, subject: 'Их', editedAt: t0 + 1 };
    expect(mergeDocuments('tickets', null, local, remote).merged.subject).toBe('Мой');
  });

  it('lets a deletion win on either side', () => {
    const local = { ...base, subject: 'Правка', editedAt: t0 + 99 };
    const remote = { ...base, _deleted: true, updatedAt: 200 };
    expect(mergeDocuments('tickets', base, local, remote).merged._deleted).toBe(true);
    expect(mergeDocuments('tickets', base, { ...local, _deleted: true }, { ...base, updatedAt: 200 }).merged._deleted).toBe(true);
  });
});

describe('three-way merge of KB articles', () => {
  const article = {
    id: 'kb-1',
    title: 'Шлагбаум',
    body: 'Исходный текст',
    product: null,
    tags: [],
    status: 'published',
    createdAt: t0,
    createdBy: 'a',
    editedAt: t0,
    editedBy: 'a',
    sourceTicketId: null,
    conflictDraft: null,
    summary: null,
    updatedAt: 10,
    _deleted: false,
  };

  it('keeps the server body and saves the local body as a conflict draft', () => {
    const local = { ...article, body: 'Мой текст', editedAt: t0 + 100, editedBy: 'me' };
    const remote = { ...article, body: 'Их текст', editedAt: t0 + 50, updatedAt: 20 };
    const { merged, conflicts } = mergeDocuments('kb', article, local, remote);
    expect(merged.body).toBe('Их текст');
    expect(merged.conflictDraft).toEqual({ body: 'Мой текст', editedAt: t0 + 100, editedBy: 'me' });
    expect(conflicts).toEqual([{ field: 'body', lost: 'Мой текст', loser: 'local' }]);
  });

  it('merges a title edit and a body edit from different sides without a draft', () => {
    const local = { ...article, title: 'Новый заголовок', editedAt: t0 + 1 };
    const remote = { ...article, body: 'Новый текст', editedAt: t0 + 2, updatedAt: 20 };
    const { merged } = mergeDocuments('kb', article, local, remote);
    expect(merged).toMatchObject({ title: 'Новый заголовок', body: 'Новый текст', conflictDraft: null });
  });
});

describe('three-way merge of reply scripts', () => {
  type Script = Record<string, unknown> & { body: string };
  const script: Script = {
    id: 'tpl-1',
    title: 'Напоминание',
    category: 'Ожидание клиента',
    body: 'Здравствуйте, {{client.name}}!',
    phoneBody: null,
    channels: [],
    tags: [],
    ownerId: null,
    archived: false,
    conflictDraft: null,
    editedAt: t0,
    editedBy: 'head-1',
    updatedAt: 10,
    _deleted: false,
  };

  it('keeps the server texts and saves both local texts as a conflict draft when both desks rewrote the text', () => {
    const local = {
      ...script,
      body: 'Добрый день, {{client.name}}.',
      phoneBody: 'Вслух: добрый день',
      editedAt: t0 + 100,
      editedBy: 'head-2',
    };
    const remote = {
      ...script,
      body: 'Здравствуйте! Напоминаем о вопросе.',
      editedAt: t0 + 50,
      editedBy: 'head-1',
      updatedAt: 20,
    };
    const { merged, conflicts } = mergeDocuments('templates', script, local, remote);
    // Only the written text conflicted; the phone text was the local desk's alone, so it is taken.
    expect(merged).toMatchObject({ body: 'Здравствуйте! Напоминаем о вопросе.', phoneBody: 'Вслух: добрый день' });
    expect(merged.conflictDraft).toEqual({
      body: 'Добрый день, {{client.name}}.',
      phoneBody: 'Вслух: добрый день',
      editedAt: t0 + 100,
      editedBy: 'head-2',
    });
    expect(conflicts).toEqual([{ field: 'body', lost: 'Добрый день, {{client.name}}.', loser: 'local' }]);
  });

  it('drafts a phone text rewritten on both sides even when the local edit is earlier', () => {
    const local = { ...script, phoneBody: 'Мой вариант', editedAt: t0 + 10, editedBy: 'head-2' };
    const remote = { ...script, phoneBody: 'Их вариант', editedAt: t0 + 50, updatedAt: 20 };
    const { merged } = mergeDocuments('templates', script, local, remote);
    expect(merged.phoneBody).toBe('Их вариант');
    expect(merged.conflictDraft).toEqual({ body: script.body, phoneBody: 'Мой вариант', editedAt: t0 + 10, editedBy: 'head-2' });
  });

  it('merges a title from one desk and a text from the other without a draft; the later archive flag wins', () => {
    const local = { ...script, title: 'Первое напоминание', archived: true, editedAt: t0 + 1 };
    const remote = { ...script, body: 'Новый текст', archived: false, editedAt: t0 + 2, updatedAt: 20 };
    const { merged, conflicts } = mergeDocuments('templates', script, local, remote);
    expect(merged).toMatchObject({ title: 'Первое напоминание', body: 'Новый текст', archived: true, conflictDraft: null });
    expect(conflicts).toEqual([]);
  });

  it('clears a conflict draft resolved on one desk while the other kept the texts', () => {
    const drafted: Script = { ...script, conflictDraft: { body: 'Другой', phoneBody: null, editedAt: t0, editedBy: 'head-2' } };
    const local = { ...drafted, body: 'Объединённый текст', conflictDraft: null, editedAt: t0 + 5 };
    const remote = { ...drafted, tags: ['напоминание'], editedAt: t0 + 3, updatedAt: 30 };
    const { merged } = mergeDocuments('templates', drafted, local, remote);
    expect(merged).toMatchObject({ body: 'Объединённый текст', tags: ['напоминание'], conflictDraft: null });
  });
});

describe('jsonEqual', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [[1, 2], [2, 1], false],
    [null, {}, false],
    [{ a: { b: 'x' } }, { a: { b: 'y' } }, false],
  ])('%j vs %j -> %s', (a, b, eq) => expect(jsonEqual(a, b)).toBe(eq));
});
