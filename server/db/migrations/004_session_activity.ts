import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/** When each session was last used: sessions end when idle (ServerOptions.sessionIdleMs). */
export const sessionActivity: Migration = {
  version: 4,
  name: 'session_activity',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`alter table sessions add column last_seen_at double precision not null default 0`.execute(db);
    await sql`update sessions set last_seen_at = created_at`.execute(db);
  },
};
