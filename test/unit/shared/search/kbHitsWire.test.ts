import { describe, expect, it } from 'vitest';
import { packHits, unpackHits } from '#shared/search/kbHitsWire.ts';
import type { KbHit } from '#shared/search/kbSearch.ts';

describe('the hits as they cross from the search worker', () => {
  const shared = ['шлагбаум', 'пропуск'];
  const hits: KbHit[] = [
    { id: 'a', score: 12.5, terms: shared, matched: 2, of: 3 },
    { id: 'b', score: 3.25, terms: shared, matched: 1, of: 3 },
    { id: 'c', score: 0.125, terms: ['камер'], matched: 1, of: 3 },
  ];

  it('come back as they left, in their order', () => {
    expect(unpackHits(structuredClone(packHits(hits)))).toEqual(hits);
  });

  it('carry each distinct list of matched terms once, and no hit as an object', () => {
    const wire = packHits(hits);
    expect(wire.termLists).toEqual([shared, ['камер']]);
    expect([...wire.termListOf]).toEqual([0, 0, 1]);
    expect(wire.ids).toEqual(['a', 'b', 'c']);
  });

  it('carry no hits for a query that found nothing', () => {
    expect(unpackHits(structuredClone(packHits([])))).toEqual([]);
  });
});
