import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The events of one ticket by an index: a ticket coming back into the working set re-sends its
 * timeline, and the archive opens a ticket with its timeline (docs/sync.md, "Working set").
 */
export const eventTicketIndex: Migration = {
  version: 2,
  name: 'event_ticket_index',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`create index documents_event_ticket on documents ((data->>'ticketId')) where collection = 'events'`.execute(db);
  },
};
