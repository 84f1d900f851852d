import { describe, expect, it } from 'vitest';
import { buildKbIndex, searchKb, syncKbIndex, typosAllowed, type KbSearchDoc } from '#shared/search/kbSearch.ts';

const article = (over: Partial<KbSearchDoc> & { id: string; title: string }): KbSearchDoc => ({
  body: '',
  tags: [],
  product: null,
  status: 'published',
  summary: null,
  editedAt: 1000,
  updatedAt: 1,
  ...over,
});

describe('the knowledge-base search', () => {
  const docs = [
    article({ id: 'p-ya', title: 'Ящик контроллера' }),
    article({ id: 'd-b', title: 'Бланк пропуска', status: 'draft' }),
    article({ id: 'd-a', title: 'Акт о неисправности камеры', status: 'draft' }),
    article({ id: 'p-ka', title: 'Камера у ворот', tags: ['видеонаблюдение'] }),
  ];
  const index = buildKbIndex(docs);
  const ids = (query: string, filter = {}) => searchKb(index, query, filter).map((h) => h.id);

  it('lists every article for an empty query: the published by title, then the drafts by title', () => {
    expect(searchKb(index, '')).toEqual(
      ['p-ka', 'p-ya', 'd-a', 'd-b'].map((id) => ({ id, score: 0, terms: [], matched: 0, of: 0 })),
    );
  });

  it('offers published articles only when asked', () => {
    expect(ids('', { publishedOnly: true })).toEqual(['p-ka', 'p-ya']);
    expect(ids('камеры', { publishedOnly: true })).toEqual(['p-ka']);
  });

  it('finds an article by a tag, and a field without text adds no words', () => {
    expect(ids('видеонаблюдение')).toEqual(['p-ka']);
    expect(ids('stryker')).toEqual([]);
  });

  it('matches only the last word of the query as a prefix, and only from three letters', () => {
    expect(ids('ка')).toEqual([]);
    expect(ids('кам')).toContain('p-ka');
    expect(searchKb(index, 'ящ камера').find((h) => h.id === 'p-ya')).toBeUndefined();
  });
});

describe('typos forgiven', () => {
  it.each([
    ['камр', false],
    ['камер', 1],
    ['контролл', 1],
    ['контролле', 2],
  ] as const)('in «%s»: %s', (term, typos) => {
    expect(typosAllowed(term)).toBe(typos);
  });
});

describe('keeping the index in line', () => {
  it('re-indexes an article whose edit instant alone changed', () => {
    const first = article({ id: 'a', title: 'Шлагбаум', editedAt: 1, updatedAt: 5 });
    const index = buildKbIndex([first]);
    expect(syncKbIndex(index, [{ ...first, title: 'Турникет', editedAt: 2 }])).toBe(1);
    expect(searchKb(index, 'турникет').map((h) => h.id)).toEqual(['a']);
  });
});

describe('what is searched and how it ranks', () => {
  it('finds an article by each of its symptoms, not only the first', () => {
    const index = buildKbIndex([article({ id: 's', title: 'Въезд', symptoms: ['не открывается', 'шлагбаум'] })]);
    expect(searchKb(index, 'шлагбаум').map((h) => h.id)).toEqual(['s']);
  });

  it('an article matching every word ranks first even when a partial match weighs more by its fields', () => {
    // The title weighs four times the text, but the partial match loses by the missing word.
    const index = buildKbIndex([
      article({ id: 'partial', title: 'Шлагбаум' }),
      article({ id: 'full', title: 'Въезд', body: 'Если шлагбаум не слушается, проверьте пульт и его батарейку на объекте' }),
    ]);
    const hits = searchKb(index, 'шлагбаум пульт');
    expect(hits.map((h) => [h.id, h.matched, h.of])).toEqual([
      ['full', 2, 2],
      ['partial', 1, 2],
    ]);
  });
});

describe('an article gone from the collection', () => {
  it('leaves the index and may come back', () => {
    const a = article({ id: 'a', title: 'Шлагбаум' });
    const b = article({ id: 'b', title: 'Турникет' });
    const index = buildKbIndex([a, b]);
    expect(syncKbIndex(index, [b])).toBe(1);
    expect(searchKb(index, 'шлагбаум')).toEqual([]);
    expect(syncKbIndex(index, [a, b])).toBe(1);
    expect(searchKb(index, 'шлагбаум').map((h) => h.id)).toEqual(['a']);
  });
});
