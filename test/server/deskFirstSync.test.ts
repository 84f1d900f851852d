/**
 * A desk's first sync in order of need, against a real endpoint (RxDB on fake-indexeddb): the open
 * tickets first, and the queue is complete when they are stored; then the small collections; then
 * the finished tickets of the window and the timeline; then the knowledge base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { dayMs } from '#shared/sync/workingSet.ts';
import { openDatabase, type DeskDatabase } from '../../renderer/src/db/database.ts';
import { ApiClient } from '../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../renderer/src/sync/clock.ts';
import { SyncEngine, type SyncStatus } from '../../renderer/src/sync/syncEngine.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { eventDoc, fresh, kbDoc, ticketDoc } from './support/documents.ts';

/**
 * A timeline entry that travels with a finished ticket too (one the KPI report reads): these tests
 * are about which tickets the desk keeps; which entries of a finished one travel is tested in
 * workingSetPull.test.ts.
 */
const keptEntry = (overrides: Parameters<typeof eventDoc>[0]) =>
  eventDoc({ kind: 'assigned', data: { from: '', to: 'agent' }, ...overrides });

const now = Date.now();
const finished = (id: string, daysAgo: number) => {
  const at = now - daysAgo * dayMs;
  return ticketDoc({ id, status: 'closed', createdAt: at - dayMs, resolvedAt: at, closedAt: at, assigneeId: 'agent' });
};

describe('a first sync in order of need', () => {
  let server: TestServer;
  let db: DeskDatabase;
  let engine: SyncEngine;
  let status: SyncStatus | null = null;
  /** Each pull the desk sends, in order: the collection, and the tickets' part. */
  const pulls: string[] = [];
  /** The closed part is held here until the test has looked at the queue. */
  let releaseClosed: () => void = () => undefined;
  const closedHeld = new Promise<void>((resolve) => (releaseClosed = resolve));

  const localTickets = async () => (await db.tickets.find().exec()).map((t) => t.id).sort();

  beforeAll(async () => {
    server = await startTestServer(backends[0]!);
    const tickets = [
      ticketDoc({ id: 'q-open-1', createdAt: now - dayMs }),
      ticketDoc({ id: 'q-open-2', createdAt: now - dayMs }),
      finished('q-closed-1', 3),
      finished('q-closed-2', 30),
      finished('q-archived', 300),
    ];
    expect((await server.asAgent.push('tickets', tickets.map(fresh))).rejected).toEqual([]);
    const events = tickets.map((t) => keptEntry({ id: `${t.id}-e1`, ticketId: t.id, at: t.createdAt }));
    expect((await server.asAgent.push('events', events.map(fresh))).rejected).toEqual([]);
    expect((await server.asAgent.push('kb', [fresh(kbDoc({ id: 'q-kb' }))])).rejected).toEqual([]);

    db = await openDatabase({ name: `fs_${process.pid}_${Date.now()}`, indexedDB, IDBKeyRange, devMode: true });
    const api = new ApiClient({ baseUrl: server.url, getToken: () => server.asAgent.token, clock: new ServerClock() });
    const pull = api.pull.bind(api);
    api.pull = async (collection, checkpoint, limit, days, part) => {
      pulls.push(part ? `${collection}:${part}` : collection);
      if (part === 'closed') await closedHeld;
      return pull(collection, checkpoint, limit, days, part);
    };
    engine = new SyncEngine({ db, api, pullBatchSize: 1, onStatus: (s) => (status = s) });
    engine.start();
  }, 120_000);
  afterAll(async () => {
    releaseClosed();
    await engine.stop();
    await db.remove();
    await server.close();
  });

  it('has the queue complete, and says so, while the finished tickets are still to come', async () => {
    await expect.poll(() => status?.openTicketsIn, { timeout: 20_000 }).toBe(true);
    expect(await localTickets()).toEqual(['q-open-1', 'q-open-2']);
    expect(status?.caughtUp).not.toContain('tickets');
    // The open part was asked for before anything else.
    const opens = pulls.filter((p) => p === 'tickets:open').length;
    expect(opens).toBeGreaterThanOrEqual(2);
    expect(pulls.slice(0, opens)).toEqual(Array(opens).fill('tickets:open'));
  });

  it('then takes the small collections, the finished tickets and the timeline, and the knowledge base last', async () => {
    await expect.poll(() => pulls.includes('tickets:closed'), { timeout: 20_000 }).toBe(true);
    releaseClosed();
    await engine.awaitInitialReplication();
    expect(await localTickets()).toEqual(['q-closed-1', 'q-closed-2', 'q-open-1', 'q-open-2']);
    expect((await db.events.find().exec()).map((e) => e.id).sort()).toEqual(
      ['q-closed-1-e1', 'q-closed-2-e1', 'q-open-1-e1', 'q-open-2-e1'].sort(),
    );
    expect(await db.kb.findOne('q-kb').exec()).not.toBeNull();

    const first = (p: string) => pulls.indexOf(p);
    const lastOpen = pulls.lastIndexOf('tickets:open');
    for (const small of ['clients', 'agents', 'templates', 'config']) {
      expect(first(small), small).toBeGreaterThan(lastOpen);
      expect(first(small), small).toBeLessThan(first('tickets:closed'));
      expect(first(small), small).toBeLessThan(first('events'));
    }
    expect(first('kb')).toBeGreaterThan(first('events'));
    expect(first('kb')).toBeGreaterThan(pulls.lastIndexOf('tickets:closed'));
    expect(status?.openTicketsIn).toBe(true);
  });
});
