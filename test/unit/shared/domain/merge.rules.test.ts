import { describe, expect, it } from 'vitest';
import { jsonEqual, mergeDocuments } from '#shared/domain/merge.ts';
import { makeTicket, monday10 } from '../../../support/ticketFactory.ts';

const t0 = monday10;
const base = { ...makeTicket({ updatedAt: 100, number: '2026-000001', editedBy: 'agent-1' }), _deleted: false };

describe('who edited last', () => {
  it('the merged document carries the later edit time and its editor', () => {
    const local = { ...base, subject: 'Локально', editedAt: t0 + 30, editedBy: 'me' };
    const remote = { ...base, assigneeId: 'agent-2', editedAt: t0 + 20, editedBy: 'them', updatedAt: 200 };
    const { merged, conflicts } = mergeDocuments('tickets', base, local, remote);
    expect(merged).toMatchObject({ editedAt: t0 + 30, editedBy: 'me' });
    // Who edited and when is bookkeeping, never a conflict the user must see.
    expect(conflicts).toEqual([]);
    const earlier = mergeDocuments('tickets', base, { ...local, editedAt: t0 + 10 }, remote).merged;
    expect(earlier).toMatchObject({ editedAt: t0 + 20, editedBy: 'them' });
  });

  it('a side that has no edit time counts as the oldest edit', () => {
    const doc = { id: 'c-1', value: 'a' };
    const local = { ...doc, value: 'b' };
    const remote = { ...doc, value: 'c', editedAt: 5, editedBy: 'them' };
    const { merged, conflicts } = mergeDocuments('config', doc, local, remote);
    expect(merged).toMatchObject({ value: 'c', editedAt: 5, editedBy: 'them' });
    expect(conflicts).toEqual([{ field: 'value', lost: 'b', loser: 'local' }]);
  });

  it('the later side without an editor falls back to the server editor', () => {
    const { editedBy: _unknown, ...withoutEditor } = base;
    const local: Record<string, unknown> = { ...withoutEditor, subject: 'Локально', editedAt: t0 + 30 };
    const remote: Record<string, unknown> = { ...base, editedAt: t0 + 20, editedBy: 'them' };
    expect(mergeDocuments('tickets', base, local, remote).merged.editedBy).toBe('them');
  });
});

describe('server-owned fields', () => {
  it("the server's revision, sync metadata and attachments always win", () => {
    const doc = { id: 'kb-1', title: 'A', _rev: '1-a', _meta: { lwt: 1 }, _attachments: {} };
    const local = { ...doc, title: 'B', _rev: '2-local', _meta: { lwt: 3 }, _attachments: { a: 1 }, editedAt: 9 };
    const remote = { ...doc, _rev: '2-server', _meta: { lwt: 2 }, _attachments: { s: 1 }, editedAt: 1 };
    const { merged, conflicts } = mergeDocuments('kb', doc, local, remote);
    expect(merged).toEqual({ ...remote, title: 'B', editedAt: 9, editedBy: undefined });
    expect(conflicts).toEqual([]);
  });

  it('a local copy cannot bring a deletion flag the server does not have', () => {
    const doc = { id: 'cl-1', name: 'УК' };
    const local = { ...doc, name: 'УК «Парк»', _deleted: false };
    const { merged } = mergeDocuments('clients', doc, local, doc);
    expect(merged).toEqual({ id: 'cl-1', name: 'УК «Парк»', editedAt: 0, editedBy: undefined });
  });

  it('a deletion reports no conflict', () => {
    const local = { ...base, subject: 'Правка', editedAt: t0 + 99 };
    const remote = { ...base, _deleted: true };
    expect(mergeDocuments('tickets', base, local, remote).conflicts).toEqual([]);
  });
});

describe('status histories', () => {
  it('are united in time order whichever side holds the earlier entries', () => {
    const local = {
      ...base,
      status: 'in_progress' as const,
      statusLog: [
        ...base.statusLog,
        { status: 'in_progress' as const, at: t0 + 2 },
        { status: 'waiting_client' as const, at: t0 + 3 },
        { status: 'in_progress' as const, at: t0 + 4 },
      ],
      editedAt: t0 + 4,
    };
    const remote = {
      ...base,
      status: 'in_progress' as const,
      statusLog: [...base.statusLog, { status: 'in_progress' as const, at: t0 + 10 }],
      editedAt: t0 + 10,
    };
    const { merged } = mergeDocuments('tickets', base, local, remote);
    expect(merged.statusLog).toEqual([
      { status: 'new', at: t0 },
      { status: 'in_progress', at: t0 + 2 },
      { status: 'waiting_client', at: t0 + 3 },
      { status: 'in_progress', at: t0 + 4 },
      { status: 'in_progress', at: t0 + 10 },
    ]);
  });

  it('two entries at the same instant are ordered by status name', () => {
    const local = { ...base, statusLog: [...base.statusLog, { status: 'in_progress' as const, at: t0 + 5 }] };
    const remote = { ...base, statusLog: [...base.statusLog, { status: 'waiting_client' as const, at: t0 + 5 }] };
    const log = mergeDocuments('tickets', base, { ...local, status: 'in_progress' }, remote).merged.statusLog;
    expect(log.slice(0, 3).map((e) => e.status)).toEqual(['new', 'in_progress', 'waiting_client']);
  });

  it('end in the merged status: a status that won without its history entry is appended at the later edit', () => {
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
      editedAt: t0 + 20,
    };
    const { merged } = mergeDocuments('tickets', base, local, remote);
    expect(merged.status).toBe('in_progress');
    expect(merged.statusLog).toEqual([
      { status: 'new', at: t0 },
      { status: 'in_progress', at: t0 + 5 },
      { status: 'waiting_client', at: t0 + 10 },
      { status: 'in_progress', at: t0 + 20 },
    ]);
  });

  it('a side without a history leaves the other side history', () => {
    const local = { ...base, statusLog: undefined as unknown as typeof base.statusLog, editedAt: t0 + 1 };
    const remote = { ...base, statusLog: [...base.statusLog, { status: 'new' as const, at: t0 + 1 }] };
    expect(mergeDocuments('tickets', base, local, remote).merged.statusLog).toEqual(remote.statusLog);
  });
});

describe('text changed on both sides', () => {
  it('only the body of a KB article becomes a conflict draft; its title goes to the later edit', () => {
    const article = { id: 'kb-1', title: 'Шлагбаум', body: 'Текст', editedAt: t0, editedBy: 'a', conflictDraft: null };
    const local = { ...article, title: 'Мой заголовок', editedAt: t0 + 10, editedBy: 'me' };
    const remote = { ...article, title: 'Их заголовок', editedAt: t0 + 5 };
    const { merged, conflicts } = mergeDocuments('kb', article, local, remote);
    expect(merged).toMatchObject({ title: 'Мой заголовок', conflictDraft: null });
    expect(conflicts).toEqual([{ field: 'title', lost: 'Их заголовок', loser: 'remote' }]);
  });

  it("a script's text keeps the server's, even from the earlier edit, and the local text becomes a conflict draft", () => {
    const template = { id: 'tpl-1', title: 'Приветствие', body: 'Здравствуйте', editedAt: t0, editedBy: 'a' };
    const local = { ...template, body: 'Добрый день', editedAt: t0 + 10, editedBy: 'me' };
    const remote = { ...template, body: 'Привет', editedAt: t0 + 5 };
    const { merged, conflicts } = mergeDocuments('templates', template, local, remote);
    expect(merged).toEqual({
      ...template,
      body: 'Привет',
      conflictDraft: { body: 'Добрый день', phoneBody: null, editedAt: t0 + 10, editedBy: 'me' },
      editedAt: t0 + 10,
      editedBy: 'me',
    });
    expect(conflicts).toEqual([{ field: 'body', lost: 'Добрый день', loser: 'local' }]);
  });

  it("a script's title goes to the later edit, without a conflict draft", () => {
    const template = { id: 'tpl-1', title: 'Приветствие', body: 'Здравствуйте', editedAt: t0, editedBy: 'a' };
    const local = { ...template, title: 'Моё', editedAt: t0 + 10, editedBy: 'me' };
    const remote = { ...template, title: 'Их', editedAt: t0 + 5 };
    const { merged, conflicts } = mergeDocuments('templates', template, local, remote);
    expect(merged).toEqual({ ...template, title: 'Моё', editedAt: t0 + 10, editedBy: 'me' });
    expect(conflicts).toEqual([{ field: 'title', lost: 'Их', loser: 'remote' }]);
  });

  it('a conflict draft of an article edited by nobody known names no author', () => {
    const article: Record<string, unknown> = { id: 'kb-1', body: 'Текст', editedAt: t0 };
    const local = { ...article, body: 'Мой', editedAt: t0 + 10 };
    const remote = { ...article, body: 'Их', editedAt: t0 + 5 };
    expect(mergeDocuments('kb', article, local, remote).merged.conflictDraft).toEqual({
      body: 'Мой',
      editedAt: t0 + 10,
      editedBy: '',
    });
  });
});

describe('jsonEqual tells JSON values apart', () => {
  it.each([
    [{}, null, false],
    [{}, '', false],
    [[], {}, false],
    [{}, [], false],
    [[undefined], [], false],
    [[1], [1, 2], false],
    [[1, 2], [1], false],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: 1, b: 2 }, { a: 1, b: 3 }, false],
    [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, true],
  ])('%j vs %j: %s', (a, b, equal) => {
    expect(jsonEqual(a, b)).toBe(equal);
  });
});
