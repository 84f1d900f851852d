/**
 * The durable outbound queue (table outbound_messages). A message is queued in the same
 * transaction as whatever caused it; a worker claims due messages, hands them to the channel's
 * connector and records the outcome. Delivery is at least once: a message is marked sent only
 * after the server accepted it, so an endpoint killed between the two sends it again on restart
 * (with the same Message-ID, which mail clients use to show it once).
 */
import type { Kysely, Transaction } from 'kysely';
import type { DbSchema, OutboundMessagesTable } from '../db/dbSchema.ts';

export type OutboundRow = OutboundMessagesTable;

/** Retry schedule: 10 s doubling to 30 min, then the message is failed for good. */
export const retryPolicy = {
  firstDelayMs: 10_000,
  maxDelayMs: 30 * 60_000,
  maxAttempts: 8,
  /** A claimed message whose worker vanished (killed) is retried after this long. */
  claimMs: 120_000,
} as const;

export function retryDelay(attempts: number, policy: { firstDelayMs: number; maxDelayMs: number } = retryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempts - 1));
}

export interface QueueInput {
  id: string;
  channelId: string;
  ticketId: string;
  /**
   * `report`: mail about the workspace, not a ticket (ticketId ''); never threads a client's answer.
   * `crm`: a comment on a CRM company's timeline about a ticket (`to`: the company's id).
   */
  kind: 'reply' | 'ack' | 'report' | 'crm';
  to: string;
  subject: string;
  body: string;
  fromName: string;
  messageId: string;
  inReplyTo: string;
  references: string[];
}

/** Queues a message; the same id twice queues it once. Returns whether it was new. */
export async function enqueue(trx: Transaction<DbSchema> | Kysely<DbSchema>, input: QueueInput, now: number): Promise<boolean> {
  const result = await trx
    .insertInto('outbound_messages')
    .values({
      id: input.id,
      channel_id: input.channelId,
      ticket_id: input.ticketId,
      kind: input.kind,
      to_address: input.to,
      subject: input.subject,
      body: input.body,
      from_name: input.fromName,
      message_id: input.messageId,
      in_reply_to: input.inReplyTo,
      references_list: input.references.join(' '),
      state: 'queued',
      attempts: 0,
      next_attempt_at: now,
      last_error: '',
      created_at: now,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  const inserted = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  // The client's answer names this id in In-Reply-To: it must lead back to the ticket.
  if (inserted && (input.kind === 'reply' || input.kind === 'ack')) {
    await trx
      .insertInto('channel_messages')
      .values({
        message_id: input.messageId,
        channel_id: input.channelId,
        ticket_id: input.ticketId,
        event_id: input.id,
        direction: 'out',
        created_at: now,
      })
      .onConflict((oc) => oc.column('message_id').doNothing())
      .execute();
  }
  return inserted;
}

/**
 * Claims up to `limit` due messages of the given channels: each claimed message is marked
 * `sending` with its attempt counted and a claim deadline, committed before sending, so two
 * workers never send one message at the same time and a killed worker's claim runs out.
 */
export async function claimDue(
  db: Kysely<DbSchema>,
  channelIds: readonly string[],
  now: number,
  limit: number,
  claimMs: number = retryPolicy.claimMs,
): Promise<OutboundRow[]> {
  if (channelIds.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('outbound_messages')
      .select('id')
      .where('state', 'in', ['queued', 'sending'])
      .where('next_attempt_at', '<=', now)
      .where('channel_id', 'in', [...channelIds])
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return trx
      .updateTable('outbound_messages')
      .set((eb) => ({ state: 'sending', attempts: eb('attempts', '+', 1), next_attempt_at: now + claimMs }))
      .where(
        'id',
        'in',
        due.map((r) => r.id),
      )
      .returningAll()
      .execute();
  });
}
