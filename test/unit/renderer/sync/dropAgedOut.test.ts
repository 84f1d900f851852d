/**
 * The local drop of what has aged out of the working set: finished tickets whose closing instant is
 * before the window's start, with their timelines, read through the createdAt index (a ticket
 * cannot have closed before it was created).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { dayMs } from '#shared/sync/workingSet.ts';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { markPending } from '../../../../renderer/src/db/outbox.ts';
import { dropAgedOut } from '../../../../renderer/src/sync/workingSetKeeper.ts';
import { makeTicket, monday10 } from '../../../support/ticketFactory.ts';

const now = monday10;
const windowDays = 90;
const daysAgo = (n: number) => now - n * dayMs;

describe('dropping what has aged out of the working set', () => {
  let db: DeskDatabase;

  beforeEach(async () => {
    db = await openDatabase({ name: `aged_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
  });
  afterEach(async () => {
    await db.remove();
  });

  it('drops a finished ticket closed before the window with its timeline, and keeps every other', async () => {
    await db.tickets.bulkInsert([
      makeTicket({ id: 'aged', status: 'closed', createdAt: daysAgo(200), resolvedAt: daysAgo(150), closedAt: daysAgo(149) }),
      // Created long ago, closed inside the window: its closing instant decides.
      makeTicket({
        id: 'long-lived',
        status: 'closed',
        createdAt: daysAgo(200),
        resolvedAt: daysAgo(100),
        closedAt: daysAgo(10),
      }),
      makeTicket({ id: 'resolved-old', status: 'resolved', createdAt: daysAgo(300), resolvedAt: daysAgo(120) }),
      makeTicket({ id: 'open-old', status: 'in_progress', createdAt: daysAgo(400) }),
      makeTicket({ id: 'recent', status: 'closed', createdAt: daysAgo(5), resolvedAt: daysAgo(4), closedAt: daysAgo(3) }),
    ]);
    await db.events.bulkInsert(
      ['aged', 'long-lived', 'resolved-old', 'open-old', 'recent'].map((ticketId) => ({
        id: `${ticketId}-e1`,
        ticketId,
        kind: 'assigned' as const,
        at: daysAgo(200),
        authorId: 'agent-1',
        authorName: 'Анна',
        public: false,
        body: '',
        data: {},
        updatedAt: 0,
      })),
    );
    expect((await dropAgedOut(db, now, windowDays)).sort()).toEqual(['aged', 'resolved-old']);
    expect((await db.tickets.find().exec()).map((t) => t.id).sort()).toEqual(['long-lived', 'open-old', 'recent']);
    expect((await db.events.find().exec()).map((e) => e.ticketId).sort()).toEqual(['long-lived', 'open-old', 'recent']);
  });

  it('keeps an aged-out ticket whose change still waits to be sent', async () => {
    await db.tickets.insert(makeTicket({ id: 'aged', status: 'resolved', createdAt: daysAgo(200), resolvedAt: daysAgo(150) }));
    await markPending(db.outbox, 'tickets', ['aged'], now);
    expect(await dropAgedOut(db, now, windowDays)).toEqual([]);
    expect(await db.tickets.count().exec()).toBe(1);
  });
});
