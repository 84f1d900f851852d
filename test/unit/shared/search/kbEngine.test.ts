import { describe, expect, it } from 'vitest';
import { KbEngine, type QueryWeights, type TermPlan } from '#shared/search/kbEngine.ts';

interface Doc {
  id: string;
  title: string;
  body: string;
}

const docs: Doc[] = [
  { id: 'a', title: 'шлагбаум открывается сам', body: 'стрела шлагбаума поднимается без команды контроллера' },
  { id: 'b', title: 'контроллер не в сети', body: 'проверьте питание контроллера и сеть' },
  { id: 'c', title: 'камера не распознает номер', body: 'шлагбаум не открывается: камера не видит номер' },
  { id: 'd', title: 'калитка', body: 'электромагнитный замок калитки' },
];
const weights: QueryWeights = { boost: { title: 4, body: 1 }, prefix: 0.4, fuzzy: 0.35 };

function engine(): KbEngine<Doc> {
  const e = new KbEngine<Doc>({ fields: ['title', 'body'] });
  e.addAll(docs);
  return e;
}

/** MiniSearch's own answer for the same plan, with its reward for each word matched taken out. */
function miniSearch(e: KbEngine<Doc>, plans: TermPlan[]) {
  return e
    .search(
      { queries: plans.map(({ term, prefix, fuzzy }) => ({ queries: [term], prefix, fuzzy })), combineWith: 'OR' },
      { boost: weights.boost, weights: { prefix: weights.prefix, fuzzy: weights.fuzzy } },
    )
    .map((r) => ({ id: String(r.id), score: r.score / r.queryTerms.length, matched: r.queryTerms.length }));
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));

describe('the knowledge base’s query pass over MiniSearch’s index', () => {
  it.each<[string, TermPlan[]]>([
    [
      'whole words',
      [
        { term: 'шлагбаум', prefix: false, fuzzy: false },
        { term: 'номер', prefix: false, fuzzy: false },
      ],
    ],
    ['a prefix', [{ term: 'контрол', prefix: true, fuzzy: false }]],
    ['a typo', [{ term: 'калитко', prefix: false, fuzzy: 1 }]],
    // A word that is a term itself and begins longer ones, which are also a typo away from it.
    ['a whole word as a prefix and with typos', [{ term: 'шлагбаум', prefix: true, fuzzy: 1 }]],
    [
      'all three',
      [
        { term: 'камера', prefix: false, fuzzy: false },
        { term: 'шлагбаумм', prefix: false, fuzzy: 1 },
        { term: 'откр', prefix: true, fuzzy: 2 },
      ],
    ],
  ])('scores %s as MiniSearch does', (_, plans) => {
    const e = engine();
    const ours = e.scoreQuery(plans, weights).docs;
    const theirs = miniSearch(e, plans);
    expect(ours.length).toBeGreaterThan(0);
    expect(byId(ours).map((h) => h.id)).toEqual(byId(theirs).map((h) => h.id));
    byId(ours).forEach((h, i) => {
      expect(h.score).toBeCloseTo(byId(theirs)[i]!.score, 10);
      expect(h.matched).toBe(byId(theirs)[i]!.matched);
    });
  });

  it('names the terms that matched: the words and what their prefixes and typos stood for', () => {
    const { terms } = engine().scoreQuery(
      [
        { term: 'калитко', prefix: false, fuzzy: 1 },
        { term: 'контрол', prefix: true, fuzzy: false },
        { term: 'вертолет', prefix: false, fuzzy: false },
      ],
      weights,
    );
    expect(terms.sort()).toEqual(['калитка', 'калитки', 'контроллер', 'контроллера']);
  });

  it('counts a word once however many fields and terms it matched in', () => {
    const { docs: found } = engine().scoreQuery([{ term: 'шлагбаум', prefix: true, fuzzy: false }], weights);
    expect(found.find((h) => h.id === 'a')?.matched).toBe(1);
  });

  it('leaves out a discarded document still in the postings', () => {
    const e = engine();
    e.discard('c');
    const found = e.scoreQuery([{ term: 'номер', prefix: false, fuzzy: false }], weights);
    expect(found).toEqual({ docs: [], terms: [] });
  });

  it('names no term matched only in a field the query does not weigh', () => {
    const e = engine();
    const { docs: found, terms } = e.scoreQuery([{ term: 'питание', prefix: false, fuzzy: false }], {
      ...weights,
      boost: { title: 4 },
    });
    expect({ found, terms }).toEqual({ found: [], terms: [] });
    expect(e.scoreQuery([{ term: 'питание', prefix: false, fuzzy: false }], weights).terms).toEqual(['питание']);
  });

  it('knows a term whole and a term that begins longer ones', () => {
    const e = engine();
    expect([e.hasTerm('калитка'), e.hasTerm('калит'), e.beginsLonger('калит'), e.beginsLonger('калитки')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});
