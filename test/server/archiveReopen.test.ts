/**
 * Reopening a ticket from the archive (`POST /api/tickets/:id/reopen`): the workflow's rule for
 * the signed-in account, the same as for a pushed reopen (only a resolved ticket, by the head or
 * the agent who may work it; a closed ticket is final), and the reopened ticket coming back into
 * the working set with its whole timeline, past a desk's checkpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint } from '#shared/protocol.ts';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { dayMs } from '#shared/sync/workingSet.ts';
import { receiveMessage } from '../../server/channels/receiveMessage.ts';
import { upsertDocuments } from '../../server/replication/collectionWriter.ts';
import { backends } from './support/testDatabase.ts';
import { startTestServer, type TestServer } from './support/testServer.ts';
import { eventDoc, ticketDoc, update } from './support/documents.ts';

type Doc<T> = T & { _deleted: boolean; updatedAt: number };
interface Page<T> {
  documents: Array<Doc<T>>;
  checkpoint: Checkpoint | null;
}

describe.each(backends)('reopening from the archive on %s', (backend) => {
  let server: TestServer;
  const finishedAt = Date.now() - 200 * dayMs;
  const archived = (id: string, status: 'resolved' | 'closed', assigneeId: string, n: number) => ({
    ...ticketDoc({
      id,
      number: `2025-00010${n}`,
      status,
      assigneeId,
      createdAt: finishedAt - dayMs,
      resolvedAt: finishedAt,
      closedAt: status === 'closed' ? finishedAt : null,
      resolution: { summary: 'Перезапустили контроллер', kbArticleId: 'kb-1' },
    }),
    updatedAt: n,
  });

  const scopedPull = async <T>(collection: 'tickets' | 'events', from: Checkpoint | null): Promise<Page<T>> => {
    const q = new URLSearchParams({ scope: 'working', closedWindowDays: '90', limit: '1000' });
    if (from) {
      q.set('id', from.id);
      q.set('updatedAt', String(from.updatedAt));
    }
    const res = await server.asAgent.get<Page<T>>(`/api/replication/${collection}/pull?${q.toString()}`);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  const stored = async (id: string) => (await server.asAgent.get<{ ticket: Ticket }>(`/api/tickets/${id}`)).body.ticket;
  const reopen = (as: 'asAgent' | 'asHead', id: string, reason: unknown = 'Шлагбаум снова не открывается') =>
    server[as].post<{ ticket: Ticket; error?: { code: string; message: string } }>(`/api/tickets/${id}/reopen`, { reason });

  beforeAll(async () => {
    server = await startTestServer(backend);
    const tickets = [
      archived('ro-own', 'resolved', 'agent', 1),
      archived('ro-colleague', 'resolved', 'head', 2),
      archived('ro-closed', 'closed', 'agent', 3),
      archived('ro-spare', 'resolved', 'agent', 4),
      archived('ro-mail', 'resolved', 'agent', 5),
    ];
    // Stored as history: a desk cannot push a ticket that was resolved 200 days ago in its own name.
    await server.database.db.transaction().execute(async (trx) => {
      await upsertDocuments(trx, 'tickets', tickets);
      await upsertDocuments(
        trx,
        'events',
        tickets.flatMap((t, i) =>
          [1, 2].map((k) => ({
            ...eventDoc({ id: `${t.id}-e${k}`, ticketId: t.id, at: t.createdAt + k }),
            updatedAt: i * 2 + k,
          })),
        ),
      );
      // An open ticket written later: a desk's checkpoints stand past every archived document.
      await upsertDocuments(trx, 'tickets', [{ ...ticketDoc({ id: 'ro-open', number: '2026-000001' }), updatedAt: 50 }]);
      await upsertDocuments(trx, 'events', [{ ...eventDoc({ id: 'ro-open-e1', ticketId: 'ro-open' }), updatedAt: 50 }]);
    });
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('lets an agent reopen its own resolved ticket, which comes back to every desk with its whole timeline', async () => {
    // A desk that has pulled everything in scope: the archived tickets and their timelines are behind its checkpoints.
    const tickets = await scopedPull<Ticket>('tickets', null);
    const events = await scopedPull<TicketEvent>('events', null);
    expect(tickets.documents.map((d) => d.id)).toEqual(['ro-open']);
    expect(events.documents.map((d) => d.id)).toEqual(['ro-open-e1']);

    const res = await reopen('asAgent', 'ro-own');
    expect(res.status, res.text).toBe(200);
    expect(res.body.ticket).toMatchObject({ id: 'ro-own', status: 'in_progress', resolvedAt: null, resolution: null });
    expect(res.body.ticket.editedBy).toBe(server.agent.id);

    const back = await scopedPull<Ticket>('tickets', tickets.checkpoint);
    expect(back.documents.map((d) => [d.id, d.status])).toEqual([['ro-own', 'in_progress']]);
    const timeline = await scopedPull<TicketEvent>('events', events.checkpoint);
    const kinds = timeline.documents.filter((e) => e.ticketId === 'ro-own');
    expect(kinds.map((e) => e.id).slice(0, 2)).toEqual(['ro-own-e1', 'ro-own-e2']);
    expect(kinds.slice(2).map((e) => [e.kind, e.authorId])).toEqual([
      ['reopened', server.agent.id],
      ['status_changed', server.agent.id],
    ]);
    expect(kinds.find((e) => e.kind === 'reopened')?.body).toBe('Шлагбаум снова не открывается');
    expect(timeline.documents.every((e) => e.ticketId === 'ro-own')).toBe(true);
  });

  it("a client's mail to an archived resolved ticket reopens it, and its timeline comes back with it", async () => {
    const events = await scopedPull<TicketEvent>('events', null);
    expect(events.documents.some((e) => e.ticketId === 'ro-mail')).toBe(false);

    const filed = await receiveMessage(server.database.db, {
      channelId: 'mail-support',
      messageId: '<again-ro-mail@client.example>',
      inReplyTo: [],
      references: [],
      from: { address: 'client@example.com', name: 'Клиент' },
      subject: 'Re: Шлагбаум [PASS24 #2025-000105]',
      text: 'Снова не работает.',
      receivedAt: Date.now(),
      attachments: [],
      refusedAttachments: [],
      raw: null,
      headers: {},
      bounce: null,
    });
    expect(filed.outcome).toBe('reopened');

    const timeline = (await scopedPull<TicketEvent>('events', events.checkpoint)).documents.filter(
      (e) => e.ticketId === 'ro-mail',
    );
    expect(timeline.map((e) => e.id).slice(0, 2)).toEqual(['ro-mail-e1', 'ro-mail-e2']);
    expect(timeline.slice(2).map((e) => e.kind)).toEqual(expect.arrayContaining(['client_message', 'reopened']));
  });

  it("refuses an agent reopening a colleague's ticket, and lets the head do it", async () => {
    const refused = await reopen('asAgent', 'ro-colleague');
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('not_assignee');
    expect((await stored('ro-colleague')).status).toBe('resolved');

    const byHead = await reopen('asHead', 'ro-colleague');
    expect(byHead.status, byHead.text).toBe(200);
    expect(byHead.body.ticket.status).toBe('in_progress');
  });

  it('refuses reopening a closed ticket to everyone, by this route and by a push', async () => {
    for (const as of ['asAgent', 'asHead'] as const) {
      const res = await reopen(as, 'ro-closed');
      expect(res.status).toBe(409);
      expect(res.body.error?.code).toBe('illegal_in_status');
      expect(res.body.error?.message).toMatch(/новым связанным обращением/);
    }
    const master = (await server.asAgent.pullAll<Ticket>('tickets')).documents.find((d) => d.id === 'ro-closed')!;
    const pushed = await server.asAgent.push<Ticket>('tickets', [
      update(master, { ...master, status: 'in_progress', closedAt: null, resolvedAt: null, editedAt: Date.now() }),
    ]);
    expect(pushed.rejected.map((r) => [r.id, r.code])).toEqual([['ro-closed', 'forbidden_action']]);
    expect((await stored('ro-closed')).status).toBe('closed');
  });

  it('answers a reopen without a reason, of an unknown ticket, or by nobody signed in with its reason', async () => {
    const blank = await reopen('asAgent', 'ro-spare', '   ');
    expect([blank.status, blank.body.error?.code]).toEqual([400, 'reason_required']);
    expect((await stored('ro-spare')).status).toBe('resolved');
    // Reopened by the first test: an open ticket is not reopened again.
    const again = await reopen('asAgent', 'ro-own');
    expect([again.status, again.body.error?.code]).toEqual([409, 'illegal_in_status']);
    const noBody = await server.asAgent.post<{ error: { code: string } }>('/api/tickets/ro-spare/reopen', {});
    expect([noBody.status, noBody.body.error.code]).toEqual([400, 'invalid_request']);
    expect((await reopen('asAgent', 'no-such-ticket')).status).toBe(404);
    expect((await server.anonymous.post('/api/tickets/ro-spare/reopen', { reason: 'x' })).status).toBe(401);
  });
});
