/**
 * The archive search's parameters (docs/sync.md, "Archive"): what `GET /api/tickets/search`
 * accepts, checked the same way by the endpoint and by the desk that builds the query. Pure.
 */
import { priorities, ticketStatuses, type Priority, type TicketStatus } from '../vocabulary/enums.ts';
import { parseIsoDate } from '../sla/civilDate.ts';

export const archiveParams = [
  'q',
  'clientId',
  'siteId',
  'status',
  'priority',
  'assigneeId',
  'from',
  'to',
  'limit',
  'cursor',
] as const;
export const defaultArchiveLimit = 50;
export const maxArchiveLimit = 200;
export const maxArchiveQueryLength = 200;

/** Position after the last ticket of a page: newest first, by (createdAt, id). */
export interface ArchiveCursor {
  createdAt: number;
  id: string;
}

export interface ArchiveQuery {
  /** Words of the full-text query (lower-case letters and digits only), possibly empty. */
  words: string[];
  /** The ticket number the query names (`2026-000123`), or null. */
  number: string | null;
  clientId: string | null;
  siteId: string | null;
  statuses: TicketStatus[];
  priorities: Priority[];
  assigneeId: string | null;
  /** Civil dates (day numbers) of the creation range, both inclusive. */
  fromDay: number | null;
  toDay: number | null;
  limit: number;
  cursor: ArchiveCursor | null;
}

export type ArchiveQueryResult = { ok: true; query: ArchiveQuery } | { ok: false; code: string; reason: string };

/**
 * The characters a query may hold. Words are matched by the text search, never pasted into SQL;
 * quotes, semicolons, `=` and the like are refused so a query that looks like SQL is answered with
 * a reason rather than searched for.
 */
const allowedQuery = /^[\p{L}\p{N}\s\-–—.,:!?«»"()/№#@+]*$/u;
const numberPattern = /^(\d{4})-(\d{1,6})$/;
const idPattern = /^[\w-]{1,40}$/;

const fail = (code: string, reason: string): ArchiveQueryResult => ({ ok: false, code, reason });

export function encodeArchiveCursor(cursor: ArchiveCursor): string {
  return `${cursor.createdAt.toString(36)}.${cursor.id}`;
}

export function decodeArchiveCursor(text: string): ArchiveCursor | null {
  const m = /^([0-9a-z]{1,12})\.([\w-]{1,40})$/.exec(text);
  if (!m) return null;
  const createdAt = parseInt(m[1]!, 36);
  return Number.isSafeInteger(createdAt) ? { createdAt, id: m[2]! } : null;
}

function list<T extends string>(text: string, allowed: readonly T[]): T[] | null {
  const items = text.split(',');
  return items.every((s) => (allowed as readonly string[]).includes(s)) ? (items as T[]) : null;
}

export function parseArchiveQuery(params: Record<string, unknown>): ArchiveQueryResult {
  for (const [name, value] of Object.entries(params)) {
    if (!(archiveParams as readonly string[]).includes(name))
      return fail('unknown_parameter', `Неизвестный параметр «${name.slice(0, 40)}». Есть: ${archiveParams.join(', ')}.`);
    if (typeof value !== 'string') return fail('invalid_parameter', `Параметр ${name} задаётся один раз, строкой.`);
  }
  const p = params as Partial<Record<(typeof archiveParams)[number], string>>;
  const q = (p.q ?? '').trim();
  if (q.length > maxArchiveQueryLength)
    return fail('invalid_query', `Поисковый запрос длиннее ${maxArchiveQueryLength} символов.`);
  if (!allowedQuery.test(q))
    return fail(
      'invalid_query',
      'В поисковом запросе допустимы буквы, цифры, пробелы, тире и знаки . , : ! ? « » " ( ) / № # @ +; кавычки-апострофы, «;», «=» и подобные — нет.',
    );
  const number = numberPattern.exec(q);
  const ids: Record<'clientId' | 'siteId' | 'assigneeId', string | null> = { clientId: null, siteId: null, assigneeId: null };
  for (const name of ['clientId', 'siteId', 'assigneeId'] as const) {
    const v = p[name];
    if (v === undefined || v === '') continue;
    if (!idPattern.test(v))
      return fail('invalid_parameter', `Параметр ${name}: идентификатор из букв, цифр, «-» и «_», до 40 символов.`);
    ids[name] = v;
  }
  const statuses = p.status ? list(p.status, ticketStatuses) : [];
  if (!statuses)
    return fail('invalid_parameter', `Параметр status: одно или несколько через запятую из ${ticketStatuses.join(', ')}.`);
  const prios = p.priority ? list(p.priority, priorities) : [];
  if (!prios)
    return fail('invalid_parameter', `Параметр priority: одно или несколько через запятую из ${priorities.join(', ')}.`);
  const days: Record<'from' | 'to', number | null> = { from: null, to: null };
  for (const name of ['from', 'to'] as const) {
    const v = p[name];
    if (v === undefined || v === '') continue;
    const day = parseIsoDate(v);
    if (day === null) return fail('invalid_parameter', `Параметр ${name}: дата в виде ГГГГ-ММ-ДД, например 2026-03-10.`);
    days[name] = day;
  }
  if (days.from !== null && days.to !== null && days.from > days.to)
    return fail('invalid_parameter', 'Параметр from позже параметра to.');
  let limit = defaultArchiveLimit;
  if (p.limit !== undefined && p.limit !== '') {
    limit = Number(p.limit);
    if (!/^\d+$/.test(p.limit) || limit < 1 || limit > maxArchiveLimit)
      return fail('invalid_limit', `Параметр limit: целое число от 1 до ${maxArchiveLimit}.`);
  }
  let cursor: ArchiveCursor | null = null;
  if (p.cursor !== undefined && p.cursor !== '') {
    cursor = decodeArchiveCursor(p.cursor);
    if (!cursor) return fail('invalid_cursor', 'Параметр cursor повреждён: передайте nextCursor из предыдущего ответа как есть.');
  }
  return {
    ok: true,
    query: {
      words: q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [],
      number: number ? `${number[1]}-${number[2]!.padStart(6, '0')}` : null,
      ...ids,
      statuses,
      priorities: prios,
      fromDay: days.from,
      toDay: days.to,
      limit,
      cursor,
    },
  };
}
