import { describe, expect, it } from 'vitest';
import { buildKbIndex, planQuery, searchKb, syncKbIndex, typosAllowed, type KbSearchDoc } from '#shared/search/kbSearch.ts';

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

  it('matches the last word of the query, the one being typed, as a prefix from three letters', () => {
    expect(ids('ка')).toEqual([]);
    expect(ids('кам')).toContain('p-ka');
    expect(searchKb(index, 'ящ камера').find((h) => h.id === 'p-ya')).toBeUndefined();
  });
});

describe('how each word of a query is looked up', () => {
  const index = buildKbIndex([
    article({ id: 'act', title: 'Акт о неисправности камеры' }),
    article({ id: 'activation', title: 'Активация ключа' }),
    article({ id: 'gate', title: 'Пожарная сигнализация открывает ворота' }),
  ]);
  const hits = (query: string) => searchKb(index, query).map((h) => [h.id, h.matched, h.of]);

  it('takes an earlier word the articles have whole as a finished word, the last one as a prefix', () => {
    // «акт» is a whole word of the articles: before another word it does not find «Активация».
    expect(hits('акт камера')).toEqual([['act', 2, 2]]);
    expect(hits('камера акт')).toEqual([
      ['act', 2, 2],
      ['activation', 1, 2],
    ]);
  });

  it('takes an earlier word no article has whole as a stem cut on purpose', () => {
    expect(hits('пожарн сигнализ')).toEqual([['gate', 2, 2]]);
    expect(planQuery(index, ['пожарн', 'сигнализ']).map((p) => p.prefix)).toEqual([false, true]);
    expect(planQuery(index, ['неисп', 'камер']).map((p) => p.prefix)).toEqual([true, false]);
  });

  it('looks for typos only in a word that matches neither whole nor as a beginning', () => {
    expect(planQuery(index, ['камер', 'сигнализ', 'шлакбаум', 'ключ'])).toEqual([
      { term: 'камер', prefix: false, fuzzy: false },
      { term: 'сигнализ', prefix: true, fuzzy: false },
      { term: 'шлакбаум', prefix: false, fuzzy: 1 },
      { term: 'ключ', prefix: false, fuzzy: false },
    ]);
    expect(hits('сигнализацыя')).toEqual([['gate', 1, 1]]);
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
