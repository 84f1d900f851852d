/**
 * Knowledge-base writes from the ticket view: a draft article drafted from the ticket being
 * resolved, so every solution gets documented (KPI "solutions documented"). Like every write it
 * lands locally first and is marked pending for the outbox.
 */
import { kbDraftFromTicket } from '#shared/domain/kbForTicket.ts';
import type { KbArticle, Ticket } from '#shared/schema/index.ts';
import type { DeskDatabase } from './database.ts';
import { markPending } from './outbox.ts';
import type { WriteContext } from './writeContext.ts';

/** Creates a draft article from the ticket and the solution text; returns it. */
export async function createKbDraftFromTicket(
  db: DeskDatabase,
  ticket: Pick<Ticket, 'id' | 'subject' | 'description' | 'number' | 'product'>,
  solution: string,
  ctx: WriteContext,
): Promise<KbArticle> {
  const now = ctx.now();
  const { title, body } = kbDraftFromTicket(ticket, solution);
  const article: KbArticle = {
    id: ctx.newId(),
    title,
    body,
    product: ticket.product,
    tags: [],
    status: 'draft',
    createdAt: now,
    createdBy: ctx.actor.id,
    editedAt: now,
    editedBy: ctx.actor.id,
    sourceTicketId: ticket.id,
    conflictDraft: null,
    summary: null,
    updatedAt: 0,
  };
  await db.kb.insert(article);
  await markPending(db.outbox, 'kb', [article.id], now);
  return article;
}
