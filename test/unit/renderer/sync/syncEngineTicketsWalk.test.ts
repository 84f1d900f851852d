/**
 * A first sync walks the tickets in parts (open, closed, then the whole scope). The endpoint
 * streams changes all the while (a save of this desk or another's, streamed back): RxDB drops a
 * request to pull again that is queued behind the stream's documents, and the walk must go on
 * to its next part all the same.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { ApiClient } from '../../../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../../../renderer/src/sync/clock.ts';
import { SyncEngine } from '../../../../renderer/src/sync/syncEngine.ts';
import { makeTicket } from '../../../support/ticketFactory.ts';

const now = Date.now();
const open = { ...makeTicket({ id: 't-open' }), updatedAt: now - 2_000 };
const closed = {
  ...makeTicket({ id: 't-closed', status: 'closed', resolvedAt: now - 86_400_000, closedAt: now - 86_400_000 }),
  updatedAt: now - 1_000,
};

/** Answers the walk's pulls; streams a change of the open ticket every few milliseconds. */
class StreamingEndpoint {
  readonly ticketPulls: string[] = [];
  private stamp = now;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly encoder = new TextEncoder();

  readonly fetch: typeof fetch = async (input) => {
    const url = new URL(String(input));
    if (url.pathname.endsWith('/pull/stream')) {
      const tickets = url.pathname.includes('/tickets/');
      return new Response(
        new ReadableStream<Uint8Array>({
          start: (controller) => {
            controller.enqueue(this.encoder.encode(': connected\n\n'));
            if (!tickets) return;
            this.timers.push(
              setInterval(() => {
                const doc = { ...open, subject: `Правка ${++this.stamp}`, updatedAt: this.stamp };
                const page = { documents: [doc], checkpoint: { id: doc.id, updatedAt: doc.updatedAt } };
                controller.enqueue(this.encoder.encode(`data: ${JSON.stringify(page)}\n\n`));
              }, 3),
            );
          },
        }),
        { status: 200, headers: { 'content-type': 'text/event-stream' } },
      );
    }
    if (url.pathname.endsWith('/pull')) {
      if (!url.pathname.includes('/tickets/')) return Response.json({ documents: [], checkpoint: null });
      const part = url.searchParams.get('part') ?? 'whole';
      this.ticketPulls.push(part);
      const after = Number(url.searchParams.get('updatedAt') ?? 0);
      const docs = part === 'open' ? [open] : part === 'closed' ? [closed] : [];
      const page = docs.filter((d) => d.updatedAt > after);
      const last = page.at(-1);
      return Response.json({ documents: page, checkpoint: last ? { id: last.id, updatedAt: last.updatedAt } : null });
    }
    return Response.json({ conflicts: [], rejected: [] });
  };

  close(): void {
    for (const t of this.timers) clearInterval(t);
  }
}

let db: DeskDatabase;
let engine: SyncEngine | null = null;
let endpoint: StreamingEndpoint;

beforeEach(async () => {
  db = await openDatabase({ name: `walk_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
  endpoint = new StreamingEndpoint();
});
afterEach(async () => {
  endpoint.close();
  await engine?.stop();
  engine = null;
  await db.remove();
});

it('walks the tickets through every part while the endpoint streams changes', async () => {
  const api = new ApiClient({
    baseUrl: 'http://desk.test',
    getToken: () => 'token',
    clock: new ServerClock(),
    fetch: endpoint.fetch,
  });
  engine = new SyncEngine({ db, api, workingSet: true });
  engine.start();
  await expect.poll(() => endpoint.ticketPulls.includes('whole'), { timeout: 15_000, interval: 50 }).toBe(true);
  await engine.awaitInitialReplicationOf('tickets');
  expect(endpoint.ticketPulls.slice(0, 2)).toEqual(['open', 'closed']);
  expect((await db.tickets.find().exec()).map((d) => d.id).sort()).toEqual(['t-closed', 't-open']);
}, 30_000);
