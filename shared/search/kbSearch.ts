/**
 * The knowledge-base search index: MiniSearch over title, symptoms, tags, category, summary and
 * body (symptoms weigh like the title: they are the client's own words for the problem), with Russian
 * Snowball stems and one spelling for terms written in either script (searchTerms.ts). A query
 * forgives: articles matching most of its words rank first, and the rest still come after
 * rather than nothing at all; the word being typed matches as a prefix, typos in longer words
 * are tolerated (planQuery); the query is scored on MiniSearch's index by kbEngine.ts. The index is
 * kept up to date incrementally (`syncKbIndex`), so a sync that brings one changed article does
 * not rebuild an index of thousands.
 */
import type { Product } from '../vocabulary/enums.ts';
import type { KbArticle } from '../schema/kbSchema.ts';
import { words } from './russianStem.ts';
import { indexTerm, type StemmerName } from './searchTerms.ts';
import { KbEngine, type QueryWeights, type TermPlan } from './kbEngine.ts';

/** What the index needs of an article. */
export type KbSearchDoc = Pick<
  KbArticle,
  'id' | 'title' | 'body' | 'tags' | 'product' | 'status' | 'summary' | 'editedAt' | 'updatedAt'
> &
  Partial<Pick<KbArticle, 'symptoms' | 'category'>>;

export interface KbFilter {
  /** Only articles of this product (articles for every product, product null, are kept too). */
  product?: Product | null;
  /** Archived articles are hidden unless asked for. */
  includeArchived?: boolean;
  /** Drafts are shown unless told otherwise (the ticket's suggestions offer published ones only). */
  publishedOnly?: boolean;
}

export interface KbHit {
  id: string;
  score: number;
  /**
   * The index terms the query matched (its words, and the longer or misspelt terms they stood
   * for), for highlighting (highlight.ts): a word of this article whose term is among them is a
   * word that matched. Every hit of one query shares the list.
   */
  terms: string[];
  /** How many of the query's words the article matched, of how many. */
  matched: number;
  of: number;
}

export interface KbIndex {
  readonly engine: KbEngine<KbSearchDoc>;
  /** id -> the article as indexed. */
  readonly docs: Map<string, KbSearchDoc>;
  readonly stemmer: StemmerName;
}

const indexedFields = ['title', 'symptoms', 'tags', 'category', 'summary', 'body'] as const;

export function createKbIndex(stemmer: StemmerName = 'snowball'): KbIndex {
  const engine = new KbEngine<KbSearchDoc>({
    fields: [...indexedFields],
    storeFields: [],
    tokenize: words,
    processTerm: (term) => indexTerm(term, stemmer),
    extractField: (doc, field) => {
      if (field === 'tags') return doc.tags.join(' ');
      if (field === 'symptoms') return (doc.symptoms ?? []).join(' ');
      const value = doc[field as keyof KbSearchDoc];
      return typeof value === 'string' ? value : '';
    },
  });
  return { engine, docs: new Map(), stemmer };
}

/** Brings the index in line with the current list of articles; returns how many docs changed. */
export function syncKbIndex(index: KbIndex, articles: readonly KbSearchDoc[]): number {
  let changed = 0;
  const seen = new Set<string>();
  for (const a of articles) {
    seen.add(a.id);
    const held = index.docs.get(a.id);
    if (held && held.updatedAt === a.updatedAt && held.editedAt === a.editedAt) continue;
    if (held) index.engine.discard(a.id);
    index.engine.add(a);
    index.docs.set(a.id, a);
    changed++;
  }
  for (const id of [...index.docs.keys()]) {
    if (seen.has(id)) continue;
    index.engine.discard(id);
    index.docs.delete(id);
    changed++;
  }
  return changed;
}

export function buildKbIndex(articles: readonly KbSearchDoc[], stemmer: StemmerName = 'snowball'): KbIndex {
  const index = createKbIndex(stemmer);
  syncKbIndex(index, articles);
  return index;
}

function passes(doc: KbSearchDoc, filter: KbFilter): boolean {
  if (!filter.includeArchived && doc.status === 'archived') return false;
  if (filter.publishedOnly && doc.status !== 'published') return false;
  if (filter.product && doc.product !== null && doc.product !== filter.product) return false;
  return true;
}

const collator = new Intl.Collator('ru');

/**
 * Typos allowed by the length of the (stemmed) word: none in short words and codes, where one
 * changed letter is another word; one in a longer word, two in a long one.
 */
export function typosAllowed(term: string): number | false {
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return false;
}

/** Each query word missing from an article divides its score, so "most words" ranks first. */
const coverageWeight = 3;

/** Symptoms weigh like the title, a longer word less than the word itself, a misspelt one less still. */
const weights: QueryWeights = {
  boost: { title: 4, symptoms: 4, tags: 3, category: 2, summary: 1.5, body: 1 },
  prefix: 0.4,
  fuzzy: 0.35,
};

/**
 * How each word of the query is looked up. The last word is the one being typed: from three
 * letters it also matches as the beginning of longer words. An earlier word is finished: it
 * matches whole, or, when no article has it whole, as a stem cut on purpose («пожарн сигнализ»).
 * Typos are looked for only in a word that matches neither way: looking for them in a word the
 * articles have costs the most time and finds mostly other words.
 */
export function planQuery(index: KbIndex, terms: readonly string[]): TermPlan[] {
  return terms.map((term, i) => {
    const whole = index.engine.hasTerm(term);
    const longer = term.length >= 3 && (i === terms.length - 1 || !whole) && index.engine.beginsLonger(term);
    return { term, prefix: longer, fuzzy: whole || longer ? false : typosAllowed(term) };
  });
}

/**
 * Article ids matching the query, best first. An empty query lists every article (filtered),
 * published before drafts, then by title.
 */
export function searchKb(index: KbIndex, query: string, filter: KbFilter = {}): KbHit[] {
  const queryTerms = [...new Set(words(query).map((w) => indexTerm(w, index.stemmer)))].filter((t): t is string => t !== null);
  if (queryTerms.length === 0) {
    return [...index.docs.values()]
      .filter((d) => passes(d, filter))
      .sort((a, b) => (a.status === b.status ? collator.compare(a.title, b.title) : a.status === 'published' ? -1 : 1))
      .map((d) => ({ id: d.id, score: 0, terms: [], matched: 0, of: 0 }));
  }
  const { docs, terms } = index.engine.scoreQuery(planQuery(index, queryTerms), weights);
  const of = queryTerms.length;
  const hits: KbHit[] = [];
  for (const { id, score, matched } of docs) {
    const doc = index.docs.get(id);
    if (!doc || !passes(doc, filter)) continue;
    // MiniSearch's own reward for each word matched, then the missing words' penalty.
    hits.push({ id, score: score * matched * Math.pow(matched / of, coverageWeight), terms, matched, of });
  }
  return hits.sort((a, b) => b.score - a.score);
}
