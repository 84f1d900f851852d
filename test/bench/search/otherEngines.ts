/**
 * FlexSearch and Orama over the same articles, for comparison in the search benchmark: each
 * with Russian stemming where it offers it, and typo tolerance as it offers it.
 */
import { Document } from 'flexsearch';
import { create, insertMultiple, search } from '@orama/orama';
import { stemmer } from '@orama/stemmers/russian';
import type { KbSearchDoc } from '#shared/search/kbSearch.ts';

export interface Engine {
  name: string;
  /** Ids of the best `limit` articles. */
  search(query: string, limit: number): Promise<string[]> | string[];
}

export function flexEngine(docs: readonly KbSearchDoc[]): Engine {
  const index = new Document({
    document: { id: 'id', index: ['title', 'tags', 'body'] },
    tokenize: 'forward',
    encoder: 'LatinBalance',
  } as never);
  for (const d of docs) index.add({ id: d.id, title: d.title, tags: d.tags.join(' '), body: d.body } as never);
  return {
    name: 'FlexSearch 0.8.212',
    search(query, limit) {
      // Suggest mode keeps results when not every word matches (as ours does).
      const fields = index.search(query, { limit, suggest: true } as never) as unknown as { result: string[] }[];
      const seen: string[] = [];
      for (const f of fields) for (const id of f.result) if (!seen.includes(id)) seen.push(id);
      return seen.slice(0, limit);
    },
  };
}

export async function oramaEngine(docs: readonly KbSearchDoc[]): Promise<Engine> {
  const db = create({
    schema: { id: 'string', title: 'string', tags: 'string', body: 'string' } as const,
    components: { tokenizer: { stemming: true, stemmer, language: 'russian' } },
  } as never);
  await insertMultiple(
    db as never,
    docs.map((d) => ({ id: d.id, title: d.title, tags: d.tags.join(' '), body: d.body })) as never,
  );
  return {
    name: 'Orama 3.1.18',
    async search(query, limit) {
      const r = (await search(
        db as never,
        {
          term: query,
          limit,
          tolerance: 1,
          boost: { title: 4, tags: 3 },
        } as never,
      )) as { hits: { id: string }[] };
      return r.hits.map((h) => h.id);
    },
  };
}
