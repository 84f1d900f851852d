/**
 * The working set is per workspace, not per agent: after a sign-out with nothing waiting, another
 * agent signing in on the same desk finds it stored. An agent's unsent change is never pushed under
 * the next agent's account: a sign-out with anything waiting removes the local data with it.
 * Against a real endpoint, RxDB on fake-indexeddb.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import type { PushRow } from '#shared/protocol.ts';
import type { Ticket } from '#shared/schema/index.ts';
import { databaseNameFor, openDatabase, type DeskDatabase } from '../../renderer/src/db/database.ts';
import { updateTicket } from '../../renderer/src/db/ticketRepository.ts';
import { ApiClient } from '../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../renderer/src/sync/clock.ts';
import { SyncEngine } from '../../renderer/src/sync/syncEngine.ts';
import { releaseLocalData } from '../../renderer/src/services/session/workspace.ts';
import { backends } from './support/testDatabase.ts';
import { signedIn, startTestServer, type TestServer } from './support/testServer.ts';
import { fresh, ticketDoc } from './support/documents.ts';

describe('signing out and in on one desk', () => {
  let server: TestServer;
  let name: string;
  let secondToken: string;
  /** Documents each account pushed, by the token that pushed them. */
  const pushedBy = new Map<string, string[]>();

  const open = () => openDatabase({ name, indexedDB, IDBKeyRange, devMode: true });
  const engineFor = (db: DeskDatabase, token: string) => {
    const api = new ApiClient({ baseUrl: server.url, getToken: () => token, clock: new ServerClock() });
    const push = api.push.bind(api);
    api.push = <T>(collection: Parameters<ApiClient['push']>[0], rows: Array<PushRow<T>>) => {
      pushedBy.set(token, [
        ...(pushedBy.get(token) ?? []),
        ...rows.map((r) => (r.newDocumentState as unknown as { id: string }).id),
      ]);
      return push(collection, rows);
    };
    return new SyncEngine({ db, api });
  };

  beforeAll(async () => {
    server = await startTestServer(backends[0]!);
    name = `${databaseNameFor(server.url)}_${process.pid}`;
    secondToken = (await signedIn(server.database, 'agent')).token;
    const tickets = [ticketDoc({ id: 'so-1', assigneeId: 'agent', status: 'in_progress' }), ticketDoc({ id: 'so-2' })];
    expect((await server.asAgent.push('tickets', tickets.map(fresh))).rejected).toEqual([]);
  }, 60_000);
  afterAll(() => server.close());

  it('names the local database after the endpoint alone', () => {
    expect(databaseNameFor('https://desk.example.ru')).toBe(databaseNameFor('https://desk.example.ru'));
    expect(databaseNameFor('https://desk.example.ru')).not.toBe(databaseNameFor('https://other.example.ru'));
  });

  it('keeps the working set for the next agent when nothing waits to be sent', async () => {
    const db = await open();
    const first = engineFor(db, server.asAgent.token!);
    first.start();
    await first.awaitInitialReplication();
    await first.stop();
    expect(await releaseLocalData(db)).toBe('kept');

    const again = await open();
    // Before the next agent's replication has run, the tickets are there.
    expect((await again.tickets.find().exec()).map((t) => t.id).sort()).toEqual(['so-1', 'so-2']);
    const second = engineFor(again, secondToken);
    second.start();
    await second.awaitInitialReplication();
    await second.awaitInSync();
    expect(pushedBy.get(secondToken) ?? []).toEqual([]);
    await second.stop();
    expect(await releaseLocalData(again)).toBe('kept');
  });

  it('removes an unsent change with the local data, so the next agent never pushes it', async () => {
    const db = await open();
    const ctx = {
      actor: { id: 'agent', name: 'Агент', role: 'agent' as const },
      now: () => Date.now(),
      sla: defaultSlaSetup(),
      newId: () => crypto.randomUUID(),
    };
    // Written with replication stopped: the change waits in the outbox.
    await updateTicket(db, 'so-1', { subject: 'Не отправлено до выхода' }, ctx);
    expect(await db.outbox.count().exec()).toBeGreaterThan(0);
    expect(await releaseLocalData(db)).toBe('removed');

    const again = await open();
    expect(await again.tickets.count().exec()).toBe(0);
    const second = engineFor(again, secondToken);
    second.start();
    await second.awaitInitialReplication();
    await second.awaitInSync();
    expect(pushedBy.get(secondToken) ?? []).toEqual([]);
    const stored = (await server.asAgent.pullAll<Ticket>('tickets')).documents.find((d) => d.id === 'so-1')!;
    expect(stored.subject).not.toBe('Не отправлено до выхода');
    expect(await again.tickets.findOne('so-1').exec()).not.toBeNull();
    await second.stop();
    await again.remove();
  });
});
