/**
 * A channel connector's ticket (POST /api/intake/tickets): a complete ticket document plus its
 * `created` timeline entry, stored like any other write (so every workstation's stream gets it).
 * Idempotent on (channel, externalId): the same message posted twice files one ticket.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { withSlaDeadlines } from '#shared/domain/ticketDeadlines.ts';
import { createTicketDocument } from '#shared/domain/ticketFactory.ts';
import type { IntakeTicketRequest, IntakeTicketResponse } from '#shared/protocol.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { forbidden } from '../domainErrors.ts';
import { CollectionWriter } from '../replication/collectionWriter.ts';
import { assignTicketNumbers } from '../replication/ticketNumbers.ts';
import { slaSetupOnServer } from './slaSetupOnServer.ts';

const channelNames: Record<IntakeTicketRequest['channel'], string> = {
  email: 'электронная почта',
  messenger: 'мессенджер',
  crm: 'CRM (Битрикс24)',
  phone: 'телефония',
  web: 'веб-форма',
};

export async function createIntakeTicket(
  db: Kysely<DbSchema>,
  request: IntakeTicketRequest,
  keyChannel: IntakeTicketRequest['channel'],
  now: number = Date.now(),
  /** The directory's card of the organisation, when the channel knows it (a CRM company). */
  links: { clientId?: string | null } = {},
): Promise<IntakeTicketResponse> {
  if (request.channel !== keyChannel) {
    throw forbidden(
      'wrong_channel',
      `Ключ API выдан для канала «${keyChannel}», а обращение пришло с каналом «${request.channel}».`,
    );
  }
  return db.transaction().execute(async (trx) => {
    // Tickets first, then events: every writer of both takes the locks in this order.
    const tickets = await CollectionWriter.open(trx, 'tickets');
    const events = await CollectionWriter.open(trx, 'events');
    const seen = await trx
      .selectFrom('intake_refs as r')
      .innerJoin('documents as d', (join) => join.onRef('d.id', '=', 'r.ticket_id').on('d.collection', '=', 'tickets'))
      .select(['r.ticket_id', 'd.data'])
      .where('r.channel', '=', request.channel)
      .where('r.external_id', '=', request.externalId)
      .executeTakeFirst();
    if (seen) {
      const number = (seen.data as { number: string | null }).number ?? '';
      return { id: seen.ticket_id, number, created: false };
    }

    const priority = request.priority ?? 'standard';
    const id = randomUUID();
    const ticket = withSlaDeadlines(
      createTicketDocument(
        {
          subject: request.subject,
          description: request.description,
          type: priority === 'consultation' ? 'question' : 'incident',
          priority,
          channel: request.channel,
          product: request.product ?? null,
          clientId: links.clientId ?? null,
          organizationName: request.organization ?? '',
          siteName: request.site ?? '',
          contact: request.contact,
          externalId: request.externalId,
        },
        { id, now, authorId: '' },
      ),
      now,
      await slaSetupOnServer(trx),
    );
    await assignTicketNumbers(trx, [ticket]);
    await tickets.write([{ ...ticket, _deleted: false }]);
    await events.write([
      {
        id: randomUUID(),
        ticketId: id,
        kind: 'created',
        at: now,
        authorId: '',
        authorName: `Канал: ${channelNames[request.channel]}`,
        public: true,
        body: '',
        data: { channel: request.channel, externalId: request.externalId },
        _deleted: false,
      },
    ]);
    await trx
      .insertInto('intake_refs')
      .values({ channel: request.channel, external_id: request.externalId, ticket_id: id, created_at: now })
      .execute();
    await tickets.notify();
    await events.notify();
    return { id, number: ticket.number ?? '', created: true };
  });
}
