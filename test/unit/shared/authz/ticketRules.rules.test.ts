import { describe, expect, it } from 'vitest';
import { checkDocument, type RuleInput } from '#shared/authz/documentRules.ts';
import { applyAction, type Actor, type WorkflowAction } from '#shared/domain/workflow.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { agent, head, makeTicket, monday10, otherAgent } from '../../../support/ticketFactory.ts';

const now = monday10 + 3_600_000;
const secondHead: Actor = { id: 'head-2', name: 'Павел Орлов', role: 'head' };

function verdict(actor: Actor, stored: Ticket | null, pushed: Ticket) {
  const input: RuleInput = {
    role: actor.role,
    agentId: actor.id,
    stored: stored as unknown as RuleInput['stored'],
    pushed: pushed as unknown as RuleInput['pushed'],
    now,
  };
  return checkDocument('tickets', input);
}

function moved(ticket: Ticket, action: WorkflowAction, actor: Actor): Ticket {
  const result = applyAction(ticket, action, actor, now);
  if (!result.ok) throw new Error(`${action.type}: ${result.error.code}`);
  return result.ticket;
}

const own = (actor: Actor) => makeTicket({ status: 'in_progress', assigneeId: actor.id });
const requestedBy = (actor: Actor) => moved(own(actor), { type: 'requestEscalation', reason: 'Ошибка в API' }, actor);
const approvedFor = (actor: Actor) => moved(requestedBy(actor), { type: 'approveEscalation', devTaskRef: 'DEV-1' }, head);
const reasonOf = (v: ReturnType<typeof verdict>) => (v.ok ? '' : v.reason);

describe('ticket rules: every status move of the workflow is accepted when it is the actor’s', () => {
  const cases: Array<[string, Actor, () => Ticket, WorkflowAction]> = [
    ['a head returns an escalation', head, () => requestedBy(agent), { type: 'returnEscalation', comment: 'Не ошибка' }],
    ['development answers', agent, () => approvedFor(agent), { type: 'developmentAnswered', note: 'Исправлено' }],
    ['an agent resolves its ticket', agent, () => own(agent), { type: 'resolve', summary: 'Готово', kbArticleId: 'kb-1' }],
    [
      'an agent reopens a resolved ticket',
      agent,
      () => moved(own(agent), { type: 'resolve', summary: 'Готово', kbArticleId: 'kb-1' }, agent),
      { type: 'reopen', reason: 'Снова не работает' },
    ],
  ];
  it.each(cases)('%s', (_name, actor, storedOf, action) => {
    const stored = storedOf();
    expect(verdict(actor, stored, moved(stored, action, actor))).toEqual({ ok: true });
  });
});

describe('ticket rules: deletion and tombstones', () => {
  it('refuses deleting and restoring a ticket with a sentence that says so', () => {
    const stored = own(agent);
    const deleted = { ...stored, _deleted: true } as Ticket;
    const del = verdict(agent, stored, deleted);
    expect(del).toMatchObject({ ok: false, code: 'forbidden_action' });
    expect(reasonOf(del)).toContain('не удаляются');
    expect(verdict(agent, deleted, stored)).toMatchObject({ ok: false, code: 'forbidden_action' });
  });

  it('accepts a tombstone pushed again, whatever it holds', () => {
    const stored = { ...own(otherAgent), _deleted: true } as Ticket;
    expect(verdict(agent, stored, { ...stored, subject: 'Другая тема', status: 'closed' } as Ticket)).toEqual({ ok: true });
  });
});

describe('ticket rules: author fields', () => {
  it.each(['createdBy', 'editedBy'] as const)('refuses a new ticket whose %s names someone else', (field) => {
    const created = { ...makeTicket(), createdBy: agent.id, editedBy: agent.id, [field]: otherAgent.id };
    const v = verdict(agent, null, created);
    expect(v).toMatchObject({ ok: false, code: 'foreign_author' });
    expect(reasonOf(v)).toContain(field);
  });

  it.each(['requestedBy', 'decidedBy'] as const)('refuses an escalation whose %s names someone else', (field) => {
    const stored = own(agent);
    const pushed = { ...stored, escalation: { ...stored.escalation, [field]: otherAgent.id } };
    const v = verdict(agent, stored, pushed);
    expect(v).toMatchObject({ ok: false, code: 'foreign_author' });
    expect(reasonOf(v)).toContain(`escalation.${field}`);
  });

  it('refuses the creator rewritten, even to oneself', () => {
    const stored = makeTicket({ status: 'in_progress', assigneeId: agent.id, createdBy: otherAgent.id });
    const v = verdict(agent, stored, { ...stored, createdBy: agent.id });
    expect(v).toMatchObject({ ok: false, code: 'foreign_author' });
    expect(reasonOf(v)).toContain('createdBy');
  });
});

describe('ticket rules: another agent’s ticket and a closed one', () => {
  const others = () => makeTicket({ status: 'in_progress', assigneeId: otherAgent.id, firstContactAt: null });
  const adding: Array<[string, unknown]> = [
    ['editedAt', now],
    ['editedBy', agent.id],
    ['firstContactAt', now],
    ['firstContactDueAt', now + 1],
    ['resolutionDueAt', now + 2],
    ['dueAt', now + 3],
    ['number', 4242],
    ['createdAt', now - 5],
  ];
  it.each(adding)('accepts %s changed by what adding an entry changes (or set by the endpoint)', (field, value) => {
    const stored = others();
    expect(verdict(agent, stored, { ...stored, [field]: value } as Ticket)).toEqual({ ok: true });
  });

  it('refuses the first contact rewritten once it is recorded', () => {
    const stored = makeTicket({ status: 'in_progress', assigneeId: otherAgent.id, firstContactAt: now - 60_000 });
    const v = verdict(agent, stored, { ...stored, firstContactAt: now });
    expect(v).toMatchObject({ ok: false, code: 'forbidden_action' });
    expect(reasonOf(v)).toContain('firstContactAt');
  });

  it('names the fields and the reason: another agent’s ticket', () => {
    const stored = others();
    const v = verdict(agent, stored, { ...stored, subject: 'Другая тема', priority: 'emergency' });
    expect(reasonOf(v)).toContain('другой сотрудник');
    expect(reasonOf(v)).not.toContain('Закрытое');
    expect(reasonOf(v)).toContain('Изменены поля: subject, priority.');
  });

  it('names the fields and the reason: a closed ticket', () => {
    const stored = makeTicket({ status: 'closed', assigneeId: agent.id });
    const v = verdict(agent, stored, { ...stored, subject: 'Другая тема' });
    expect(reasonOf(v)).toContain('Закрытое обращение не изменяется');
    expect(reasonOf(v)).toContain('Изменены поля: subject.');
  });

  it('names the move refused and the role', () => {
    const stored = requestedBy(agent);
    const v = verdict(agent, stored, { ...stored, status: 'escalated' });
    expect(v).toMatchObject({ ok: false, code: 'forbidden_action' });
    expect(reasonOf(v)).toContain(`«${stored.status}» в «escalated»`);
    expect(reasonOf(v)).toContain('«agent»');
  });
});

describe('ticket rules: the escalation decision, status aside', () => {
  const decide = (t: Ticket, patch: Partial<Ticket['escalation']>): Ticket => ({
    ...t,
    escalation: { ...t.escalation, ...patch },
  });

  it.each(['approved', 'returned'] as const)('refuses an agent marking its request %s without moving the status', (state) => {
    const stored = requestedBy(agent);
    const v = verdict(agent, stored, decide(stored, { state, decidedBy: agent.id, decidedAt: now }));
    expect(v).toMatchObject({ ok: false, code: 'forbidden_action' });
    expect(reasonOf(v)).toContain('только руководитель');
  });

  it('refuses an agent rewriting a decision’s task reference', () => {
    const stored = approvedFor(agent);
    expect(verdict(agent, stored, decide(stored, { devTaskRef: 'DEV-999' }))).toMatchObject({
      ok: false,
      code: 'forbidden_action',
    });
  });

  it('lets a head rewrite the decision on another’s request, not on its own', () => {
    const stored = approvedFor(agent);
    expect(verdict(head, stored, decide(stored, { devTaskRef: 'DEV-2', decidedBy: head.id }))).toEqual({ ok: true });
    const mine = requestedBy(head);
    const v = verdict(head, mine, decide(mine, { state: 'approved', decidedBy: head.id, decidedAt: now }));
    expect(v).toMatchObject({ ok: false, code: 'forbidden_action' });
    expect(reasonOf(v)).toContain('другой руководитель');
    expect(verdict(secondHead, mine, decide(mine, { state: 'approved', decidedBy: secondHead.id, decidedAt: now }))).toEqual({
      ok: true,
    });
  });

  it('accepts an agent changing what is not a decision: the reason of its request, the reason under a decision', () => {
    const requested = requestedBy(agent);
    expect(verdict(agent, requested, decide(requested, { reason: 'Уточнённая причина' }))).toEqual({ ok: true });
    const approved = approvedFor(agent);
    expect(verdict(agent, approved, decide(approved, { reason: 'Уточнённая причина' }))).toEqual({ ok: true });
  });
});
