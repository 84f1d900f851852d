/**
 * The knowledge-base search index: MiniSearch over title, tags, summary and body with the light
 * Russian stemmer (russianStem.ts), prefix matching for the word being typed and a little
 * fuzziness for typos. The index is kept up to date incrementally (`syncKbIndex`), so a sync that
 * brings one changed article does not rebuild an index of thousands.
 */
import MiniSearch from 'minisearch';
import type { Product } from '../vocabulary/enums.ts';
import type { KbArticle } from '../schema/kbSchema.ts';
import { russianStopWords, stemRu, words } from './russianStem.ts';

/** What the index needs of an article. */
export type KbSearchDoc = Pick<
  KbArticle,
  'id' | 'title' | 'body' | 'tags' | 'product' | 'status' | 'summary' | 'editedAt' | 'updatedAt'
>;

export interface KbFilter {
  /** Only articles of this product (articles for every product, product null, are kept too). */
  product?: Product | null;
  /** Archived articles are hidden unless asked for. */
  includeArchived?: boolean;
}

export interface KbHit {
  id: string;
  score: number;
  /** Stems of the query that matched, for highlighting. */
  terms: string[];
}

export interface KbIndex {
  readonly engine: MiniSearch<KbSearchDoc>;
  /** id -> the article as indexed. */
  readonly docs: Map<string, KbSearchDoc>;
}

function tokenize(text: string): string[] {
  return words(text);
}

function processTerm(term: string): string | null {
  if (russianStopWords.has(term)) return null;
  return stemRu(term);
}

const indexedFields = ['title', 'tags', 'summary', 'body'] as const;

export function createKbIndex(): KbIndex {
  const engine = new MiniSearch<KbSearchDoc>({
    fields: [...indexedFields],
    storeFields: [],
    tokenize,
    processTerm,
    extractField: (doc, field) => {
      if (field === 'tags') return doc.tags.join(' ');
      const value = doc[field as keyof KbSearchDoc];
      return typeof value === 'string' ? value : '';
    },
  });
  return { engine, docs: new Map() };
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

export function buildKbIndex(articles: readonly KbSearchDoc[]): KbIndex {
  const index = createKbIndex();
  syncKbIndex(index, articles);
  return index;
}

function passes(doc: KbSearchDoc, filter: KbFilter): boolean {
  if (!filter.includeArchived && doc.status === 'archived') return false;
  if (filter.product && doc.product !== null && doc.product !== filter.product) return false;
  return true;
}

const collator = new Intl.Collator('ru');

/**
 * Article ids matching the query, best first. An empty query lists every article (filtered),
 * published before drafts, then by title.
 */
export function searchKb(index: KbIndex, query: string, filter: KbFilter = {}): KbHit[] {
  if (words(query).length === 0) {
    return [...index.docs.values()]
      .filter((d) => passes(d, filter))
      .sort((a, b) => (a.status === b.status ? collator.compare(a.title, b.title) : a.status === 'published' ? -1 : 1))
      .map((d) => ({ id: d.id, score: 0, terms: [] }));
  }
  const results = index.engine.search(query, {
    boost: { title: 4, tags: 3, summary: 1.5, body: 1 },
    // The word being typed is a prefix; short words must match exactly or they match everything.
    prefix: (term) => term.length >= 3,
    fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
    combineWith: 'AND',
    filter: (r) => {
      const doc = index.docs.get(String(r.id));
      return doc !== undefined && passes(doc, filter);
    },
  });
  return results.map((r) => ({ id: String(r.id), score: r.score, terms: r.terms }));
}
