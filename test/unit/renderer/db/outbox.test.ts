/** The outbox counts local changes until the server has them, whatever order the answers come in. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { markAcknowledged, markPending } from '../../../../renderer/src/db/outbox.ts';
import { monday10 } from '../../../support/ticketFactory.ts';

let db: DeskDatabase;

beforeEach(async () => {
  db = await openDatabase({ name: `test_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
});
afterEach(async () => {
  await db.remove();
});

const pendingIds = async () => (await db.outbox.find().exec()).map((e) => e.docId).sort();

describe('outbox', () => {
  it('clears a change the server accepted before the change was marked pending', async () => {
    // The replication pushed the written document and got the answer before markPending ran.
    await markAcknowledged(db.outbox, 'tickets', new Map([['t1', monday10]]));
    await markPending(db.outbox, 'tickets', ['t1'], monday10);
    expect(await pendingIds()).toEqual([]);
  });

  it('keeps a later change pending although an earlier state was accepted first', async () => {
    await markAcknowledged(db.outbox, 'tickets', new Map([['t1', monday10]]));
    await markPending(db.outbox, 'tickets', ['t1'], monday10 + 1_000);
    expect(await pendingIds()).toEqual(['t1']);
  });

  it('does not mix up collections or documents', async () => {
    await markAcknowledged(db.outbox, 'tickets', new Map([['t1', monday10]]));
    await markPending(db.outbox, 'events', ['t1'], monday10);
    await markPending(db.outbox, 'tickets', ['t2'], monday10);
    expect(await pendingIds()).toEqual(['t1', 't2']);
  });

  it('clears only what was accepted when the server gives no edit instant', async () => {
    await markAcknowledged(db.outbox, 'templates', new Map([['s1', 0]]));
    await markPending(db.outbox, 'templates', ['s1'], monday10);
    expect(await pendingIds()).toEqual(['s1']);
    await markAcknowledged(db.outbox, 'templates', new Map([['s1', 0]]));
    expect(await pendingIds()).toEqual([]);
  });
});
