/** Live reads of the knowledge base, and its search index kept in step with them. */
import { useMemo, useState } from 'react';
import { map } from 'rxjs';
import { createKbIndex, syncKbIndex, type KbIndex } from '#shared/search/kbSearch.ts';
import type { KbArticle } from '#shared/schema/index.ts';
import type { DeskDatabase } from '../../db/database.ts';
import { useObservable } from '../../db/useObservable.ts';

const none: KbArticle[] = [];

export function useKbArticles(db: DeskDatabase): { articles: KbArticle[]; loaded: boolean } {
  const articles = useObservable<KbArticle[] | null>(
    () => db.kb.find().$.pipe(map((docs) => docs.map((d) => d.toJSON() as KbArticle))),
    [db],
    null,
  );
  return { articles: articles ?? none, loaded: articles !== null };
}

/**
 * The index lives as long as the section; each new list of articles updates it incrementally
 * (a sync bringing one article re-indexes one article). Results depend on `articles`, so a memo
 * keyed on it sees the index up to date.
 */
export function useKbIndex(articles: readonly KbArticle[]): KbIndex {
  const [index] = useState(createKbIndex);
  useMemo(() => syncKbIndex(index, articles), [index, articles]);
  return index;
}
