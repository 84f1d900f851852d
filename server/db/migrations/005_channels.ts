import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Channel connectors: their configuration (secrets stay in this table, never in `documents`, so
 * they are never replicated), a lease per connector so one instance fetches each mailbox, the
 * message ids that thread mail to tickets, the durable outbound queue, stored attachments and
 * the reply pick-up cursor.
 */
export const channels: Migration = {
  version: 5,
  name: 'channels',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`
      create table channels (
        id text primary key,
        kind text not null check (kind in ('email')),
        name text not null,
        address text not null,
        settings jsonb not null,
        secret text not null,
        enabled boolean not null,
        created_at double precision not null,
        cursor jsonb not null default '{}'::jsonb,
        status text not null default 'stopped',
        status_detail text not null default '',
        status_at double precision not null default 0
      )`.execute(db);
    await sql`create unique index channels_address on channels (lower(address)) where enabled`.execute(db);

    await sql`
      create table channel_leases (
        channel_id text primary key,
        holder text not null,
        expires_at double precision not null
      )`.execute(db);

    // Every message id seen or sent on a ticket: In-Reply-To / References find the ticket by it.
    await sql`
      create table channel_messages (
        message_id text primary key,
        channel_id text not null,
        ticket_id text not null,
        event_id text not null,
        direction text not null check (direction in ('in', 'out')),
        created_at double precision not null
      )`.execute(db);
    await sql`create index channel_messages_ticket on channel_messages (ticket_id, created_at)`.execute(db);

    await sql`
      create table outbound_messages (
        id text primary key,
        channel_id text not null,
        ticket_id text not null,
        kind text not null check (kind in ('reply', 'ack')),
        to_address text not null,
        subject text not null,
        body text not null,
        from_name text not null,
        message_id text not null,
        in_reply_to text not null,
        references_list text not null,
        state text not null check (state in ('queued', 'sending', 'sent', 'failed')),
        attempts integer not null,
        next_attempt_at double precision not null,
        last_error text not null,
        created_at double precision not null,
        sent_at double precision
      )`.execute(db);
    await sql`create index outbound_due on outbound_messages (state, next_attempt_at)`.execute(db);

    await sql`
      create table attachments (
        id text primary key,
        ticket_id text not null,
        event_id text not null,
        filename text not null,
        content_type text not null,
        size integer not null,
        content bytea not null,
        created_at double precision not null
      )`.execute(db);
    await sql`create index attachments_ticket on attachments (ticket_id)`.execute(db);

    await sql`
      create table channel_cursors (
        name text primary key,
        updated_at double precision not null,
        id text not null
      )`.execute(db);
  },
};
