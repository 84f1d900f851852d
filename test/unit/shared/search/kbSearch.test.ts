import { describe, expect, it } from 'vitest';
import { buildKbIndex, searchKb, syncKbIndex, type KbSearchDoc } from '../../../../shared/search/kbSearch.ts';
import { stemRu } from '../../../../shared/search/russianStem.ts';

let seq = 0;
function article(over: Partial<KbSearchDoc> & { title: string }): KbSearchDoc {
  seq++;
  return {
    id: over.id ?? `kb-${seq}`,
    body: '',
    tags: [],
    product: null,
    status: 'published',
    summary: null,
    editedAt: 1000,
    updatedAt: 1,
    ...over,
  };
}

const barrier = article({
  id: 'barrier',
  title: 'Шлагбаум не открывается по номеру автомобиля',
  product: 'pass24_auto',
  body: 'Проверьте камеру распознавания и список номеров.',
  tags: ['шлагбаум', 'камера'],
});
const turnstile = article({
  id: 'turnstile',
  title: 'Турникет не пропускает по ключу',
  product: 'pass24_key',
  body: 'Перезагрузите контроллер турникета.',
  tags: ['турникет'],
});
const guests = article({
  id: 'guests',
  title: 'Как выдать гостевой пропуск',
  product: 'pass24_online',
  body: 'Гостевые пропуска создаются в мобильном приложении жителя.',
});
const draft = article({ id: 'draft', title: 'Черновик: пропуска для подрядчиков', status: 'draft', product: null });
const archived = article({ id: 'archived', title: 'Старый шлагбаум модели Х', status: 'archived' });

const index = buildKbIndex([barrier, turnstile, guests, draft, archived]);
const ids = (query: string, filter = {}) => searchKb(index, query, filter).map((h) => h.id);

describe('stemRu', () => {
  it.each([
    ['шлагбаума', 'шлагбаум'],
    ['шлагбаумы', 'шлагбаум'],
    ['шлагбаумов', 'шлагбаум'],
    ['турникета', 'турникет'],
    ['пропусков', 'пропуск'],
    ['пропуска', 'пропуск'],
    ['Ёлки', 'елки'],
    ['ключ', 'ключ'],
    ['api', 'api'],
  ])('%s -> %s', (word, stem) => {
    expect(stemRu(word)).toBe(stem);
  });

  it('brings the forms of one noun to one stem', () => {
    const forms = ['камера', 'камеры', 'камере', 'камеру', 'камерой', 'камерами', 'камерах'];
    expect(new Set(forms.map(stemRu)).size).toBe(1);
  });
});

describe('searchKb', () => {
  it('finds an article by another case of a word in its title ("шлагбаума" finds "Шлагбаум")', () => {
    expect(ids('шлагбаума')).toEqual(['barrier']);
  });

  it('finds by a plural form in the body ("турникетов" finds "турникета")', () => {
    expect(ids('турникетов')).toContain('turnstile');
  });

  it('matches the word being typed as a prefix', () => {
    expect(ids('гостев')).toEqual(['guests']);
  });

  it('tolerates a typo in a long word', () => {
    expect(ids('шлакбаум')).toEqual(['barrier']);
  });

  it('ranks the articles matching every word of the query above those matching some', () => {
    expect(ids('турникет ключ')).toEqual(['turnstile']);
    const hits = searchKb(index, 'шлагбаум камера турникет');
    expect(hits.map((h) => h.id)).toEqual(['barrier', 'turnstile']);
    expect(hits.map((h) => [h.matched, h.of])).toEqual([
      [2, 3],
      [1, 3],
    ]);
  });

  it('finds something when one word of the query is in no article ("гостевой пропуск вертолёта")', () => {
    expect(ids('гостевой пропуск вертолета')[0]).toBe('guests');
  });

  it('meets a term written in the other script (смс finds SMS, виганд finds Wiegand)', () => {
    const idx = buildKbIndex([
      article({ id: 'sms', title: 'Гость не получил SMS' }),
      article({ id: 'wiegand', title: 'Считыватель по Wiegand' }),
    ]);
    expect(searchKb(idx, 'смски').map((h) => h.id)).toEqual(['sms']);
    expect(searchKb(idx, 'виганд').map((h) => h.id)).toEqual(['wiegand']);
  });

  it('allows no typo in a short word', () => {
    expect(ids('клюк')).toEqual([]);
  });

  it('ignores filler words', () => {
    expect(ids('как не открывается шлагбаум')).toEqual(['barrier']);
  });

  it('ranks a title match above a body-only match', () => {
    const idx = buildKbIndex([
      article({ id: 'body', title: 'Настройка контроллера', body: 'Если шлагбаум молчит, проверьте питание.' }),
      article({ id: 'title', title: 'Шлагбаум: схема подключения' }),
    ]);
    expect(searchKb(idx, 'шлагбаум').map((h) => h.id)).toEqual(['title', 'body']);
  });

  it('weighs a symptom, the client’s own words, like the title: above a word only in the body', () => {
    const bySymptom = article({ id: 'symptom', title: 'Доставка пропуска', symptoms: ['гостю не пришла смс'] });
    const inBody = article({ id: 'body', title: 'Рассылки жителям', body: 'Если смс не пришла, проверьте баланс.' });
    const idx = buildKbIndex([inBody, bySymptom]);
    expect(searchKb(idx, 'не пришла смс').map((h) => h.id)).toEqual(['symptom', 'body']);
  });
  it('finds an article by its category', () => {
    const idx = buildKbIndex([barrier, article({ id: 'rule', title: 'Выезд на объект', category: 'Регламент' })]);
    expect(searchKb(idx, 'регламент').map((h) => h.id)).toEqual(['rule']);
  });
  it('filters by product, keeping articles that apply to every product', () => {
    expect(ids('гостевой', { product: 'pass24_online' })).toEqual(['guests']);
    expect(ids('гостевой', { product: 'pass24_key' })).toEqual([]);
    expect(ids('подрядчиков', { product: 'pass24_key' })).toEqual(['draft']);
  });

  it('hides archived articles unless asked', () => {
    expect(ids('шлагбаум')).not.toContain('archived');
    expect(ids('шлагбаум', { includeArchived: true })).toContain('archived');
  });

  it('lists everything for an empty query: published first, then by title', () => {
    expect(ids('  ')).toEqual(['guests', 'turnstile', 'barrier', 'draft']);
  });
});

describe('syncKbIndex', () => {
  it('adds, replaces and removes articles without rebuilding', () => {
    const idx = buildKbIndex([barrier, turnstile]);
    const edited = { ...turnstile, title: 'Турникет и домофон', updatedAt: 2 };
    const added = article({ id: 'new', title: 'Домофон не звонит' });
    expect(syncKbIndex(idx, [edited, added])).toBe(3);
    expect(
      searchKb(idx, 'домофон')
        .map((h) => h.id)
        .sort(),
    ).toEqual(['new', 'turnstile']);
    expect(searchKb(idx, 'шлагбаум')).toEqual([]);
    expect(syncKbIndex(idx, [edited, added])).toBe(0);
  });

  // Its speed on 5,000 articles is a figure of `npm run bench:search`.
  it('finds every article matching both words among 5,000, before those matching one', () => {
    const many: KbSearchDoc[] = [];
    const body = 'Проверьте питание контроллера, подключение камеры и список номеров автомобилей. '.repeat(20);
    for (let i = 0; i < 5000; i++)
      many.push(article({ id: `a${i}`, title: `Статья ${i}: ${i % 2 ? 'шлагбаум' : 'турникет'} на объекте`, body }));
    const idx = buildKbIndex(many);
    const hits = searchKb(idx, 'шлагбаума камер');
    expect(hits.slice(0, 2500).every((h) => h.matched === 2)).toBe(true);
    expect(hits.slice(2500).every((h) => h.matched === 1)).toBe(true);
  });
});
