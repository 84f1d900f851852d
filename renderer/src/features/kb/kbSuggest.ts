/**
 * What the knowledge base offers a ticket: the best published articles for its subject and
 * description (the product's own and those for every product), and the text of a solution to
 * put into the reply.
 */
import { articleSolution } from '#shared/domain/kbSolution.ts';
import { searchKb, type KbIndex } from '#shared/search/kbSearch.ts';
import type { KbArticle } from '#shared/schema/index.ts';
import type { Product } from '#shared/vocabulary/enums.ts';

export interface Suggestion {
  article: KbArticle;
  terms: string[];
}

/** The subject counts twice: it is the client's problem in a line. */
export function suggestArticles(
  index: KbIndex,
  ticket: { subject: string; description: string; product: Product | null },
  limit = 3,
): Suggestion[] {
  const query = `${ticket.subject} ${ticket.subject} ${ticket.description}`;
  return searchKb(index, query, { product: ticket.product, publishedOnly: true })
    .slice(0, limit)
    .flatMap((hit) => {
      const article = index.docs.get(hit.id) as KbArticle | undefined;
      return article ? [{ article, terms: hit.terms }] : [];
    });
}

/**
 * The solution of an article as the text the reply receives. The reply scripts' renderer takes
 * this text once it fills placeholders; the ticket calls this one function either way.
 */
export function solutionForReply(article: Pick<KbArticle, 'body'>): string {
  return articleSolution(article.body);
}
