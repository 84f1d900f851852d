/**
 * The endpoint applies the desk's rules to every pushed document (docs/authorization.md): what
 * an agent's account could do by pushing directly, and now cannot. Each refusal is per document:
 * the rest of the batch is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAction, type Actor, type WorkflowAction } from '#shared/domain/workflow.ts';
import type { KbArticle, Ticket, TicketEvent } from '#shared/schema/index.ts';
import type { AgentProfile, PushResponse, WithDeleted } from '#shared/protocol.ts';
import { ApiClient } from './support/apiClient.ts';
import { eventDoc, fresh, kbDoc, ticketDoc, update } from './support/documents.ts';
import { backends } from './support/testDatabase.ts';
import { signedIn, startTestServer, type TestServer } from './support/testServer.ts';

describe.each(backends)('authorisation per document on %s', (backend) => {
  let server: TestServer;
  let colleague: AgentProfile;
  let asColleague: ApiClient;
  beforeAll(async () => {
    server = await startTestServer(backend);
    const signed = await signedIn(server.database, 'agent');
    colleague = signed.agent;
    asColleague = new ApiClient(server.url, signed.token);
  });
  afterAll(() => server.close());

  const actor = (p: AgentProfile): Actor => ({ id: p.id, name: p.name, role: p.role });
  const move = (ticket: WithDeleted<Ticket>, action: WorkflowAction, by: AgentProfile): WithDeleted<Ticket> => {
    const result = applyAction(ticket, action, actor(by), Date.now());
    if (!result.ok) throw new Error(`${action.type}: ${result.error.code}`);
    return { ...result.ticket, _deleted: false };
  };
  const storedTicket = async (id: string) =>
    (await server.asHead.pullAll<Ticket>('tickets')).documents.find((d) => d.id === id) as WithDeleted<Ticket>;

  /** A ticket stored on the endpoint, worked up to `actions` by `by`. */
  async function ticketOf(by: AgentProfile, client: ApiClient, actions: WorkflowAction[]): Promise<WithDeleted<Ticket>> {
    const created = ticketDoc({ createdBy: by.id, editedBy: by.id });
    expect((await client.push('tickets', [fresh(created)])).rejected).toEqual([]);
    let current = await storedTicket(created.id);
    for (const action of actions) {
      const next = move(current, action, by);
      expect((await client.push('tickets', [update(current, next)])).rejected).toEqual([]);
      current = await storedTicket(created.id);
    }
    return current;
  }

  it('refuses an agent approving its own escalation, and stores the rest of the batch', async () => {
    const requested = await ticketOf(server.agent, server.asAgent, [
      { type: 'take' },
      { type: 'requestEscalation', reason: 'Ошибка в API распознавания' },
    ]);
    const forged: WithDeleted<Ticket> = {
      ...requested,
      status: 'escalated',
      escalation: {
        ...requested.escalation,
        state: 'approved',
        decidedBy: server.agent.id,
        decidedAt: Date.now(),
        devTaskRef: 'DEV-1',
      },
      editedBy: server.agent.id,
    };
    const other = ticketDoc({ createdBy: server.agent.id, editedBy: server.agent.id });
    const res = await server.asAgent.push<Ticket>('tickets', [update(requested, forged), fresh(other)]);
    expect(res.rejected).toEqual([{ id: requested.id, code: 'forbidden_action', reason: expect.stringMatching(/руководитель/) }]);
    expect((await storedTicket(requested.id)).escalation.state).toBe('requested');
    expect(await storedTicket(other.id)).toBeDefined();
    // The head approves it through the same push path.
    const approved = move(requested, { type: 'approveEscalation', devTaskRef: 'DEV-7' }, server.head);
    expect((await server.asHead.push('tickets', [update(requested, approved)])).rejected).toEqual([]);
  });

  it('refuses another agent’s ticket reassigned, retitled or resolved, and lets its colleague add to it', async () => {
    const theirs = await ticketOf(colleague, asColleague, [{ type: 'take' }]);
    for (const change of [{ assigneeId: server.agent.id }, { subject: 'Чужая тема' }, { priority: 'emergency' as const }]) {
      const res = await server.asAgent.push<Ticket>('tickets', [
        update(theirs, { ...theirs, ...change, editedBy: server.agent.id }),
      ]);
      expect(res.rejected).toEqual([
        { id: theirs.id, code: 'forbidden_action', reason: expect.stringMatching(/другой сотрудник/) },
      ]);
    }
    expect((await storedTicket(theirs.id)).assigneeId).toBe(colleague.id);
    const contacted = move(theirs, { type: 'logContact', mode: 'call', note: '' }, server.agent);
    expect((await server.asAgent.push('tickets', [update(theirs, contacted)])).rejected).toEqual([]);
  });

  it('refuses an agent deleting a head’s article; its author may', async () => {
    const article = kbDoc({ createdBy: server.head.id, editedBy: server.head.id });
    expect((await server.asHead.push('kb', [fresh(article)])).rejected).toEqual([]);
    const master = (await server.asAgent.pullAll<KbArticle>('kb')).documents.find((d) => d.id === article.id)!;
    const refused = await server.asAgent.push<KbArticle>('kb', [update(master, { ...master, _deleted: true })]);
    expect(refused.rejected).toEqual([{ id: article.id, code: 'forbidden_action', reason: expect.any(String) }]);
    expect((await server.asHead.push('kb', [update(master, { ...master, _deleted: true })])).rejected).toEqual([]);
  });

  it('refuses an agent publishing a draft, their own or written as published; the head publishes it', async () => {
    const draft = kbDoc({ createdBy: server.agent.id, editedBy: server.agent.id });
    const asPublished = kbDoc({ createdBy: server.agent.id, editedBy: server.agent.id, status: 'published' });
    const first = await server.asAgent.push('kb', [fresh(draft), fresh(asPublished)]);
    expect(first.rejected).toEqual([
      { id: asPublished.id, code: 'forbidden_action', reason: expect.stringMatching(/руководитель/) },
    ]);
    const stored = async () => (await server.asHead.pullAll<KbArticle>('kb')).documents.find((d) => d.id === draft.id)!;
    const master = await stored();
    const published = await server.asAgent.push<KbArticle>('kb', [update(master, { ...master, status: 'published' })]);
    expect(published.rejected).toEqual([
      { id: draft.id, code: 'forbidden_action', reason: expect.stringMatching(/руководитель/) },
    ]);
    expect((await stored()).status).toBe('draft');
    const byHead = { ...master, status: 'published' as const, editedBy: server.head.id };
    expect((await server.asHead.push<KbArticle>('kb', [update(master, byHead)])).rejected).toEqual([]);
    expect((await stored()).status).toBe('published');
  });

  it('refuses a timeline entry in someone else’s name, and a head’s decision entered by an agent', async () => {
    const inHeadsName = eventDoc({ authorId: server.head.id, kind: 'escalation_approved' });
    const reserved = eventDoc({ authorId: server.agent.id, kind: 'escalation_approved' });
    const own = eventDoc({ authorId: server.agent.id });
    const res: PushResponse<TicketEvent> = await server.asAgent.push('events', [fresh(inHeadsName), fresh(reserved), fresh(own)]);
    expect(res.rejected).toEqual([
      { id: inHeadsName.id, code: 'foreign_author', reason: expect.any(String) },
      { id: reserved.id, code: 'forbidden_action', reason: expect.any(String) },
    ]);
    const ids = (await server.asAgent.pullAll<TicketEvent>('events')).documents.map((d) => d.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(inHeadsName.id);
  });

  it('refuses a ticket created at an implausible instant instead of numbering it in the year 33658', async () => {
    const far = ticketDoc({ createdAt: 1e15, createdBy: server.agent.id, editedBy: server.agent.id, editedAt: 1e15 });
    const res = await server.asAgent.push<Ticket>('tickets', [fresh(far)]);
    expect(res.rejected).toEqual([{ id: far.id, code: 'invalid_document', reason: expect.stringMatching(/createdAt/) }]);
  });

  it('refuses deleting a ticket, even the head', async () => {
    const mine = await ticketOf(server.agent, server.asAgent, []);
    const res = await server.asHead.push<Ticket>('tickets', [update(mine, { ...mine, _deleted: true })]);
    expect(res.rejected).toEqual([{ id: mine.id, code: 'forbidden_action', reason: expect.stringMatching(/не удаляются/) }]);
  });
});
