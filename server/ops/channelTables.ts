/**
 * The channels' tables in a backup: the connectors (with their mailbox passwords: the file is
 * kept like the database itself), the message ids that thread mail to tickets, the outgoing
 * queue, stored attachments and the reply pick-up's cursor. Leases are not kept: they name
 * instances of the old server. Binary columns travel as base64.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DbSchema } from '../db/dbSchema.ts';

interface TableSpec {
  /** Primary key, for stable paging. */
  key: string;
  columns: readonly string[];
  json?: readonly string[];
  binary?: readonly string[];
  /** Columns added later: a backup made before them restores them as null. */
  optional?: readonly string[];
  /** Rows per page when reading (attachments are large). */
  page: number;
}

export const channelTables = {
  channels: {
    key: 'id',
    columns: [
      'id',
      'kind',
      'name',
      'address',
      'settings',
      'secret',
      'enabled',
      'created_at',
      'cursor',
      'status',
      'status_detail',
      'status_at',
    ],
    json: ['settings', 'cursor'],
    page: 500,
  },
  channel_messages: {
    key: 'message_id',
    columns: ['message_id', 'channel_id', 'ticket_id', 'event_id', 'direction', 'created_at', 'conversation'],
    optional: ['conversation'],
    page: 2000,
  },
  outbound_messages: {
    key: 'id',
    columns: [
      'id',
      'channel_id',
      'ticket_id',
      'kind',
      'to_address',
      'subject',
      'body',
      'from_name',
      'message_id',
      'in_reply_to',
      'references_list',
      'state',
      'attempts',
      'next_attempt_at',
      'last_error',
      'created_at',
      'sent_at',
    ],
    page: 1000,
  },
  attachments: {
    key: 'id',
    columns: ['id', 'ticket_id', 'event_id', 'filename', 'content_type', 'size', 'content', 'created_at'],
    binary: ['content'],
    page: 20,
  },
  channel_cursors: { key: 'name', columns: ['name', 'updated_at', 'id'], page: 500 },
} as const satisfies Record<string, TableSpec>;

export type ChannelTable = keyof typeof channelTables;
export const channelTableNames = Object.keys(channelTables) as ChannelTable[];

export function isChannelTable(name: string): name is ChannelTable {
  return Object.hasOwn(channelTables, name);
}

const spec = (table: ChannelTable): TableSpec => channelTables[table];

/** Every row of the table, page by page, as JSON-safe records. */
export async function* channelRows(db: Kysely<DbSchema>, table: ChannelTable): AsyncGenerator<Record<string, unknown>> {
  const s = spec(table);
  let after: string | null = null;
  for (;;) {
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${sql.table(table)} ${after === null ? sql`` : sql`where ${sql.ref(s.key)} > ${after}`}
      order by ${sql.ref(s.key)} limit ${s.page}`.execute(db);
    for (const row of rows) {
      const out: Record<string, unknown> = {};
      for (const c of s.columns) {
        const value = row[c];
        out[c] = s.binary?.includes(c) && value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value;
      }
      yield out;
    }
    const last = rows.at(-1);
    if (!last || rows.length < s.page) return;
    after = String(last[s.key]);
  }
}

/**
 * One row back into its table. A restored connector is disabled: the old server may still be
 * running on the same mailbox, and two endpoints fetching and sending one mailbox would file and
 * send everything twice; the admin enables it (`channel enable`) once the old one is stopped.
 */
export async function restoreChannelRow(
  trx: Transaction<DbSchema>,
  table: ChannelTable,
  record: Record<string, unknown>,
): Promise<void> {
  const s = spec(table);
  const values: Record<string, unknown> = {};
  for (const c of s.columns) {
    if (!(c in record) && s.optional?.includes(c)) {
      values[c] = null;
      continue;
    }
    if (!(c in record)) throw new Error(`нет поля «${c}» в строке таблицы ${table}`);
    const value = record[c];
    if (s.json?.includes(c)) values[c] = JSON.stringify(value ?? {});
    else if (s.binary?.includes(c)) values[c] = Buffer.from(String(value), 'base64');
    else values[c] = value;
  }
  if (table === 'channels') Object.assign(values, { enabled: false, status: 'stopped', status_detail: '', status_at: 0 });
  // The columns are the table's own, listed above; kysely cannot type a row of a table chosen at run time.
  await trx
    .insertInto(table)
    .values(values as never)
    .execute();
}
