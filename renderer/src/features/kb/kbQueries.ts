/** Live reads of the knowledge base, and searches over them kept in step with them. */
import { useEffect, useState } from 'react';
import { map } from 'rxjs';
import type { KbFilter, KbHit } from '#shared/search/kbSearch.ts';
import type { Agent, KbArticle } from '#shared/schema/index.ts';
import type { DeskDatabase } from '../../db/database.ts';
import { useObservable } from '../../db/useObservable.ts';
import { kbSearchClient } from './kbSearchClient.ts';

const none: KbArticle[] = [];

/** Staff names by id, for who edited and who returned an article. */
export function useStaffNames(db: DeskDatabase): Map<string, string> {
  return useObservable(
    () => db.agents.find().$.pipe(map((docs) => new Map(docs.map((d) => [d.id, (d.toJSON() as Agent).name])))),
    [db],
    new Map<string, string>(),
  );
}

export function useKbArticles(db: DeskDatabase): { articles: KbArticle[]; loaded: boolean } {
  const articles = useObservable<KbArticle[] | null>(
    () => db.kb.find().$.pipe(map((docs) => docs.map((d) => d.toJSON() as KbArticle))),
    [db],
    null,
  );
  return { articles: articles ?? none, loaded: articles !== null };
}

/**
 * The hits of a query over the current articles, from the workspace's search worker
 * (kbSearchClient.ts): each new list of articles sends the worker only what changed. Until the
 * first answer, null; while a newer one is on its way, the previous answer stays (no flicker).
 */
export function useKbSearch(db: DeskDatabase, articles: readonly KbArticle[], query: string, filter: KbFilter): KbHit[] | null {
  const client = kbSearchClient(db);
  const [answer, setAnswer] = useState<KbHit[] | null>(null);
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    let current = true;
    client.sync(articles);
    client
      .search(query, JSON.parse(filterKey) as KbFilter)
      .then((hits) => current && setAnswer(hits))
      .catch((error: unknown) => console.error('KB search failed', error));
    return () => {
      current = false;
    };
  }, [client, articles, query, filterKey]);
  return answer;
}
