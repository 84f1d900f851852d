/**
 * The knowledge-base search index: MiniSearch over title, symptoms, tags, category, summary and
 * body (symptoms weigh like the title: they are the client's own words for the problem), with Russian
 * Snowball stems and one spelling for terms written in either script (searchTerms.ts). A query
 * forgives: articles matching most of its words rank first, and the rest still come after
 * rather than nothing at all; the word being typed matches as a prefix, typos in longer words
 * are tolerated. The index is kept up to date incrementally (`syncKbIndex`), so a sync that
 * brings one changed article does not rebuild an index of thousands.
 */
import MiniSearch from 'minisearch';
import type { Product } from '../vocabulary/enums.ts';
import type { KbArticle } from '../schema/kbSchema.ts';
import { words } from './russianStem.ts';
import { indexTerm, type StemmerName } from './searchTerms.ts';

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
  /** Index terms that matched (stems), for highlighting (highlight.ts). */
  terms: string[];
  /** How many of the query's words the article matched, of how many. */
  matched: number;
  of: number;
}

export interface KbIndex {
  readonly engine: MiniSearch<KbSearchDoc>;
  /** id -> the article as indexed. */
  readonly docs: Map<string, KbSearchDoc>;
  readonly stemmer: StemmerName;
}

const indexedFields = ['title', 'symptoms', 'tags', 'category', 'summary', 'body'] as const;

export function createKbIndex(stemmer: StemmerName = 'snowball'): KbIndex {
  const engine = new MiniSearch<KbSearchDoc>({
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
  const results = index.engine.search(
    { queries: queryTerms, combineWith: 'OR' },
    {
      boost: { title: 4, symptoms: 4, tags: 3, category: 2, summary: 1.5, body: 1 },
      // The query's words are already index terms: no second pass through processTerm.
      processTerm: (t) => t,
      // The last word is the one being typed: a prefix; short words must match whole or they match
      // everything.
      prefix: (term, i, terms) => term.length >= 3 && i === terms.length - 1,
      fuzzy: typosAllowed,
      weights: { prefix: 0.4, fuzzy: 0.35 },
      filter: (r) => {
        const doc = index.docs.get(String(r.id));
        return doc !== undefined && passes(doc, filter);
      },
    },
  );
  const of = queryTerms.length;
  return results
    .map((r) => {
      const matched = new Set(r.queryTerms).size;
      const score = r.score * Math.pow(matched / of, coverageWeight);
      return { id: String(r.id), score, terms: r.terms, matched, of };
    })
    .sort((a, b) => b.score - a.score);
}
