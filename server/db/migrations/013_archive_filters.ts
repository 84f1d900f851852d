import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The archive's lookups that full text does not serve (server/tickets/archiveQueries.ts repeats
 * the expressions): a ticket by its number, and a client's tickets newest first (the client page
 * and the archive's client filter). Without them each scans every ticket's document.
 */
export const archiveFilters: Migration = {
  version: 13,
  name: 'archive_filters',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`create index documents_ticket_number on documents ((data->>'number')) where collection = 'tickets'`.execute(db);
    await sql`
      create index documents_ticket_client on documents ((data->>'clientId'), ((data->>'createdAt')::float8))
      where collection = 'tickets'`.execute(db);
  },
};
