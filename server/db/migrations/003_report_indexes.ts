import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Indexes for reading a period's tickets with their timelines (server/tickets/ticketQueries.ts):
 * the events of given tickets, and tickets by creation instant. Partial, so the other
 * collections' rows cost nothing.
 */
export const reportIndexes: Migration = {
  version: 3,
  name: 'report_indexes',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`create index documents_event_ticket on documents ((data->>'ticketId')) where collection = 'events'`.execute(db);
    await sql`create index documents_ticket_created on documents (((data->>'createdAt')::float8)) where collection = 'tickets'`.execute(
      db,
    );
  },
};
