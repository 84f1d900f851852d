/**
 * A ticket coming back into the working set brings its timeline (docs/sync.md, "Working set").
 * A scoped pull skipped the events of a ticket while it was out of the window, and a desk's events
 * checkpoint has since moved past them: so when a write takes a ticket out of the closed state
 * (a reopen) or closes it again later than before, its events are stored again with new
 * `updatedAt` stamps and travel to every desk like any change. Their content is unchanged, so a
 * desk that still held them rewrites the same entries.
 */
import { sql, type Transaction } from 'kysely';
import { closingInstant, type ScopedTicket } from '#shared/sync/workingSet.ts';
import { openStatuses } from '#shared/vocabulary/enums.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { CollectionWriter, type WireDocument } from './collectionWriter.ts';

const isOpen = (t: ScopedTicket) => openStatuses.includes(t.status);

/** Whether storing `next` over `stored` may bring the ticket back into some desk's working set. */
export function comesBack(stored: WireDocument | undefined, next: Record<string, unknown> & { _deleted: boolean }): boolean {
  if (!stored || stored._deleted || next._deleted) return false;
  const before = stored as unknown as ScopedTicket;
  const after = next as unknown as ScopedTicket;
  if (isOpen(before)) return false;
  return isOpen(after) || closingInstant(after) > closingInstant(before);
}

/**
 * Stores again every event of the given tickets. The caller holds the tickets lock; this takes
 * the events lock after it (the same order as intake, so the two never deadlock). A caller that
 * already writes events in this transaction passes its writer (one writer per collection and
 * transaction keeps the stamps increasing) and notifies the desks itself.
 */
export async function resendTimelines(
  trx: Transaction<DbSchema>,
  ticketIds: readonly string[],
  writer?: CollectionWriter,
): Promise<number> {
  if (ticketIds.length === 0) return 0;
  const events = writer ?? (await CollectionWriter.open(trx, 'events'));
  const { rows } = await sql<{ data: WireDocument }>`
    select data from documents
    where collection = 'events' and not deleted and (data->>'ticketId') = any(${[...ticketIds]}::text[])
    order by updated_at, id`.execute(trx);
  await events.write(rows.map((r) => r.data));
  if (!writer) await events.notify();
  return rows.length;
}
