/**
 * The hits of one query as they cross from the search worker to the desk: in columns, with each
 * distinct list of matched terms sent once. A forgiving query over thousands of articles hits
 * most of them, and a structured clone of an object and an array per hit would cost the desk
 * more than the search itself; here a hit is one string and a few numbers in typed arrays.
 */
import type { KbHit } from './kbSearch.ts';

export interface KbHitsWire {
  ids: string[];
  scores: Float64Array;
  matched: Uint16Array;
  /** How many words the query had (the same for every hit). */
  of: number;
  /** The distinct lists of matched terms, and which one each hit has. */
  termLists: string[][];
  termListOf: Uint32Array;
}

export function packHits(hits: readonly KbHit[]): KbHitsWire {
  const scores = new Float64Array(hits.length);
  const matched = new Uint16Array(hits.length);
  const termListOf = new Uint32Array(hits.length);
  const termLists: string[][] = [];
  const listIndex = new Map<string, number>();
  const ids = hits.map((hit, i) => {
    scores[i] = hit.score;
    matched[i] = hit.matched;
    // Terms are words of letters and digits: a space never occurs in one.
    const key = hit.terms.join(' ');
    let at = listIndex.get(key);
    if (at === undefined) {
      at = termLists.push(hit.terms) - 1;
      listIndex.set(key, at);
    }
    termListOf[i] = at;
    return hit.id;
  });
  return { ids, scores, matched, of: hits[0]?.of ?? 0, termLists, termListOf };
}

/** The hits back as the desk uses them; hits with the same matched terms share one list. */
export function unpackHits(wire: KbHitsWire): KbHit[] {
  return wire.ids.map((id, i) => ({
    id,
    score: wire.scores[i]!,
    terms: wire.termLists[wire.termListOf[i]!]!,
    matched: wire.matched[i]!,
    of: wire.of,
  }));
}
