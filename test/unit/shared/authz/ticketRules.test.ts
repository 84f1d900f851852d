import { describe, expect, it } from 'vitest';
import { checkDocument, type RuleInput } from '#shared/authz/documentRules.ts';
import { applyAction, type Actor, type WorkflowAction } from '#shared/domain/workflow.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { agent, head, makeTicket, monday10, otherAgent } from '../../../support/ticketFactory.ts';

const now = monday10 + 3_600_000;
const secondHead: Actor = { id: 'head-2', name: 'Павел Орлов', role: 'head' };

function verdict(actor: Actor, stored: Ticket | null, pushed: Ticket) {
  const input: RuleInput = { role: actor.role, agentId: actor.id, stored, pushed, now };
  return checkDocument('tickets', input);
}

/** The ticket after a move made through the desk's workflow. */
function moved(ticket: Ticket, action: WorkflowAction, actor: Actor): Ticket {
  const result = applyAction(ticket, action, actor, now);
  if (!result.ok) throw new Error(`${action.type}: ${result.error.code}`);
  return result.ticket;
}

const requested = (by: Actor) =>
  moved(makeTicket({ status: 'in_progress', assigneeId: by.id }), { type: 'requestEscalation', reason: 'Ошибка в API' }, by);

describe('ticket rules: the workflow, on the endpoint', () => {
  it('accepts every move the desk makes on its own ticket', () => {
    const taken = moved(makeTicket(), { type: 'take' }, agent);
    expect(verdict(agent, makeTicket({ id: taken.id }), taken)).toEqual({ ok: true });
    const waiting = moved(taken, { type: 'waitForClient' }, agent);
    expect(verdict(agent, taken, waiting)).toEqual({ ok: true });
  });

  it('accepts several moves made offline and pushed as one state', () => {
    const stored = makeTicket();
    const taken = moved(stored, { type: 'take' }, agent);
    const escalated = moved(taken, { type: 'requestEscalation', reason: 'Нужна разработка' }, agent);
    expect(verdict(agent, stored, escalated)).toEqual({ ok: true });
  });

  it('refuses an agent approving its own escalation', () => {
    const stored = requested(agent);
    const approved = moved(stored, { type: 'approveEscalation', devTaskRef: 'DEV-1' }, head);
    const forged = { ...approved, editedBy: agent.id, escalation: { ...approved.escalation, decidedBy: agent.id } };
    expect(verdict(agent, stored, forged)).toMatchObject({ ok: false, code: 'forbidden_action' });
  });

  it('refuses a status an agent cannot reach even without touching the escalation', () => {
    const stored = requested(agent);
    expect(verdict(agent, stored, { ...stored, status: 'escalated' })).toMatchObject({ ok: false, code: 'forbidden_action' });
  });

  it('lets a head approve another’s request, never its own', () => {
    const stored = requested(agent);
    expect(verdict(head, stored, moved(stored, { type: 'approveEscalation', devTaskRef: 'DEV-2' }, head))).toEqual({ ok: true });
    const own = moved(
      makeTicket({ status: 'in_progress', assigneeId: head.id }),
      { type: 'requestEscalation', reason: 'x' },
      head,
    );
    const selfApproved = {
      ...own,
      status: 'escalated' as const,
      escalation: { ...own.escalation, state: 'approved' as const, decidedBy: head.id },
    };
    expect(verdict(head, own, selfApproved)).toMatchObject({ ok: false, code: 'forbidden_action' });
    expect(verdict(secondHead, own, moved(own, { type: 'approveEscalation', devTaskRef: 'DEV-3' }, secondHead))).toEqual({
      ok: true,
    });
  });

  it('refuses an agent reassigning, editing or resolving another agent’s ticket', () => {
    const stored = makeTicket({ status: 'in_progress', assigneeId: otherAgent.id });
    const edits: Array<Partial<Ticket>> = [
      { assigneeId: agent.id },
      { subject: 'Другая тема' },
      { priority: 'emergency' },
      { status: 'resolved', resolution: { summary: 'x', kbArticleId: 'kb' } },
    ];
    for (const edit of edits) {
      expect(verdict(agent, stored, { ...stored, ...edit, editedBy: agent.id })).toMatchObject({
        ok: false,
        code: 'forbidden_action',
      });
    }
  });

  it('lets an agent add to another’s ticket: the first contact it logs', () => {
    const stored = makeTicket({ status: 'in_progress', assigneeId: otherAgent.id });
    expect(verdict(agent, stored, moved(stored, { type: 'logContact', mode: 'call', note: '' }, agent))).toEqual({ ok: true });
  });

  it('lets an agent take and edit an unassigned ticket, and a head change anyone’s', () => {
    const stored = makeTicket();
    expect(verdict(agent, stored, { ...stored, subject: 'Уточнённая тема', editedBy: agent.id })).toEqual({ ok: true });
    const others = makeTicket({ status: 'in_progress', assigneeId: otherAgent.id });
    expect(verdict(head, others, moved(others, { type: 'assign', assigneeId: agent.id }, head))).toEqual({ ok: true });
  });

  it('refuses deleting a ticket, even one’s own', () => {
    const stored = makeTicket({ assigneeId: agent.id, status: 'in_progress' });
    expect(verdict(head, stored, { ...stored, _deleted: true } as Ticket)).toMatchObject({ ok: false, code: 'forbidden_action' });
  });

  it('refuses a closed ticket edited, by anyone', () => {
    const stored = makeTicket({ status: 'closed', assigneeId: agent.id });
    expect(verdict(head, stored, { ...stored, subject: 'Переписано', editedBy: head.id })).toMatchObject({
      ok: false,
      code: 'forbidden_action',
    });
  });

  it('refuses author fields naming someone else: a new ticket, an edit, a decision', () => {
    const created = makeTicket({ createdBy: otherAgent.id, editedBy: otherAgent.id });
    expect(verdict(agent, null, created)).toMatchObject({ ok: false, code: 'foreign_author' });
    const stored = makeTicket({ status: 'in_progress', assigneeId: agent.id });
    expect(verdict(agent, stored, { ...stored, subject: 'x', editedBy: otherAgent.id })).toMatchObject({
      ok: false,
      code: 'foreign_author',
    });
    expect(verdict(agent, stored, { ...stored, createdBy: agent.id === stored.createdBy ? head.id : agent.id })).toMatchObject({
      ok: false,
      code: 'foreign_author',
    });
  });

  it('keeps an unchanged editor from a merge: the later edit was someone else’s', () => {
    const stored = makeTicket({ editedBy: otherAgent.id });
    expect(verdict(agent, stored, { ...stored, description: 'Дополнено' })).toEqual({ ok: true });
  });
});
