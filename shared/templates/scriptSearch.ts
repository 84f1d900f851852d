/**
 * The script picker's search: the knowledge base's Russian search (same tokenizer, stemmer and
 * stop words, prefix matching for the word being typed) over title, category, tags and both
 * variants of the text. The index follows the collection incrementally, as the KB's does.
 */
import MiniSearch from 'minisearch';
import type { Channel } from '../vocabulary/enums.ts';
import { russianStopWords, stemRu, words } from '../search/russianStem.ts';
import { fitsChannel, isVisibleTo, type ScriptDoc } from './scriptDoc.ts';

export interface ScriptIndex {
  readonly engine: MiniSearch<ScriptDoc>;
  readonly docs: Map<string, ScriptDoc>;
}

export interface ScriptFilter {
  /** Shared scripts and this agent's own. */
  viewerId: string;
  /** Scripts that fit the channel come first. */
  channel?: Channel;
  includeArchived?: boolean;
}

const processTerm = (term: string): string | null => (russianStopWords.has(term) ? null : stemRu(term));

export function createScriptIndex(): ScriptIndex {
  const engine = new MiniSearch<ScriptDoc>({
    fields: ['title', 'category', 'tags', 'body', 'phoneBody'],
    storeFields: [],
    tokenize: words,
    processTerm,
    extractField: (doc, field) => {
      if (field === 'tags') return doc.tags.join(' ');
      const value = doc[field as keyof ScriptDoc];
      return typeof value === 'string' ? value : '';
    },
  });
  return { engine, docs: new Map() };
}

/** Brings the index in line with the scripts; returns how many docs changed. */
export function syncScriptIndex(index: ScriptIndex, scripts: readonly ScriptDoc[]): number {
  let changed = 0;
  const seen = new Set<string>();
  for (const s of scripts) {
    seen.add(s.id);
    const held = index.docs.get(s.id);
    if (held && held.updatedAt === s.updatedAt && held.editedAt === s.editedAt && held.archived === s.archived) continue;
    if (held) index.engine.discard(s.id);
    index.engine.add(s);
    index.docs.set(s.id, s);
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

export function buildScriptIndex(scripts: readonly ScriptDoc[]): ScriptIndex {
  const index = createScriptIndex();
  syncScriptIndex(index, scripts);
  return index;
}

const collator = new Intl.Collator('ru');

function passes(doc: ScriptDoc, filter: ScriptFilter): boolean {
  return (filter.includeArchived || !doc.archived) && isVisibleTo(doc, filter.viewerId);
}

/** By category, then title: the order of the list and of an empty query. */
export function compareScripts(a: Pick<ScriptDoc, 'category' | 'title'>, b: Pick<ScriptDoc, 'category' | 'title'>): number {
  return collator.compare(a.category, b.category) || collator.compare(a.title, b.title);
}

/** Does every typed word begin a word of the title or the category? */
function titleStartsWith(doc: ScriptDoc, typed: readonly string[]): boolean {
  const own = words(`${doc.title} ${doc.category}`);
  return typed.every((t) => own.some((w) => w.startsWith(t)));
}

/**
 * The scripts matching the query, best first (those fitting the channel before the rest). An
 * empty query lists every script by category and title; one or two letters (too short for the
 * stemmed index, which matches them whole) narrow the list to titles with words so beginning.
 */
export function searchScripts(index: ScriptIndex, query: string, filter: ScriptFilter): ScriptDoc[] {
  let found: ScriptDoc[];
  const typed = words(query);
  if (typed.length === 0) {
    found = [...index.docs.values()].filter((d) => passes(d, filter)).sort(compareScripts);
  } else if (typed.every((t) => t.length < 3)) {
    found = [...index.docs.values()].filter((d) => passes(d, filter) && titleStartsWith(d, typed)).sort(compareScripts);
  } else {
    found = index.engine
      .search(query, {
        boost: { title: 4, category: 3, tags: 3, body: 1, phoneBody: 1 },
        prefix: (term) => term.length >= 3,
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        combineWith: 'AND',
        filter: (r) => {
          const doc = index.docs.get(String(r.id));
          return doc !== undefined && passes(doc, filter);
        },
      })
      .map((r) => index.docs.get(String(r.id))!);
  }
  const channel = filter.channel;
  if (!channel) return found;
  // A stable partition keeps the order within each half.
  return [...found.filter((d) => fitsChannel(d, channel)), ...found.filter((d) => !fitsChannel(d, channel))];
}
