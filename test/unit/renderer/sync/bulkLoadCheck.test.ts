/**
 * Which timeline a first sync loads in bulk: one holding only the desk's own unpushed writes (a
 * save made before the timeline's turn) is loaded so; one holding anything from the endpoint is not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxCollection } from 'rxdb';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { markPending } from '../../../../renderer/src/db/outbox.ts';
import { holdsOnlyLocalWrites } from '../../../../renderer/src/sync/bulkLoad.ts';
import type { TicketEvent } from '#shared/schema/index.ts';

let db: DeskDatabase;

beforeEach(async () => {
  db = await openDatabase({ name: `check_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
});
afterEach(async () => {
  await db.remove();
});

const entry = (id: string): TicketEvent => ({
  id,
  ticketId: 't1',
  kind: 'note',
  at: 1,
  authorId: 'agent-1',
  authorName: 'Анна Смирнова',
  public: false,
  body: 'Позвонили клиенту',
  data: {},
  updatedAt: 0,
});
const events = () => db.events as unknown as RxCollection;
async function insert(...ids: string[]): Promise<void> {
  const res = await db.events.bulkInsert(ids.map(entry));
  expect(res.error).toEqual([]);
}

describe('a timeline loaded in bulk', () => {
  it('is one with nothing in it', async () => {
    expect(await holdsOnlyLocalWrites(events(), db.outbox)).toBe(true);
  });

  it("is one holding only the desk's own entries not pushed yet", async () => {
    await insert('e1', 'e2');
    await markPending(db.outbox, 'events', ['e1', 'e2'], 1);
    await markPending(db.outbox, 'tickets', ['t1'], 1);
    expect(await holdsOnlyLocalWrites(events(), db.outbox)).toBe(true);
  });

  it('is not one holding an entry from the endpoint beside them', async () => {
    await insert('e1', 'from-endpoint');
    await markPending(db.outbox, 'events', ['e1'], 1);
    expect(await holdsOnlyLocalWrites(events(), db.outbox)).toBe(false);
  });

  it('is not one whose entries are all pushed (an earlier session synced it)', async () => {
    await insert('e1');
    expect(await holdsOnlyLocalWrites(events(), db.outbox)).toBe(false);
  });
});
