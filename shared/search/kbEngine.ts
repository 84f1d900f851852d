/**
 * MiniSearch with the knowledge base's own query pass. MiniSearch indexes and keeps the index
 * in step; a query here reads that index directly and scores as MiniSearch does (BM25 per field,
 * times the field's boost and the weight of a longer or misspelt word), but into typed arrays:
 * a forgiving query over thousands of articles matches most of them, and MiniSearch's result
 * objects for each (with the fields each term matched) cost more than the scoring itself.
 */
import MiniSearch from 'minisearch';

/** How one word of a query is looked up (planQuery in kbSearch.ts). */
export interface TermPlan {
  term: string;
  /** Also as the beginning of longer terms. */
  prefix: boolean;
  /** Also with up to this many typos. */
  fuzzy: number | false;
}

export interface QueryWeights {
  /** The boost of a match in each field. */
  boost: Readonly<Record<string, number>>;
  /** The weight of a longer term (prefix) and of a misspelt one (fuzzy), as MiniSearch's `weights`. */
  prefix: number;
  fuzzy: number;
}

export interface ScoredDoc {
  id: string;
  /** The sum over the words it matched of their weighted BM25 scores. */
  score: number;
  /** How many of the query's words it matched. */
  matched: number;
}

// MiniSearch's BM25+ parameters (its defaults, which the index is built with).
const k = 1.2;
const b = 0.7;
const d = 0.5;

export class KbEngine<T> extends MiniSearch<T> {
  /** Whether some document has the term whole. */
  hasTerm(term: string): boolean {
    return this._index.has(term);
  }

  /** Whether some term is longer than `term` and begins with it. */
  beginsLonger(term: string): boolean {
    for (const key of this._index.atPrefix(term).keys()) if (key !== term) return true;
    return false;
  }

  /**
   * Every document matching at least one word of the query, with its score, and the terms that
   * matched (the words themselves, and the longer or misspelt terms they stood for).
   */
  scoreQuery(plans: readonly TermPlan[], weights: QueryWeights): { docs: ScoredDoc[]; terms: string[] } {
    const size = this._nextId;
    const scores = new Float64Array(size);
    const matched = new Uint16Array(size);
    // The last query word each document matched: a word matching in several fields or through
    // several terms counts once.
    const lastWord = new Int32Array(size).fill(-1);
    const touched: number[] = [];
    const terms: string[] = [];
    const fields = Object.entries(weights.boost).map(([field, boost]) => [this._fieldIds[field]!, boost] as const);
    const total = this._documentCount;
    // Discarded documents stay in the postings until MiniSearch vacuums them.
    const mayHoldDiscarded = this.dirtCount > 0;
    plans.forEach((plan, word) => {
      for (const [term, data, weight] of this.variants(plan, weights)) {
        let found = false;
        for (const [fieldId, boost] of fields) {
          const postings = data.get(fieldId);
          if (!postings) continue;
          const idf = Math.log(1 + (total - postings.size + 0.5) / (postings.size + 0.5));
          const averageLength = this._avgFieldLength[fieldId]!;
          const factor = weight * boost * idf;
          for (const [doc, frequency] of postings) {
            if (mayHoldDiscarded && !this._documentIds.has(doc)) continue;
            const length = this._fieldLength.get(doc)![fieldId]!;
            const bm25 = d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength));
            scores[doc] = scores[doc]! + factor * bm25;
            if (lastWord[doc] !== word) {
              if (lastWord[doc] === -1) touched.push(doc);
              lastWord[doc] = word;
              matched[doc] = matched[doc]! + 1;
            }
            found = true;
          }
        }
        if (found) terms.push(term);
      }
    });
    const docs = touched.map((doc) => ({ id: String(this._documentIds.get(doc)), score: scores[doc]!, matched: matched[doc]! }));
    return { docs, terms };
  }

  /** The terms one query word stands for, each with its postings and the weight of its match. */
  private variants(plan: TermPlan, weights: QueryWeights): [string, Map<number, Map<number, number>>, number][] {
    const found: [string, Map<number, Map<number, number>>, number][] = [];
    const exact = this._index.get(plan.term);
    if (exact) found.push([plan.term, exact, 1]);
    const longer = new Set<string>();
    if (plan.prefix) {
      for (const [term, data] of this._index.atPrefix(plan.term)) {
        if (term === plan.term) continue;
        longer.add(term);
        // MiniSearch's weight: it falls slowly with each letter beyond the prefix.
        found.push([term, data, (weights.prefix * term.length) / (term.length + 0.3 * (term.length - plan.term.length))]);
      }
    }
    if (plan.fuzzy) {
      for (const [term, [data, distance]] of this._index.fuzzyGet(plan.term, plan.fuzzy)) {
        if (distance === 0 || longer.has(term)) continue;
        found.push([term, data, (weights.fuzzy * term.length) / (term.length + distance)]);
      }
    }
    return found;
  }
}
