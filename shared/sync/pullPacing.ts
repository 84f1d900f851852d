/**
 * Pacing of a first sync's pulls. RxDB's downstream fetches pages back to back and persists them
 * behind, merging every page not yet persisted into one bulk write (replication-protocol/
 * downstream.js). The server answers a page of the timeline in about 0.1 s, the local database
 * takes about a second to store it: the fetching ran far ahead, and the desk then wrote tens of
 * thousands of documents in one IndexedDB transaction, during which every local save (a ticket,
 * the outbox) waited — up to 21 s in a first sync of the demo workspace. Pacing the pulls keeps
 * each bulk to a couple of pages, so a save waits for one of them at most.
 */
import type { Checkpoint } from '../protocol.ts';

/** Whether checkpoint `a` is at or after `b` (pulls are ordered by updatedAt, then id). */
export function checkpointAtLeast(a: Checkpoint | null | undefined, b: Checkpoint): boolean {
  if (!a) return false;
  return a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.id >= b.id);
}

/**
 * The checkpoint the local database must have stored before the next page is fetched: the one of
 * the page returned `ahead` pages ago (null: no need to wait). With ahead = 2, one page is being
 * stored and one waits while the next is fetched.
 */
export function mustBeStoredBeforeNextPull(returned: readonly Checkpoint[], ahead: number): Checkpoint | null {
  return returned.length >= ahead ? returned[returned.length - ahead]! : null;
}
