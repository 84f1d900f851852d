import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * The admin's audit trail: every account, key and connector change and every change of the
 * workspace settings, with who made it and when. Append only; read newest first.
 */
export const adminAudit: Migration = {
  version: 7,
  name: 'admin_audit',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`
      create table audit_log (
        id text primary key,
        at double precision not null,
        actor_id text,
        actor_login text not null,
        action text not null,
        target text not null,
        detail text not null
      )`.execute(db);
    await sql`create index audit_log_at on audit_log (at desc, id)`.execute(db);
  },
};
