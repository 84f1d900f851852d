/**
 * Backup of a workspace as JSON Lines (gzip when the file name ends in .gz): every document of
 * every collection with its updatedAt and tombstone flag, the ticket counters, intake refs,
 * accounts and API keys, and the channels' tables (connectors with their mailbox passwords, threading,
 * the outgoing queue, attachments: server/ops/channelTables.ts), the admin's audit trail and every
 * version of each knowledge-base article (server/ops/historyTables.ts). Accounts travel (hashed passwords, hashed keys) so the agents directory
 * and the people who sign in move together; sessions do not (everyone signs in again after a
 * restore). The file therefore holds password hashes and mailbox passwords: keep it like the database itself.
 * The same format restores into PGlite or PostgreSQL (server/ops/restore.ts).
 */
import { createWriteStream, fchmodSync, openSync } from 'node:fs';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import { collectionNames } from '#shared/protocol.ts';
import type { Database } from '../db/openDatabase.ts';
import { schemaVersion } from '../db/migrate.ts';
import { serverVersion } from '../version.ts';
import { channelRows, channelTableNames } from './channelTables.ts';
import { auditRows, kbVersionLines } from './historyTables.ts';

export const backupFormat = 'pass24-desk-backup';
export const backupFormatVersion = 1;

export interface BackupCounts {
  documents: Record<string, number>;
  accounts: number;
  apiKeys: number;
  intakeRefs: number;
  ticketCounters: number;
  /** Rows of each channel table (channels, channel_messages, outbound_messages, attachments, channel_cursors). */
  channelRows: Record<string, number>;
  /** Entries of the admin's audit trail. */
  auditEntries: number;
  /** Stored versions of knowledge-base articles, over all articles. */
  kbVersions: number;
}

class LineWriter {
  private readonly out: Writable;
  constructor(out: Writable) {
    this.out = out;
  }
  async line(text: string): Promise<void> {
    if (!this.out.write(`${text}\n`)) await once(this.out, 'drain');
  }
}

export async function writeBackup(database: Database, file: string, now: number = Date.now()): Promise<BackupCounts> {
  // A backup holds password hashes: 0600, also when it replaces an existing file (whose mode
  // `open` would keep), and before the first byte is written.
  const fd = openSync(file, 'w', 0o600);
  fchmodSync(fd, 0o600);
  const fileStream = createWriteStream(file, { fd });
  const gzip = file.endsWith('.gz') ? createGzip() : null;
  if (gzip) gzip.pipe(fileStream);
  const out = new LineWriter(gzip ?? fileStream);
  const db = database.db;
  const counts: BackupCounts = {
    documents: {},
    accounts: 0,
    apiKeys: 0,
    intakeRefs: 0,
    ticketCounters: 0,
    channelRows: {},
    auditEntries: 0,
    kbVersions: 0,
  };

  await out.line(
    JSON.stringify({
      format: backupFormat,
      version: backupFormatVersion,
      createdAt: now,
      source: database.kind,
      schemaVersion: await schemaVersion(db),
      appVersion: serverVersion,
    }),
  );
  for (const collection of collectionNames) {
    let n = 0;
    let after: { u: number; id: string } | null = null;
    for (;;) {
      const page: { rows: Array<{ id: string; updated_at: number; json: string }> } = await sql<{
        id: string;
        updated_at: number;
        json: string;
      }>`
        select id, updated_at, data::text as json from documents
        where collection = ${collection} ${after ? sql`and (updated_at, id) > (${after.u}::double precision, ${after.id})` : sql``}
        order by updated_at, id limit 2000`.execute(db);
      for (const row of page.rows)
        await out.line(`{"type":"document","collection":${JSON.stringify(collection)},"doc":${row.json}}`);
      n += page.rows.length;
      const last = page.rows.at(-1);
      if (!last) break;
      after = { u: Number(last.updated_at), id: last.id };
    }
    counts.documents[collection] = n;
  }
  for (const row of await db.selectFrom('ticket_counters').selectAll().orderBy('year').execute()) {
    await out.line(JSON.stringify({ type: 'ticketCounter', ...row }));
    counts.ticketCounters++;
  }
  for (const row of await db.selectFrom('intake_refs').selectAll().orderBy('channel').orderBy('external_id').execute()) {
    await out.line(JSON.stringify({ type: 'intakeRef', ...row }));
    counts.intakeRefs++;
  }
  for (const row of await db.selectFrom('accounts').selectAll().orderBy('login').execute()) {
    await out.line(JSON.stringify({ type: 'account', ...row }));
    counts.accounts++;
  }
  for (const row of await db.selectFrom('api_keys').selectAll().orderBy('id').execute()) {
    await out.line(JSON.stringify({ type: 'apiKey', ...row }));
    counts.apiKeys++;
  }
  for (const table of channelTableNames) {
    let n = 0;
    for await (const row of channelRows(db, table)) {
      await out.line(JSON.stringify({ type: 'channelRow', table, row }));
      n++;
    }
    counts.channelRows[table] = n;
  }
  for await (const row of auditRows(db)) {
    await out.line(JSON.stringify({ type: 'auditEntry', ...row }));
    counts.auditEntries++;
  }
  for await (const line of kbVersionLines(db)) {
    await out.line(line);
    counts.kbVersions++;
  }
  await out.line(JSON.stringify({ type: 'end', counts }));
  (gzip ?? fileStream).end();
  await once(fileStream, 'finish');
  return counts;
}
