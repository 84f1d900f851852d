/**
 * Tickets (docs/authorization.md). Nobody deletes a ticket. A status moves only along the moves
 * the desk's workflow offers the signed-in account (shared/domain/workflow.ts): approvals and
 * returns of an escalation by the head, never of one's own request. An agent works its own and
 * unassigned tickets; on another agent's ticket, and on a closed one, only what adding a timeline
 * entry changes may change (the first contact, the editor, the due instants computed from them).
 */
import type { TicketStatus } from '../vocabulary/enums.ts';
import { jsonEqual } from '../domain/merge.ts';
import { emptyEscalation } from '../domain/ticketFactory.ts';
import { applyAction, mayWorkTicket, type Actor, type WorkflowAction } from '../domain/workflow.ts';
import type { Ticket } from '../schema/ticketSchema.ts';
import { authorProblem, changedFields, deleting, fixedAuthorProblem, isHead, restoring } from './ruleHelpers.ts';
import type { Refusal, RuleInput } from './ruleTypes.ts';

/** One legal payload of each move that changes a ticket's status. */
const statusMoves: readonly WorkflowAction[] = [
  { type: 'take' },
  { type: 'waitForClient' },
  { type: 'clientAnswered' },
  { type: 'requestEscalation', reason: '-' },
  { type: 'approveEscalation', devTaskRef: '-' },
  { type: 'returnEscalation', comment: '-' },
  { type: 'developmentAnswered', note: '-' },
  { type: 'resolve', summary: '-', kbArticleId: '-' },
  // Stryker disable next-line StringLiteral: the closing note is optional, any text makes the same move
  { type: 'confirmClosure', note: '', csat: null },
  { type: 'reopen', reason: '-' },
];

/** What adding to a ticket (a note, a reply, a logged contact) changes on the ticket itself. */
const addingFields: ReadonlySet<string> = new Set([
  'editedAt',
  'editedBy',
  'firstContactAt',
  'firstContactDueAt',
  'resolutionDueAt',
  'dueAt',
]);

/** Set by the endpoint (the number) or checked elsewhere (createdAt never changes): not a rule's business. */
const endpointFields: ReadonlySet<string> = new Set(['number', 'createdAt']);

/** Statuses the actor can bring the ticket to from `from`, by the workflow's moves, one after another. */
export function reachableStatuses(ticket: Ticket, actor: Actor, now: number): Set<TicketStatus> {
  // Stryker disable next-line ArrayDeclaration: the start is asked about only when the status stays, which ticketRule does not ask
  const seen = new Set<TicketStatus>([ticket.status]);
  const queue: TicketStatus[] = [ticket.status];
  while (queue.length > 0) {
    const status = queue.shift()!;
    // Taking a workable ticket makes it the actor's, so later moves are judged as on its own.
    const state: Ticket = { ...ticket, status, assigneeId: actor.id };
    for (const move of statusMoves) {
      const result = applyAction(state, move, actor, now);
      if (result.ok && !seen.has(result.ticket.status)) {
        seen.add(result.ticket.status);
        queue.push(result.ticket.status);
      }
    }
  }
  return seen;
}

const refuse = (reason: string): Refusal => ({ code: 'forbidden_action', reason });

export function ticketRule(input: RuleInput): Refusal | null {
  const { stored, now } = input;
  const pushed = input.pushed as unknown as Ticket & { _deleted?: boolean };
  // Stryker disable next-line StringLiteral: the workflow judges an actor by id and role, never by name
  const actor: Actor = { id: input.agentId, name: '', role: input.role };
  if (deleting(input) || restoring(input)) return refuse('Обращения не удаляются: закройте обращение, а не удаляйте его.');
  if (pushed._deleted) return null; // a tombstone pushed again: nothing changes

  const author =
    authorProblem(
      input,
      ['createdBy', 'editedBy', 'escalation.requestedBy', 'escalation.decidedBy'],
      ['escalation.requestedBy', 'escalation.decidedBy'],
    ) ?? fixedAuthorProblem(input, 'createdBy');
  if (author) return author;

  const changed = changedFields(stored, input.pushed).filter((f) => !endpointFields.has(f));
  if (stored) {
    const before = stored as unknown as Ticket;
    const workable = before.status !== 'closed' && mayWorkTicket(before, actor);
    if (!workable) {
      const beyond = changed.filter((f) => !addingFields.has(f));
      if (before.firstContactAt !== null && changed.includes('firstContactAt')) beyond.push('firstContactAt');
      if (beyond.length > 0) {
        const why =
          before.status === 'closed'
            ? 'Закрытое обращение не изменяется: в него можно только добавить заметку.'
            : 'Обращение ведёт другой сотрудник: можно добавить заметку, ответ или звонок, но не менять его.';
        return refuse(`${why} Изменены поля: ${beyond.join(', ')}.`);
      }
      return null;
    }
  }

  const base: Ticket = stored
    ? (stored as unknown as Ticket)
    : // Stryker disable next-line StringLiteral: reachableStatuses assigns the ticket to the actor before every move
      { ...pushed, status: 'new', assigneeId: '', escalation: emptyEscalation() };
  const escalation = escalationProblem(input, base, pushed);
  if (escalation) return escalation;
  // Stryker disable next-line ConditionalExpression: an unchanged status is always reachable; the test saves the search
  if (pushed.status !== base.status) {
    // The request being decided is the pushed one: a head's own request made in the same push counts.
    const reachable = reachableStatuses({ ...base, escalation: pushed.escalation }, actor, now);
    if (!reachable.has(pushed.status)) {
      return refuse(
        `Переход обращения из статуса «${base.status}» в «${pushed.status}» недоступен роли «${input.role}»: такого хода нет в порядке работы.`,
      );
    }
  }
  return null;
}

const decisionFields = ['decidedAt', 'decidedBy', 'devTaskRef', 'comment'] as const;

/** Approving or returning an escalation (or rewriting a decision) is the head's, on someone else's request. */
function escalationProblem(input: RuleInput, base: Ticket, pushed: Ticket): Refusal | null {
  const before = base.escalation;
  const after = pushed.escalation;
  if (jsonEqual(before, after)) return null;
  const decided = after.state === 'approved' || after.state === 'returned';
  const decisionChanged = after.state !== before.state || decisionFields.some((f) => !jsonEqual(before[f], after[f]));
  if (!decided || !decisionChanged) return null;
  if (!isHead(input)) return refuse('Одобрить или вернуть эскалацию может только руководитель.');
  if (after.requestedBy === input.agentId) {
    return refuse('Решение по эскалации, которую вы запросили сами, принимает другой руководитель.');
  }
  return null;
}
