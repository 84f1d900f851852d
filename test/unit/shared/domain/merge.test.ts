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

describe('jsonEqual', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [[1, 2], [2, 1], false],
    [null, {}, false],
    [{ a: { b: 'x' } }, { a: { b: 'y' } }, false],
  ])('%j vs %j -> %s', (a, b, eq) => expect(jsonEqual(a, b)).toBe(eq));
});
