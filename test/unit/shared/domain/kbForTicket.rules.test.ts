import { describe, expect, it } from 'vitest';
import { kbDraftFromTicket, pickKbArticles } from '#shared/domain/kbForTicket.ts';
import type { KbArticle } from '#shared/schema/kbSchema.ts';

// The knowledge base seen from a ticket being resolved: the articles offered to link, the draft.
const article = (id: string, title: string, over: Partial<KbArticle> = {}): KbArticle => ({
  id,
  title,
  body: '',
  product: null,
  tags: [],
  category: null,
  symptoms: [],
  status: 'published',
  createdAt: 0,
  createdBy: '',
  editedAt: 0,
  editedBy: '',
  sourceTicketId: null,
  conflictDraft: null,
  summary: null,
  returned: null,
  updatedAt: 0,
  ...over,
});
const ids = (list: readonly KbArticle[]) => list.map((a) => a.id);

describe('the articles offered for a ticket', () => {
  it('rank two points a word in the title, one in the summary or body, then the latest edited', () => {
    const list = [
      article('body-old', 'Пропуск', { body: 'Камера у шлагбаума', editedAt: 1 }),
      article('summary-new', 'Пропуск', { summary: 'Камера у шлагбаума', editedAt: 5 }),
      article('title-one', 'Камера', { body: 'шлагбаум', editedAt: 0 }),
      article('title-both', 'Камера шлагбаума', { editedAt: 0 }),
      article('draft', 'Камера шлагбаума', { status: 'draft', editedAt: 2 }),
    ];
    expect(ids(pickKbArticles(list, 'камер шлагб'))).toEqual(['draft', 'title-both', 'title-one', 'summary-new', 'body-old']);
  });

  it('match a query word only at the start of a word, splitting at anything but letters and digits', () => {
    const list = [article('a', 'Видеокамера'), article('b', 'IP-камера 2'), article('c', 'Камера')];
    expect(ids(pickKbArticles(list, 'камера'))).toEqual(['b', 'c']);
    expect(ids(pickKbArticles(list, '—ip!'))).toEqual(['b']);
    expect(ids(pickKbArticles(list, '2'))).toEqual(['b']);
  });

  it('are at most eight unless told, the empty query’s latest edited too', () => {
    const many = Array.from({ length: 10 }, (_, i) => article(`k${i}`, `Камера ${i}`, { editedAt: i }));
    expect(ids(pickKbArticles(many, 'камера'))).toEqual(['k9', 'k8', 'k7', 'k6', 'k5', 'k4', 'k3', 'k2']);
    expect(ids(pickKbArticles(many, '', 3))).toEqual(['k9', 'k8', 'k7']);
    expect(ids(pickKbArticles(many, 'камера', 2))).toEqual(['k9', 'k8']);
  });

  it('leave archived articles out of the empty query’s list too', () => {
    const list = [article('a', 'А', { status: 'archived', editedAt: 9 }), article('b', 'Б', { editedAt: 1 })];
    expect(ids(pickKbArticles(list, ''))).toEqual(['b']);
  });
});

describe('the draft article from a ticket', () => {
  it('is titled by the trimmed subject, cut at 300 characters, with the trimmed problem and solution', () => {
    const draft = kbDraftFromTicket(
      { subject: ` ${'ш'.repeat(310)} `, description: '  Не видит номера \n', number: null },
      '\n Почистили ',
    );
    expect(draft).toEqual({ title: 'ш'.repeat(300), body: '## Проблема\nНе видит номера\n\n## Решение\nПочистили' });
  });

  it('states the problem by the subject when the description is blank', () => {
    expect(kbDraftFromTicket({ subject: ' Вопрос ', description: '  ', number: '' }, ' ').body).toBe(
      '## Проблема\nВопрос\n\n## Решение\n—',
    );
  });
});
