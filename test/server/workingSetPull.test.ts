/**
 * The scoped pull of the working set: open tickets and their timelines, tickets closed within the
 * window with the entries of theirs the desk reads offline; the (updatedAt, id) checkpoint
 * contract across the window's edge. A desk that pulls incrementally and drops what the shared
 * rule says has aged out must always hold what a fresh desk pulling from scratch at that moment
 * would hold: nothing lost, nothing twice. It may hold more of a finished ticket's timeline (the
 * entries it pulled while the ticket was open), and only of tickets it keeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint } from '#shared/protocol.ts';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { dayMs, inWorkingSet, travelsWithClosedTicket } from '#shared/sync/workingSet.ts';
import type { ApiClient } from './support/apiClient.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { baseInstant, eventDoc, fresh, ticketDoc, update } from './support/documents.ts';

type Doc<T> = T & { _deleted: boolean };
const windowDays = 90;

async function scopedPull<T extends { id: string }>(
  api: ApiClient,
  collection: 'tickets' | 'events',
  from: Checkpoint | null,
  limit = 2,
): Promise<{ documents: Array<Doc<T>>; checkpoint: Checkpoint | null }> {
  const documents: Array<Doc<T>> = [];
  let checkpoint = from;
  for (;;) {
    const q = new URLSearchParams({ scope: 'working', closedWindowDays: String(windowDays), limit: String(limit) });
    if (checkpoint) {
      q.set('id', checkpoint.id);
      q.set('updatedAt', String(checkpoint.updatedAt));
    }
    const res = await api.get<{ documents: Array<Doc<T>>; checkpoint: Checkpoint | null }>(
      `/api/replication/${collection}/pull?${q.toString()}`,
    );
    expect(res.status).toBe(200);
    documents.push(...res.body.documents);
    checkpoint = res.body.checkpoint;
    if (res.body.documents.length < limit) break;
  }
  // Within one run of pages a document comes at most once.
  expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
  return { documents, checkpoint };
}

/** A desk's local database as far as the working set goes: pulled documents, minus what aged out. */
class Desk {
  tickets = new Map<string, Doc<Ticket>>();
  events = new Map<string, Doc<TicketEvent>>();
  private ticketsAt: Checkpoint | null = null;
  private eventsAt: Checkpoint | null = null;

  async sync(api: ApiClient, now: number): Promise<{ tickets: string[]; events: string[] }> {
    const t = await scopedPull<Ticket>(api, 'tickets', this.ticketsAt);
    const e = await scopedPull<TicketEvent>(api, 'events', this.eventsAt);
    for (const d of t.documents) this.tickets.set(d.id, d);
    for (const d of e.documents) this.events.set(d.id, d);
    this.ticketsAt = t.checkpoint;
    this.eventsAt = e.checkpoint;
    this.purge(now);
    return { tickets: t.documents.map((d) => d.id), events: e.documents.map((d) => d.id) };
  }

  /** The local drop: tickets out of the window, and the events of tickets dropped or out of it. */
  purge(now: number): void {
    for (const [id, t] of this.tickets) if (!t._deleted && !inWorkingSet(t, now, windowDays)) this.tickets.delete(id);
    for (const [id, e] of this.events) {
      const t = this.tickets.get(e.ticketId);
      if (!t && e.ticketId !== ghostTicketId) this.events.delete(id);
    }
  }

  state(): { tickets: Array<[string, number]>; events: string[] } {
    return {
      tickets: [...this.tickets.values()].map((t) => [t.id, t.updatedAt] as [string, number]).sort(),
      events: [...this.events.keys()].sort(),
    };
  }
}

const ghostTicketId = 'ws-ghost';

describe.each(backends)('working-set pull on %s', (backend) => {
  let server: TestServer;
  let now = baseInstant;
  const desk = new Desk();

  const freshDesk = async () => {
    const d = new Desk();
    await d.sync(server.asAgent, now);
    return d.state();
  };
  const expectHoldsWhatAFreshDeskHolds = async () => {
    const fresh = await freshDesk();
    const mine = desk.state();
    expect(mine.tickets).toEqual(fresh.tickets);
    expect(fresh.events.filter((id) => !mine.events.includes(id))).toEqual([]);
    // The rest of a finished ticket's timeline, pulled while it was open: only of a ticket kept.
    for (const id of mine.events.filter((e) => !fresh.events.includes(e))) {
      const held = desk.events.get(id)!;
      expect(desk.tickets.has(held.ticketId), id).toBe(true);
      expect(travelsWithClosedTicket(held), id).toBe(false);
    }
  };
  /** A pull with no checkpoint hashes the finished tickets (workingSetScope.ts): the same rule as the walk. */
  const expectSameFromStart = async () => {
    const fromStart = await scopedPull<TicketEvent>(server.asAgent, 'events', null, 1000);
    const walked = await scopedPull<TicketEvent>(server.asAgent, 'events', { id: ' ', updatedAt: 0 }, 1000);
    const ids = fromStart.documents.map((d) => d.id);
    expect(ids).toEqual(walked.documents.map((d) => d.id));
    return ids;
  };
  const stored = async (id: string) => {
    const all = await server.asAgent.pullAll<Ticket>('tickets');
    return all.documents.find((d) => d.id === id)!;
  };
  const closed = (id: string, at: number) =>
    ticketDoc({ id, status: 'closed', createdAt: at - dayMs, resolvedAt: at, closedAt: at });
  // Resolved and never confirmed: the client may still answer (a reopen) or the closure be confirmed.
  const resolved = (id: string, at: number) =>
    ticketDoc({ id, status: 'resolved', createdAt: at - dayMs, resolvedAt: at, assigneeId: 'agent' });

  beforeAll(async () => {
    server = await startTestServer(backend, { clock: () => now });
    const tickets = [
      ticketDoc({ id: 'ws-open' }),
      closed('ws-recent', baseInstant - 10 * dayMs),
      closed('ws-edge', baseInstant - 89 * dayMs),
      closed('ws-old', baseInstant - 100 * dayMs),
      resolved('ws-resolved', baseInstant - 200 * dayMs),
      resolved('ws-late', baseInstant - 150 * dayMs),
    ];
    expect((await server.asAgent.push('tickets', tickets.map(fresh))).rejected).toEqual([]);
    // e1 is an entry of the whole timeline only (a note), e2 one the KPI report reads.
    const events = [...tickets.map((t) => t.id), ghostTicketId].flatMap((ticketId) => [
      eventDoc({ id: `${ticketId}-e1`, ticketId }),
      eventDoc({ id: `${ticketId}-e2`, ticketId, kind: 'assigned', data: { from: '', to: 'agent' } }),
    ]);
    // A reply written from a script: the scripts' usage counts read it.
    events.push(eventDoc({ id: 'ws-recent-s1', ticketId: 'ws-recent', kind: 'reply', data: { templateId: 'tpl-1' } }));
    expect((await server.asAgent.push('events', events.map(fresh))).rejected).toEqual([]);
  });
  afterAll(() => server.close());

  it('holds open tickets with their timelines, tickets closed within the window with the entries read offline, and events of tickets not stored', async () => {
    const got = await desk.sync(server.asAgent, now);
    expect(got.tickets.sort()).toEqual(['ws-edge', 'ws-open', 'ws-recent']);
    expect(got.events.sort()).toEqual(
      [...[ghostTicketId, 'ws-open'].flatMap((t) => [`${t}-e1`, `${t}-e2`]), 'ws-edge-e2', 'ws-recent-e2', 'ws-recent-s1'].sort(),
    );
  });

  it('sends the same timeline to a pull from the start (the finished tickets hashed) as to a walk from before the first entry', async () => {
    const ids = await expectSameFromStart();
    expect(ids).toEqual(expect.arrayContaining(['ws-open-e1', 'ws-recent-e2', 'ws-recent-s1', `${ghostTicketId}-e1`]));
    expect(ids).not.toContain('ws-recent-e1');
    expect(ids).not.toContain('ws-old-e2');
  });

  it('sends a ticket that closes as a change, and keeps it while it is within the window', async () => {
    const master = await stored('ws-open');
    const res = await server.asAgent.push<Ticket>('tickets', [
      update(master, { ...master, status: 'closed', resolvedAt: now, closedAt: now }),
    ]);
    expect(res.rejected).toEqual([]);
    const got = await desk.sync(server.asAgent, now);
    expect(got).toEqual({ tickets: ['ws-open'], events: [] });
    await expectHoldsWhatAFreshDeskHolds();
  });

  it('lets a ticket age out with no document sent: the desk drops it locally and the server keeps it', async () => {
    now = baseInstant + 2 * dayMs;
    const got = await desk.sync(server.asAgent, now);
    expect(got).toEqual({ tickets: [], events: [] });
    expect([...desk.tickets.keys()].sort()).toEqual(['ws-open', 'ws-recent']);
    await expectHoldsWhatAFreshDeskHolds();
    const everything = await server.asAgent.pullAll<Ticket>('tickets');
    expect(everything.documents.map((d) => d.id)).toContain('ws-edge');
    expect(everything.documents.find((d) => d.id === 'ws-edge')!._deleted).toBe(false);
  });

  it('brings a ticket reopened long after it was resolved back with its whole timeline, each document once', async () => {
    now = baseInstant + 120 * dayMs;
    await desk.sync(server.asAgent, now);
    expect(desk.state()).toEqual({ tickets: [], events: [`${ghostTicketId}-e1`, `${ghostTicketId}-e2`] });
    const master = await stored('ws-resolved');
    // The client wrote back: the agent reopens the resolved ticket, a move the workflow offers.
    const res = await server.asAgent.push<Ticket>('tickets', [
      update(master, { ...master, status: 'in_progress', resolvedAt: null, editedAt: now }),
    ]);
    expect(res.rejected).toEqual([]);
    const got = await desk.sync(server.asAgent, now);
    expect(got).toEqual({ tickets: ['ws-resolved'], events: ['ws-resolved-e1', 'ws-resolved-e2'] });
    await expectHoldsWhatAFreshDeskHolds();
  });

  it('brings a ticket back when its closing moves later, and not when a note is added to an archived one', async () => {
    const edge = await stored('ws-edge');
    const late = await stored('ws-late');
    const res = await server.asAgent.push<Ticket>('tickets', [
      // All a closed ticket accepts: what adding a note changes.
      update(edge, { ...edge, editedAt: now, editedBy: 'agent' }),
      // Resolved long ago, the closure confirmed today: its closing instant is now inside the window.
      update(late, { ...late, status: 'closed', closedAt: now - dayMs, editedAt: now }),
    ]);
    expect(res.rejected).toEqual([]);
    const got = await desk.sync(server.asAgent, now);
    // Closed: of its timeline only the entry the KPI report reads; the rest is fetched when opened.
    expect(got).toEqual({ tickets: ['ws-late'], events: ['ws-late-e2'] });
    await expectHoldsWhatAFreshDeskHolds();
  });

  it('sends a new event of an open ticket, one read offline of a finished one, and no event of an archived one', async () => {
    const res = await server.asAgent.push('events', [
      fresh(eventDoc({ id: 'ws-resolved-e3', ticketId: 'ws-resolved' })),
      fresh(eventDoc({ id: 'ws-edge-e3', ticketId: 'ws-edge' })),
      fresh(eventDoc({ id: 'ws-late-e3', ticketId: 'ws-late' })),
      fresh(
        eventDoc({
          id: 'ws-late-e4',
          ticketId: 'ws-late',
          kind: 'priority_changed',
          data: { from: 'standard', to: 'emergency' },
        }),
      ),
    ]);
    expect(res.rejected).toEqual([]);
    const got = await desk.sync(server.asAgent, now);
    expect({ ...got, events: got.events.sort() }).toEqual({ tickets: [], events: ['ws-late-e4', 'ws-resolved-e3'] });
    await expectHoldsWhatAFreshDeskHolds();
  });

  it('sends the same timeline to a pull from the start as to one that walks from before the first entry, after all these changes', async () => {
    await expectSameFromStart();
  });

  it('refuses a scope it does not know, a window out of range, or a window without the scope', async () => {
    for (const [query, code] of [
      ['scope=all', 'invalid_scope'],
      ['scope=working&closedWindowDays=0', 'invalid_scope'],
      ['scope=working&closedWindowDays=3651', 'invalid_scope'],
      ['scope=working&closedWindowDays=1.5', 'invalid_scope'],
      ['closedWindowDays=30', 'invalid_scope'],
    ] as const) {
      const res = await server.asAgent.get<{ error: { code: string; message: string } }>(
        `/api/replication/tickets/pull?${query}`,
      );
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(/scope|closedWindowDays/);
    }
  });

  it('pulls the other collections whole under the scope', async () => {
    const res = await server.asAgent.get<{ documents: unknown[] }>('/api/replication/kb/pull?scope=working');
    expect(res.status).toBe(200);
  });
});
