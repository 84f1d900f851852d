/**
 * The queue's first page read in one IndexedDB request per status (renderer/src/db/indexedPageRead.ts)
 * returns exactly what RxDB's own query returns, in the same order, on the same Dexie storage
 * (fake-indexeddb): open statuses, deleted tickets left out, equal due instants ordered by id.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { MangoQuery } from 'rxdb';
import { openStatuses } from '#shared/vocabulary/enums.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { readIndexedPage, readsInOneRequest } from '../../../../renderer/src/db/indexedPageRead.ts';
import { benchTickets } from '../../../bench/queue/benchTickets.ts';
import { monday10 } from '../../../support/ticketFactory.ts';

let db: DeskDatabase;

beforeEach(async () => {
  db = await openDatabase({ name: `page_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
  const tickets = benchTickets(400, monday10, ['agent-1', 'agent-2']);
  // Ties on the due instant: the index orders them by id, as the query's second sort field.
  for (const t of tickets.slice(0, 30)) t.dueAt = tickets[0]!.dueAt;
  const { error } = await db.tickets.bulkInsert(tickets);
  expect(error).toEqual([]);
  // Deleted tickets stay in the store with _deleted set: neither read may return them.
  const gone = await db.tickets.find({ selector: { status: 'new' }, limit: 5 }).exec();
  await Promise.all(gone.map((d) => d.remove()));
});
afterEach(async () => {
  await db.remove();
});

const ids = (docs: readonly { id: string }[]) => docs.map((d) => d.id);

describe('the first page read in one request per status', () => {
  it('returns what RxDB returns, in its order, for every open status', async () => {
    // The one-request path itself, not the fallback through RxDB, answers.
    const warn = vi.spyOn(console, 'warn');
    for (const status of openStatuses) {
      for (const limit of [1, 7, 60]) {
        const query: MangoQuery<Ticket> = { selector: { status }, sort: [{ dueAt: 'asc' }, { id: 'asc' }], limit };
        const expected = (await db.tickets.find(query).exec()).map((d) => d._data);
        expect(readsInOneRequest(db.tickets, query)).toBe(true);
        const page = await readIndexedPage(db.tickets, query);
        expect(expected.length).toBeGreaterThan(0);
        expect(ids(page)).toEqual(ids(expected));
        expect(page).toEqual(expected);
      }
    }
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('leaves deleted tickets out', async () => {
    const page = await readIndexedPage(db.tickets, {
      selector: { status: 'new' },
      sort: [{ dueAt: 'asc' }, { id: 'asc' }],
      limit: 400,
    });
    expect(page.length).toBe(await db.tickets.count({ selector: { status: 'new' } }).exec());
    expect(page.every((t) => t._deleted === false)).toBe(true);
  });

  it('reads through RxDB when the index cannot answer alone (several statuses, no limit)', async () => {
    for (const query of [
      { selector: { status: { $in: ['new', 'in_progress'] } }, sort: [{ dueAt: 'asc' }, { id: 'asc' }], limit: 50 },
      { selector: { status: 'new' }, sort: [{ dueAt: 'asc' }, { id: 'asc' }] },
    ] as MangoQuery<Ticket>[]) {
      expect(readsInOneRequest(db.tickets, query)).toBe(false);
      const expected = (await db.tickets.find(query).exec()).map((d) => d._data);
      expect(ids(await readIndexedPage(db.tickets, query))).toEqual(ids(expected));
    }
  });
});
