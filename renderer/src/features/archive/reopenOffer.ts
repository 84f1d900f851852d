/**
 * What the archive offers on a found ticket besides a new linked one: reopening follows the
 * workflow (shared/domain/workflow.ts): only a resolved ticket, by the head or by the agent who
 * may work it. A closed ticket is final (the client confirmed the solution): it is continued as a
 * new linked ticket, never reopened.
 */
import { canApply, type Actor } from '#shared/domain/workflow.ts';
import type { Ticket } from '#shared/schema/index.ts';
import { openStatuses } from '#shared/vocabulary/enums.ts';

export type ReopenOffer = 'reopen' | 'final' | 'notYours' | 'open';

export function reopenOffer(ticket: Pick<Ticket, 'status' | 'assigneeId'>, actor: Actor): ReopenOffer {
  if (openStatuses.includes(ticket.status)) return 'open';
  if (ticket.status === 'closed') return 'final';
  return canApply(ticket, 'reopen', actor) ? 'reopen' : 'notYours';
}
