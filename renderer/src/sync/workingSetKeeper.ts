/**
 * The desk's side of the working set (docs/sync.md, "Working set"): the window it pulls with, read
 * from the workspace setting, and the local drop of what has aged out. A drop is a local removal
 * the push never sends: tickets and timeline entries are never deleted at the endpoint (its rules
 * refuse it), so the sync engine leaves every tombstone of those two collections unsent.
 */
import { setCheckpoint, type RxStorageInstanceReplicationState } from 'rxdb';
import type { Checkpoint } from '#shared/protocol.ts';
import { inWorkingSet, windowStart, workingSetConfigKey, workingSetConfigOf } from '#shared/sync/workingSet.ts';
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
  // Only tickets created before the window's start can have closed before it, and the createdAt
  // index finds them without reading the thousands of finished tickets inside the window (that
  // read stalled the manager's saves for seconds at the end of a first sync). A ticket whose
  // resolution predates its creation (a skewed clock) is at worst kept longer, never lost.
  const candidates = await db.tickets
    .find({ selector: { createdAt: { $lt: windowStart(now, windowDays) } }, index: ['createdAt', 'id'] })
    .exec();
  const aged = candidates.filter((t) => !inWorkingSet(t, now, windowDays)).map((t) => t.id);
  if (aged.length === 0) return [];
  const pending = await db.outbox.findByIds(aged.map((id) => outboxKey('tickets', id))).exec();
  const dropped = aged.filter((id) => !pending.has(outboxKey('tickets', id)));
  if (dropped.length === 0) return [];
  const events = await db.events.find({ selector: { ticketId: { $in: dropped } } }).exec();
  await db.events.bulkRemove(events.map((e) => e.id));
  await db.tickets.bulkRemove(dropped);
  return dropped;
}

/**
 * The window a stored checkpoint is labelled with is the widest one the local data is complete
 * for up to it. A pull or a drop under a narrower window relabels it (only the label: RxDB stacks a
 * stored checkpoint over the previous one) before anything is dropped, so a pull under a wider
 * window later starts over. Without it, a narrow pull that finds nothing stores no checkpoint
 * (RxDB stores one only with documents), and widening back would continue from the wide one,
 * missing the tickets dropped meanwhile. Continuing under the narrower window is sound: the data
 * holds everything that window holds up to the checkpoint. Answers whether it relabelled.
 */
export async function narrowStoredCheckpoint<T>(
  replication: RxStorageInstanceReplicationState<T> | undefined,
  windowDays: number,
): Promise<boolean> {
  if (!replication) return false;
  const stored = replication.lastCheckpointDoc.down?.checkpointData as ScopedCheckpoint | undefined;
  if (!stored || stored.windowDays === undefined || stored.windowDays <= windowDays) return false;
  await setCheckpoint(replication, 'down', { windowDays });
  return true;
}

/**
 * Timeline entries the live stream brings (it is not scoped) whose ticket the desk may not keep:
 * a note added to an archived ticket, say. An entry can also arrive just before its ticket (two
 * streams, no order between them), so each is given a grace period; one whose ticket is still not
 * local after it is removed locally, like an aged-out one, and never pushed as a deletion.
 */
export class StrayEvents {
  private readonly arrived = new Map<string, { ticketId: string; at: number }>();
  private readonly graceMs: number;

  constructor(graceMs: number) {
    this.graceMs = graceMs;
  }

  note(events: ReadonlyArray<{ id: string; ticketId?: unknown; _deleted?: boolean }>, at: number): void {
    for (const e of events) {
      if (!e._deleted && typeof e.ticketId === 'string') this.arrived.set(e.id, { ticketId: e.ticketId, at });
    }
  }

  get size(): number {
    return this.arrived.size;
  }

  /** Removes the entries past their grace whose ticket is not local at `now`; answers their ids. */
  async drop(db: DeskDatabase, now: number): Promise<string[]> {
    const due = [...this.arrived].filter(([, e]) => e.at <= now - this.graceMs);
    if (due.length === 0) return [];
    for (const [id] of due) this.arrived.delete(id);
    const tickets = await db.tickets.findByIds([...new Set(due.map(([, e]) => e.ticketId))]).exec();
    const strays = due.filter(([, e]) => !tickets.has(e.ticketId)).map(([id]) => id);
    if (strays.length === 0) return [];
    const pending = await db.outbox.findByIds(strays.map((id) => outboxKey('events', id))).exec();
    const dropped = strays.filter((id) => !pending.has(outboxKey('events', id)));
    if (dropped.length > 0) await db.events.bulkRemove(dropped);
    return dropped;
  }
}
