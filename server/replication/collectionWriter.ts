/**
 * The one way documents get stored: inside a transaction that holds its collection's lock.
 *
 * Ordering guarantee (docs/sync.md, "Pull"): `updatedAt` is strictly increasing per
 * collection in COMMIT order, so a pull that has seen checkpoint C can never later miss a row
 * with a smaller (updatedAt, id). A writer first takes pg_advisory_xact_lock for the collection,
 * held until its commit or rollback; only then (in a new statement, hence a fresh READ COMMITTED
 * snapshot that includes every earlier writer's commit) does it read the collection's highest
 * updatedAt and hand out max(Date.now(), last + 1) to each document it writes. The next writer
 * cannot read `last` before this one has committed, so assignment order equals commit order and
 * no row ever becomes visible "behind" a checkpoint a reader already holds.
 * After commit, NOTIFY (sent by PostgreSQL only on commit) wakes the change feeds of every instance.
 */
import { sql, type Transaction } from 'kysely';
import type { CollectionName } from '#shared/protocol.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { lockKeys } from '../db/lockKeys.ts';

/** The NOTIFY channel of the change feed; the payload is a ChangeNotice. */
export const changeChannel = 'pass24_documents';

export interface ChangeNotice {
  c: CollectionName;
  u: number;
  i: string;
}

/** A document as stored and as it travels: with `updatedAt` and `_deleted`. */
export type WireDocument = Record<string, unknown> & { id: string; updatedAt: number; _deleted: boolean };

export class CollectionWriter {
  readonly collection: CollectionName;
  private readonly trx: Transaction<DbSchema>;
  private last: number;
  private lastId = '';
  private written = 0;
  private readonly clock: () => number;

  private constructor(trx: Transaction<DbSchema>, collection: CollectionName, last: number, clock: () => number) {
    this.trx = trx;
    this.collection = collection;
    this.last = last;
    this.clock = clock;
  }

  /** Takes the collection's write lock (until the transaction ends) and reads its clock. */
  static async open(
    trx: Transaction<DbSchema>,
    collection: CollectionName,
    clock: () => number = Date.now,
  ): Promise<CollectionWriter> {
    await sql`select pg_advisory_xact_lock(${lockKeys.namespace}, ${lockKeys.collection(collection)})`.execute(trx);
    // A separate statement on purpose: its snapshot is taken after the lock was granted.
    const row = await trx
      .selectFrom('documents')
      .select((eb) => eb.fn.max('updated_at').as('last'))
      .where('collection', '=', collection)
      .executeTakeFirst();
    return new CollectionWriter(trx, collection, Number(row?.last ?? 0), clock);
  }

  /**
   * Stored documents by id (parsed), for conflict and immutability checks.
   * One primary-key lookup per id, on purpose: for `id in (...)` a planner without statistics
   * (PGlite, a standalone backend, never has any: no autovacuum) scans the collection's whole
   * range of the documents_feed index, so each push would cost more as the collection grows
   * (docs/performance-backend.md). `offset 0` keeps the lookup a subquery of
   * its own, so the planner cannot merge it into a join and pick that scan again.
   */
  async readStored(ids: readonly string[]): Promise<Map<string, WireDocument>> {
    const stored = new Map<string, WireDocument>();
    if (ids.length === 0) return stored;
    const { rows } = await sql<{ id: string; data: WireDocument }>`
      select d.id, d.data
      from unnest(${[...ids]}::text[]) as wanted(id)
      cross join lateral (
        select id, data from documents where collection = ${this.collection} and id = wanted.id offset 0
      ) as d`.execute(this.trx);
    for (const row of rows) stored.set(row.id, row.data);
    return stored;
  }

  /** Stamps each document with the next updatedAt (in the given order) and upserts them. */
  async write(docs: ReadonlyArray<Record<string, unknown> & { id: string; _deleted: boolean }>): Promise<WireDocument[]> {
    if (docs.length === 0) return [];
    const now = this.clock();
    const stamped = docs.map((doc) => {
      this.last = Math.max(now, this.last + 1);
      this.lastId = doc.id;
      return { ...doc, updatedAt: this.last } as WireDocument;
    });
    await upsertDocuments(this.trx, this.collection, stamped);
    this.written += stamped.length;
    return stamped;
  }

  /** Queues the change notice; PostgreSQL delivers it when (and only if) the transaction commits. */
  async notify(): Promise<void> {
    if (this.written === 0) return;
    await notifyCollection(this.trx, { c: this.collection, u: this.last, i: this.lastId });
  }
}

/**
 * Inserts or replaces documents whose updatedAt is already assigned, in one statement (the batch
 * travels as one JSON array parameter). Callers hold the collection lock (CollectionWriter), or
 * write into a workspace nobody else uses yet (restore, seed).
 */
export async function upsertDocuments(
  trx: Transaction<DbSchema>,
  collection: CollectionName,
  docs: readonly WireDocument[],
): Promise<void> {
  if (docs.length === 0) return;
  await sql`
    insert into documents (collection, id, data, updated_at, deleted)
    select ${collection}, e->>'id', e, (e->>'updatedAt')::double precision, (e->>'_deleted')::boolean
    from jsonb_array_elements(${JSON.stringify(docs)}::text::jsonb) as e
    on conflict (collection, id) do update
      set data = excluded.data, updated_at = excluded.updated_at, deleted = excluded.deleted`.execute(trx);
}

/** Queues a change notice for a collection (delivered on commit). */
export async function notifyCollection(trx: Transaction<DbSchema>, notice: ChangeNotice): Promise<void> {
  await sql`select pg_notify(${changeChannel}, ${JSON.stringify(notice)})`.execute(trx);
}
