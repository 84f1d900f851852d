/**
 * Live change fan-out for the pull streams of one server instance.
 *
 * Every writer (any instance sharing the database) sends NOTIFY with the collection's new head
 * checkpoint on commit. This instance LISTENs once and, per collection, reads the rows after each
 * subscriber's own checkpoint and sends them. Subscribers that sit at the same checkpoint (the
 * usual case: they all received the previous batch) share one query and one serialised message,
 * so a change costs one read however many workstations are connected. Reads for one collection
 * never overlap: a notice arriving meanwhile marks the collection dirty and the loop goes again.
 */
import type { Kysely } from 'kysely';
import { collectionNames, maxPullLimit, type Checkpoint, type CollectionName } from '#shared/protocol.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { changeChannel, type ChangeNotice } from './collectionWriter.ts';
import { headCheckpoint, pullDocuments } from './pullDocuments.ts';

export interface FeedSubscriber {
  /** Receives each PullResponse as JSON text. */
  send(json: string): void;
}

interface Subscription {
  subscriber: FeedSubscriber;
  checkpoint: Checkpoint | null;
}

interface CollectionState {
  subscriptions: Set<Subscription>;
  running: Promise<void> | null;
  dirty: boolean;
}

const key = (c: Checkpoint | null): string => (c ? `${c.updatedAt}\u0000${c.id}` : '');
const after = (a: Checkpoint | null, b: Checkpoint): boolean =>
  a === null || a.updatedAt < b.updatedAt || (a.updatedAt === b.updatedAt && a.id < b.id);

export interface ChangeFeedLogger {
  error(obj: object, msg: string): void;
}

export class ChangeFeed {
  private readonly database: Database;
  private readonly db: Kysely<DbSchema>;
  private readonly log: ChangeFeedLogger;
  private readonly states = new Map<CollectionName, CollectionState>();
  private unlisten: (() => Promise<void>) | null = null;
  private stopped = false;

  constructor(database: Database, log: ChangeFeedLogger) {
    this.database = database;
    this.db = database.db;
    this.log = log;
    for (const c of collectionNames) this.states.set(c, { subscriptions: new Set(), running: null, dirty: false });
  }

  async start(): Promise<void> {
    this.unlisten = await this.database.listen(changeChannel, (payload) => this.onNotice(payload));
  }

  /** Starts a subscriber at the collection's current head; returns its unsubscribe function. */
  async subscribe(collection: CollectionName, subscriber: FeedSubscriber): Promise<() => void> {
    const state = this.states.get(collection)!;
    const subscription: Subscription = { subscriber, checkpoint: await headCheckpoint(this.db, collection) };
    state.subscriptions.add(subscription);
    // A commit between reading the head and joining would have been missed: look once more.
    this.schedule(collection);
    return () => {
      state.subscriptions.delete(subscription);
    };
  }

  subscriberCount(collection?: CollectionName): number {
    if (collection) return this.states.get(collection)!.subscriptions.size;
    let n = 0;
    for (const s of this.states.values()) n += s.subscriptions.size;
    return n;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.unlisten?.().catch(() => {});
    this.unlisten = null;
    await Promise.all([...this.states.values()].map((s) => s.running?.catch(() => {})));
    for (const s of this.states.values()) s.subscriptions.clear();
  }

  private onNotice(payload: string | null): void {
    if (payload === null) {
      // Reconnected after a drop: anything may have changed.
      for (const c of collectionNames) this.schedule(c);
      return;
    }
    let notice: ChangeNotice;
    try {
      notice = JSON.parse(payload) as ChangeNotice;
    } catch {
      return;
    }
    const state = this.states.get(notice.c);
    if (!state || state.subscriptions.size === 0) return;
    const head: Checkpoint = { id: notice.i, updatedAt: notice.u };
    // Only subscribers behind the notified head need a read.
    if ([...state.subscriptions].some((s) => after(s.checkpoint, head))) this.schedule(notice.c);
  }

  private schedule(collection: CollectionName): void {
    const state = this.states.get(collection)!;
    if (this.stopped) return;
    if (state.running) {
      state.dirty = true;
      return;
    }
    state.running = (async () => {
      try {
        do {
          state.dirty = false;
          await this.catchUp(collection, state);
        } while (state.dirty && !this.stopped);
      } catch (error) {
        this.log.error({ err: error, collection }, 'change feed: read failed');
      } finally {
        state.running = null;
      }
    })();
  }

  private async catchUp(collection: CollectionName, state: CollectionState): Promise<void> {
    const groups = new Map<string, Subscription[]>();
    for (const s of state.subscriptions) {
      const k = key(s.checkpoint);
      const g = groups.get(k);
      if (g) g.push(s);
      else groups.set(k, [s]);
    }
    for (const group of groups.values()) {
      let from = group[0]!.checkpoint;
      for (;;) {
        const page = await pullDocuments(this.db, collection, from, maxPullLimit);
        if (page.count === 0) break;
        for (const s of group) {
          if (!state.subscriptions.has(s)) continue;
          s.checkpoint = page.checkpoint;
          try {
            s.subscriber.send(page.json);
          } catch {
            state.subscriptions.delete(s);
          }
        }
        from = page.checkpoint;
        if (page.count < maxPullLimit) break;
      }
    }
  }
}
