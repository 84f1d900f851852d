/**
 * What the template rules need of a stored reply script. `ownerId` is null for a shared script
 * (the head of department edits it) and the agent's id for a personal one; an archived script is
 * kept for its history and usage but no longer offered; `phoneBody` is the variant read aloud.
 */
import type { Channel, Role } from '../vocabulary/enums.ts';

export interface ScriptDoc {
  id: string;
  title: string;
  category: string;
  body: string;
  phoneBody?: string | null;
  /** Channels the script suits; empty means every channel. */
  channels: readonly Channel[];
  tags: readonly string[];
  ownerId?: string | null;
  archived?: boolean;
  editedAt: number;
  updatedAt: number;
}

/** Shared scripts and the viewer's own; another agent's personal scripts are theirs alone. */
export function isVisibleTo(script: Pick<ScriptDoc, 'ownerId'>, viewerId: string): boolean {
  return script.ownerId == null || script.ownerId === viewerId;
}

/** Who may change a script: its owner for a personal one, the head or an admin for a shared one (the endpoint enforces the same). */
export function canEditScript(script: Pick<ScriptDoc, 'ownerId'>, actor: { id: string; role: Role }): boolean {
  if (script.ownerId != null && script.ownerId === actor.id) return true;
  return actor.role === 'head' || actor.role === 'admin';
}

/** The script fits the channel: it names it, or names none. */
export function fitsChannel(script: Pick<ScriptDoc, 'channels'>, channel: Channel): boolean {
  return script.channels.length === 0 || script.channels.includes(channel);
}

/**
 * The text to offer on a channel: read aloud on the phone (and face to face) when the script has a
 * phone variant, written everywhere else.
 */
export function scriptBodyFor(
  script: Pick<ScriptDoc, 'body' | 'phoneBody'>,
  channel: Channel,
): { body: string; variant: 'phone' | 'written' } {
  const spoken = channel === 'phone' || channel === 'walk_in';
  if (spoken && script.phoneBody) return { body: script.phoneBody, variant: 'phone' };
  return { body: script.body, variant: 'written' };
}
