/**
 * The desk starts while the endpoint is away; when it returns, the pull's retry comes back before
 * the live stream's, and a change is committed in between (here: the server numbers the ticket
 * the desk made offline). The stream only carries changes after its start, and no further pull
 * is due, so the stream's first connection must ask RxDB to pull again. The fake endpoint orders
 * the events itself; nothing depends on timing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { defaultSlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { openDatabase, type DeskDatabase } from '../../../../renderer/src/db/database.ts';
import { createTicket } from '../../../../renderer/src/db/ticketRepository.ts';
import { ApiClient } from '../../../../renderer/src/sync/apiClient.ts';
import { ServerClock } from '../../../../renderer/src/sync/clock.ts';
import { SyncEngine, type SyncStatus } from '../../../../renderer/src/sync/syncEngine.ts';
import { agent, monday10, ticketInput } from '../../../support/ticketFactory.ts';

type Doc = Record<string, unknown> & { id: string; updatedAt: number };

/**
 * down: nothing answers. back: pulls answer; a tickets push waits until a tickets pull has been
 * answered, then is stored (numbered) and answered; streams fail until then, and afterwards
 * connect but send nothing (the change predates them).
 */
class ReturningEndpoint {
  phase: 'down' | 'back' = 'down';
  ticketsStored = false;
  private clock = monday10;
  private readonly stored = new Map<string, Map<string, Doc>>();
  private ticketsPulled = false;
  private pushWaiting: (() => void) | null = null;

  private collection(url: string): Map<string, Doc> {
    const name = /replication\/([a-z]+)\//.exec(url)![1]!;
    let c = this.stored.get(name);
    if (!c) this.stored.set(name, (c = new Map()));
    return c;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = String(input);
    if (this.phase === 'down') throw new TypeError('Failed to fetch');
    if (url.includes('/pull/stream')) {
      if (!this.ticketsStored) throw new TypeError('Failed to fetch');
      return new Response(new ReadableStream<Uint8Array>({ start: () => undefined }), {
        status: 200,
        headers: { 'content-type': 'text/event-stream' },
      });
    }
    if (url.includes('/pull')) {
      const q = new URL(url).searchParams;
      const after = q.has('updatedAt') ? { updatedAt: Number(q.get('updatedAt')), id: q.get('id')! } : null;
      const docs = [...this.collection(url).values()]
        .filter((d) => !after || d.updatedAt > after.updatedAt || (d.updatedAt === after.updatedAt && d.id > after.id))
        .sort((a, b) => a.updatedAt - b.updatedAt || (a.id < b.id ? -1 : 1))
        .slice(0, Number(q.get('limit')));
      const last = docs.at(-1);
      if (url.includes('/tickets/')) {
        this.ticketsPulled = true;
        const waiting = this.pushWaiting;
        this.pushWaiting = null;
        queueMicrotask(() => waiting?.());
      }
      return Response.json({ documents: docs, checkpoint: last ? { id: last.id, updatedAt: last.updatedAt } : null });
    }
    const tickets = url.includes('/tickets/');
    if (tickets && !this.ticketsPulled) await new Promise<void>((resolve) => (this.pushWaiting = resolve));
    const rows = JSON.parse(String(init?.body)) as Array<{ newDocumentState: Doc }>;
    const target = this.collection(url);
    for (const { newDocumentState: doc } of rows) {
      this.clock += 1;
      target.set(doc.id, { ...doc, updatedAt: this.clock, ...(tickets ? { number: '2026-000001' } : {}) });
    }
    if (tickets) this.ticketsStored = true;
    return Response.json({ conflicts: [], rejected: [] });
  };
}

let db: DeskDatabase;
let engine: SyncEngine | null = null;

beforeEach(async () => {
  db = await openDatabase({ name: `gap_${Math.random().toString(36).slice(2)}`, indexedDB, IDBKeyRange, devMode: true });
});
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await db.remove();
});

describe('sync engine: changes between the first pull and the stream', () => {
  it('a ticket made offline gets its server number after a start while the endpoint was away', async () => {
    let n = 0;
    const ticket = await createTicket(db, ticketInput, {
      actor: agent,
      now: () => monday10,
      sla: defaultSlaSetup(),
      newId: () => `00000000-0000-4000-8000-00000000000${++n}`,
    });
    expect(ticket.number).toBeNull();

    const endpoint = new ReturningEndpoint();
    let last: SyncStatus | null = null;
    const api = new ApiClient({
      baseUrl: 'http://desk.test',
      getToken: () => 'token',
      clock: new ServerClock(),
      fetch: endpoint.fetch,
    });
    engine = new SyncEngine({ db, api, onStatus: (s) => void (last = s) });
    engine.start();
    await expect.poll(() => last?.state, { timeout: 5_000 }).toBe('offline');

    endpoint.phase = 'back';
    await expect.poll(() => endpoint.ticketsStored, { timeout: 15_000 }).toBe(true);
    await expect.poll(() => last?.state, { timeout: 25_000 }).toBe('online');
    await expect
      .poll(async () => (await db.tickets.findOne(ticket.id).exec())?.number ?? null, { timeout: 10_000 })
      .toBe('2026-000001');
  }, 60_000);
});
