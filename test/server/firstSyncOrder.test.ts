/**
 * The first sync in order of need, as the endpoint serves it: the tickets' scope in two parts
 * (`part=open`, then `part=closed`), each with its own (updatedAt, id) checkpoint, then the whole
 * scope from the earlier of the two. Tickets that close, reopen or are created while the parts are
 * being walked are neither lost nor left behind: the desk ends with what a desk pulling the whole
 * scope at that moment holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint } from '#shared/protocol.ts';
import type { Ticket } from '#shared/schema/index.ts';
import {
  afterPartPage,
  checkpointOfPhase,
  ticketsPhaseOf,
  type TicketsCheckpoint,
  type TicketsPhase,
} from '#shared/sync/firstSyncOrder.ts';
import { dayMs } from '#shared/sync/workingSet.ts';
import type { ApiClient } from './support/apiClient.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { baseInstant, fresh, ticketDoc, update } from './support/documents.ts';

type Doc = Ticket & { _deleted: boolean };
const windowDays = 90;
const limit = 2;

async function page(api: ApiClient, from: Checkpoint | null, part?: 'open' | 'closed') {
  const q = new URLSearchParams({ scope: 'working', closedWindowDays: String(windowDays), limit: String(limit) });
  if (part) q.set('part', part);
  if (from) {
    q.set('id', from.id);
    q.set('updatedAt', String(from.updatedAt));
  }
  const res = await api.get<{ documents: Doc[]; checkpoint: Checkpoint | null }>(`/api/replication/tickets/pull?${q.toString()}`);
  expect(res.status).toBe(200);
  return res.body;
}

/** The desk's tickets pull, one page per step, through the same phase rules the sync engine uses. */
class PhasedDesk {
  tickets = new Map<string, Doc>();
  stored: TicketsCheckpoint | null = null;
  /** Per part, the ids received: a part never returns a document twice in one walk. */
  received: { open: string[]; closed: string[]; whole: string[] } = { open: [], closed: [], whole: [] };

  get phase(): TicketsPhase {
    return ticketsPhaseOf(this.stored, windowDays);
  }

  /** One pull as the desk's handler makes it: through empty parts to the next page with documents. */
  async step(api: ApiClient): Promise<number> {
    let phase = this.phase;
    for (;;) {
      if (phase.part === null) {
        const res = await page(api, phase.from);
        this.take(res.documents, 'whole');
        if (res.documents.length > 0) this.stored = checkpointOfPhase({ part: null, from: res.checkpoint }, windowDays);
        return res.documents.length;
      }
      const res = await page(api, phase.part === 'open' ? phase.open : phase.closed, phase.part);
      this.take(res.documents, phase.part);
      const after = afterPartPage(phase, res.documents.length, res.checkpoint, windowDays, limit);
      if ('store' in after) {
        this.stored = after.store;
        return res.documents.length;
      }
      phase = after.next;
    }
  }

  private take(docs: Doc[], part: 'open' | 'closed' | 'whole'): void {
    for (const d of docs) {
      this.tickets.set(d.id, d);
      this.received[part].push(d.id);
    }
  }

  state(): Array<[string, number]> {
    return [...this.tickets.values()].map((t) => [t.id, t.updatedAt] as [string, number]).sort();
  }
}

describe.each(backends)('first sync in order of need on %s', (backend) => {
  let server: TestServer;
  const now = baseInstant;
  const closed = (id: string, daysAgo: number) => {
    const at = now - daysAgo * dayMs;
    return ticketDoc({ id, status: 'closed', createdAt: at - dayMs, resolvedAt: at, closedAt: at });
  };
  const resolved = (id: string, daysAgo: number) => {
    const at = now - daysAgo * dayMs;
    return ticketDoc({ id, status: 'resolved', createdAt: at - dayMs, resolvedAt: at, assigneeId: 'agent' });
  };
  const stored = async (id: string) => (await server.asAgent.pullAll<Doc>('tickets')).documents.find((d) => d.id === id)!;
  /** What a desk pulling the whole scope from nothing holds now. */
  const wholeScope = async () => {
    const held = new Map<string, number>();
    let from: Checkpoint | null = null;
    for (;;) {
      const res = await page(server.asAgent, from);
      for (const d of res.documents) held.set(d.id, d.updatedAt);
      from = res.checkpoint;
      if (res.documents.length < limit) return [...held].sort();
    }
  };

  beforeAll(async () => {
    server = await startTestServer(backend, { clock: () => now });
    const tickets = [
      ticketDoc({ id: 'fs-open-1' }),
      ticketDoc({ id: 'fs-open-2' }),
      ticketDoc({ id: 'fs-open-3', assigneeId: 'agent', status: 'in_progress' }),
      closed('fs-closed-1', 5),
      closed('fs-closed-2', 20),
      resolved('fs-resolved', 30),
      closed('fs-archived', 200),
    ];
    expect((await server.asAgent.push('tickets', tickets.map(fresh))).rejected).toEqual([]);
  });
  afterAll(() => server.close());

  it('gives the open tickets first, then the finished ones of the window, each once within its part, and none of the archive', async () => {
    const desk = new PhasedDesk();
    // Every open ticket has arrived before the first finished one: the queue is complete first.
    while (desk.received.closed.length === 0) await desk.step(server.asAgent);
    expect(desk.received.open.sort()).toEqual(['fs-open-1', 'fs-open-2', 'fs-open-3']);
    while ((await desk.step(server.asAgent)) > 0);
    expect(desk.received.closed.sort()).toEqual(['fs-closed-1', 'fs-closed-2', 'fs-resolved']);
    // The whole scope then repeats at most what was written after the earlier part's checkpoint.
    expect(desk.received.whole.every((id) => desk.received.closed.includes(id) || desk.received.open.includes(id))).toBe(true);
    expect(desk.state()).toEqual(await wholeScope());
  });

  it('loses nothing that closes, reopens or is created while the parts are walked', async () => {
    const desk = new PhasedDesk();
    await desk.step(server.asAgent); // the first page of open tickets
    expect(desk.phase.part).toBe('open');
    // Written now, behind the open part's checkpoint or ahead of it: one open ticket is resolved,
    // a resolved one is reopened, and a new one is taken in.
    const open3 = await stored('fs-open-3');
    const res1 = await server.asAgent.push<Ticket>('tickets', [
      update(open3, { ...open3, status: 'resolved', resolvedAt: now, editedAt: now }),
    ]);
    expect(res1.rejected).toEqual([]);
    while (desk.phase.part === 'open') await desk.step(server.asAgent);
    const again = await stored('fs-resolved');
    const res2 = await server.asAgent.push<Ticket>('tickets', [
      update(again, { ...again, status: 'in_progress', resolvedAt: null, editedAt: now }),
      fresh(ticketDoc({ id: 'fs-new' })),
    ]);
    expect(res2.rejected).toEqual([]);
    while ((await desk.step(server.asAgent)) > 0);
    for (const part of ['open', 'closed', 'whole'] as const) {
      expect(new Set(desk.received[part]).size, part).toBe(desk.received[part].length);
    }
    const expected = await wholeScope();
    expect(expected.map(([id]) => id)).toEqual(expect.arrayContaining(['fs-new', 'fs-resolved', 'fs-open-3']));
    expect(desk.state()).toEqual(expected);
    // The local copies are the stored states, not the ones of the first pages.
    expect(desk.tickets.get('fs-resolved')!.status).toBe('in_progress');
    expect(desk.tickets.get('fs-open-3')!.status).toBe('resolved');
  });

  it('refuses a part on another collection, an unknown part, or a part without the scope', async () => {
    for (const [path, query] of [
      ['tickets', 'scope=working&part=all'],
      ['tickets', 'part=open'],
      ['events', 'scope=working&part=open'],
    ] as const) {
      const res = await server.asAgent.get<{ error: { code: string; message: string } }>(
        `/api/replication/${path}/pull?${query}`,
      );
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('invalid_scope');
      expect(res.body.error.message).toMatch(/part/);
    }
  });
});
