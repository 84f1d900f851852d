/**
 * The knowledge base seen from a ticket being resolved (docs/product.md, duty 9, KPI "solutions
 * documented"): finding an article to link, and drafting a new one from the ticket.
 */
import type { KbArticle } from '../schema/kbSchema.ts';
import type { Ticket } from '../schema/ticketSchema.ts';
import { foldRu } from '../text/foldRu.ts';

const words = (s: string): string[] =>
  foldRu(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);

/**
 * Articles whose title or body contain every word of the query (as a prefix of a word, so
 * «шлагб» finds «шлагбаум»), title matches first, archived articles left out. An empty query
 * gives the most recently edited articles.
 */
export function pickKbArticles(articles: readonly KbArticle[], query: string, limit = 8): KbArticle[] {
  const live = articles.filter((a) => a.status !== 'archived');
  const q = words(query);
  if (q.length === 0) return [...live].sort((a, b) => b.editedAt - a.editedAt).slice(0, limit);
  const scored: { a: KbArticle; score: number }[] = [];
  for (const a of live) {
    const title = words(a.title);
    const body = words(`${a.summary ?? ''} ${a.body}`);
    let score = 0;
    let all = true;
    for (const w of q) {
      if (title.some((t) => t.startsWith(w))) score += 2;
      else if (body.some((t) => t.startsWith(w))) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all) scored.push({ a, score });
  }
  return scored
    .sort((x, y) => y.score - x.score || y.a.editedAt - x.a.editedAt)
    .slice(0, limit)
    .map((s) => s.a);
}

export interface KbDraftText {
  title: string;
  body: string;
}

/**
 * A draft article from a ticket: the subject as the title, the problem and the solution as the
 * body (Markdown, headings in Russian: the knowledge base is written in Russian).
 */
export function kbDraftFromTicket(ticket: Pick<Ticket, 'subject' | 'description' | 'number'>, solution: string): KbDraftText {
  const parts = ['## Проблема', ticket.description.trim() || ticket.subject.trim(), '', '## Решение', solution.trim() || '—'];
  if (ticket.number) parts.push('', `Источник: обращение ${ticket.number}`);
  return { title: ticket.subject.trim().slice(0, 300), body: parts.join('\n') };
}
