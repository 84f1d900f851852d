import { describe, expect, it } from 'vitest';
import { packHits, unpackHits } from '#shared/search/kbHitsWire.ts';
import type { KbHit } from '#shared/search/kbSearch.ts';

describe('the matched terms of hits crossing from the search worker', () => {
  it('keep apart two lists whose words run together alike', () => {
    const hits: KbHit[] = [
      { id: 'a', score: 2, terms: ['код', 'доступа'], matched: 2, of: 2 },
      { id: 'b', score: 1, terms: ['коддоступа'], matched: 1, of: 2 },
      { id: 'c', score: 1, terms: ['коддо', 'ступа'], matched: 1, of: 2 },
    ];
    const wire = packHits(hits);
    expect(wire.termLists).toEqual([['код', 'доступа'], ['коддоступа'], ['коддо', 'ступа']]);
    expect(unpackHits(wire)).toEqual(hits);
  });
});
