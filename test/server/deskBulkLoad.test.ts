/**
 * The bulk first load of the timeline against a real endpoint (RxDB on fake-indexeddb): an empty
 * desk stores the timeline's pages straight into its storage, then RxDB's replication continues
 * from where the load ended. Documents the server changes during the load and after it arrive, an
 * entry written on the desk during the load is sent, and nothing loaded is sent back or held twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { dayMs } from '#shared/sync/workingSet.ts';
import { openDatabase, type DeskDatabase } from '../../renderer/src/db/database.ts';
import { appendEvents } from '../../renderer/src/db/eventRepository.ts';
import { ApiClient } from '../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../renderer/src/sync/clock.ts';
import { SyncEngine } from '../../renderer/src/sync/syncEngine.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { eventDoc, fresh, ticketDoc, update } from './support/documents.ts';
import { recordPushes } from './support/deskPushes.ts';

const now = Date.now();
const resolved = (id: string, daysAgo: number) => {
  const at = now - daysAgo * dayMs;
  return ticketDoc({ id, status: 'resolved', createdAt: at - dayMs, resolvedAt: at, assigneeId: 'agent' });
};

describe('the bulk first load of the timeline', () => {
  let server: TestServer;
  let db: DeskDatabase;
  let engine: SyncEngine;
  let pushedEvents: string[] = [];
  let bulkPages = 0;
  let localId = '';
  /** What a live query of the timeline's size shows, as the UI's queries do. */
  let liveCount = 0;

  const reopen = async (id: string) => {
    const master = (await server.asAgent.pullAll<Ticket>('tickets')).documents.find((d) => d.id === id)!;
    const res = await server.asAgent.push<Ticket>('tickets', [
      update(master, { ...master, status: 'in_progress', resolvedAt: null, editedAt: Date.now() }),
    ]);
    expect(res.rejected).toEqual([]);
  };
  /** The timeline a desk pulling the whole scope now would hold: id and updatedAt. */
  const expectedTimeline = async () => {
    const docs: Array<TicketEvent & { _deleted: boolean }> = [];
    let q = 'scope=working&closedWindowDays=90&limit=1000';
    for (;;) {
      const res = await server.asAgent.get<{ documents: typeof docs; checkpoint: { id: string; updatedAt: number } | null }>(
        `/api/replication/events/pull?${q}`,
      );
      docs.push(...res.body.documents);
      if (res.body.documents.length < 1000) break;
      q = `scope=working&closedWindowDays=90&limit=1000&id=${res.body.checkpoint!.id}&updatedAt=${res.body.checkpoint!.updatedAt}`;
    }
    return docs.map((d) => [d.id, d.updatedAt] as const).sort();
  };
  const localTimeline = async () => (await db.events.find().exec()).map((d) => [d.id, d.updatedAt] as const).sort();

  beforeAll(async () => {
    server = await startTestServer(backends[0]!);
    const tickets = [ticketDoc({ id: 'b-open', createdAt: now - dayMs }), resolved('b-recent', 5), resolved('b-old', 200)];
    expect((await server.asAgent.push('tickets', tickets.map(fresh))).rejected).toEqual([]);
    const events = [
      ...Array.from({ length: 1_200 }, (_, n) => eventDoc({ id: `b-open-e${n}`, ticketId: 'b-open', at: now - dayMs + n })),
      // Of a finished ticket the scope sends the entries the KPI report reads.
      ...[1, 2, 3].map((n) =>
        eventDoc({
          id: `b-recent-e${n}`,
          ticketId: 'b-recent',
          at: now - 6 * dayMs,
          kind: 'assigned',
          data: { from: '', to: 'agent' },
        }),
      ),
      ...[1, 2].map((n) => eventDoc({ id: `b-old-e${n}`, ticketId: 'b-old', at: now - 201 * dayMs })),
    ];
    for (let i = 0; i < events.length; i += 1000) {
      expect((await server.asAgent.push('events', events.slice(i, i + 1000).map(fresh))).rejected).toEqual([]);
    }

    db = await openDatabase({ name: `bl_${process.pid}_${Date.now()}`, indexedDB, IDBKeyRange, devMode: true });
    db.events.count().$.subscribe((n) => (liveCount = n));
    const api = new ApiClient({ baseUrl: server.url, getToken: () => server.asAgent.token, clock: new ServerClock() });
    const pull = api.pull.bind(api);
    api.pull = (async (...args: Parameters<ApiClient['pull']>) => {
      const page = await pull(...args);
      const [collection, after, limit] = args;
      if (collection === 'events' && limit === 1000) bulkPages++;
      // Between the load's first and second page: the server reopens an archived ticket (its
      // timeline comes back with new stamps), takes a new entry, and the manager writes one here.
      if (collection === 'events' && limit === 1000 && !after) {
        await reopen('b-old');
        expect(
          (await server.asAgent.push('events', [fresh(eventDoc({ id: 'b-open-new', ticketId: 'b-open' }))])).rejected,
        ).toEqual([]);
        const ctx = {
          actor: { id: 'agent', name: 'Анна', role: 'agent' as const },
          now: () => Date.now(),
          sla: defaultSlaSetup(),
          newId: () => 'b-local',
        };
        await appendEvents(db, 'b-open', [{ kind: 'note', public: false, body: 'Записано во время загрузки', data: {} }], ctx);
        localId = 'b-local';
      }
      return page;
    }) as ApiClient['pull'];
    pushedEvents = recordPushes(api, ['events']);
    engine = new SyncEngine({ db, api, pullBatchSize: 100 });
    engine.start();
  }, 180_000);
  afterAll(async () => {
    await engine.stop();
    await db.remove();
    await server.close();
  });

  it('loads the timeline in bulk and ends with what the endpoint holds in scope, each entry once', async () => {
    await engine.awaitInitialReplication();
    await engine.awaitInSync();
    expect(bulkPages).toBeGreaterThanOrEqual(2);
    // Loaded below the replication: the least write stamp there is.
    const loaded = await db.events.findOne('b-open-e7').exec();
    expect(loaded?.toJSON(true)._meta.lwt).toBe(1);
    const expected = await expectedTimeline();
    await expect.poll(localTimeline, { timeout: 30_000 }).toEqual(expected);
    expect((await localTimeline()).map(([id]) => id)).toEqual(
      expect.arrayContaining(['b-old-e1', 'b-old-e2', 'b-open-new', localId]),
    );
    // Live queries saw the loaded documents as they were written.
    await expect.poll(() => liveCount, { timeout: 10_000 }).toBe(expected.length);
  });

  it('sends the entry written during the load, and nothing it loaded', () => {
    expect(pushedEvents).toEqual([`events:${localId}`]);
  });

  it('takes a later server change of a loaded entry', async () => {
    const before = (await db.events.findOne('b-recent-e1').exec())!.updatedAt;
    await reopen('b-recent');
    await expect
      .poll(async () => (await db.events.findOne('b-recent-e1').exec())!.updatedAt, { timeout: 30_000 })
      .toBeGreaterThan(before);
    await expect.poll(localTimeline, { timeout: 30_000 }).toEqual(await expectedTimeline());
    expect(pushedEvents).toEqual([`events:${localId}`]);
  });
});
