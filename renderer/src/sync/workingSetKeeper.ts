/**
 * The desk's side of the working set (docs/sync.md, "Working set"): the window it pulls with, read
 * from the workspace setting, and the local drop of what has aged out. A drop is a local removal
 * the push never sends: tickets and timeline entries are never deleted at the endpoint (its rules
 * refuse it), so the sync engine leaves every tombstone of those two collections unsent.
 */
import type { Checkpoint } from '#shared/protocol.ts';
import { inWorkingSet, workingSetConfigKey, workingSetConfigOf } from '#shared/sync/workingSet.ts';
import type { DeskDatabase } from '../db/database.ts';
import { outboxKey } from '../db/outbox.ts';

/** A pull checkpoint of a scoped collection, with the window it was pulled under. */
export type ScopedCheckpoint = Checkpoint & { windowDays?: number };

/**
 * The checkpoint to continue from under `windowDays`: only one taken under the same window. A
 * wider window holds tickets skipped with no write since; a narrower one may have dropped
 * tickets the old checkpoint counts as held. Either way the pull starts over (window changes are
 * rare; the documents already held compare equal and are not written again).
 */
export function checkpointForWindow(checkpoint: ScopedCheckpoint | null | undefined, windowDays: number): Checkpoint | null {
  if (!checkpoint || checkpoint.windowDays !== windowDays) return null;
  return { id: checkpoint.id, updatedAt: checkpoint.updatedAt };
}

/** The window in days, from the local copy of config `workspace` (the default until it has arrived). */
export async function localWindowDays(db: DeskDatabase): Promise<number> {
  const doc = await db.config.findOne(workingSetConfigKey).exec();
  return workingSetConfigOf(doc?.value).closedWindowDays;
}

/**
 * Removes locally the tickets out of the window at `now` and their timelines; a ticket with a
 * change still waiting to be sent stays until it is sent. Answers the ids dropped.
 */
export async function dropAgedOut(db: DeskDatabase, now: number, windowDays: number): Promise<string[]> {
  const finished = await db.tickets.find({ selector: { status: { $in: ['resolved', 'closed'] } } }).exec();
  const aged = finished.filter((t) => !inWorkingSet(t, now, windowDays)).map((t) => t.id);
  if (aged.length === 0) return [];
  const pending = await db.outbox.findByIds(aged.map((id) => outboxKey('tickets', id))).exec();
  const dropped = aged.filter((id) => !pending.has(outboxKey('tickets', id)));
  if (dropped.length === 0) return [];
  const events = await db.events.find({ selector: { ticketId: { $in: dropped } } }).exec();
  await db.events.bulkRemove(events.map((e) => e.id));
  await db.tickets.bulkRemove(dropped);
  return dropped;
}
