/**
 * What the knowledge base offers a ticket: the best published articles for its subject and
 * description (the product's own and those for every product), and the text of a solution to
 * put into the reply.
 */
import { articleSolution } from '#shared/domain/kbSolution.ts';
import { promptsOf, renderTemplate, templateValues } from '#shared/templates/index.ts';
import type { SlaSetup } from '#shared/domain/ticketDeadlines.ts';
import type { KbHit } from '#shared/search/kbSearch.ts';
import type { KbArticle } from '#shared/schema/index.ts';

export interface Suggestion {
  article: KbArticle;
  terms: string[];
}

/** The query a ticket asks: the subject counts twice, it is the client's problem in a line. */
export function suggestionQuery(ticket: { subject: string; description: string }): string {
  return `${ticket.subject} ${ticket.subject} ${ticket.description}`;
}

/** The first `limit` hits that are articles at hand, with their matched terms. */
export function suggestionsOf(hits: readonly KbHit[], articles: ReadonlyMap<string, KbArticle>, limit = 3): Suggestion[] {
  const out: Suggestion[] = [];
  for (const hit of hits) {
    const article = articles.get(hit.id);
    if (article) out.push({ article, terms: hit.terms });
    if (out.length === limit) break;
  }
  return out;
}

/** The ticket fields the scripts' values are built from (templateValues' own parameter). */
export type SolutionTicket = Parameters<typeof templateValues>[0]['ticket'];

/** What filling a solution in for a ticket needs: the ticket, who answers, when, under which SLA. */
export interface SolutionContext {
  ticket: SolutionTicket;
  agentName: string;
  now: number;
  sla: SlaSetup;
}

/**
 * The solution of an article as the text the reply receives, filled in for the ticket by the
 * reply scripts' renderer: `{{client.name}}`, `{{sla.due}}` and the like take the ticket's
 * values, as in a script. A prompt (`{{? срок | Срок}}`) has no one to answer it here, so its
 * label stays in the text in brackets for the agent to replace. Without a ticket, the plain text.
 */
export function solutionForReply(article: Pick<KbArticle, 'body' | 'title'>, context?: SolutionContext): string {
  const text = articleSolution(article.body);
  if (!context) return text;
  const values = templateValues({
    ticket: context.ticket,
    agent: { name: context.agentName },
    article: { title: article.title },
    now: context.now,
    sla: context.sla,
  });
  const answers = Object.fromEntries(promptsOf(text).map((p) => [p.name, `[${p.label}]`]));
  return renderTemplate(text, values, { now: context.now, timeZone: context.sla.calendar.timeZone, answers }).text;
}
