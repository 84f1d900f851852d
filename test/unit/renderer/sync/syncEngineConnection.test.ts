/**
 * The sync engine against a fake endpoint that goes away and comes back: the status turns offline
 * from the live streams alone (no pull or push runs while the desk is idle), and online again,
 * with a pull of what was missed, when the endpoint returns.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { ApiClient } from '../../../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../../../renderer/src/sync/clock.ts';
import { SyncEngine, streamedCollections, type SyncStatus } from '../../../../renderer/src/sync/syncEngine.ts';

/** A fake central endpoint: empty collections, live streams kept open until it goes down. */
class FakeEndpoint {
  up = true;
  pulls = 0;
  /** Live streams asked for: the engine opens one per streamed collection, at once, when it starts. */
  streamsOpened = 0;
  private readonly open = new Set<ReadableStreamDefaultController<Uint8Array>>();

  readonly fetch: typeof fetch = async (input) => {
    const url = String(input);
    if (!this.up) throw new TypeError('Failed to fetch');
    if (url.includes('/pull/stream')) {
      this.streamsOpened += 1;
      const body = new ReadableStream<Uint8Array>({
        start: (c) => void this.open.add(c),
        cancel: () => undefined,
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }
    if (url.includes('/pull')) {
      this.pulls += 1;
      return Response.json({ documents: [], checkpoint: null });
    }
    return Response.json({ conflicts: [], rejected: [] });
  };

  /** Graceful stop, as the server does on SIGTERM: streams closed, then nothing answers. */
  goDown(): void {
    this.up = false;
    for (const c of this.open) c.close();
    this.open.clear();
  }
}

let db: DeskDatabase;
let engine: SyncEngine | null = null;

beforeEach(async () => {
  db = await openDatabase({ name: `engine_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
});
afterEach(async () => {
  vi.useRealTimers();
  await engine?.stop();
  engine = null;
  await db.remove();
});

function startEngine(endpoint: FakeEndpoint): { last: () => SyncStatus | null } {
  let last: SyncStatus | null = null;
  const api = new ApiClient({
    baseUrl: 'http://desk.test',
    getToken: () => 'token',
    clock: new ServerClock(),
    fetch: endpoint.fetch,
  });
  engine = new SyncEngine({ db, api, onStatus: (s) => void (last = s) });
  engine.start();
  return { last: () => last };
}

describe('sync engine connection state', () => {
  it('turns offline when the endpoint goes away while idle, and online again with a pull when it returns', async () => {
    const endpoint = new FakeEndpoint();
    const { last } = startEngine(endpoint);
    await expect.poll(() => last()?.state, { timeout: 10_000 }).toBe('online');
    // Every collection's first pull is reported (the queue says «loading» until the tickets' is done).
    await expect
      .poll(() => [...(last()?.caughtUp ?? [])].sort(), { timeout: 10_000 })
      .toEqual(['agents', 'clients', 'config', 'events', 'kb', 'templates', 'tickets']);

    const pullsBefore = endpoint.pulls;
    endpoint.goDown();
    // The streams reconnect after about half a second and fail: offline well before the 30 s poll.
    await expect.poll(() => last()?.state, { timeout: 5_000 }).toBe('offline');
    expect(endpoint.pulls).toBe(pullsBefore);

    endpoint.up = true;
    await expect.poll(() => last()?.state, { timeout: 15_000 }).toBe('online');
    // The reconnect asked RxDB for what was missed.
    await expect.poll(() => endpoint.pulls, { timeout: 5_000 }).toBeGreaterThan(pullsBefore);
  }, 30_000);

  it('starts offline when the endpoint cannot be reached at all (a reload while it is away)', async () => {
    const endpoint = new FakeEndpoint();
    endpoint.up = false;
    const { last } = startEngine(endpoint);
    await expect.poll(() => last()?.state, { timeout: 5_000 }).toBe('offline');
    expect(last()?.caughtUp).toEqual([]);
  });
});

/**
 * An engine that starts asks the endpoint for its live streams at once, so "not started" is seen
 * from the endpoint; a fake clock runs far ahead so a start put off by a timer would show too.
 */
describe('sync engine start after the first screen (startWhen)', () => {
  function engineFor(endpoint: FakeEndpoint): SyncEngine {
    const api = new ApiClient({
      baseUrl: 'http://desk.test',
      getToken: () => 'token',
      clock: new ServerClock(),
      fetch: endpoint.fetch,
    });
    engine = new SyncEngine({ db, api });
    return engine;
  }

  it('pulls nothing until the first screen is there, then starts', async () => {
    const endpoint = new FakeEndpoint();
    const sync = engineFor(endpoint);
    let shown!: () => void;
    vi.useFakeTimers();
    sync.startWhen(new Promise<void>((resolve) => (shown = resolve)));
    await vi.advanceTimersByTimeAsync(600_000);
    expect([endpoint.streamsOpened, endpoint.pulls]).toEqual([0, 0]);
    vi.useRealTimers();
    shown();
    await expect.poll(() => endpoint.pulls, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(endpoint.streamsOpened).toBe(streamedCollections.length);
  });

  it('a stop before the first screen cancels the pending start (nothing is pushed after a sign-out)', async () => {
    const endpoint = new FakeEndpoint();
    const sync = engineFor(endpoint);
    let shown!: () => void;
    const firstScreen = new Promise<void>((resolve) => (shown = resolve));
    sync.startWhen(firstScreen);
    await sync.stop();
    vi.useFakeTimers();
    shown();
    // The engine's reaction to the first screen was registered first: it has run by now.
    await firstScreen;
    await vi.advanceTimersByTimeAsync(600_000);
    expect([endpoint.streamsOpened, endpoint.pulls]).toEqual([0, 0]);
  });

  it('an explicit start in the meantime is not doubled when the first screen comes', async () => {
    const endpoint = new FakeEndpoint();
    const sync = engineFor(endpoint);
    let shown!: () => void;
    const firstScreen = new Promise<void>((resolve) => (shown = resolve));
    sync.startWhen(firstScreen);
    sync.start();
    await sync.awaitInitialReplication();
    expect(endpoint.streamsOpened).toBe(streamedCollections.length);
    shown();
    await firstScreen;
    // A second start would have replaced the replications: their first pulls are awaited here.
    await sync.awaitInitialReplication();
    // One stream per streamed collection, kept open; a second start would open them all again.
    expect(endpoint.streamsOpened).toBe(streamedCollections.length);
  });
});
