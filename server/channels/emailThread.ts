/**
 * Addressing of an outgoing message on a ticket: the mailbox it goes from (the one the ticket's
 * mail came to, else the workspace's first enabled mailbox), the recipient, the number in the
 * subject and the In-Reply-To / References chain of the ticket's messages. A ticket whose latest
 * message came from a messenger chat is answered in that chat, by the bot it came through.
 */
import type { Transaction } from 'kysely';
import { replySubject } from '#shared/channels/emailSubject.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import type { DbSchema } from '../db/dbSchema.ts';

export interface Addressing {
  kind: 'email' | 'telegram';
  channelId: string;
  address: string;
  to: string;
  subject: string;
  inReplyTo: string;
  references: string[];
}

/** References kept in one message: the first and the latest ones, as RFC 5322 suggests trimming. */
const maxReferences = 20;

export async function addressingOf(
  trx: Transaction<DbSchema>,
  ticket: Pick<Ticket, 'id' | 'subject' | 'number' | 'contact'>,
): Promise<Addressing | null> {
  const messages = await trx
    .selectFrom('channel_messages')
    .select(['message_id', 'channel_id', 'direction', 'conversation'])
    .where('ticket_id', '=', ticket.id)
    .orderBy('created_at')
    .execute();
  const lastIn = [...messages].reverse().find((m) => m.direction === 'in');
  if (lastIn?.conversation) {
    const bot = await trx
      .selectFrom('channels')
      .select(['id', 'address'])
      .where('id', '=', lastIn.channel_id)
      .where('enabled', '=', true)
      .executeTakeFirst();
    if (!bot) return null;
    return {
      kind: 'telegram',
      channelId: bot.id,
      address: bot.address,
      to: lastIn.conversation,
      subject: replySubject(ticket.subject, ticket.number),
      inReplyTo: lastIn.message_id,
      references: [],
    };
  }
  const to = ticket.contact.email.trim();
  if (!to) return null;
  let channel = lastIn
    ? await trx
        .selectFrom('channels')
        .select(['id', 'address'])
        .where('id', '=', lastIn.channel_id)
        .where('enabled', '=', true)
        .executeTakeFirst()
    : undefined;
  channel ??= await trx
    .selectFrom('channels')
    .select(['id', 'address'])
    .where('enabled', '=', true)
    .where('kind', '=', 'email')
    .orderBy('created_at')
    .executeTakeFirst();
  if (!channel) return null;
  const ids = messages.map((m) => m.message_id);
  const references = ids.length > maxReferences ? [ids[0]!, ...ids.slice(-(maxReferences - 1))] : ids;
  return {
    kind: 'email',
    channelId: channel.id,
    address: channel.address,
    to,
    subject: replySubject(ticket.subject, ticket.number),
    inReplyTo: lastIn?.message_id ?? ids.at(-1) ?? '',
    references,
  };
}

/** A Message-ID for an outgoing message, fixed by its queue id: a resend carries the same one. */
export function outgoingMessageId(queueId: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] || 'pass24.local';
  return `<${queueId}@${domain}>`;
}

/** The signature under every reply: the agent's name and the desk. */
export function withSignature(body: string, agentName: string): string {
  const name = agentName.trim();
  return `${body.trim()}\n\n-- \n${name ? `${name}\n` : ''}Техническая поддержка PASS24`;
}

/** A messenger reply: no mail signature delimiter, the agent's name on one line under the text. */
export function withMessengerSignature(body: string, agentName: string): string {
  const name = agentName.trim();
  return `${body.trim()}\n\n— ${name ? `${name}, ` : ''}техподдержка PASS24`;
}
