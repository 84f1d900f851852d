import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/** The first schema: documents feed, accounts and sessions, API keys, intake refs, ticket counters. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`
      create table documents (
        collection text not null,
        id text collate "C" not null,
        data jsonb not null,
        updated_at double precision not null,
        deleted boolean not null,
        primary key (collection, id)
      )`.execute(db);
    // Ids compare bytewise ("C"): the feed's (updated_at, id) order is the same on PGlite and on
    // PostgreSQL whatever the cluster's locale, so a checkpoint survives a backup/restore between them.
    // The change feed: pull pages, stream catch-up and the max(updated_at) read under the lock.
    await sql`create index documents_feed on documents (collection, updated_at, id)`.execute(db);

    await sql`
      create table accounts (
        id text primary key,
        login text not null unique,
        name text not null,
        role text not null check (role in ('agent', 'head', 'admin')),
        password_hash text not null,
        active boolean not null,
        created_at double precision not null
      )`.execute(db);
    await sql`
      create table sessions (
        token_hash text primary key,
        account_id text not null references accounts (id),
        created_at double precision not null,
        expires_at double precision not null,
        revoked_at double precision
      )`.execute(db);
    await sql`create index sessions_account on sessions (account_id)`.execute(db);

    await sql`
      create table api_keys (
        id text primary key,
        channel text not null,
        key_hash text not null unique,
        created_at double precision not null,
        revoked_at double precision
      )`.execute(db);

    await sql`
      create table intake_refs (
        channel text not null,
        external_id text not null,
        ticket_id text not null,
        created_at double precision not null,
        primary key (channel, external_id)
      )`.execute(db);

    await sql`
      create table ticket_counters (
        year integer primary key,
        last_number integer not null
      )`.execute(db);
  },
};
