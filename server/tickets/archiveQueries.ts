/**
 * The archive over every ticket the endpoint holds (docs/sync.md, "Archive"): a newest-first
 * search with filters and Russian full text, and one ticket with its timeline. Answers are
 * assembled from the stored JSON text, as pulls are.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { encodeArchiveCursor, type ArchiveQuery } from '#shared/search/archiveQuery.ts';
import { wallClockToInstant } from '#shared/sla/timeZone.ts';
import type { DbSchema } from '../db/dbSchema.ts';
import { ticketJson, timelineJson } from './ticketQueries.ts';

/** Day boundaries of `from`/`to` are the workspace's: Moscow, as ticket numbers' years are. */
const workspaceTimeZone = 'Europe/Moscow';
const dayMs = 86_400_000;

// The same expressions as the indexes of migration 006 (Cyrillic capitals lowered whatever the locale).
const ticketText = sql`to_tsvector('russian', translate(coalesce(t.data->>'number', '') || ' ' || coalesce(t.data->>'subject', '') || ' ' || coalesce(t.data->>'description', ''), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ', 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'))`;
const eventText = sql`to_tsvector('russian', translate(coalesce(e.data->>'body', ''), 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ', 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'))`;
const createdAt = sql`((d.data->>'createdAt')::double precision)`;

export interface ArchivePage {
  /** `{"tickets":[...],"nextCursor":...}` as JSON text. */
  json: string;
  count: number;
}

/** Every word as a prefix, so a query typed halfway already finds (words are letters and digits only). */
function tsQueryText(words: readonly string[]): string {
  return words.map((w) => `${w}:*`).join(' & ');
}

export async function searchArchive(db: Kysely<DbSchema>, query: ArchiveQuery): Promise<ArchivePage> {
  const { rows } = await inArchiveTransaction(db, (trx) => archiveSearchSql(query).execute(trx));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeArchiveCursor({ createdAt: Number(last.created), id: last.id }) : null;
  return {
    json: `{"tickets":[${page.map((r) => r.json).join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`,
    count: page.length,
  };
}

/**
 * Runs the search's statement with the planner settings it is written for (SET LOCAL: this
 * transaction only):
 * - work_mem: a subplan is hashed only when its rows fit in it; a broad word matches a hundred
 *   thousand entries, and unhashed the subplan would run again for every ticket walked;
 * - enable_sort off: with a filter (a status, say) and no statistics the planner read every
 *   ticket and sorted them, where walking the newest first stops after one page.
 */
export function inArchiveTransaction<T>(db: Kysely<DbSchema>, run: (trx: Kysely<DbSchema>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '64MB'`.execute(trx);
    await sql`set local enable_sort = off`.execute(trx);
    return run(trx);
  });
}

/** The search's statement: one page and one row more, to tell whether another page follows. */
export function archiveSearchSql(query: ArchiveQuery): RawBuilder<{ id: string; created: number; json: string }> {
  const conditions = [sql`d.collection = 'tickets'`, sql`not d.deleted`];
  if (query.clientId) conditions.push(sql`d.data->>'clientId' = ${query.clientId}`);
  if (query.siteId) conditions.push(sql`d.data->>'siteId' = ${query.siteId}`);
  if (query.assigneeId) conditions.push(sql`d.data->>'assigneeId' = ${query.assigneeId}`);
  if (query.statuses.length > 0) conditions.push(sql`d.data->>'status' in (${sql.join(query.statuses)})`);
  if (query.priorities.length > 0) conditions.push(sql`d.data->>'priority' in (${sql.join(query.priorities)})`);
  if (query.fromDay !== null) {
    conditions.push(sql`${createdAt} >= ${wallClockToInstant(workspaceTimeZone, query.fromDay * dayMs)}::double precision`);
  }
  if (query.toDay !== null) {
    conditions.push(sql`${createdAt} < ${wallClockToInstant(workspaceTimeZone, (query.toDay + 1) * dayMs)}::double precision`);
  }
  if (query.cursor) {
    conditions.push(sql`(${createdAt}, d.id) < (${query.cursor.createdAt}::double precision, ${query.cursor.id})`);
  }
  if (query.words.length > 0) {
    const tsq = sql`to_tsquery('russian', ${tsQueryText(query.words)})`;
    // A union of ids, not an OR of conditions: each branch can then use its own text index.
    const matches = [
      sql`select t.id from documents t where t.collection = 'tickets' and ${ticketText} @@ ${tsq}`,
      sql`select (e.data->>'ticketId') collate "C" from documents e
        where e.collection = 'events' and not e.deleted and ${eventText} @@ ${tsq}`,
    ];
    if (query.number) {
      matches.push(sql`select t.id from documents t where t.collection = 'tickets' and t.data->>'number' = ${query.number}`);
    }
    // Wrapped so the planner keeps it a hashed subplan: the newest tickets are walked in order and
    // each probes the matched ids once. Left bare it became a semi-join that, with no statistics
    // (PGlite never has any), compared every ticket walked with every matched id.
    conditions.push(sql`coalesce(d.id in (${sql.join(matches, sql` union `)}), false)`);
  }
  // The page is chosen first and only its documents are turned into text: a broad word matches
  // hundreds of tickets, and writing each whole document out is most of the work.
  return sql<{ id: string; created: number; json: string }>`
    select p.id, p.created, doc.data::text as json
    from (
      select d.id, ${createdAt} as created
      from documents d
      where ${sql.join(conditions, sql` and `)}
      order by ${createdAt} desc, d.id desc
      limit ${query.limit + 1}
    ) p
    join documents doc on doc.collection = 'tickets' and doc.id = p.id
    order by p.created desc, p.id desc`;
}

/** `{"ticket":...,"events":[...]}` of a stored ticket (its timeline in order), or null. */
export async function ticketWithEvents(db: Kysely<DbSchema>, id: string): Promise<string | null> {
  const ticket = await ticketJson(db, id);
  if (ticket === null) return null;
  const events = await timelineJson(db, [id], { ordered: true });
  return `{"ticket":${ticket},"events":[${events.join(',')}]}`;
}
