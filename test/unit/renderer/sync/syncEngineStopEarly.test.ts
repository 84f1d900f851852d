/**
 * A stop that comes while RxDB is still starting a replication: RxDB's upstream reads its
 * checkpoint before it listens for a cancel, and a cancel in between left a rejection nobody
 * handled (a sign-out or a switch of endpoint right after a start).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { ApiClient } from '../../../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../../../renderer/src/sync/clock.ts';
import { SyncEngine } from '../../../../renderer/src/sync/syncEngine.ts';

const emptyEndpoint: typeof fetch = async (input) => {
  const url = String(input);
  if (url.includes('/pull/stream')) {
    return new Response(new ReadableStream<Uint8Array>({ start: () => undefined }), {
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
    });
  }
  if (url.includes('/pull')) return Response.json({ documents: [], checkpoint: null });
  return Response.json({ conflicts: [], rejected: [] });
};

let db: DeskDatabase;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeEach(async () => {
  db = await openDatabase({ name: `stop_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await db.remove();
});

type Started = { internalReplicationState?: unknown };

it('a stop at any moment of a start leaves no rejection behind', async () => {
  for (let delay = 0; delay < 12; delay++) {
    const api = new ApiClient({
      baseUrl: 'http://desk.test',
      getToken: () => 't',
      clock: new ServerClock(),
      fetch: emptyEndpoint,
    });
    const engine = new SyncEngine({ db, api });
    engine.start();
    const tickets = (engine as unknown as { replications: Map<string, Started> }).replications.get('tickets');
    // The moment RxDB has made its inner replication: the upstream is reading its checkpoint.
    await expect.poll(() => tickets?.internalReplicationState, { interval: 1, timeout: 5_000 }).toBeDefined();
    for (let i = 0; i < delay; i++) await new Promise((r) => setTimeout(r, 0));
    await engine.stop();
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(unhandled).toEqual([]);
}, 30_000);
