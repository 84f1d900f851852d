/**
 * The support workflow as a state machine (docs/product.md, duties 5, 6, 8 and 10).
 *
 *   new ──take──▶ in_progress ◀──client answered── waiting_client
 *                   │   ▲  └────wait for client──────────▲
 *   request escalation  │ return (head, comment)
 *                   ▼   │
 *        escalation_requested ──approve (head, dev task)──▶ escalated ──development answered──▶ in_progress
 *   in_progress/waiting_client ──resolve (summary + KB article)──▶ resolved ──confirm (+CSAT)──▶ closed
 *                                                                  └──not fixed──▶ in_progress
 *
 * "Log contact" (a call or a message to the client) is not a move: it records the first public
 * contact, which meets the first-contact target, in any open status. A reply does not meet it
 * here: recording a reply contacts nobody. The endpoint meets it at the instant SMTP accepts the
 * reply (server/channels/deliveryStatus.ts); a ticket with no address needs a logged call.
 * Pure: the caller passes the actor and `now`; the result is the next ticket and the timeline
 * entries to append. The UI asks `availableActions` and offers only legal moves.
 */
import type { EventKind, Priority, Role, TicketStatus } from '../vocabulary/enums.ts';
import { openStatuses } from '../vocabulary/enums.ts';
import type { Ticket } from '../schema/ticketSchema.ts';

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

export type ContactMode = 'call' | 'message';

export type WorkflowAction =
  | { type: 'take' }
  | { type: 'assign'; assigneeId: string }
  /** `templateId`: the script the call followed (its phone text read aloud), counted like a reply's. */
  | { type: 'logContact'; mode: ContactMode; note: string; templateId?: string }
  /** `templateId`: the reply script it was written from, kept on the event so usage is counted from the timeline. */
  | { type: 'reply'; body: string; templateId?: string }
  | { type: 'note'; body: string }
  | { type: 'waitForClient'; note?: string }
  | { type: 'clientAnswered'; note?: string }
  | { type: 'changePriority'; priority: Priority; reason?: string }
  | { type: 'requestEscalation'; reason: string }
  | { type: 'approveEscalation'; devTaskRef: string; comment?: string }
  | { type: 'returnEscalation'; comment: string }
  | { type: 'developmentAnswered'; note: string }
  | { type: 'resolve'; summary: string; kbArticleId: string }
  /** Links a knowledge-base article while diagnosing (the resolution links one too). */
  | { type: 'linkKb'; kbArticleId: string }
  | { type: 'confirmClosure'; note: string; csat: { score: number; comment: string } | null }
  | { type: 'reopen'; reason: string };

export type WorkflowActionType = WorkflowAction['type'];

/** Why a move was refused; `code` is translated by the UI (i18n key `workflow.errors.<code>`). */
export type WorkflowErrorCode =
  | 'illegal_in_status'
  | 'head_only'
  | 'reason_required'
  | 'comment_required'
  | 'dev_task_required'
  | 'summary_required'
  | 'kb_article_required'
  | 'body_required'
  | 'csat_out_of_range'
  | 'same_priority'
  | 'already_assigned'
  | 'assignee_required'
  | 'not_assignee'
  | 'own_request';

export interface WorkflowError {
  code: WorkflowErrorCode;
  action: WorkflowActionType;
  status: TicketStatus;
}

/** A timeline entry to append (the repository adds id, ticketId and updatedAt). */
export interface EventDraft {
  kind: EventKind;
  public: boolean;
  body: string;
  data: Record<string, string | number | boolean | null>;
}

export type WorkflowResult = { ok: true; ticket: Ticket; events: EventDraft[] } | { ok: false; error: WorkflowError };

const headRoles: readonly Role[] = ['head', 'admin'];

/** Statuses in which each action is legal. */
export const actionStatuses: Record<WorkflowActionType, readonly TicketStatus[]> = {
  take: ['new', 'in_progress', 'waiting_client', 'escalation_requested', 'escalated'],
  assign: openStatuses,
  logContact: openStatuses,
  reply: [...openStatuses, 'resolved'],
  note: [...openStatuses, 'resolved', 'closed'],
  waitForClient: ['in_progress'],
  clientAnswered: ['waiting_client'],
  changePriority: openStatuses,
  requestEscalation: ['in_progress', 'waiting_client'],
  approveEscalation: ['escalation_requested'],
  returnEscalation: ['escalation_requested'],
  developmentAnswered: ['escalated'],
  resolve: ['in_progress', 'waiting_client'],
  linkKb: [...openStatuses, 'resolved'],
  confirmClosure: ['resolved'],
  reopen: ['resolved'],
};

const headOnly: ReadonlySet<WorkflowActionType> = new Set(['approveEscalation', 'returnEscalation']);

/** Moves that only add to a ticket (its timeline, the first contact): open to every signed-in role. */
export const addingActions: ReadonlySet<WorkflowActionType> = new Set(['note', 'reply', 'logContact']);

export function isHeadRole(role: Role): boolean {
  return headRoles.includes(role);
}

/**
 * May the actor change the ticket beyond adding to it? The head any ticket; an agent its own or an
 * unassigned one (the team's): another agent's ticket is theirs to move, reassign or edit.
 */
export function mayWorkTicket(ticket: Pick<Ticket, 'assigneeId'>, actor: Pick<Actor, 'id' | 'role'>): boolean {
  return isHeadRole(actor.role) || ticket.assigneeId === '' || ticket.assigneeId === actor.id;
}

/** Nobody decides on an escalation they requested themselves. */
function ownRequest(ticket: { escalation?: Pick<Ticket['escalation'], 'requestedBy'> }, actor: Actor): boolean {
  return ticket.escalation !== undefined && ticket.escalation.requestedBy !== '' && ticket.escalation.requestedBy === actor.id;
}

type TicketForMoves = Pick<Ticket, 'status' | 'assigneeId'> & { escalation?: Pick<Ticket['escalation'], 'requestedBy'> };

function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim().length === 0;
}

/** Is the action legal for this ticket and actor (ignoring the action's own fields)? */
export function canApply(ticket: TicketForMoves, type: WorkflowActionType, actor: Actor): boolean {
  if (!actionStatuses[type].includes(ticket.status)) return false;
  if (headOnly.has(type) && !headRoles.includes(actor.role)) return false;
  if (headOnly.has(type) && ownRequest(ticket, actor)) return false;
  if (!addingActions.has(type) && !mayWorkTicket(ticket, actor)) return false;
  if (type === 'take' && ticket.assigneeId === actor.id && ticket.status !== 'new') return false;
  return true;
}

/** The moves the UI offers for this ticket to this actor, in a stable order. */
export function availableActions(ticket: TicketForMoves, actor: Actor): WorkflowActionType[] {
  return (Object.keys(actionStatuses) as WorkflowActionType[]).filter((t) => canApply(ticket, t, actor));
}

function validate(action: WorkflowAction): WorkflowErrorCode | null {
  switch (action.type) {
    case 'reply':
    case 'note':
      return isBlank(action.body) ? 'body_required' : null;
    case 'requestEscalation':
      return isBlank(action.reason) ? 'reason_required' : null;
    case 'approveEscalation':
      return isBlank(action.devTaskRef) ? 'dev_task_required' : null;
    case 'returnEscalation':
      return isBlank(action.comment) ? 'comment_required' : null;
    case 'developmentAnswered':
      return isBlank(action.note) ? 'comment_required' : null;
    case 'linkKb':
      return isBlank(action.kbArticleId) ? 'kb_article_required' : null;
    case 'resolve':
      if (isBlank(action.summary)) return 'summary_required';
      return isBlank(action.kbArticleId) ? 'kb_article_required' : null;
    case 'confirmClosure':
      if (action.csat && (!Number.isInteger(action.csat.score) || action.csat.score < 1 || action.csat.score > 5)) {
        return 'csat_out_of_range';
      }
      return null;
    case 'reopen':
      return isBlank(action.reason) ? 'reason_required' : null;
  }
  // The other moves carry nothing that must be filled in.
  return null;
}

function withStatus(ticket: Ticket, status: TicketStatus, now: number): Ticket {
  return { ...ticket, status, statusLog: [...ticket.statusLog, { status, at: now }] };
}

function statusEvent(from: TicketStatus, to: TicketStatus): EventDraft {
  return { kind: 'status_changed', public: false, body: '', data: { from, to } };
}

/**
 * Applies one move. Returns the next ticket (status, statusLog, timestamps, escalation, resolution
 * fields updated; editedAt/editedBy set to the actor and `now`) and the events to append.
 * SLA due instants are not recomputed here: the repository does it (shared/domain/ticketDeadlines.ts).
 */
export function applyAction(ticket: Ticket, action: WorkflowAction, actor: Actor, now: number): WorkflowResult {
  const fail = (code: WorkflowErrorCode): WorkflowResult => ({
    ok: false,
    error: { code, action: action.type, status: ticket.status },
  });
  if (!actionStatuses[action.type].includes(ticket.status)) return fail('illegal_in_status');
  if (headOnly.has(action.type) && !headRoles.includes(actor.role)) return fail('head_only');
  if (headOnly.has(action.type) && ownRequest(ticket, actor)) return fail('own_request');
  if (!addingActions.has(action.type) && !mayWorkTicket(ticket, actor)) return fail('not_assignee');
  const invalid = validate(action);
  if (invalid) return fail(invalid);

  const events: EventDraft[] = [];
  let next: Ticket = { ...ticket, editedAt: now, editedBy: actor.id };
  const move = (to: TicketStatus) => {
    if (next.status !== to) {
      events.push(statusEvent(next.status, to));
      next = withStatus(next, to, now);
    }
  };
  const meetFirstContact = () => {
    if (next.firstContactAt === null) next = { ...next, firstContactAt: now };
  };

  switch (action.type) {
    case 'take': {
      if (ticket.assigneeId === actor.id && ticket.status !== 'new') return fail('already_assigned');
      if (ticket.assigneeId !== actor.id) {
        events.push({ kind: 'assigned', public: false, body: '', data: { from: ticket.assigneeId, to: actor.id } });
        next = { ...next, assigneeId: actor.id };
      }
      if (ticket.status === 'new') move('in_progress');
      break;
    }
    case 'assign': {
      if (!action.assigneeId.trim()) return fail('assignee_required');
      if (ticket.assigneeId === action.assigneeId) return fail('already_assigned');
      events.push({ kind: 'assigned', public: false, body: '', data: { from: ticket.assigneeId, to: action.assigneeId } });
      next = { ...next, assigneeId: action.assigneeId };
      break;
    }
    case 'logContact': {
      events.push({
        kind: 'contact_logged',
        public: true,
        body: action.note.trim(),
        data: action.templateId ? { mode: action.mode, templateId: action.templateId } : { mode: action.mode },
      });
      meetFirstContact();
      break;
    }
    case 'reply': {
      events.push({
        kind: 'reply',
        public: true,
        body: action.body.trim(),
        data: action.templateId ? { templateId: action.templateId } : {},
      });
      break;
    }
    case 'note': {
      events.push({ kind: 'note', public: false, body: action.body.trim(), data: {} });
      break;
    }
    case 'waitForClient': {
      if (!isBlank(action.note)) events.push({ kind: 'note', public: false, body: action.note!.trim(), data: {} });
      move('waiting_client');
      break;
    }
    case 'clientAnswered': {
      if (!isBlank(action.note)) events.push({ kind: 'note', public: false, body: action.note!.trim(), data: {} });
      move('in_progress');
      break;
    }
    case 'changePriority': {
      if (ticket.priority === action.priority) return fail('same_priority');
      events.push({
        kind: 'priority_changed',
        public: false,
        body: action.reason?.trim() ?? '',
        data: { from: ticket.priority, to: action.priority },
      });
      next = { ...next, priority: action.priority };
      break;
    }
    case 'requestEscalation': {
      events.push({ kind: 'escalation_requested', public: false, body: action.reason.trim(), data: {} });
      next = {
        ...next,
        escalation: {
          state: 'requested',
          reason: action.reason.trim(),
          requestedAt: now,
          requestedBy: actor.id,
          decidedAt: null,
          decidedBy: '',
          devTaskRef: '',
          comment: '',
        },
      };
      move('escalation_requested');
      break;
    }
    case 'approveEscalation': {
      const comment = action.comment?.trim() ?? '';
      events.push({ kind: 'escalation_approved', public: false, body: comment, data: { devTaskRef: action.devTaskRef.trim() } });
      next = {
        ...next,
        escalation: {
          ...next.escalation,
          state: 'approved',
          decidedAt: now,
          decidedBy: actor.id,
          devTaskRef: action.devTaskRef.trim(),
          comment,
        },
      };
      move('escalated');
      break;
    }
    case 'returnEscalation': {
      events.push({ kind: 'escalation_returned', public: false, body: action.comment.trim(), data: {} });
      next = {
        ...next,
        escalation: {
          ...next.escalation,
          state: 'returned',
          decidedAt: now,
          decidedBy: actor.id,
          comment: action.comment.trim(),
        },
      };
      move('in_progress');
      break;
    }
    case 'developmentAnswered': {
      events.push({ kind: 'development_answered', public: false, body: action.note.trim(), data: {} });
      next = { ...next, escalation: { ...next.escalation, state: 'answered' } };
      move('in_progress');
      break;
    }
    case 'linkKb': {
      events.push({ kind: 'kb_linked', public: false, body: '', data: { kbArticleId: action.kbArticleId } });
      break;
    }
    case 'resolve': {
      events.push({ kind: 'kb_linked', public: false, body: '', data: { kbArticleId: action.kbArticleId } });
      events.push({ kind: 'resolution', public: false, body: action.summary.trim(), data: { kbArticleId: action.kbArticleId } });
      next = { ...next, resolution: { summary: action.summary.trim(), kbArticleId: action.kbArticleId }, resolvedAt: now };
      move('resolved');
      break;
    }
    case 'confirmClosure': {
      events.push({ kind: 'confirmation', public: true, body: action.note.trim(), data: {} });
      if (action.csat) {
        events.push({ kind: 'csat', public: false, body: action.csat.comment.trim(), data: { score: action.csat.score } });
      }
      next = {
        ...next,
        confirmation: { confirmedAt: now, note: action.note.trim() },
        csat: action.csat ? { score: action.csat.score, comment: action.csat.comment.trim() } : null,
        closedAt: now,
      };
      move('closed');
      break;
    }
    case 'reopen': {
      events.push({ kind: 'reopened', public: true, body: action.reason.trim(), data: {} });
      // The resolution clock continues from where it stopped: resolvedAt is cleared.
      next = { ...next, resolvedAt: null, resolution: null };
      move('in_progress');
      break;
    }
  }
  return { ok: true, ticket: next, events };
}
