/**
 * How many emergencies wait for first contact and are this agent's to answer: open, emergency, no
 * public contact yet, and unassigned or assigned to this agent. The host shows the number on the
 * tray, the taskbar (flash, badge) or, on the web, in the page title.
 */
import { openStatuses } from '../vocabulary/enums.ts';
import type { Ticket } from '../schema/ticketSchema.ts';

export type AttentionTicket = Pick<Ticket, 'status' | 'priority' | 'firstContactAt' | 'assigneeId'>;

export function needsAttention(ticket: AttentionTicket, agentId: string): boolean {
  return (
    openStatuses.includes(ticket.status) &&
    ticket.priority === 'emergency' &&
    ticket.firstContactAt === null &&
    (ticket.assigneeId === '' || ticket.assigneeId === agentId)
  );
}

export function attentionCount(tickets: readonly AttentionTicket[], agentId: string): number {
  return tickets.filter((t) => needsAttention(t, agentId)).length;
}
