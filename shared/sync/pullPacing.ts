/**
 * Pacing of a first sync's pulls. RxDB's downstream fetches pages back to back and persists them
 * behind, merging every page not yet persisted into one bulk write (replication-protocol/
 * downstream.js). The server answers a page far faster than the local database stores it, so
 * unpaced fetching runs ahead and the desk writes tens of thousands of documents in one IndexedDB
 * transaction, during which every local save (a ticket, the outbox) waits. Pacing the pulls keeps
 * each bulk to a couple of pages, so a save waits for one of them at most (docs/performance-sync.md).
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
