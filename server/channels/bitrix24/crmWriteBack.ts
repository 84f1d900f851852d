/**
 * Support's work where sales and account managers look: opening, resolving and closing a ticket
 * whose organisation is linked to a CRM company queue a comment for the company's timeline
 * (crm.timeline.comment.add) with the ticket's number, subject and a link to it. The events feed
 * is read from a durable cursor (`crm-writeback`) in commit order, like the reply pick-up; the
 * comment goes through the outbound queue (retried with backoff, a final failure kept in its row
 * and the log) keyed by the event's id, so an event is commented once however often it is read.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Client } from '#shared/schema/clientSchema.ts';
import type { TicketEvent } from '#shared/schema/eventSchema.ts';
import type { DbSchema } from '../../db/dbSchema.ts';
import type { Bitrix24Settings } from '../channelTypes.ts';
import { moveCursorPast, nextFeedPage } from '../eventFeedCursor.ts';
import { enqueue } from '../outboundQueue.ts';
import { readTicket, type StoredTicket } from '../ticketWrites.ts';

const cursorName = 'crm-writeback';
const pageSize = 500;

type Moment = 'opened' | 'resolved' | 'closed';

/** Which moment of a ticket an event records, or null for the others. */
function momentOf(event: TicketEvent): Moment | null {
  if (event.kind === 'created') return 'opened';
  if (event.kind === 'status_changed' && (event.data.to === 'resolved' || event.data.to === 'closed')) return event.data.to;
  return null;
}

export function crmComment(ticket: StoredTicket, moment: Moment, deskUrl: string): string {
  const number = ticket.number ? `№${ticket.number}` : 'без номера';
  const lead = {
    opened: `Техподдержка PASS24: открыто обращение ${number} «${ticket.subject}».`,
    resolved: `Техподдержка PASS24: обращение ${number} «${ticket.subject}» решено.`,
    closed: `Техподдержка PASS24: обращение ${number} «${ticket.subject}» закрыто.`,
  }[moment];
  const lines = [lead];
  if (ticket.contact.name) lines.push(`Контакт: ${ticket.contact.name}`);
  if (deskUrl)
    lines.push(`Открыть в PASS24 Support Desk: ${deskUrl.replace(/\/+$/, '')}/#/queue/${encodeURIComponent(ticket.id)}`);
  return lines.join('\n');
}

async function readClient(trx: Transaction<DbSchema>, id: string): Promise<Client | null> {
  const row = await trx
    .selectFrom('documents')
    .select('data')
    .where('collection', '=', 'clients')
    .where('id', '=', id)
    .where('deleted', '=', false)
    .executeTakeFirst();
  return (row?.data as Client | undefined) ?? null;
}

/** The CRM company of a ticket: its organisation's link (a site's through its organisation). */
async function companyOf(trx: Transaction<DbSchema>, ticket: StoredTicket): Promise<string | null> {
  for (const id of [ticket.clientId, ticket.siteId]) {
    if (!id) continue;
    let client = await readClient(trx, id);
    if (client?.kind === 'site' && client.parentId) client = await readClient(trx, client.parentId);
    if (client?.crm?.system === 'bitrix24') return client.crm.id;
  }
  return null;
}

/** One page of the feed; returns how many events were looked at (0: caught up or no CRM channel). */
export async function pickUpCrmWriteBacks(db: Kysely<DbSchema>, now: number = Date.now()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const channel = await trx
      .selectFrom('channels')
      .select(['id', 'settings'])
      .where('kind', '=', 'bitrix24')
      .where('enabled', '=', true)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    if (!channel) return 0;
    // The first start puts the cursor at the head: tickets handled before the CRM was connected are history.
    const rows = await nextFeedPage(trx, cursorName, ['created', 'status_changed'], pageSize);
    if (rows.length === 0) return 0;
    const settings = channel.settings as Bitrix24Settings;
    for (const row of rows) {
      const moment = row.event ? momentOf(row.event) : null;
      if (!row.event || !moment) continue;
      const ticket = await readTicket(trx, row.event.ticketId);
      if (!ticket) continue;
      const company = await companyOf(trx, ticket);
      if (!company) continue;
      const id = `crm:${row.event.id}`;
      await enqueue(
        trx,
        {
          id,
          channelId: channel.id,
          ticketId: ticket.id,
          kind: 'crm',
          to: company,
          subject: ticket.subject,
          body: crmComment(ticket, moment, settings.deskUrl ?? ''),
          fromName: 'Техподдержка PASS24',
          messageId: id,
          inReplyTo: '',
          references: [],
        },
        now,
      );
    }
    await moveCursorPast(trx, cursorName, rows);
    return rows.length;
  });
}
