/**
 * Kysely's view of the tables (server/db/migrations hold the DDL). Instants are epoch ms in
 * double precision columns: exact for integers up to 2^53 and read back as JS numbers by both
 * pg and PGlite (bigint would come back as strings).
 */
import type { ColumnType } from 'kysely';

/**
 * Every replicated document of every collection, keyed (collection, id). One table rather than
 * seven: the seven collections share exactly the same replication semantics (checkpoint feed,
 * tombstones, conflicts), their shapes live in the shared JSON schemas (validated on push, versioned
 * by RxDB), and the server never queries inside a document except for a few intake look-ups. One
 * table keeps the feed, backup/restore and the SQL identical for all of them. `data` holds the
 * document exactly as it travels (with `updatedAt` and `_deleted`), so a pull streams it out
 * without re-assembling it; `updated_at`/`deleted` repeat those two fields as columns for the
 * feed index (collection, updated_at, id).
 */
export interface DocumentsTable {
  collection: string;
  id: string;
  /** jsonb; written as JSON text, read as text (`data::text`) or parsed. */
  data: ColumnType<unknown, string, string>;
  updated_at: number;
  deleted: boolean;
}

export interface AccountsTable {
  id: string;
  login: string;
  name: string;
  role: string;
  password_hash: string;
  active: boolean;
  created_at: number;
}

export interface SessionsTable {
  token_hash: string;
  account_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  /** When the session last authenticated a request (updated at most once a minute). */
  last_seen_at: number;
}

export interface ApiKeysTable {
  id: string;
  channel: string;
  key_hash: string;
  created_at: number;
  revoked_at: number | null;
}

/** Intake idempotency: the ticket filed for each (channel, externalId). */
export interface IntakeRefsTable {
  channel: string;
  external_id: string;
  ticket_id: string;
  created_at: number;
}

/** The last ticket number handed out per year (gap-free: updated in the writing transaction). */
export interface TicketCountersTable {
  year: number;
  last_number: number;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

/** A channel connector (server/channels). `secret` never leaves this table. */
export interface ChannelsTable {
  id: string;
  kind: 'email' | 'telegram' | 'bitrix24';
  name: string;
  address: string;
  settings: ColumnType<unknown, string, string>;
  secret: string;
  enabled: boolean;
  created_at: number;
  cursor: ColumnType<unknown, string | undefined, string>;
  status: ColumnType<string, string | undefined, string>;
  status_detail: ColumnType<string, string | undefined, string>;
  status_at: ColumnType<number, number | undefined, number>;
}

/** Which instance runs a connector, until when. */
export interface ChannelLeasesTable {
  channel_id: string;
  holder: string;
  expires_at: number;
}

export interface ChannelMessagesTable {
  message_id: string;
  channel_id: string;
  ticket_id: string;
  event_id: string;
  direction: 'in' | 'out';
  created_at: number;
  /** The chat a messenger message was received in (null for mail): the chat's tickets are found by it. */
  conversation: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OutboundMessagesTable {
  id: string;
  channel_id: string;
  ticket_id: string;
  /**
   * A ticket's reply or acknowledgement; `report`: the weekly review, with no ticket (ticket_id '');
   * `crm`: a comment for a CRM company's timeline (to_address: the company's id).
   */
  kind: 'reply' | 'ack' | 'report' | 'crm';
  to_address: string;
  subject: string;
  body: string;
  from_name: string;
  message_id: string;
  in_reply_to: string;
  references_list: string;
  state: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: number;
  last_error: string;
  created_at: number;
  sent_at: number | null;
}

export interface AttachmentsTable {
  id: string;
  ticket_id: string;
  event_id: string;
  filename: string;
  content_type: string;
  size: number;
  content: Uint8Array;
  created_at: number;
}

export interface ChannelCursorsTable {
  name: string;
  updated_at: number;
  id: string;
}

/** One entry of the admin's audit trail; `actor_id` is null for the command line. */
export interface AuditLogTable {
  id: string;
  at: number;
  actor_id: string | null;
  actor_login: string;
  action: string;
  target: string;
  detail: string;
}

/** Every stored state of a knowledge-base article: its history (server/replication/kbVersions.ts). */
export interface KbVersionsTable {
  article_id: string;
  /** The state's updatedAt: unique per article, increasing. */
  updated_at: number;
  /** The account whose push (or import) stored it. */
  signed_by: string;
  data: ColumnType<unknown, string, string>;
}

export interface DbSchema {
  documents: DocumentsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  intake_refs: IntakeRefsTable;
  ticket_counters: TicketCountersTable;
  schema_migrations: SchemaMigrationsTable;
  channels: ChannelsTable;
  channel_leases: ChannelLeasesTable;
  channel_messages: ChannelMessagesTable;
  outbound_messages: OutboundMessagesTable;
  attachments: AttachmentsTable;
  channel_cursors: ChannelCursorsTable;
  audit_log: AuditLogTable;
  kb_versions: KbVersionsTable;
}
