/**
 * Reply-script writes: a new script, an edit, archiving (scripts are never deleted: their usage
 * stays in the timelines). The rules are checked here as the endpoint checks them: an agent's
 * desk never writes a shared script. Like every write it lands locally first and goes out through
 * the outbox.
 */
import type { ReplyTemplate } from '#shared/schema/index.ts';
import {
  canEditScript,
  checkScriptDraft,
  scriptFields,
  type ScriptDraft,
  type ScriptDraftError,
} from '#shared/templates/index.ts';
import type { DeskDatabase } from './database.ts';
import { markPending } from './outbox.ts';
import type { WriteContext } from './writeContext.ts';

export type ScriptWrite = { ok: true; script: ReplyTemplate } | { ok: false; error: ScriptDraftError };

export async function createScript(
  db: DeskDatabase,
  draft: ScriptDraft,
  ctx: WriteContext,
  fallbackCategory: string,
): Promise<ScriptWrite> {
  const error = checkScriptDraft(draft, ctx.actor, null);
  if (error) return { ok: false, error };
  const now = ctx.now();
  const script: ReplyTemplate = {
    id: ctx.newId(),
    ...scriptFields(draft, fallbackCategory),
    ownerId: draft.shared ? null : ctx.actor.id,
    archived: false,
    conflictDraft: null,
    editedAt: now,
    editedBy: ctx.actor.id,
    updatedAt: 0,
  };
  await db.templates.insert(script);
  await markPending(db.outbox, 'templates', [script.id], now);
  return { ok: true, script };
}

async function modify(
  db: DeskDatabase,
  id: string,
  ctx: WriteContext,
  change: (current: ReplyTemplate) => Partial<ReplyTemplate> | ScriptDraftError,
): Promise<ScriptWrite> {
  const doc = await db.templates.findOne(id).exec();
  if (!doc) throw new Error(`script ${id} is not in the local database`);
  const now = ctx.now();
  let error: ScriptDraftError | null = null;
  const updated = await doc.incrementalModify((current) => {
    const next = change(current as ReplyTemplate);
    if (typeof next === 'string') {
      error = next;
      return current;
    }
    error = null;
    return { ...current, ...next, editedAt: now, editedBy: ctx.actor.id };
  });
  if (error) return { ok: false, error };
  await markPending(db.outbox, 'templates', [id], now);
  return { ok: true, script: updated.toJSON() as ReplyTemplate };
}

/**
 * Saves the editor's draft over the stored script; the owner stays as it was. `resolvedConflict`
 * clears the conflict draft: the writer has seen both versions and merged them into this text.
 */
export function saveScript(
  db: DeskDatabase,
  id: string,
  draft: ScriptDraft,
  ctx: WriteContext,
  fallbackCategory: string,
  resolvedConflict = false,
): Promise<ScriptWrite> {
  return modify(
    db,
    id,
    ctx,
    (current) =>
      checkScriptDraft(draft, ctx.actor, current) ?? {
        ...scriptFields(draft, fallbackCategory),
        ...(resolvedConflict ? { conflictDraft: null } : {}),
      },
  );
}

/** Archives a script (or brings it back): it leaves the picker, its usage stays counted. */
export function setScriptArchived(db: DeskDatabase, id: string, archived: boolean, ctx: WriteContext): Promise<ScriptWrite> {
  return modify(db, id, ctx, (current) => (canEditScript(current, ctx.actor) ? { archived } : 'forbidden'));
}
