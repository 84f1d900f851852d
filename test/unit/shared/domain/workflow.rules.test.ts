import { describe, expect, it } from 'vitest';
import {
  applyAction,
  availableActions,
  canApply,
  type Actor,
  type EventDraft,
  type WorkflowAction,
  type WorkflowActionType,
  type WorkflowResult,
} from '#shared/domain/workflow.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { agent, head, makeTicket, monday10, otherAgent } from '../../../support/ticketFactory.ts';

type Status = Ticket['status'];

const later = monday10 + 60_000;
const admin: Actor = { id: 'admin-1', name: 'Павел Админов', role: 'admin' };

function applied(result: WorkflowResult): { ticket: Ticket; events: EventDraft[] } {
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result;
}

function refusal(result: WorkflowResult): string | null {
  return result.ok ? null : result.error.code;
}

const allStatuses: Status[] = ['new', 'in_progress', 'waiting_client', 'escalation_requested', 'escalated', 'resolved', 'closed'];
const open: Status[] = ['new', 'in_progress', 'waiting_client', 'escalation_requested', 'escalated'];

/** The workflow's legality table as the product states it (not read back from the code). */
const legalIn: Record<WorkflowActionType, Status[]> = {
  take: open,
  assign: open,
  logContact: open,
  reply: [...open, 'resolved'],
  note: allStatuses,
  waitForClient: ['in_progress'],
  clientAnswered: ['waiting_client'],
  changePriority: open,
  requestEscalation: ['in_progress', 'waiting_client'],
  approveEscalation: ['escalation_requested'],
  returnEscalation: ['escalation_requested'],
  developmentAnswered: ['escalated'],
  resolve: ['in_progress', 'waiting_client'],
  linkKb: [...open, 'resolved'],
  confirmClosure: ['resolved'],
  reopen: ['resolved'],
};

/** A valid instance of every action, with the fields a user types padded by stray spaces. */
const sample: Record<WorkflowActionType, WorkflowAction> = {
  take: { type: 'take' },
  assign: { type: 'assign', assigneeId: 'agent-3' },
  logContact: { type: 'logContact', mode: 'call', note: ' Позвонил ' },
  reply: { type: 'reply', body: ' Здравствуйте! ' },
  note: { type: 'note', body: ' Проверить контроллер ' },
  waitForClient: { type: 'waitForClient' },
  clientAnswered: { type: 'clientAnswered' },
  changePriority: { type: 'changePriority', priority: 'emergency' },
  requestEscalation: { type: 'requestEscalation', reason: ' Ошибка API ' },
  approveEscalation: { type: 'approveEscalation', devTaskRef: ' DEV-101 ' },
  returnEscalation: { type: 'returnEscalation', comment: ' Проверьте камеру ' },
  developmentAnswered: { type: 'developmentAnswered', note: ' Исправлено в 2.4.1 ' },
  resolve: { type: 'resolve', summary: ' Почистили камеру ', kbArticleId: 'kb-1' },
  linkKb: { type: 'linkKb', kbArticleId: 'kb-2' },
  confirmClosure: { type: 'confirmClosure', note: ' Клиент подтвердил ', csat: { score: 5, comment: ' Спасибо ' } },
  reopen: { type: 'reopen', reason: ' Снова не работает ' },
};

const headOnly: WorkflowActionType[] = ['approveEscalation', 'returnEscalation'];

describe('the legality table', () => {
  // The assignee asks (the head, for the head's decisions); a take is asked of an unassigned
  // ticket by a colleague, so neither "you already hold this ticket" nor "not yours" hides the table.
  const cases = allStatuses.flatMap((status) =>
    (Object.keys(legalIn) as WorkflowActionType[]).map((type) => ({ status, type, legal: legalIn[type].includes(status) })),
  );
  it.each(cases)('$type from $status: legal is $legal', ({ status, type, legal }) => {
    const ticket = makeTicket({ status, assigneeId: type === 'take' ? '' : agent.id });
    const actor = headOnly.includes(type) ? head : type === 'take' ? otherAgent : agent;
    expect(canApply(ticket, type, actor)).toBe(legal);
    expect(availableActions(ticket, actor).includes(type)).toBe(legal);
    const result = applyAction(ticket, sample[type], actor, later);
    expect(refusal(result)).toBe(legal ? null : 'illegal_in_status');
  });
});

describe('who may do what', () => {
  it.each([
    ['the head of department', head, true],
    ['an administrator', admin, true],
    ['an agent', agent, false],
  ] as const)('%s may decide an escalation: %s', (_who, actor, may) => {
    const ticket = makeTicket({ status: 'escalation_requested', assigneeId: agent.id });
    for (const type of headOnly) {
      expect(canApply(ticket, type, actor), type).toBe(may);
      expect(refusal(applyAction(ticket, sample[type], actor, later)), type).toBe(may ? null : 'head_only');
    }
  });

  it('an assignee cannot take the ticket they already hold once work has started', () => {
    const ticket = makeTicket({ status: 'waiting_client', assigneeId: agent.id });
    expect(canApply(ticket, 'take', agent)).toBe(false);
    expect(availableActions(ticket, agent)).not.toContain('take');
    expect(refusal(applyAction(ticket, { type: 'take' }, agent, later))).toBe('already_assigned');
  });

  it.each(allStatuses)(
    'the assignee of a %s ticket is offered every legal move but taking it and the head decisions',
    (status) => {
      const ticket = makeTicket({ status, assigneeId: agent.id });
      const expected = (Object.keys(legalIn) as WorkflowActionType[]).filter(
        (type) => legalIn[type].includes(status) && !headOnly.includes(type) && !(type === 'take' && status !== 'new'),
      );
      expect(availableActions(ticket, agent)).toEqual(expected);
    },
  );

  it('a new ticket already assigned to me is taken: work starts, the assignee stays', () => {
    const ticket = makeTicket({ status: 'new', assigneeId: agent.id });
    expect(canApply(ticket, 'take', agent)).toBe(true);
    const { ticket: next, events } = applied(applyAction(ticket, { type: 'take' }, agent, later));
    expect(next).toMatchObject({ status: 'in_progress', assigneeId: agent.id });
    expect(events).toEqual([{ kind: 'status_changed', public: false, body: '', data: { from: 'new', to: 'in_progress' } }]);
  });

  it("a colleague may not take over another agent's ticket; the head takes it over without moving its status", () => {
    const ticket = makeTicket({ status: 'waiting_client', assigneeId: agent.id });
    expect(refusal(applyAction(ticket, { type: 'take' }, otherAgent, later))).toBe('not_assignee');
    const { ticket: next, events } = applied(applyAction(ticket, { type: 'take' }, head, later));
    expect(next).toMatchObject({ status: 'waiting_client', assigneeId: head.id, statusLog: ticket.statusLog });
    expect(events).toEqual([{ kind: 'assigned', public: false, body: '', data: { from: agent.id, to: head.id } }]);
  });
});

describe('what each move records', () => {
  /** Each move from a ticket held by the agent, the timeline it appends and the fields it sets. */
  const table: Array<{
    name: string;
    from: Status;
    action: WorkflowAction;
    actor: Actor;
    events: EventDraft[];
    ticket: Partial<Ticket>;
  }> = [
    {
      name: 'assigning to a colleague is internal',
      from: 'in_progress',
      action: sample.assign,
      actor: head,
      events: [{ kind: 'assigned', public: false, body: '', data: { from: agent.id, to: 'agent-3' } }],
      ticket: { assigneeId: 'agent-3' },
    },
    {
      name: 'a logged call is public, keeps its mode and meets first contact',
      from: 'in_progress',
      action: sample.logContact,
      actor: agent,
      events: [{ kind: 'contact_logged', public: true, body: 'Позвонил', data: { mode: 'call' } }],
      ticket: { firstContactAt: later, status: 'in_progress' },
    },
    {
      name: 'a call made by a script records the script, so its usage counts the call',
      from: 'new',
      action: { type: 'logContact', mode: 'call', note: '', templateId: 'tpl-3' },
      actor: agent,
      events: [{ kind: 'contact_logged', public: true, body: '', data: { mode: 'call', templateId: 'tpl-3' } }],
      ticket: { firstContactAt: later },
    },
    {
      name: 'a reply written from a script records the script',
      from: 'in_progress',
      action: { type: 'reply', body: 'Здравствуйте!', templateId: 'tpl-4' },
      actor: agent,
      events: [{ kind: 'reply', public: true, body: 'Здравствуйте!', data: { templateId: 'tpl-4' } }],
      ticket: { firstContactAt: null },
    },
    {
      name: 'a reply is public and does not meet first contact (SMTP acceptance does, on the endpoint)',
      from: 'new',
      action: sample.reply,
      actor: agent,
      events: [{ kind: 'reply', public: true, body: 'Здравствуйте!', data: {} }],
      ticket: { firstContactAt: null, status: 'new' },
    },
    {
      name: 'a reply to a resolved ticket keeps it resolved',
      from: 'resolved',
      action: sample.reply,
      actor: agent,
      events: [{ kind: 'reply', public: true, body: 'Здравствуйте!', data: {} }],
      ticket: { status: 'resolved' },
    },
    {
      name: 'a note is internal and does not meet first contact',
      from: 'in_progress',
      action: sample.note,
      actor: agent,
      events: [{ kind: 'note', public: false, body: 'Проверить контроллер', data: {} }],
      ticket: { firstContactAt: null },
    },
    {
      name: 'a note on a closed ticket is kept',
      from: 'closed',
      action: sample.note,
      actor: agent,
      events: [{ kind: 'note', public: false, body: 'Проверить контроллер', data: {} }],
      ticket: { status: 'closed' },
    },
    {
      name: 'waiting for the client with a note records the note internally',
      from: 'in_progress',
      action: { type: 'waitForClient', note: ' Ждём фото ' },
      actor: agent,
      events: [
        { kind: 'note', public: false, body: 'Ждём фото', data: {} },
        { kind: 'status_changed', public: false, body: '', data: { from: 'in_progress', to: 'waiting_client' } },
      ],
      ticket: { status: 'waiting_client' },
    },
    {
      name: 'waiting for the client without a note records only the move',
      from: 'in_progress',
      action: { type: 'waitForClient', note: ' ' },
      actor: agent,
      events: [{ kind: 'status_changed', public: false, body: '', data: { from: 'in_progress', to: 'waiting_client' } }],
      ticket: { status: 'waiting_client' },
    },
    {
      name: 'the client answered with a note records the note internally',
      from: 'waiting_client',
      action: { type: 'clientAnswered', note: ' Прислал фото ' },
      actor: agent,
      events: [
        { kind: 'note', public: false, body: 'Прислал фото', data: {} },
        { kind: 'status_changed', public: false, body: '', data: { from: 'waiting_client', to: 'in_progress' } },
      ],
      ticket: { status: 'in_progress' },
    },
    {
      name: 'the client answered without a note records only the move',
      from: 'waiting_client',
      action: { type: 'clientAnswered' },
      actor: agent,
      events: [{ kind: 'status_changed', public: false, body: '', data: { from: 'waiting_client', to: 'in_progress' } }],
      ticket: { status: 'in_progress' },
    },
    {
      name: 'a priority change is internal, with its reason',
      from: 'in_progress',
      action: { type: 'changePriority', priority: 'emergency', reason: ' Стоит въезд ' },
      actor: agent,
      events: [{ kind: 'priority_changed', public: false, body: 'Стоит въезд', data: { from: 'standard', to: 'emergency' } }],
      ticket: { priority: 'emergency' },
    },
    {
      name: 'a priority change without a reason has an empty body',
      from: 'in_progress',
      action: { type: 'changePriority', priority: 'emergency' },
      actor: agent,
      events: [{ kind: 'priority_changed', public: false, body: '', data: { from: 'standard', to: 'emergency' } }],
      ticket: { priority: 'emergency' },
    },
    {
      name: 'an escalation request is internal and fills the request',
      from: 'waiting_client',
      action: sample.requestEscalation,
      actor: agent,
      events: [
        { kind: 'escalation_requested', public: false, body: 'Ошибка API', data: {} },
        { kind: 'status_changed', public: false, body: '', data: { from: 'waiting_client', to: 'escalation_requested' } },
      ],
      ticket: {
        status: 'escalation_requested',
        escalation: {
          state: 'requested',
          reason: 'Ошибка API',
          requestedAt: later,
          requestedBy: agent.id,
          decidedAt: null,
          decidedBy: '',
          devTaskRef: '',
          comment: '',
        },
      },
    },
    {
      name: 'an approval is internal and names the development task',
      from: 'escalation_requested',
      action: { type: 'approveEscalation', devTaskRef: ' DEV-101 ', comment: ' Срочно ' },
      actor: head,
      events: [
        { kind: 'escalation_approved', public: false, body: 'Срочно', data: { devTaskRef: 'DEV-101' } },
        { kind: 'status_changed', public: false, body: '', data: { from: 'escalation_requested', to: 'escalated' } },
      ],
      ticket: {
        status: 'escalated',
        escalation: {
          state: 'approved',
          reason: '',
          requestedAt: null,
          requestedBy: '',
          decidedAt: later,
          decidedBy: head.id,
          devTaskRef: 'DEV-101',
          comment: 'Срочно',
        },
      },
    },
    {
      name: 'an approval without a comment has an empty body',
      from: 'escalation_requested',
      action: sample.approveEscalation,
      actor: head,
      events: [
        { kind: 'escalation_approved', public: false, body: '', data: { devTaskRef: 'DEV-101' } },
        { kind: 'status_changed', public: false, body: '', data: { from: 'escalation_requested', to: 'escalated' } },
      ],
      ticket: { escalation: expect.objectContaining({ comment: '' }) as Ticket['escalation'] },
    },
    {
      name: 'a returned escalation is internal and keeps the head comment',
      from: 'escalation_requested',
      action: sample.returnEscalation,
      actor: head,
      events: [
        { kind: 'escalation_returned', public: false, body: 'Проверьте камеру', data: {} },
        { kind: 'status_changed', public: false, body: '', data: { from: 'escalation_requested', to: 'in_progress' } },
      ],
      ticket: {
        status: 'in_progress',
        escalation: {
          state: 'returned',
          reason: '',
          requestedAt: null,
          requestedBy: '',
          decidedAt: later,
          decidedBy: head.id,
          devTaskRef: '',
          comment: 'Проверьте камеру',
        },
      },
    },
    {
      name: "development's answer is internal and brings the ticket back to work",
      from: 'escalated',
      action: sample.developmentAnswered,
      actor: agent,
      events: [
        { kind: 'development_answered', public: false, body: 'Исправлено в 2.4.1', data: {} },
        { kind: 'status_changed', public: false, body: '', data: { from: 'escalated', to: 'in_progress' } },
      ],
      ticket: { status: 'in_progress', escalation: expect.objectContaining({ state: 'answered' }) as Ticket['escalation'] },
    },
    {
      name: 'a resolution links the KB article and keeps the summary, internally',
      from: 'in_progress',
      action: sample.resolve,
      actor: agent,
      events: [
        { kind: 'kb_linked', public: false, body: '', data: { kbArticleId: 'kb-1' } },
        { kind: 'resolution', public: false, body: 'Почистили камеру', data: { kbArticleId: 'kb-1' } },
        { kind: 'status_changed', public: false, body: '', data: { from: 'in_progress', to: 'resolved' } },
      ],
      ticket: { status: 'resolved', resolvedAt: later, resolution: { summary: 'Почистили камеру', kbArticleId: 'kb-1' } },
    },
    {
      name: "the client's confirmation is public; the CSAT score is internal",
      from: 'resolved',
      action: sample.confirmClosure,
      actor: agent,
      events: [
        { kind: 'confirmation', public: true, body: 'Клиент подтвердил', data: {} },
        { kind: 'csat', public: false, body: 'Спасибо', data: { score: 5 } },
        { kind: 'status_changed', public: false, body: '', data: { from: 'resolved', to: 'closed' } },
      ],
      ticket: {
        status: 'closed',
        closedAt: later,
        confirmation: { confirmedAt: later, note: 'Клиент подтвердил' },
        csat: { score: 5, comment: 'Спасибо' },
      },
    },
    {
      name: 'a confirmation without a CSAT score records none',
      from: 'resolved',
      action: { type: 'confirmClosure', note: 'Клиент подтвердил', csat: null },
      actor: agent,
      events: [
        { kind: 'confirmation', public: true, body: 'Клиент подтвердил', data: {} },
        { kind: 'status_changed', public: false, body: '', data: { from: 'resolved', to: 'closed' } },
      ],
      ticket: { status: 'closed', csat: null },
    },
    {
      name: 'a reopening is public and clears the resolution',
      from: 'resolved',
      action: sample.reopen,
      actor: agent,
      events: [
        { kind: 'reopened', public: true, body: 'Снова не работает', data: {} },
        { kind: 'status_changed', public: false, body: '', data: { from: 'resolved', to: 'in_progress' } },
      ],
      ticket: { status: 'in_progress', resolvedAt: null, resolution: null },
    },
  ];

  it.each(table)('$name', ({ from, action, actor, events, ticket }) => {
    const before = makeTicket({ status: from, assigneeId: agent.id });
    const result = applied(applyAction(before, action, actor, later));
    expect(result.events).toEqual(events);
    expect(result.ticket).toMatchObject({ ...ticket, editedAt: later, editedBy: actor.id });
    const moved = result.ticket.status !== from;
    expect(result.ticket.statusLog).toEqual(
      moved ? [...before.statusLog, { status: result.ticket.status, at: later }] : before.statusLog,
    );
  });

  it('a recorded reply leaves first contact unmet; a logged call after it meets it', () => {
    const before = makeTicket({ status: 'in_progress', assigneeId: agent.id });
    const { ticket } = applied(applyAction(before, { type: 'reply', body: 'Здравствуйте' }, agent, later));
    expect(ticket.firstContactAt).toBeNull();
    const called = applied(applyAction(ticket, sample.logContact, agent, later + 1000));
    expect(called.ticket.firstContactAt).toBe(later + 1000);
  });

  it('a resolved ticket with a resolution reopens without it', () => {
    const resolved = makeTicket({
      status: 'resolved',
      resolvedAt: later,
      resolution: { summary: 'Готово', kbArticleId: 'kb-1' },
    });
    const { ticket } = applied(applyAction(resolved, sample.reopen, agent, later + 1000));
    expect(ticket).toMatchObject({ resolvedAt: null, resolution: null });
  });
});

describe('what a move refuses', () => {
  const cases: Array<[string, Status, WorkflowAction, string]> = [
    ['a blank reply', 'in_progress', { type: 'reply', body: ' ' }, 'body_required'],
    ['a blank note', 'in_progress', { type: 'note', body: '' }, 'body_required'],
    ['a blank development answer', 'escalated', { type: 'developmentAnswered', note: '  ' }, 'comment_required'],
    ['the same priority again', 'in_progress', { type: 'changePriority', priority: 'standard' }, 'same_priority'],
    ['a CSAT of 2.5', 'resolved', { type: 'confirmClosure', note: '', csat: { score: 2.5, comment: '' } }, 'csat_out_of_range'],
  ];
  it.each(cases)('refuses %s', (_name, status, action, code) => {
    expect(refusal(applyAction(makeTicket({ status, assigneeId: agent.id }), action, head, later))).toBe(code);
  });

  it.each([1, 2, 3, 4, 5])('accepts a CSAT of %i', (score) => {
    const ticket = makeTicket({ status: 'resolved', assigneeId: agent.id });
    const { ticket: closed } = applied(
      applyAction(ticket, { type: 'confirmClosure', note: '', csat: { score, comment: '' } }, agent, later),
    );
    expect(closed.csat).toEqual({ score, comment: '' });
  });
});
