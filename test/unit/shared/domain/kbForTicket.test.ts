import { describe, expect, it } from 'vitest';
import { kbDraftFromTicket, pickKbArticles } from '#shared/domain/kbForTicket.ts';
import type { KbArticle } from '#shared/schema/kbSchema.ts';

function article(id: string, title: string, body: string, overrides: Partial<KbArticle> = {}): KbArticle {
  return {
    id,
    title,
    body,
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
    ...overrides,
  };
}

const articles = [
  article('a', 'Камера не распознаёт номера', 'Почистите объектив камеры и проверьте подсветку.', { editedAt: 3 }),
  article('b', 'Настройка шлагбаума', 'Шлагбаум открывается по номеру автомобиля, если камера подключена.', { editedAt: 2 }),
  article('c', 'Старая статья про шлагбаум', 'Устарело.', { status: 'archived', editedAt: 9 }),
];

describe('pickKbArticles', () => {
  it('finds articles by the beginnings of words in the title or body, title matches first', () => {
    expect(pickKbArticles(articles, 'камер').map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('needs every word of the query and ignores case and ё', () => {
    expect(pickKbArticles(articles, 'ШЛАГБАУМ номер').map((a) => a.id)).toEqual(['b']);
    expect(pickKbArticles(articles, 'распознает').map((a) => a.id)).toEqual(['a']);
  });

  it('never offers archived articles', () => {
    expect(pickKbArticles(articles, 'устарело')).toEqual([]);
  });

  it('offers the latest articles for an empty query', () => {
    expect(pickKbArticles(articles, '  ').map((a) => a.id)).toEqual(['a', 'b']);
  });
});

describe('kbDraftFromTicket', () => {
  it('drafts the problem and the solution, citing the ticket number', () => {
    const draft = kbDraftFromTicket(
      { subject: 'Не открывается шлагбаум', description: 'Камера не видит номера', number: '2026-000123' },
      'Почистили камеру',
    );
    expect(draft.title).toBe('Не открывается шлагбаум');
    expect(draft.body).toBe(
      '## Проблема\nКамера не видит номера\n\n## Решение\nПочистили камеру\n\nИсточник: обращение 2026-000123',
    );
  });

  it('uses the subject when the ticket has no description', () => {
    expect(kbDraftFromTicket({ subject: 'Вопрос', description: '', number: null }, '').body).toBe(
      '## Проблема\nВопрос\n\n## Решение\n—',
    );
  });
});
