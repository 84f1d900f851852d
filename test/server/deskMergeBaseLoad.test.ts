/**
 * The bulk first load of the documents a desk edits (the window's finished tickets, the knowledge
 * base) against a real endpoint (RxDB on fake-indexeddb): each is stored with its merge base, so
 * that a later local edit is merged with a colleague's change made meanwhile, not written over it.
 * Nothing loaded is sent back, and the pull goes on from where the load ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { WithDeleted } from '#shared/protocol.ts';
import type { KbArticle, Ticket } from '#shared/schema/index.ts';
import { dayMs } from '#shared/sync/workingSet.ts';
import { openDatabase, type DeskDatabase } from '../../renderer/src/db/database.ts';
import { ApiClient, ApiRequestError } from '../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../renderer/src/sync/clock.ts';
import { SyncEngine } from '../../renderer/src/sync/syncEngine.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { fresh, kbDoc, ticketDoc, update } from './support/documents.ts';
import { recordPushes } from './support/deskPushes.ts';

const now = Date.now();
/** More than one page of the load (1000). */
const finishedCount = 1_100;
const resolved = (n: number) => {
  const at = now - (n % 60) * dayMs - dayMs;
  return ticketDoc({ id: `m-${n}`, status: 'resolved', createdAt: at - dayMs, resolvedAt: at, assigneeId: 'agent' });
};

/** Stores tickets on the endpoint in batches, every one accepted. */
async function seedTickets(server: TestServer, tickets: Array<WithDeleted<Ticket>>): Promise<void> {
  for (let i = 0; i < tickets.length; i += 500) {
    expect((await server.asAgent.push('tickets', tickets.slice(i, i + 500).map(fresh))).rejected).toEqual([]);
  }
}

describe('the bulk first load with merge bases', () => {
  let server: TestServer;
  let db: DeskDatabase;
  let api: ApiClient;
  let engine: SyncEngine;
  let pushed: string[] = [];
  const loadPages: string[] = [];

  const master = async <T extends { id: string }>(collection: 'tickets' | 'kb', id: string, client = server.asAgent) =>
    (await client.pullAll<T>(collection)).documents.find((d) => d.id === id)!;
  const startEngine = () => {
    engine = new SyncEngine({ db, api, pullBatchSize: 100 });
    engine.start();
  };

  beforeAll(async () => {
    server = await startTestServer(backends[0]!);
    const tickets = [
      ticketDoc({ id: 'm-open', createdAt: now - dayMs }),
      ...Array.from({ length: finishedCount }, (_, n) => resolved(n)),
    ];
    await seedTickets(server, tickets);
    const articles = Array.from({ length: 3 }, (_, n) =>
      kbDoc({ id: `m-kb-${n}`, status: 'published', createdBy: 'head', editedBy: 'head' }),
    );
    expect((await server.asHead.push('kb', articles.map(fresh))).rejected).toEqual([]);

    db = await openDatabase({ name: `mb_${process.pid}_${Date.now()}`, indexedDB, IDBKeyRange, devMode: true });
    api = new ApiClient({ baseUrl: server.url, getToken: () => server.asHead.token, clock: new ServerClock() });
    const pull = api.pull.bind(api);
    api.pull = ((...args: Parameters<ApiClient['pull']>) => {
      const [collection, , limit, , part] = args;
      if (limit === 1000 && (collection === 'kb' || part === 'closed')) loadPages.push(`${collection}:${part ?? ''}`);
      return pull(...args);
    }) as ApiClient['pull'];
    pushed = recordPushes(api, ['tickets', 'kb']);
    startEngine();
  }, 180_000);
  afterAll(async () => {
    await engine.stop();
    await db.remove();
    await server.close();
  });

  it('loads the finished tickets and the articles in bulk, each once, and sends none back', async () => {
    await engine.awaitInitialReplication();
    await engine.awaitInSync();
    expect(loadPages.filter((p) => p === 'tickets:closed').length).toBeGreaterThanOrEqual(2);
    expect(loadPages).toContain('kb:');
    const ids = (await db.tickets.find().exec()).map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(finishedCount + 1);
    expect((await db.kb.find().exec()).map((a) => a.id).sort()).toEqual(['m-kb-0', 'm-kb-1', 'm-kb-2']);
    expect(pushed).toEqual([]);
  });

  it('takes a later server change of a loaded ticket', async () => {
    const before = await master<Ticket>('tickets', 'm-3');
    const res = await server.asAgent.push<Ticket>('tickets', [
      update(before, { ...before, subject: 'Шлагбаум: уточнённая тема', editedAt: Date.now() }),
    ]);
    expect(res.rejected).toEqual([]);
    await expect
      .poll(async () => (await db.tickets.findOne('m-3').exec())?.subject, { timeout: 30_000 })
      .toBe('Шлагбаум: уточнённая тема');
  });

  it("merges a desk's edit of a loaded ticket with a colleague's change made meanwhile", async () => {
    await engine.stop();
    // A colleague changes the subject while this desk is away; then the desk tags the ticket.
    const before = await master<Ticket>('tickets', 'm-7');
    const colleague = await server.asAgent.push<Ticket>('tickets', [
      update(before, { ...before, subject: 'Тема от коллеги', editedAt: Date.now() }),
    ]);
    expect(colleague.rejected).toEqual([]);
    const local = (await db.tickets.findOne('m-7').exec())!;
    await local.incrementalPatch({ tags: [...local.tags, 'проверено'], editedAt: Date.now() + 1_000 });
    startEngine();
    await engine.awaitInitialReplication();
    await engine.awaitInSync();
    await expect
      .poll(
        async () => {
          const m = await master<Ticket>('tickets', 'm-7');
          return { subject: m.subject, tags: m.tags };
        },
        { timeout: 30_000 },
      )
      .toEqual({ subject: 'Тема от коллеги', tags: [...before.tags, 'проверено'] });
    await expect.poll(async () => (await db.tickets.findOne('m-7').exec())?.subject, { timeout: 30_000 }).toBe('Тема от коллеги');
  });

  it("merges a desk's edit of a loaded article with the head's change made meanwhile", async () => {
    await engine.stop();
    const before = await master<KbArticle>('kb', 'm-kb-1', server.asHead);
    const other = await server.asHead.push<KbArticle>('kb', [
      update(before, { ...before, body: '# Камера\n\nНовый текст от коллеги.', editedAt: Date.now() }),
    ]);
    expect(other.rejected).toEqual([]);
    const local = (await db.kb.findOne('m-kb-1').exec())!;
    await local.incrementalPatch({ title: 'Распознавание номеров: настройка', editedAt: Date.now() + 1_000 });
    startEngine();
    await engine.awaitInitialReplication();
    await engine.awaitInSync();
    await expect
      .poll(
        async () => {
          const m = await master<KbArticle>('kb', 'm-kb-1', server.asHead);
          return { title: m.title, body: m.body, conflictDraft: m.conflictDraft };
        },
        { timeout: 30_000 },
      )
      .toEqual({ title: 'Распознавание номеров: настройка', body: '# Камера\n\nНовый текст от коллеги.', conflictDraft: null });
  });
});

describe('a bulk load with merge bases that loses the endpoint midway', () => {
  let server: TestServer;
  let db: DeskDatabase;
  let engine: SyncEngine;
  const closedPages: Array<string | null> = [];
  let pushed: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(backends[0]!);
    const tickets = Array.from({ length: 2_100 }, (_, n) => resolved(n));
    await seedTickets(server, tickets);
    db = await openDatabase({ name: `mbf_${process.pid}_${Date.now()}`, indexedDB, IDBKeyRange, devMode: true });
    const api = new ApiClient({ baseUrl: server.url, getToken: () => server.asAgent.token, clock: new ServerClock() });
    const pull = api.pull.bind(api);
    let failed = false;
    api.pull = (async (...args: Parameters<ApiClient['pull']>) => {
      const [collection, after, limit, , part] = args;
      if (collection === 'tickets' && part === 'closed' && limit === 1000) {
        closedPages.push(after ? after.id : null);
        // The load's third page is lost once, as a dropped connection would lose it.
        if (closedPages.length === 3 && !failed) {
          failed = true;
          throw new ApiRequestError('network', 0, 'network', 'соединение прервано');
        }
      }
      return pull(...args);
    }) as ApiClient['pull'];
    pushed = recordPushes(api, ['tickets']);
    engine = new SyncEngine({ db, api, pullBatchSize: 100 });
    engine.start();
  }, 180_000);
  afterAll(async () => {
    await engine.stop();
    await db.remove();
    await server.close();
  });

  it('goes on from the page it had reached, and ends with every ticket once and none sent back', async () => {
    await engine.awaitInitialReplication();
    await engine.awaitInSync();
    const ids = (await db.tickets.find().exec()).map((t) => t.id);
    expect(ids.length).toBe(2_100);
    expect(new Set(ids).size).toBe(ids.length);
    // The load started once from the part's start: the retry asked again for the page it had reached.
    expect(closedPages.filter((after) => after === null)).toHaveLength(1);
    expect(closedPages[3]).toBe(closedPages[2]);
    expect(pushed).toEqual([]);
  });
});
