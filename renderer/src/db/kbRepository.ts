/**
 * Knowledge-base writes: a draft drafted from the ticket being resolved, so every solution gets
 * documented (KPI "solutions documented"); articles written and edited in the KB section; the
 * head's publishing and archiving. Like every write they land locally first and are marked
 * pending for the outbox.
 */
import { kbDraftFromTicket } from '#shared/domain/kbForTicket.ts';
import { cleanCategory, cleanSymptoms, cleanTags, isKbHead, mayGiveKbStatus } from '#shared/domain/kbRules.ts';
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
    category: null,
    symptoms: [],
    status: 'draft',
    createdAt: now,
    createdBy: ctx.actor.id,
    editedAt: now,
    editedBy: ctx.actor.id,
    sourceTicketId: ticket.id,
    conflictDraft: null,
    summary: null,
    returned: null,
    updatedAt: 0,
  };
  await db.kb.insert(article);
  await markPending(db.outbox, 'kb', [article.id], now);
  return article;
}

export interface KbArticleInput {
  title: string;
  body: string;
  product: KbArticle['product'];
  tags: string[];
  category: string | null;
  symptoms: string[];
}

/** Writes a new draft article; anyone may. */
export async function createKbArticle(db: DeskDatabase, input: KbArticleInput, ctx: WriteContext): Promise<KbArticle> {
  const now = ctx.now();
  const article: KbArticle = {
    id: ctx.newId(),
    title: input.title.trim(),
    body: input.body,
    product: input.product,
    tags: cleanTags(input.tags),
    category: cleanCategory(input.category),
    symptoms: cleanSymptoms(input.symptoms),
    status: 'draft',
    createdAt: now,
    createdBy: ctx.actor.id,
    editedAt: now,
    editedBy: ctx.actor.id,
    sourceTicketId: null,
    conflictDraft: null,
    summary: null,
    returned: null,
    updatedAt: 0,
  };
  await db.kb.insert(article);
  await markPending(db.outbox, 'kb', [article.id], now);
  return article;
}

/**
 * Saves an edit, signed by the writer. `resolvedConflict` clears the conflict draft: the writer
 * merged it into this text by hand.
 */
export async function updateKbArticle(
  db: DeskDatabase,
  id: string,
  input: KbArticleInput,
  ctx: WriteContext,
  resolvedConflict = false,
): Promise<void> {
  const doc = await db.kb.findOne(id).exec();
  if (!doc) throw new Error(`no KB article ${id}`);
  const now = ctx.now();
  await doc.incrementalPatch({
    title: input.title.trim(),
    body: input.body,
    product: input.product,
    tags: cleanTags(input.tags),
    category: cleanCategory(input.category),
    symptoms: cleanSymptoms(input.symptoms),
    editedAt: now,
    editedBy: ctx.actor.id,
    ...(resolvedConflict ? { conflictDraft: null } : {}),
  });
  await markPending(db.outbox, 'kb', [id], now);
}

/** Publishes, archives or returns an article to drafts: the head's move (kbRules.ts). */
export async function setKbStatus(db: DeskDatabase, id: string, status: KbArticle['status'], ctx: WriteContext): Promise<void> {
  const doc = await db.kb.findOne(id).exec();
  if (!doc) throw new Error(`no KB article ${id}`);
  if (!mayGiveKbStatus(ctx.actor.role, doc.status as KbArticle['status'], status)) {
    throw new Error('only the head of department publishes or archives articles');
  }
  const now = ctx.now();
  // Publishing answers the head's earlier return: the comment has been dealt with.
  await doc.incrementalPatch({
    status,
    editedAt: now,
    editedBy: ctx.actor.id,
    ...(status === 'published' ? { returned: null } : {}),
  });
  await markPending(db.outbox, 'kb', [id], now);
}

/** The head sends a draft back to its author with what to change; it stays a draft. */
export async function returnKbDraft(db: DeskDatabase, id: string, comment: string, ctx: WriteContext): Promise<void> {
  const doc = await db.kb.findOne(id).exec();
  if (!doc) throw new Error(`no KB article ${id}`);
  if (!isKbHead(ctx.actor.role)) throw new Error('only the head of department returns drafts');
  const text = comment.trim();
  if (!text) throw new Error('a returned draft needs a comment');
  const now = ctx.now();
  // Signed like any edit: the outbox settles a write by the editedAt the server accepted.
  await doc.incrementalPatch({
    returned: { comment: text.slice(0, 2000), at: now, by: ctx.actor.id },
    editedAt: now,
    editedBy: ctx.actor.id,
  });
  await markPending(db.outbox, 'kb', [id], now);
}
