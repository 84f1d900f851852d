/**
 * The working-set scope of a pull (docs/sync.md, "Working set"): the SQL form of
 * shared/sync/workingSet.ts. A ticket is in scope when open, closed within the window, or a
 * tombstone (a deletion must reach every desk); an event when its ticket is open, a tombstone or
 * not stored (an event may arrive before its ticket, and must not be skipped for good), or when
 * its ticket is closed within the window and the entry is one the desk reads offline.
 */
import { sql, type RawBuilder } from 'kysely';
import { openStatuses } from '#shared/vocabulary/enums.ts';
import { closedTicketEventKinds, defaultClosedWindowDays, isClosedWindowDays, windowStart } from '#shared/sync/workingSet.ts';
import type { CollectionName } from '#shared/protocol.ts';
import { invalid } from '../domainErrors.ts';

/**
 * A part of the tickets' scope, so a first sync can fill the queue before the history: `open` is
 * the open tickets and every tombstone, `closed` the finished tickets within the window. Each part
 * keeps the (updatedAt, id) order and its own checkpoint (docs/sync.md, "First sync in order of need").
 */
export type TicketPart = 'open' | 'closed';
export const ticketParts: readonly TicketPart[] = ['open', 'closed'];

export interface PullScope {
  closedWindowDays: number;
  /** Tickets only: one part of the scope; absent is the whole scope. */
  part?: TicketPart;
  /** The server's clock when the pull is answered. */
  now: number;
}

/** The condition on a stored ticket row `alias` (with `data` and `deleted`) of being open or a tombstone. */
function ticketOpen(alias: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.deleted`)} or ${sql.ref(`${alias}.data`)}->>'status' in (${sql.join([...openStatuses])}))`;
}

/** The condition on a stored ticket row `alias` (with `data` and `deleted`) of being in scope. */
function ticketInScope(alias: string, start: number): RawBuilder<boolean> {
  const data = sql.ref(`${alias}.data`);
  const closing = sql`coalesce((${data}->>'closedAt')::double precision, (${data}->>'resolvedAt')::double precision, (${data}->>'createdAt')::double precision)`;
  return sql<boolean>`(${ticketOpen(alias)} or ${closing} >= ${start}::double precision)`;
}

/**
 * The extra condition a scoped pull puts on the rows of `documents as d`; empty for whole
 * collections. `fromStart`: the pull has no checkpoint (see the events' form below).
 */
export function scopeCondition(collection: CollectionName, scope: PullScope | null, fromStart = false): RawBuilder<unknown> {
  if (!scope) return sql``;
  const start = windowStart(scope.now, scope.closedWindowDays);
  if (collection === 'tickets') {
    const open = ticketOpen('d');
    if (scope.part === 'open') return sql`and ${open}`;
    if (scope.part === 'closed') return sql`and not ${open} and ${ticketInScope('d', start)}`;
    return sql`and ${ticketInScope('d', start)}`;
  }
  if (collection === 'events') {
    // travelsWithClosedTicket: a kind the KPI report reads, or an entry written from a script.
    // coalesce: with no templateId the comparison is null, and `not null` would keep the entry out of nothing.
    const travels = sql`(d.data->>'kind' in (${sql.join([...closedTicketEventKinds])})
      or coalesce(jsonb_typeof(d.data->'data'->'templateId') = 'string' and d.data->'data'->>'templateId' <> '', false))`;
    if (fromStart) {
      // The same rule with the finished tickets hashed once: a walk from the start passes the whole
      // archived history (most of the timeline) before the first entry in scope, and looking each
      // entry's ticket up one by one took seconds. Pairs (ticket, entry stays out when it does not
      // travel): an archived ticket's entries are out either way, a finished one's in the window
      // only when they do not travel. Hashed only within work_mem (pullDocuments raises it).
      return sql`and (d.deleted or not coalesce(((d.data->>'ticketId') collate "C", not ${travels}) in (
        select t.id, f.out_unless_travels
        from documents t, (values (true), (false)) f(out_unless_travels)
        where t.collection = 'tickets' and not ${ticketOpen('t')}
          and (f.out_unless_travels or not ${ticketInScope('t', start)})), false))`;
    }
    return sql`and (d.deleted or not exists (
      select 1 from documents t
      where t.collection = 'tickets' and t.id = (d.data->>'ticketId') collate "C"
        and not ${ticketOpen('t')} and not (${travels} and ${ticketInScope('t', start)})))`;
  }
  return sql``;
}

/** Reads `?scope=working&closedWindowDays=&part=`: no scope is the whole collection. */
export function parseScopeQuery(query: Record<string, unknown>, now: number, collection?: CollectionName): PullScope | null {
  const { scope, closedWindowDays, part } = query;
  if (scope === undefined || scope === '') {
    if (closedWindowDays !== undefined)
      throw invalid('invalid_scope', 'Параметр closedWindowDays задаётся только вместе с scope=working.');
    if (part !== undefined) throw invalid('invalid_scope', 'Параметр part задаётся только вместе с scope=working.');
    return null;
  }
  if (scope !== 'working') throw invalid('invalid_scope', 'Параметр scope принимает одно значение: working.');
  let parsedPart: TicketPart | undefined;
  if (part !== undefined) {
    if (collection !== 'tickets') throw invalid('invalid_scope', 'Параметр part есть только у обращений (tickets).');
    if (!ticketParts.includes(part as TicketPart))
      throw invalid('invalid_scope', 'Параметр part принимает значения open или closed.');
    parsedPart = part as TicketPart;
  }
  const withPart = (s: PullScope): PullScope => (parsedPart ? { ...s, part: parsedPart } : s);
  if (closedWindowDays === undefined || closedWindowDays === '')
    return withPart({ closedWindowDays: defaultClosedWindowDays, now });
  const days = Number(closedWindowDays);
  if (typeof closedWindowDays !== 'string' || !isClosedWindowDays(days) || !/^\d+$/.test(closedWindowDays)) {
    throw invalid('invalid_scope', 'Параметр closedWindowDays должен быть целым числом дней от 1 до 3650.');
  }
  return withPart({ closedWindowDays: days, now });
}
