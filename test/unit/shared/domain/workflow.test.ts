import { describe, expect, it } from 'vitest';
import { ticketStatuses, type TicketStatus } from '#shared/vocabulary/enums.ts';
import {
  actionStatuses,
  applyAction,
  availableActions,
  type WorkflowAction,
  type WorkflowActionType,
} from '#shared/domain/workflow.ts';
import { agent, head, makeTicket, monday10, otherAgent } from '../../../support/ticketFactory.ts';

const later = monday10 + 60_000;

/** A valid instance of every action, so the legality table can be checked exhaustively. */
const sample: Record<WorkflowActionType, WorkflowAction> = {
  take: { type: 'take' },
  assign: { type: 'assign', assigneeId: otherAgent.id },
  logContact: { type: 'logContact', mode: 'call', note: 'Позвонил, объяснил' },
  reply: { type: 'reply', body: 'Здравствуйте!' },
  note: { type: 'note', body: 'Проверить контроллер' },
  waitForClient: { type: 'waitForClient' },
  clientAnswered: { type: 'clientAnswered' },
  changePriority: { type: 'changePriority', priority: 'emergency' },
  requestEscalation: { type: 'requestEscalation', reason: 'Ошибка в API распознавания' },
  approveEscalation: { type: 'approveEscalation', devTaskRef: 'DEV-101' },
  returnEscalation: { type: 'returnEscalation', comment: 'Сначала проверьте камеру' },
  developmentAnswered: { type: 'developmentAnswered', note: 'Исправлено в 2.4.1' },
  resolve: { type: 'resolve', summary: 'Почистили камеру', kbArticleId: 'kb-1' },
  linkKb: { type: 'linkKb', kbArticleId: 'kb-2' },
  confirmClosure: { type: 'confirmClosure', note: 'Клиент подтвердил', csat: { score: 5, comment: '' } },
  reopen: { type: 'reopen', reason: 'Снова не работает' },
};

describe('workflow legality', () => {
  const cases = ticketStatuses.flatMap((status) =>
    (Object.keys(sample) as WorkflowActionType[]).map((type) => ({ status, type })),
  );
  it.each(cases)('$type from $status is legal exactly when the table says so', ({ status, type }) => {
    const ticket = makeTicket({ status, assigneeId: status === 'new' ? '' : agent.id });
    const actor = type === 'approveEscalation' || type === 'returnEscalation' ? head : agent;
    const result = applyAction(ticket, sample[type], actor, later);
    const legalStatus = actionStatuses[type].includes(status);
    const takeOwn = type === 'take' && status !== 'new'; // taking a ticket you already hold
    expect(result.ok).toBe(legalStatus && !takeOwn);
    if (!result.ok && !legalStatus) expect(result.error.code).toBe('illegal_in_status');
  });

  it('offers only moves that apply cleanly', () => {
    for (const status of ticketStatuses) {
      const ticket = makeTicket({ status, assigneeId: agent.id });
      for (const type of availableActions(ticket, agent)) {
        expect(applyAction(ticket, sample[type], agent, later).ok, `${type} from ${status}`).toBe(true);
      }
    }
  });

  it('lets only the head of department decide an escalation', () => {
    const ticket = makeTicket({ status: 'escalation_requested', assigneeId: agent.id });
    const byAgent = applyAction(ticket, sample.approveEscalation, agent, later);
    expect(byAgent).toMatchObject({ ok: false, error: { code: 'head_only' } });
    expect(availableActions(ticket, agent)).not.toContain('approveEscalation');
    expect(availableActions(ticket, head)).toEqual(expect.arrayContaining(['approveEscalation', 'returnEscalation']));
  });
});

describe('workflow moves', () => {
  it('take assigns the ticket to me and starts work', () => {
    const r = applyAction(makeTicket(), { type: 'take' }, agent, later);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.ticket).toMatchObject({ status: 'in_progress', assigneeId: agent.id, editedAt: later, editedBy: agent.id });
    expect(r.ticket.statusLog.at(-1)).toEqual({ status: 'in_progress', at: later });
    expect(r.events.map((e) => e.kind)).toEqual(['assigned', 'status_changed']);
  });

  it('assign hands the ticket to a colleague, in the history; nobody chosen or the same person is refused', () => {
    const t = makeTicket({ status: 'in_progress', assigneeId: agent.id });
    const r = applyAction(t, { type: 'assign', assigneeId: otherAgent.id }, head, later);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.ticket).toMatchObject({ status: 'in_progress', assigneeId: otherAgent.id, editedBy: head.id });
    expect(r.events).toEqual([
      expect.objectContaining({ kind: 'assigned', public: false, data: { from: agent.id, to: otherAgent.id } }),
    ]);
    const nobody = applyAction(t, { type: 'assign', assigneeId: ' ' }, head, later);
    expect(nobody.ok ? null : nobody.error.code).toBe('assignee_required');
    const same = applyAction(t, { type: 'assign', assigneeId: agent.id }, head, later);
    expect(same.ok ? null : same.error.code).toBe('already_assigned');
  });

  it('a logged call meets first contact once, publicly, without moving the status', () => {
    const t = makeTicket({ status: 'in_progress', assigneeId: agent.id });
    const r1 = applyAction(t, { type: 'logContact', mode: 'call', note: 'Позвонил' }, agent, later);
    if (!r1.ok) throw new Error();
    expect(r1.ticket.firstContactAt).toBe(later);
    expect(r1.ticket.status).toBe('in_progress');
    expect(r1.events[0]).toMatchObject({ kind: 'contact_logged', public: true });
    const r2 = applyAction(r1.ticket, { type: 'reply', body: 'Ещё раз' }, agent, later + 5000);
    if (!r2.ok) throw new Error();
    expect(r2.ticket.firstContactAt).toBe(later);
  });

  it('a recorded reply does not meet first contact: it is met when the endpoint hands the reply to SMTP', () => {
    const r = applyAction(
      makeTicket({ status: 'in_progress', assigneeId: agent.id }),
      { type: 'reply', body: 'Здравствуйте!' },
      agent,
      later,
    );
    if (!r.ok) throw new Error();
    expect(r.ticket.firstContactAt).toBeNull();
    expect(r.events).toEqual([expect.objectContaining({ kind: 'reply', public: true, body: 'Здравствуйте!' })]);
  });

  it('an internal note never meets first contact', () => {
    const r = applyAction(makeTicket({ status: 'in_progress' }), { type: 'note', body: 'Внутреннее' }, agent, later);
    if (!r.ok) throw new Error();
    expect(r.ticket.firstContactAt).toBeNull();
    expect(r.events[0]).toMatchObject({ kind: 'note', public: false });
  });

  it('waiting for the client and back is recorded in the status history', () => {
    const t = makeTicket({ status: 'in_progress' });
    const w = applyAction(t, { type: 'waitForClient' }, agent, later);
    if (!w.ok) throw new Error();
    const back = applyAction(w.ticket, { type: 'clientAnswered' }, agent, later + 3_600_000);
    if (!back.ok) throw new Error();
    expect(back.ticket.statusLog.map((e) => e.status)).toEqual(['new', 'waiting_client', 'in_progress']);
  });

  const required: Array<[string, WorkflowAction, TicketStatus, string]> = [
    ['escalation without a reason', { type: 'requestEscalation', reason: '  ' }, 'in_progress', 'reason_required'],
    [
      'approval without a development task',
      { type: 'approveEscalation', devTaskRef: '' },
      'escalation_requested',
      'dev_task_required',
    ],
    ['return without a comment', { type: 'returnEscalation', comment: '' }, 'escalation_requested', 'comment_required'],
    ['resolution without a summary', { type: 'resolve', summary: '', kbArticleId: 'kb-1' }, 'in_progress', 'summary_required'],
    [
      'resolution without a KB article',
      { type: 'resolve', summary: 'Готово', kbArticleId: '' },
      'in_progress',
      'kb_article_required',
    ],
    ['CSAT of 6', { type: 'confirmClosure', note: '', csat: { score: 6, comment: '' } }, 'resolved', 'csat_out_of_range'],
    ['CSAT of 0', { type: 'confirmClosure', note: '', csat: { score: 0, comment: '' } }, 'resolved', 'csat_out_of_range'],
    ['reopen without a reason', { type: 'reopen', reason: '' }, 'resolved', 'reason_required'],
    ['an empty reply', { type: 'reply', body: '\n' }, 'in_progress', 'body_required'],
  ];
  it.each(required)('refuses %s', (_name, action, status, code) => {
    const r = applyAction(makeTicket({ status }), action, head, later);
    expect(r).toMatchObject({ ok: false, error: { code } });
  });

  it('walks the escalation path: requested, approved with a task, answered', () => {
    let t = makeTicket({ status: 'in_progress', assigneeId: agent.id });
    const steps: Array<[WorkflowAction, typeof agent, TicketStatus]> = [
      [{ type: 'requestEscalation', reason: 'Ошибка синхронизации ключей' }, agent, 'escalation_requested'],
      [{ type: 'approveEscalation', devTaskRef: 'DEV-4512' }, head, 'escalated'],
      [{ type: 'developmentAnswered', note: 'Исправлено' }, agent, 'in_progress'],
    ];
    for (const [action, actor, status] of steps) {
      const r = applyAction(t, action, actor, later);
      if (!r.ok) throw new Error(r.error.code);
      expect(r.ticket.status).toBe(status);
      t = r.ticket;
    }
    expect(t.escalation).toMatchObject({
      state: 'answered',
      reason: 'Ошибка синхронизации ключей',
      devTaskRef: 'DEV-4512',
      decidedBy: head.id,
    });
  });

  it('a returned escalation goes back to work with the head comment', () => {
    const t = makeTicket({ status: 'escalation_requested' });
    const r = applyAction(t, { type: 'returnEscalation', comment: 'Проверьте питание' }, head, later);
    if (!r.ok) throw new Error();
    expect(r.ticket).toMatchObject({ status: 'in_progress', escalation: { state: 'returned', comment: 'Проверьте питание' } });
  });

  it('resolves with a KB link, closes only with confirmation, records CSAT', () => {
    const r = applyAction(makeTicket({ status: 'in_progress' }), sample.resolve, agent, later);
    if (!r.ok) throw new Error();
    expect(r.ticket).toMatchObject({ status: 'resolved', resolvedAt: later, resolution: { kbArticleId: 'kb-1' } });
    expect(r.events.map((e) => e.kind)).toContain('kb_linked');
    const c = applyAction(r.ticket, sample.confirmClosure, agent, later + 1000);
    if (!c.ok) throw new Error();
    expect(c.ticket).toMatchObject({ status: 'closed', closedAt: later + 1000, csat: { score: 5 } });
    expect(c.ticket.confirmation?.note).toBe('Клиент подтвердил');
  });

  it('links a KB article while diagnosing without moving the ticket', () => {
    const t = makeTicket({ status: 'in_progress' });
    const r = applyAction(t, sample.linkKb, agent, later);
    if (!r.ok) throw new Error();
    expect(r.ticket.status).toBe('in_progress');
    expect(r.events).toEqual([{ kind: 'kb_linked', public: false, body: '', data: { kbArticleId: 'kb-2' } }]);
    const blank = applyAction(t, { type: 'linkKb', kbArticleId: ' ' }, agent, later);
    expect(blank.ok ? null : blank.error.code).toBe('kb_article_required');
  });

  it('a client who says it is not fixed reopens it and the resolution clock continues', () => {
    const r = applyAction(makeTicket({ status: 'in_progress' }), sample.resolve, agent, later);
    if (!r.ok) throw new Error();
    const o = applyAction(r.ticket, sample.reopen, agent, later + 1000);
    if (!o.ok) throw new Error();
    expect(o.ticket).toMatchObject({ status: 'in_progress', resolvedAt: null, resolution: null });
  });

  it('a priority change is recorded with both values', () => {
    const r = applyAction(makeTicket({ status: 'in_progress' }), sample.changePriority, agent, later);
    if (!r.ok) throw new Error();
    expect(r.ticket.priority).toBe('emergency');
    expect(r.events[0]).toMatchObject({ kind: 'priority_changed', data: { from: 'standard', to: 'emergency' } });
  });
});

describe('whose ticket, whose request', () => {
  it('offers an agent only adding to another agent’s ticket', () => {
    const ticket = makeTicket({ status: 'in_progress', assigneeId: otherAgent.id });
    expect(availableActions(ticket, agent)).toEqual(['logContact', 'reply', 'note']);
    expect(applyAction(ticket, { type: 'take' }, agent, later)).toMatchObject({ ok: false, error: { code: 'not_assignee' } });
    expect(availableActions(ticket, head)).toContain('assign');
  });

  it('never lets a head decide on an escalation it requested itself', () => {
    const ticket = makeTicket({ status: 'in_progress', assigneeId: head.id });
    const requested = applyAction(ticket, { type: 'requestEscalation', reason: 'Нужна разработка' }, head, later);
    if (!requested.ok) throw new Error(requested.error.code);
    expect(availableActions(requested.ticket, head)).not.toContain('approveEscalation');
    expect(applyAction(requested.ticket, { type: 'approveEscalation', devTaskRef: 'DEV-1' }, head, later)).toMatchObject({
      ok: false,
      error: { code: 'own_request' },
    });
  });
});
