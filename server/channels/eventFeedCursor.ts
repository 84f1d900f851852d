/**
 * A durable reader of the events feed, for the work the endpoint does after a desk's write (a reply
 * to send, a CRM comment): a named cursor in `channel_cursors`, locked while a page is read and
 * moved past it in the same transaction, so every event is looked at once, in commit order. The
 * reader's first start puts its cursor at the feed's head: what happened before it existed is history.
 */
import { sql, type Transaction } from 'kysely';
import type { TicketEvent } from '#shared/schema/eventSchema.ts';
import type { DbSchema } from '../db/dbSchema.ts';

export interface FeedRow {
  id: string;
  updated_at: number;
  /** The event when it is of a kind asked for and not deleted; null for the others. */
  event: TicketEvent | null;
}

/** The page after the named cursor, its row locked until the transaction ends; [] when caught up or at the first start. */
export async function nextFeedPage(
  trx: Transaction<DbSchema>,
  name: string,
  kinds: readonly TicketEvent['kind'][],
  pageSize: number,
): Promise<FeedRow[]> {
  const cursor = await trx
    .selectFrom('channel_cursors')
    .select(['updated_at', 'id'])
    .where('name', '=', name)
    .forUpdate()
    .executeTakeFirst();
  if (!cursor) {
    await cursorAtHead(trx, name, { replace: false });
    return [];
  }
  const { rows } = await sql<FeedRow>`
    select id, updated_at,
      case when data->>'kind' = any(${[...kinds]}::text[]) and not deleted then data end as event
    from documents
    where collection = 'events' and (updated_at, id) > (${cursor.updated_at}, ${cursor.id})
    order by updated_at, id
    limit ${pageSize}`.execute(trx);
  return rows;
}

/** Puts the named cursor at the feed's head (`replace`: also when it exists, or keeps it). */
export async function cursorAtHead(trx: Transaction<DbSchema>, name: string, { replace }: { replace: boolean }): Promise<void> {
  const head = await trx
    .selectFrom('documents')
    .select(['updated_at', 'id'])
    .where('collection', '=', 'events')
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const at = { updated_at: head?.updated_at ?? 0, id: head?.id ?? '' };
  await trx
    .insertInto('channel_cursors')
    .values({ name, ...at })
    .onConflict((oc) => (replace ? oc.column('name').doUpdateSet(at) : oc.column('name').doNothing()))
    .execute();
}

/** Moves the named cursor past a page read by nextFeedPage. */
export async function moveCursorPast(trx: Transaction<DbSchema>, name: string, rows: readonly FeedRow[]): Promise<void> {
  const last = rows.at(-1);
  if (!last) return;
  await trx.updateTable('channel_cursors').set({ updated_at: last.updated_at, id: last.id }).where('name', '=', name).execute();
}
