/** A bulk load lets the desk's own writes go first, and is never held for long. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxCollection } from 'rxdb';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { markPending } from '../../../../renderer/src/db/outbox.ts';
import { deskWriteLane, type DeskWriteLane } from '../../../../renderer/src/sync/deskWriteLane.ts';
import { makeTicket } from '../../../support/ticketFactory.ts';

let db: DeskDatabase;
let lane: DeskWriteLane;

beforeEach(async () => {
  db = await openDatabase({ name: `lane_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
  lane = deskWriteLane(Object.values(db.collections) as RxCollection[], db);
});
afterEach(async () => {
  await db.remove();
});

async function timed(p: Promise<void>): Promise<number> {
  const started = performance.now();
  await p;
  return performance.now() - started;
}

describe('the desk write lane', () => {
  it('is clear at once when the desk has not written', async () => {
    expect(await timed(lane.clear())).toBeLessThan(100);
  });

  it('is held for a short while after a desk write began, then clear', async () => {
    await db.tickets.insert(makeTicket({ id: 't1' }));
    const waited = await timed(lane.clear());
    expect(waited).toBeGreaterThan(80);
    expect(waited).toBeLessThan(1_000);
    expect(await timed(lane.clear())).toBeLessThan(100);
  });

  it('is held by a change and a removal as by an insert, in any collection of the desk', async () => {
    const doc = await db.tickets.insert(makeTicket({ id: 't2' }));
    await new Promise((r) => setTimeout(r, 200));
    await doc.incrementalPatch({ subject: 'Другая тема' });
    expect(await timed(lane.clear())).toBeGreaterThan(80);
    await (await db.tickets.findOne('t2').exec())!.remove();
    expect(await timed(lane.clear())).toBeGreaterThan(80);
    await markPending(db.outbox, 'tickets', ['t3'], 1);
    expect(await timed(lane.clear())).toBeGreaterThan(80);
  });

  it('is not held by writes below the collection, as the bulk load makes them', async () => {
    const storage = (
      db.tickets.storageInstance as unknown as {
        originalStorageInstance: { bulkWrite: (rows: unknown[], context: string) => Promise<unknown> };
      }
    ).originalStorageInstance;
    const t = makeTicket({ id: 't4' });
    await storage.bulkWrite([{ document: { ...t, _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: 1 } } }], 'test');
    expect(await timed(lane.clear())).toBeLessThan(100);
  });

  it('lets the load go on after the longest wait even while the desk keeps writing', async () => {
    let n = 0;
    const writing = setInterval(() => void db.tickets.insert(makeTicket({ id: `w${n++}` })), 40);
    try {
      await new Promise((r) => setTimeout(r, 100));
      const waited = await timed(lane.clear(300));
      expect(waited).toBeGreaterThanOrEqual(290);
      expect(waited).toBeLessThan(1_500);
    } finally {
      clearInterval(writing);
    }
  });

  it('watches a database once, however often the lane is asked for', async () => {
    const again = deskWriteLane(Object.values(db.collections) as RxCollection[], db);
    await db.tickets.insert(makeTicket({ id: 't5' }));
    expect(await timed(again.clear())).toBeGreaterThan(80);
    expect(db.tickets.hooks.insert.pre.parallel).toHaveLength(1);
  });
});
