/**
 * Reading the tickets of a period with their timeline events, from the documents table. Shared by
 * the KPI report and the archive. The candidates are every ticket created before the period's end that may have
 * anything in the period: not finished now, or finished, closed or first contacted at or after its
 * start (`ticket_settled_at`, migration 008), or a repeat created since `repeatsSince` (docs/kpi.md:
 * the quarter before). A ticket finished before the period and untouched since has nothing in it.
 * Two index scans and one for the events: no JSON is evaluated on tickets outside the period.
 */
import { sql, type Kysely } from 'kysely';
import type { DbSchema } from '../db/dbSchema.ts';

export interface PeriodTicketQuery {
  /** [start, end) instants, epoch ms. */
  start: number;
  end: number;
  /** Also every repeat ticket created at or after this instant (and before `end`). */
  repeatsSince?: number;
  /** Only these event kinds (all kinds when omitted). */
  eventKinds?: readonly string[];
}

export interface PeriodTickets<T, E> {
  tickets: T[];
  events: E[];
}

/** Ticket fields never read by reports, left out to keep the transfer small. */
const heavyFields = ['description', 'contact', 'tags'];

const kindName = /^[a-z_]+$/;

export async function periodTicketsWithEvents<T = unknown, E = unknown>(
  db: Kysely<DbSchema>,
  q: PeriodTicketQuery,
): Promise<PeriodTickets<T, E>> {
  // One deletion of all the keys (jsonb - text[]): a chain of single deletions copies the document each time.
  const stripped = sql`data - ${sql.lit(`{${heavyFields.join(',')}}`)}::text[]`;
  // Written as the indexes' expressions and predicates are (migration 008), so the planner uses them.
  const active = await sql<{ doc: string }>`
    select (${stripped})::text as doc from documents
    where collection = 'tickets' and not deleted
      and ticket_settled_at(data) >= ${q.start}
      and (data->>'createdAt')::float8 < ${q.end}`.execute(db);
  const repeats =
    q.repeatsSince === undefined || q.repeatsSince >= q.end
      ? { rows: [] }
      : await sql<{ doc: string }>`
    select (${stripped})::text as doc from documents
    where collection = 'tickets' and not deleted and data->>'repeatOf' <> ''
      and (data->>'createdAt')::float8 >= ${q.repeatsSince}
      and (data->>'createdAt')::float8 < ${q.end}`.execute(db);
  const byId = new Map<string, T>();
  for (const r of active.rows) {
    const t = JSON.parse(r.doc) as T & { id: string };
    byId.set(t.id, t);
  }
  for (const r of repeats.rows) {
    const t = JSON.parse(r.doc) as T & { id: string };
    if (!byId.has(t.id)) byId.set(t.id, t);
  }
  const tickets = [...byId.values()];
  if (tickets.length === 0) return { tickets: [], events: [] };
  const events = await timelineJson(db, [...byId.keys()], { kinds: q.eventKinds });
  return { tickets, events: events.map((doc) => JSON.parse(doc) as E) };
}

/** A stored ticket (tombstones excepted) as JSON text, or null. */
export async function ticketJson(db: Kysely<DbSchema>, id: string): Promise<string | null> {
  const { rows } = await sql<{ doc: string }>`
    select data::text as doc from documents where collection = 'tickets' and id = ${id} and not deleted`.execute(db);
  return rows[0]?.doc ?? null;
}

export interface TimelineOptions {
  /** Only these event kinds (all kinds when omitted). */
  kinds?: readonly string[] | undefined;
  /** In the timeline's order, `(at, id)`; unordered (cheaper) when false. */
  ordered?: boolean;
}

/** The timeline entries (tombstones excepted) of the given tickets, as JSON text. */
export async function timelineJson(
  db: Kysely<DbSchema>,
  ticketIds: readonly string[],
  options: TimelineOptions = {},
): Promise<string[]> {
  if (ticketIds.length === 0) return [];
  const kinds = options.kinds ? [...options.kinds] : null;
  if (kinds?.some((k) => !kindName.test(k))) throw new Error('timelineJson: event kinds are names like "assigned"');
  // Literal kinds: a partial index on some kinds (the KPI's, migration 008) is chosen only when
  // its predicate is provable from the query.
  const kindFilter = kinds === null ? sql`` : sql`and data->>'kind' in (${sql.join(kinds.map((k) => sql.lit(k)))})`;
  const { rows } = await sql<{ doc: string }>`
    select data::text as doc from documents
    where collection = 'events' and not deleted
      ${kindFilter}
      and data->>'ticketId' = any(${[...ticketIds]}::text[])
      ${options.ordered ? sql`order by (data->>'at')::double precision, id` : sql``}`.execute(db);
  return rows.map((r) => r.doc);
}
