/**
 * The desk's working set against a real endpoint: the sync engine (RxDB on fake-indexeddb) pulls
 * open tickets, those closed within the workspace's window and their timelines; a ticket that
 * leaves the window is dropped locally and never sent as a deletion (the server keeps it); one
 * that comes back arrives with its whole timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Ticket } from '#shared/schema/index.ts';
import { dayMs } from '#shared/sync/workingSet.ts';
import { openDatabase, type DeskDatabase } from '../../renderer/src/db/database.ts';
import { ApiClient } from '../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../renderer/src/sync/clock.ts';
import { SyncEngine } from '../../renderer/src/sync/syncEngine.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { configDoc, eventDoc, fresh, ticketDoc, update } from './support/documents.ts';

/**
 * A timeline entry that travels with a finished ticket too (one the KPI report reads): these tests
 * are about which tickets the desk keeps; which entries of a finished one travel is tested in
 * workingSetPull.test.ts.
 */
const keptEntry = (overrides: Parameters<typeof eventDoc>[0]) =>
  eventDoc({ kind: 'assigned', data: { from: '', to: 'agent' }, ...overrides });

const now = Date.now();
const finished = (id: string, status: 'resolved' | 'closed', daysAgo: number) => {
  const at = now - daysAgo * dayMs;
  return ticketDoc({
    id,
    status,
    createdAt: at - dayMs,
    resolvedAt: at,
    closedAt: status === 'closed' ? at : null,
    assigneeId: 'agent',
  });
};

describe('the desk keeps the working set', () => {
  let server: TestServer;
  let db: DeskDatabase;
  let engine: SyncEngine;
  let pushedDeletions = 0;

  const localTickets = async () => (await db.tickets.find().exec()).map((t) => t.id).sort();
  const localEvents = async () => (await db.events.find().exec()).map((e) => e.id).sort();
  const setWindow = async (days: number) => {
    const stored = (await server.asHead.pullAll<{ id: string }>('config')).documents.find((d) => d.id === 'workspace');
    const doc = configDoc({ id: 'workspace', value: { workingSetDays: days, emailAcknowledgement: true }, editedAt: Date.now() });
    const res = await server.asHead.push('config', [stored ? update(stored as never, doc) : fresh(doc)]);
    expect(res.rejected).toEqual([]);
  };

  beforeAll(async () => {
    server = await startTestServer(backends[0]!);
    const tickets = [
      ticketDoc({ id: 'd-open', createdAt: now - dayMs }),
      finished('d-recent', 'closed', 10),
      finished('d-old', 'closed', 200),
      finished('d-resolved', 'resolved', 150),
    ];
    expect((await server.asAgent.push('tickets', tickets.map(fresh))).rejected).toEqual([]);
    const events = tickets.flatMap((t) => [1, 2].map((n) => keptEntry({ id: `${t.id}-e${n}`, ticketId: t.id, at: t.createdAt })));
    expect((await server.asAgent.push('events', events.map(fresh))).rejected).toEqual([]);

    db = await openDatabase({ name: `ws_${process.pid}_${Date.now()}`, indexedDB, IDBKeyRange, devMode: true });
    const api = new ApiClient({ baseUrl: server.url, getToken: () => server.asAgent.token, clock: new ServerClock() });
    const push = api.push.bind(api);
    api.push = (collection, rows) => {
      pushedDeletions += rows.filter((r) => r.newDocumentState._deleted).length;
      return push(collection, rows);
    };
    // No grace for a streamed entry whose ticket is not local: the test drops them when it says.
    engine = new SyncEngine({ db, api, strayGraceMs: 0 });
    engine.start();
  }, 120_000);
  afterAll(async () => {
    await engine.stop();
    await db.remove();
    await server.close();
  });

  it('holds the open tickets, those closed within the window and their timelines, not the archive', async () => {
    await engine.awaitInitialReplication();
    expect(await localTickets()).toEqual(['d-open', 'd-recent']);
    expect(await localEvents()).toEqual(['d-open-e1', 'd-open-e2', 'd-recent-e1', 'd-recent-e2']);
  });

  it('drops a ticket that leaves a narrower window locally, with its timeline, and sends no deletion', async () => {
    await setWindow(5);
    await expect.poll(localTickets, { timeout: 20_000 }).toEqual(['d-open']);
    expect(await localEvents()).toEqual(['d-open-e1', 'd-open-e2']);
    await engine.awaitInSync();
    expect(pushedDeletions).toBe(0);
    expect(await db.syncproblems.count().exec()).toBe(0);
    const onServer = await server.asAgent.pullAll<Ticket>('tickets');
    expect(onServer.documents.find((d) => d.id === 'd-recent')?._deleted).toBe(false);
  });

  it('brings the ticket back with its timeline when the window widens again', async () => {
    await setWindow(90);
    await expect.poll(localTickets, { timeout: 20_000 }).toEqual(['d-open', 'd-recent']);
    await expect.poll(localEvents, { timeout: 20_000 }).toEqual(['d-open-e1', 'd-open-e2', 'd-recent-e1', 'd-recent-e2']);
  });

  it('receives a ticket reopened at another desk with its whole timeline', async () => {
    const master = (await server.asAgent.pullAll<Ticket>('tickets')).documents.find((d) => d.id === 'd-resolved')!;
    const res = await server.asAgent.push<Ticket>('tickets', [
      update(master, { ...master, status: 'in_progress', resolvedAt: null, editedAt: Date.now() }),
    ]);
    expect(res.rejected).toEqual([]);
    await expect.poll(localTickets, { timeout: 30_000 }).toEqual(['d-open', 'd-recent', 'd-resolved']);
    await expect
      .poll(localEvents, { timeout: 30_000 })
      .toEqual(['d-open-e1', 'd-open-e2', 'd-recent-e1', 'd-recent-e2', 'd-resolved-e1', 'd-resolved-e2']);
    expect(pushedDeletions).toBe(0);
  });

  it('drops a timeline entry the live stream brings for a ticket it does not keep, and keeps those of its own', async () => {
    const note = (id: string, ticketId: string) => eventDoc({ id, ticketId, at: Date.now(), body: 'Клиент звонил снова' });
    expect((await server.asAgent.push('events', [fresh(note('d-old-late', 'd-old'))])).rejected).toEqual([]);
    expect((await server.asAgent.push('events', [fresh(note('d-open-late', 'd-open'))])).rejected).toEqual([]);
    await expect
      .poll(async () => (await localEvents()).filter((id) => id.endsWith('-late')), { timeout: 20_000 })
      .toEqual(['d-old-late', 'd-open-late']);
    await engine.dropAgedOut();
    expect((await localEvents()).filter((id) => id.endsWith('-late'))).toEqual(['d-open-late']);
    await engine.awaitInSync();
    expect(pushedDeletions).toBe(0);
    const onServer = await server.asAgent.pullAll<{ id: string; _deleted: boolean }>('events');
    expect(onServer.documents.find((d) => d.id === 'd-old-late')?._deleted).toBe(false);
  });
});

describe('a window narrowed and widened again where the narrow pull finds nothing', () => {
  let server: TestServer;
  let db: DeskDatabase;
  let engine: SyncEngine;
  const localTickets = async () => (await db.tickets.find().exec()).map((t) => t.id).sort();
  const localEvents = async () => (await db.events.find().exec()).map((e) => e.id).sort();
  const setWindow = async (days: number) => {
    const stored = (await server.asHead.pullAll<{ id: string }>('config')).documents.find((d) => d.id === 'workspace');
    const doc = configDoc({ id: 'workspace', value: { workingSetDays: days, emailAcknowledgement: true }, editedAt: Date.now() });
    expect((await server.asHead.push('config', [stored ? update(stored as never, doc) : fresh(doc)])).rejected).toEqual([]);
  };

  beforeAll(async () => {
    server = await startTestServer(backends[0]!);
    // No open ticket: under a five-day window the scoped pulls have nothing to return.
    const tickets = [finished('g-recent', 'closed', 10), finished('g-old', 'closed', 200)];
    expect((await server.asAgent.push('tickets', tickets.map(fresh))).rejected).toEqual([]);
    const events = tickets.map((t) => keptEntry({ id: `${t.id}-e1`, ticketId: t.id, at: t.createdAt }));
    expect((await server.asAgent.push('events', events.map(fresh))).rejected).toEqual([]);
    db = await openDatabase({ name: `wsgap_${process.pid}_${Date.now()}`, indexedDB, IDBKeyRange, devMode: true });
    const api = new ApiClient({ baseUrl: server.url, getToken: () => server.asAgent.token, clock: new ServerClock() });
    engine = new SyncEngine({ db, api });
    engine.start();
  }, 120_000);
  afterAll(async () => {
    await engine.stop();
    await db.remove();
    await server.close();
  });

  it('brings back the tickets dropped while the window was narrow, with their timelines', async () => {
    await engine.awaitInitialReplication();
    await expect.poll(localEvents, { timeout: 20_000 }).toEqual(['g-recent-e1']);
    expect(await localTickets()).toEqual(['g-recent']);
    await setWindow(5);
    await expect.poll(localTickets, { timeout: 20_000 }).toEqual([]);
    expect(await localEvents()).toEqual([]);
    await engine.awaitInSync();
    await setWindow(90);
    await expect.poll(localTickets, { timeout: 20_000 }).toEqual(['g-recent']);
    await expect.poll(localEvents, { timeout: 20_000 }).toEqual(['g-recent-e1']);
  });
});
