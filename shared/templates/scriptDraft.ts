/**
 * A script as the editor holds it, and the rules for saving it: a title and a written text are
 * required; a shared script is made by the head (or an admin), a personal one by anyone for
 * themselves; who owns a script never changes after it is made.
 */
import type { Channel, Role } from '../vocabulary/enums.ts';
import { canEditScript, type ScriptDoc } from './scriptDoc.ts';

export interface ScriptDraft {
  title: string;
  category: string;
  body: string;
  phoneBody: string;
  channels: Channel[];
  tags: string[];
  shared: boolean;
}

export type ScriptDraftError = 'titleRequired' | 'bodyRequired' | 'forbidden';

export function draftOf(script: ScriptDoc): ScriptDraft {
  return {
    title: script.title,
    category: script.category,
    body: script.body,
    phoneBody: script.phoneBody ?? '',
    channels: [...script.channels],
    tags: [...script.tags],
    shared: script.ownerId == null,
  };
}

export function canCreateShared(actor: { role: Role }): boolean {
  return actor.role === 'head' || actor.role === 'admin';
}

/** Why the draft cannot be saved (by this actor, over this stored script if any), or null. */
export function checkScriptDraft(
  draft: ScriptDraft,
  actor: { id: string; role: Role },
  stored: Pick<ScriptDoc, 'ownerId'> | null,
): ScriptDraftError | null {
  if (stored ? !canEditScript(stored, actor) : draft.shared && !canCreateShared(actor)) return 'forbidden';
  if (!draft.title.trim()) return 'titleRequired';
  if (!draft.body.trim()) return 'bodyRequired';
  return null;
}

/** The stored fields the draft sets (trimmed; an empty phone text is no phone variant). */
export function scriptFields(draft: ScriptDraft, fallbackCategory: string) {
  const tags = [...new Set(draft.tags.map((t) => t.trim()).filter(Boolean))];
  return {
    title: draft.title.trim(),
    category: draft.category.trim() || fallbackCategory,
    body: draft.body.replace(/\s+$/, ''),
    phoneBody: draft.phoneBody.trim() ? draft.phoneBody.replace(/\s+$/, '') : null,
    channels: [...new Set(draft.channels)],
    tags,
  };
}
