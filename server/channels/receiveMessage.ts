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
 *
 * A messenger chat is one conversation: a message joins the chat's latest ticket unless that one
 * is closed (then, or after the client's /new, it opens a new ticket, channel `messenger`, the
 * contact known by the chat), and the acknowledgement goes back to the chat.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { automaticAnswerBlocked } from '#shared/channels/loopGuards.ts';
import { numberInSubject, replySubject, ticketSubjectOf } from '#shared/channels/emailSubject.ts';
import { splitQuoted } from '#shared/channels/quotedText.ts';
import { createTicketDocument } from '#shared/domain/ticketFactory.ts';
import { applyAction, type Actor, type EventDraft } from '#shared/domain/workflow.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import {
  acknowledgementBody,
  acknowledgementSource,
  autoAcknowledgeEnabled,
  type AcknowledgementSource,
} from './acknowledgement.ts';
import { recordBounce } from './deliveryStatus.ts';
import { outgoingMessageId } from './emailThread.ts';
import type { InboundMessage } from './inboundMessage.ts';
import { enqueue, type QueueInput } from './outboundQueue.ts';
import { assignTicketNumbers } from '../replication/ticketNumbers.ts';
import { resendTimelines } from '../replication/timelineReturn.ts';
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

type Writers = Awaited<ReturnType<typeof openWriters>>;

/** Desks' live streams learn of the transaction's writes once, when it commits. */
async function notifyWriters(writers: Writers): Promise<void> {
  await writers.tickets.notify();
  await writers.events.notify();
}

const acknowledgementSender = 'Техническая поддержка PASS24';

/**
 * The client's word moves the ticket whoever holds it: the move is made in the assignee's place
 * (the workflow lets only the assignee work a ticket), and the stored ticket names no editor.
 */
const clientActing = (ticket: Ticket): Actor => ({ id: ticket.assigneeId, name: 'Клиент', role: 'agent' });

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

/**
 * The chat's current ticket: the one its latest message joined, none after a /new marker (a row
 * with no ticket) or when that ticket is closed. Message ids of one chat share a prefix and end in
 * the chat's increasing message number, so length then text orders them within one instant.
 */
async function ticketOfConversation(trx: Transaction<DbSchema>, channelId: string, chat: string): Promise<StoredTicket | null> {
  const row = await trx
    .selectFrom('channel_messages')
    .select('ticket_id')
    .where('channel_id', '=', channelId)
    .where('conversation', '=', chat)
    .where('direction', '=', 'in')
    .orderBy('created_at', 'desc')
    .orderBy(sql`length(message_id)`, 'desc')
    .orderBy('message_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || row.ticket_id === '') return null;
  const ticket = await readTicket(trx, row.ticket_id);
  return ticket && ticket.status !== 'closed' ? ticket : null;
}

/**
 * The client's /new without a question yet: the chat's next message opens a new ticket. Kept as
 * a message of the chat that names no ticket; the same /new received twice is kept once.
 */
export async function startConversationAfresh(
  db: Kysely<DbSchema>,
  input: { channelId: string; chat: string; messageId: string },
  now: number = Date.now(),
): Promise<void> {
  await db
    .insertInto('channel_messages')
    .values({
      message_id: input.messageId,
      channel_id: input.channelId,
      ticket_id: '',
      event_id: '',
      direction: 'in',
      conversation: input.chat,
      created_at: now,
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
}

interface DirectoryMatch {
  clientId: string | null;
  siteId: string | null;
  organizationName: string;
  siteName: string;
  contactName: string;
  /** A linked chat's contact, as the manager chose it. */
  contactPhone?: string;
  contactEmail?: string;
}

/**
 * The client a manager linked the chat to: the organisation, site and contact of the chat's latest
 * ticket that names an organisation. Remembered by the tickets themselves, so relinking a ticket
 * is what changes the chat's link.
 */
async function linkedClientOfChat(trx: Transaction<DbSchema>, channelId: string, chat: string): Promise<DirectoryMatch | null> {
  const row = await trx
    .selectFrom('channel_messages as m')
    .innerJoin('documents as d', (join) => join.onRef('d.id', '=', 'm.ticket_id').on('d.collection', '=', 'tickets'))
    .select('d.data')
    .where('m.channel_id', '=', channelId)
    .where('m.conversation', '=', chat)
    .where(sql<boolean>`d.data->>'clientId' is not null`)
    .orderBy('m.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const linked = row.data as unknown as Ticket;
  return {
    clientId: linked.clientId,
    siteId: linked.siteId,
    organizationName: linked.organizationName,
    siteName: linked.siteName,
    contactName: linked.contact.name,
    contactPhone: linked.contact.phone,
    contactEmail: linked.contact.email,
  };
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
  // A chat has no quoting or signature convention: its text is shown as written.
  const { visible, folded } = message.conversation ? { visible: message.text.trim(), folded: '' } : splitQuoted(message.text);
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
    body: (visible || (message.conversation ? '(без текста)' : '(пустое письмо)')).slice(0, 20000),
    data: {
      channel: message.conversation ? 'telegram' : 'email',
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

interface DeskMailboxes {
  /** Every address of the desk, enabled or not: mail from them is never answered. */
  own: string[];
  /** Enabled channel id -> its address. */
  enabled: Map<string, string>;
}

async function deskMailboxes(trx: Transaction<DbSchema>): Promise<DeskMailboxes> {
  const rows = await trx.selectFrom('channels').select(['id', 'address', 'enabled']).execute();
  return {
    own: rows.map((r) => r.address.toLowerCase()),
    enabled: new Map(rows.filter((r) => r.enabled).map((r) => [r.id, r.address])),
  };
}

/** What every message of a batch shares: the writers, and what the workspace says, read once. */
interface Batch {
  writers: Writers;
  mailboxes: Promise<DeskMailboxes> | null;
  acknowledge: Promise<boolean> | null;
  acknowledgement: Promise<AcknowledgementSource> | null;
}

async function fileMessage(
  trx: Transaction<DbSchema>,
  batch: Batch,
  message: InboundMessage,
  now: number,
): Promise<ReceiveResult> {
  const writers = batch.writers;
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

  batch.mailboxes ??= deskMailboxes(trx);
  const { own, enabled } = await batch.mailboxes;
  const blocked = automaticAnswerBlocked({ from: message.from?.address ?? '', ...message.headers }, own);
  const conversation = message.conversation;
  const existing = conversation
    ? conversation.fresh
      ? null
      : await ticketOfConversation(trx, message.channelId, conversation.chat)
    : await ticketOfThread(trx, message);
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
      const moved = applyAction(existing, { type: 'clientAnswered' }, clientActing(existing), now);
      if (moved.ok) {
        ticket = { ...moved.ticket, editedBy: '' };
        events.push(...draftsToEvents(existing.id, moved.events, now));
        outcome = 'resumed';
      }
    } else if (existing.status === 'resolved') {
      const reason = `Не помогло: ${clientEvent.body}`.slice(0, 5000);
      const moved = applyAction(existing, { type: 'reopen', reason }, clientActing(existing), now);
      if (moved.ok) {
        ticket = { ...moved.ticket, editedBy: '' };
        events.push(...draftsToEvents(existing.id, moved.events, now).map((e) => ({ ...e, authorName: clientEvent.authorName })));
        outcome = 'reopened';
      }
    }
    if (outcome !== 'joined') tickets.push(ticket);
  } else {
    // A chat carries nothing the directory knows: the manager links it once, and its later tickets follow that link.
    const match = conversation
      ? await linkedClientOfChat(trx, message.channelId, conversation.chat)
      : message.from
        ? await matchSender(trx, message.from.address)
        : null;
    const id = randomUUID();
    const { visible } = conversation ? { visible: message.text.trim() } : splitQuoted(message.text);
    ticket = createTicketDocument(
      {
        subject: (conversation ? message.subject : ticketSubjectOf(message.subject)).slice(0, 300),
        description: (visible || message.text || (conversation ? '(без текста)' : '(пустое письмо)')).slice(0, 20000),
        type: 'incident',
        priority: 'standard',
        channel: conversation ? 'messenger' : 'email',
        product: null,
        clientId: match?.clientId ?? null,
        siteId: match?.siteId ?? null,
        organizationName: match?.organizationName ?? '',
        siteName: match?.siteName ?? '',
        contact: conversation
          ? {
              name: (match?.contactName || message.from?.name || '').slice(0, 200),
              phone: match?.contactPhone ?? '',
              email: match?.contactEmail ?? '',
              messenger: (message.from?.address ?? '').slice(0, 200),
            }
          : {
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
      eventOf(
        id,
        {
          kind: 'created',
          public: true,
          body: '',
          data: { channel: conversation ? 'telegram' : 'email', externalId: message.messageId },
        },
        now,
      ),
    );
    if (existing) {
      events.push(
        eventOf(id, { kind: 'repeat_linked', public: false, body: '', data: { repeatOf: existing.number ?? existing.id } }, now),
      );
    }
    events.push(await clientMessageEvent(trx, message, id, now));
    outcome = existing ? 'repeat' : 'created';
  }

  // The acknowledgement of a new ticket is written with it: numbered first, so its text and
  // subject carry the number, then one write of the ticket and every event.
  let acknowledgement: QueueInput | null = null;
  if ((outcome === 'created' || outcome === 'repeat') && blocked === null) {
    batch.acknowledge ??= autoAcknowledgeEnabled(trx);
    const address = enabled.get(message.channelId);
    const to = conversation ? conversation.chat : ticket.contact.email.trim();
    if (address && to && (await batch.acknowledge)) {
      await assignTicketNumbers(trx, [ticket]);
      batch.acknowledgement ??= acknowledgementSource(trx);
      const body = acknowledgementBody(await batch.acknowledgement, ticket, now);
      const event = eventOf(ticket.id, { kind: 'reply', public: true, body, data: { automatic: true, to } }, now, 'Автоответ');
      events.push(event);
      acknowledgement = {
        id: event.id,
        channelId: message.channelId,
        ticketId: ticket.id,
        kind: 'ack',
        to,
        subject: replySubject(ticket.subject, ticket.number),
        body,
        fromName: acknowledgementSender,
        messageId: outgoingMessageId(event.id, address),
        inReplyTo: message.messageId,
        references: [message.messageId],
      };
    }
  }

  // A reopened ticket may have left some desk's working set: its timeline travels again with it.
  if (outcome === 'reopened' && existing) await resendTimelines(trx, [existing.id], writers.events);
  const stored = await writeTicketsAndEvents(writers, trx, tickets, events, now, { notify: false });
  const final = stored[0] ?? ticket;
  await trx
    .insertInto('channel_messages')
    .values({
      message_id: message.messageId,
      channel_id: message.channelId,
      ticket_id: final.id,
      event_id: events.find((e) => e.kind === 'client_message')!.id,
      direction: 'in',
      conversation: conversation?.chat ?? null,
      created_at: now,
    })
    .execute();
  const acknowledged = acknowledgement !== null && (await enqueue(trx, acknowledgement, now));
  return { outcome, ticketId: final.id, number: final.number, acknowledged };
}

export async function receiveMessage(
  db: Kysely<DbSchema>,
  message: InboundMessage,
  now: number = Date.now(),
): Promise<ReceiveResult> {
  return db.transaction().execute(async (trx) => {
    const batch: Batch = { writers: await openWriters(trx), mailboxes: null, acknowledge: null, acknowledgement: null };
    const result = await fileMessage(trx, batch, message, now);
    await notifyWriters(batch.writers);
    return result;
  });
}

export type BatchOutcome = { ok: true; result: ReceiveResult } | { ok: false; error: Error };

/**
 * Files several messages (a backlog fetched at once) in one transaction, in order: one commit
 * instead of one per message. If any fails, the batch is rolled back and filed one message per
 * transaction, so one bad message costs its batch the speed-up and nothing else.
 */
export async function receiveMessages(
  db: Kysely<DbSchema>,
  messages: readonly InboundMessage[],
  now: () => number = Date.now,
): Promise<BatchOutcome[]> {
  if (messages.length === 0) return [];
  if (messages.length > 1) {
    const together = await db
      .transaction()
      .execute(async (trx) => {
        const batch: Batch = { writers: await openWriters(trx), mailboxes: null, acknowledge: null, acknowledgement: null };
        const results: BatchOutcome[] = [];
        for (const message of messages) results.push({ ok: true, result: await fileMessage(trx, batch, message, now()) });
        await notifyWriters(batch.writers);
        return results;
      })
      .catch(() => null);
    if (together) return together;
  }
  const results: BatchOutcome[] = [];
  for (const message of messages) {
    try {
      results.push({ ok: true, result: await receiveMessage(db, message, now()) });
    } catch (error) {
      results.push({ ok: false, error: error as Error });
    }
  }
  return results;
}
