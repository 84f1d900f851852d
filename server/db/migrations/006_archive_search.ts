import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The archive's indexes (server/tickets/archiveQueries.ts holds the same expressions: a query
 * uses an expression index only when it repeats the expression exactly): Russian full text over a
 * ticket's number, subject and description and over each timeline entry's text (tickets by
 * creation and events by ticket are migration 3's). Cyrillic capitals are lowered by `translate` before the
 * text search sees them: its own lowering follows the cluster's locale, and under `C` it leaves
 * them as they are, so `Шлагбаум` would never meet `шлагбаум`.
 */
export const archiveSearch: Migration = {
  version: 6,
  name: 'archive_search',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`
      create index documents_ticket_text on documents using gin (
        to_tsvector('russian', translate(coalesce(data->>'number', '') || ' ' || coalesce(data->>'subject', '') || ' ' || coalesce(data->>'description', ''), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ', 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'))
      ) where collection = 'tickets'`.execute(db);
    await sql`
      create index documents_event_text on documents using gin (to_tsvector('russian', translate(coalesce(data->>'body', ''), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ', 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя')))
      where collection = 'events'`.execute(db);
  },
};
