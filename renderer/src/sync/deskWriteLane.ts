/**
 * Lets the desk's own writes go before a bulk load's: a manager's save during a first sync makes
 * several writes one after another (the ticket, the outbox, a timeline entry), and each would
 * otherwise wait behind a bulk write under way. RxDB's document hooks (pre insert / save / remove)
 * see every write the desk makes through its collections and none of the replication's or the bulk
 * load's, which go to the storage directly.
 */
import type { RxCollection } from 'rxdb';

export interface DeskWriteLane {
  /** Resolves once no desk write has begun for a short while, or after `maxWaitMs` at most. */
  clear(maxWaitMs?: number): Promise<void>;
}

/** How long after a desk write began the lane stays the desk's: the rest of a save follows in this time. */
const quietMs = 150;
const lanes = new WeakMap<object, { lastWriteAt: number }>();

/** The lane of a database's collections, watching them from the first call (the hooks are added once). */
export function deskWriteLane(collections: readonly RxCollection[], key: object, now = () => performance.now()): DeskWriteLane {
  let state = lanes.get(key);
  if (!state) {
    const watched = { lastWriteAt: -Infinity };
    const note = () => {
      watched.lastWriteAt = now();
    };
    for (const c of collections) {
      c.preInsert(note, true);
      c.preSave(note, true);
      c.preRemove(note, true);
    }
    lanes.set(key, watched);
    state = watched;
  }
  const watched = state;
  return {
    async clear(maxWaitMs = 2_000) {
      const until = now() + maxWaitMs;
      for (;;) {
        const wait = Math.min(watched.lastWriteAt + quietMs, until) - now();
        if (wait <= 0) return;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    },
  };
}
