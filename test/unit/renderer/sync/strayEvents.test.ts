/**
 * Timeline entries the live stream brings for tickets the desk does not keep: each waits a grace
 * period for its ticket (the tickets stream has no order with the events stream), then is removed
 * locally if the ticket has not come.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { TicketEvent } from '#shared/schema/index.ts';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { markPending } from '../../../../renderer/src/db/outbox.ts';
import { StrayEvents } from '../../../../renderer/src/sync/workingSetKeeper.ts';
import { makeTicket, monday10 } from '../../../support/ticketFactory.ts';

const minute = 60_000;
const event = (id: string, ticketId: string): TicketEvent => ({
  id,
  ticketId,
  kind: 'note',
  at: monday10,
  authorId: 'agent-1',
  authorName: 'Анна',
  public: false,
  body: 'Клиент звонил снова',
  data: {},
  updatedAt: monday10,
});

describe('timeline entries whose ticket the desk does not keep', () => {
  let db: DeskDatabase;
  const localEvents = async () => (await db.events.find().exec()).map((e) => e.id).sort();

  beforeEach(async () => {
    db = await openDatabase({ name: `stray_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
  });
  afterEach(async () => {
    await db.remove();
  });

  it('keeps an entry within its grace period, and after it when its ticket has arrived meanwhile', async () => {
    const strays = new StrayEvents(2 * minute);
    await db.events.bulkInsert([event('e-early', 't-new'), event('e-archived', 't-old')]);
    strays.note([event('e-early', 't-new'), event('e-archived', 't-old')], monday10);
    expect(await strays.drop(db, monday10 + minute)).toEqual([]);
    await db.tickets.insert(makeTicket({ id: 't-new' }));
    expect(await strays.drop(db, monday10 + 3 * minute)).toEqual(['e-archived']);
    expect(await localEvents()).toEqual(['e-early']);
    expect(strays.size).toBe(0);
  });

  it('keeps an entry of its own still waiting to be sent, and ignores deletions', async () => {
    const strays = new StrayEvents(0);
    await db.events.insert(event('e-mine', 't-old'));
    await markPending(db.outbox, 'events', ['e-mine'], monday10);
    strays.note(
      [event('e-mine', 't-old'), { ...event('e-gone', 't-old'), _deleted: true } as TicketEvent & { _deleted: boolean }],
      monday10,
    );
    expect(strays.size).toBe(1);
    expect(await strays.drop(db, monday10)).toEqual([]);
    expect(await localEvents()).toEqual(['e-mine']);
  });
});
