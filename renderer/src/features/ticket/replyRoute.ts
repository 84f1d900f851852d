/**
 * Where a public reply goes, as the endpoint decides it (server/channels/emailThread.ts): into the
 * Telegram chat the client last wrote from, else by mail to the contact's address. Pure, so the
 * composer's wording is tested without React.
 */
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';

export type ReplyRoute = { kind: 'telegram'; chat: string } | { kind: 'email'; address: string };

export function replyRouteOf(ticket: Pick<Ticket, 'contact'>, events: readonly TicketEvent[]): ReplyRoute {
  const lastIn = [...events]
    .filter((e) => e.kind === 'client_message' || e.kind === 'created')
    .sort((a, b) => a.at - b.at)
    .findLast((e) => e.data.channel === 'telegram' || e.data.channel === 'email');
  if (lastIn?.data.channel === 'telegram') {
    const { name, messenger } = ticket.contact;
    return { kind: 'telegram', chat: name && messenger ? `${name} (${messenger})` : name || messenger };
  }
  return { kind: 'email', address: ticket.contact.email };
}
