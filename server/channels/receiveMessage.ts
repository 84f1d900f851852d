/**
 * A received message becomes a ticket or joins one (the receive half of every connector).
 *
 * Threading: the ticket number in the subject, else an In-Reply-To / References id of a message
 * of a ticket. A follow-up on a ticket waiting for the client resumes it; on a resolved ticket it
 * reopens it («не помогло», the message as the reason); on a closed ticket it opens a new ticket
 * linked as a repeat. Anything else is a new ticket (channel email, the client matched by the
 * sender's address in the directory, else an unknown contact), acknowledged automatically unless
 * the workspace turned that off or the mail is automatic itself. A bounce marks the reply it
 * names failed. One transaction: the same message received twice is filed once.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { automaticAnswerBlocked } from '#shared/channels/loopGuards.ts';
import { numberInSubject, ticketSubjectOf } from '#shared/channels/emailSubject.ts';
import { splitQuoted } from '#shared/channels/quotedText.ts';
import { createTicketDocument } from '#shared/domain/ticketFactory.ts';
import { applyAction, type Actor, type EventDraft } from '#shared/domain/workflow.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { acknowledgementBody, autoAcknowledgeEnabled } from './acknowledgement.ts';
import { recordBounce } from './deliveryStatus.ts';
import { addressingOf, outgoingMessageId } from './emailThread.ts';
import type { InboundMessage } from './inboundMessage.ts';
import { enqueue } from './outboundQueue.ts';
import {
  eventOf,
  openWriters,
  readTicket,
  ticketByNumber,
  writeTicketsAndEvents,
  type NewEvent,
  type StoredTicket,
} from './ticketWrites.ts';

export type ReceiveOutcome = 'created' | 'joined' | 'resumed' | 'reopened' | 'repeat' | 'duplicate' | 'bounce';

export interface ReceiveResult {
  outcome: ReceiveOutcome;
  ticketId: string | null;
  number: string | null;
  acknowledged: boolean;
}

const clientActor: Actor = { id: '', name: 'Клиент', role: 'agent' };

async function ticketOfThread(trx: Transaction<DbSchema>, message: InboundMessage): Promise<StoredTicket | null> {
  const number = numberInSubject(message.subject);
  if (number) {
    const byNumber = await ticketByNumber(trx, number);
    if (byNumber) return byNumber;
  }
  const ids = [...message.inReplyTo, ...message.references.slice().reverse()];
  if (ids.length === 0) return null;
  const rows = await trx
    .selectFrom('channel_messages')
    .select(['ticket_id'])
    .where('message_id', 'in', ids)
    .orderBy('created_at', 'desc')
    .execute();
  for (const row of rows) {
    const ticket = await readTicket(trx, row.ticket_id);
    if (ticket) return ticket;
  }
  return null;
}

interface DirectoryMatch {
  clientId: string | null;
  siteId: string | null;
  organizationName: string;
  siteName: string;
  contactName: string;
}

/** The client whose contact has this address: a site names its organisation too. */
async function matchSender(trx: Transaction<DbSchema>, address: string): Promise<DirectoryMatch | null> {
  const { rows } = await sql<{ id: string; kind: string; name: string; parent_id: string | null; contact: string }>`
    select d.id, d.data->>'kind' as kind, d.data->>'name' as name, d.data->>'parentId' as parent_id, c->>'name' as contact
    from documents d cross join lateral jsonb_array_elements(d.data->'contacts') as c
    where d.collection = 'clients' and not d.deleted and lower(c->>'email') = ${address}
    order by d.id limit 1`.execute(trx);
  const row = rows[0];
  if (!row) return null;
  if (row.kind === 'site') {
    const parent = row.parent_id
      ? await trx
          .selectFrom('documents')
          .select('data')
          .where('collection', '=', 'clients')
          .where('id', '=', row.parent_id)
          .executeTakeFirst()
      : undefined;
    return {
      clientId: row.parent_id,
      siteId: row.id,
      organizationName: (parent?.data as { name?: string } | undefined)?.name ?? '',
      siteName: row.name,
      contactName: row.contact,
    };
  }
  return { clientId: row.id, siteId: null, organizationName: row.name, siteName: '', contactName: row.contact };
}

async function storeAttachments(
  trx: Transaction<DbSchema>,
  message: InboundMessage,
  ticketId: string,
  eventId: string,
  now: number,
): Promise<Array<{ id: string; name: string; size: number; type: string }>> {
  const listed: Array<{ id: string; name: string; size: number; type: string }> = [];
  for (const a of message.attachments) {
    const id = randomUUID();
    await trx
      .insertInto('attachments')
      .values({
        id,
        ticket_id: ticketId,
        event_id: eventId,
        filename: a.filename.slice(0, 255),
        content_type: a.contentType.slice(0, 200),
        size: a.content.length,
        content: a.content,
        created_at: now,
      })
      .execute();
    listed.push({ id, name: a.filename, size: a.content.length, type: a.contentType });
  }
  return listed;
}

/** The client_message event: the new text shown, history and signature folded, the original kept. */
async function clientMessageEvent(
  trx: Transaction<DbSchema>,
  message: InboundMessage,
  ticketId: string,
  now: number,
): Promise<NewEvent> {
  const id = randomUUID();
  const { visible, folded } = splitQuoted(message.text);
  const attachments = await storeAttachments(trx, message, ticketId, id, now);
  let originalId: string | null = null;
  if (message.raw) {
    originalId = randomUUID();
    await trx
      .insertInto('attachments')
      .values({
        id: originalId,
        ticket_id: ticketId,
        event_id: id,
        filename: 'original.eml',
        content_type: 'message/rfc822',
        size: message.raw.length,
        content: message.raw,
        created_at: now,
      })
      .execute();
  }
  const sender = message.from;
  return {
    id,
    ticketId,
    kind: 'client_message',
    at: now,
    authorId: '',
    authorName: (sender?.name || sender?.address || 'Неизвестный отправитель').slice(0, 200),
    public: true,
    body: (visible || '(пустое письмо)').slice(0, 20000),
    data: {
      channel: 'email',
      from: sender?.address ?? '',
      subject: message.subject.slice(0, 500),
      messageId: message.messageId,
      folded: folded.slice(0, 50000),
      originalId,
      attachments: JSON.stringify(attachments),
      refusedAttachments: JSON.stringify(message.refusedAttachments),
    },
  };
}

function draftsToEvents(ticketId: string, drafts: readonly EventDraft[], now: number): NewEvent[] {
  return drafts.map((d) => eventOf(ticketId, d, now));
}

async function ownAddresses(trx: Transaction<DbSchema>): Promise<string[]> {
  const rows = await trx.selectFrom('channels').select('address').execute();
  return rows.map((r) => r.address.toLowerCase());
}

export async function receiveMessage(
  db: Kysely<DbSchema>,
  message: InboundMessage,
  now: number = Date.now(),
): Promise<ReceiveResult> {
  return db.transaction().execute(async (trx) => {
    const writers = await openWriters(trx);
    const seen = await trx
      .selectFrom('channel_messages')
      .select('ticket_id')
      .where('message_id', '=', message.messageId)
      .executeTakeFirst();
    if (seen) {
      const ticket = await readTicket(trx, seen.ticket_id);
      return { outcome: 'duplicate', ticketId: seen.ticket_id, number: ticket?.number ?? null, acknowledged: false };
    }
    if (message.bounce) {
      const handled = await recordBounce(trx, writers, message.bounce, now);
      if (handled) return { outcome: 'bounce', ticketId: handled, number: null, acknowledged: false };
    }

    const own = await ownAddresses(trx);
    const blocked = automaticAnswerBlocked({ from: message.from?.address ?? '', ...message.headers }, own);
    const existing = await ticketOfThread(trx, message);
    let outcome: ReceiveOutcome;
    let ticket: Ticket;
    const events: NewEvent[] = [];
    const tickets: Ticket[] = [];

    if (existing && existing.status !== 'closed') {
      const clientEvent = await clientMessageEvent(trx, message, existing.id, now);
      events.push(clientEvent);
      ticket = existing;
      outcome = 'joined';
      if (existing.status === 'waiting_client') {
        const moved = applyAction(existing, { type: 'clientAnswered' }, clientActor, now);
        if (moved.ok) {
          ticket = { ...moved.ticket, editedBy: '' };
          events.push(...draftsToEvents(existing.id, moved.events, now));
          outcome = 'resumed';
        }
      } else if (existing.status === 'resolved') {
        const reason = `Не помогло: ${clientEvent.body}`.slice(0, 5000);
        const moved = applyAction(existing, { type: 'reopen', reason }, clientActor, now);
        if (moved.ok) {
          ticket = { ...moved.ticket, editedBy: '' };
          events.push(
            ...draftsToEvents(existing.id, moved.events, now).map((e) => ({ ...e, authorName: clientEvent.authorName })),
          );
          outcome = 'reopened';
        }
      }
      if (outcome !== 'joined') tickets.push(ticket);
    } else {
      const match = message.from ? await matchSender(trx, message.from.address) : null;
      const id = randomUUID();
      const { visible } = splitQuoted(message.text);
      ticket = createTicketDocument(
        {
          subject: ticketSubjectOf(message.subject).slice(0, 300),
          description: (visible || message.text || '(пустое письмо)').slice(0, 20000),
          type: 'incident',
          priority: 'standard',
          channel: 'email',
          product: null,
          clientId: match?.clientId ?? null,
          siteId: match?.siteId ?? null,
          organizationName: match?.organizationName ?? '',
          siteName: match?.siteName ?? '',
          contact: {
            name: (message.from?.name || match?.contactName || '').slice(0, 200),
            email: (message.from?.address ?? '').slice(0, 200),
          },
          repeatOf: existing ? existing.id : null,
          externalId: message.messageId.slice(0, 200),
        },
        { id, now, authorId: '' },
      );
      tickets.push(ticket);
      events.push(
        eventOf(id, { kind: 'created', public: true, body: '', data: { channel: 'email', externalId: message.messageId } }, now),
      );
      if (existing) {
        events.push(
          eventOf(
            id,
            { kind: 'repeat_linked', public: false, body: '', data: { repeatOf: existing.number ?? existing.id } },
            now,
          ),
        );
      }
      events.push(await clientMessageEvent(trx, message, id, now));
      outcome = existing ? 'repeat' : 'created';
    }

    const stored = tickets.length > 0 ? await writeTicketsAndEvents(writers, trx, tickets, events, now) : [];
    if (tickets.length === 0) await writeTicketsAndEvents(writers, trx, [], events, now);
    const final = stored[0] ?? ticket;
    await trx
      .insertInto('channel_messages')
      .values({
        message_id: message.messageId,
        channel_id: message.channelId,
        ticket_id: final.id,
        event_id: events.find((e) => e.kind === 'client_message')!.id,
        direction: 'in',
        created_at: now,
      })
      .execute();

    let acknowledged = false;
    if ((outcome === 'created' || outcome === 'repeat') && blocked === null && (await autoAcknowledgeEnabled(trx))) {
      acknowledged = await queueAcknowledgement(trx, writers, final, now);
    }
    return { outcome, ticketId: final.id, number: final.number, acknowledged };
  });
}

/** The acknowledgement: a public automatic reply in the timeline, queued for sending. */
async function queueAcknowledgement(
  trx: Transaction<DbSchema>,
  writers: Awaited<ReturnType<typeof openWriters>>,
  ticket: Ticket,
  now: number,
): Promise<boolean> {
  const addressing = await addressingOf(trx, ticket);
  if (!addressing) return false;
  const body = await acknowledgementBody(trx, ticket);
  const event = eventOf(
    ticket.id,
    { kind: 'reply', public: true, body, data: { automatic: true, to: addressing.to } },
    now,
    'Автоответ',
  );
  await writeTicketsAndEvents(writers, trx, [], [event], now);
  await enqueue(
    trx,
    {
      id: event.id,
      channelId: addressing.channelId,
      ticketId: ticket.id,
      kind: 'ack',
      to: addressing.to,
      subject: addressing.subject,
      body,
      fromName: 'Техническая поддержка PASS24',
      messageId: outgoingMessageId(event.id, addressing.address),
      inReplyTo: addressing.inReplyTo,
      references: addressing.references,
    },
    now,
  );
  return true;
}
