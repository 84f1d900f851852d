/**
 * What the desk tells about the channels. A client's message on a ticket tells its assignee (a
 * follow-up that resumed or reopened it, or just joined it): the first message of a new ticket is
 * the queue's news, and one from before the desk started was there to read already. A connector
 * reported failing in /api/health is shown to the admin and the head until it runs again.
 */
import type { ChannelHealth } from '../protocol.ts';
import type { TicketEvent } from '../schema/eventSchema.ts';
import type { Ticket } from '../schema/ticketSchema.ts';

export function isFollowUpFor(
  event: Pick<TicketEvent, 'kind' | 'at'>,
  ticket: Pick<Ticket, 'assigneeId' | 'createdAt'> | null,
  agentId: string,
  since: number,
): boolean {
  return (
    event.kind === 'client_message' &&
    ticket !== null &&
    ticket.assigneeId === agentId &&
    event.at >= since &&
    event.at > ticket.createdAt
  );
}

/** A notification's text: the message's first line, cut at a word near `limit`. */
export function messagePreview(body: string, limit = 140): string {
  const line = body.trim().split('\n')[0]!.trim();
  if (line.length <= limit) return line;
  const cut = line.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function failingChannels(channels: readonly ChannelHealth[]): ChannelHealth[] {
  return channels.filter((c) => c.state === 'failing');
}
