/**
 * Runs the pending migrations, each in its own transaction, recorded in schema_migrations.
 * A transaction-scoped advisory lock makes concurrent starts (two instances on one PostgreSQL)
 * apply each migration exactly once: the second waits, then sees it recorded.
 */
import { sql, type Kysely } from 'kysely';
import type { DbSchema } from './dbSchema.ts';
import { migrations as allMigrations } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';
import { lockKeys } from './lockKeys.ts';

export async function migrate(db: Kysely<DbSchema>, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${lockKeys.namespace}, ${lockKeys.migrations})`.execute(trx);
    await sql`
      create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        applied_at double precision not null
      )`.execute(trx);
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${lockKeys.namespace}, ${lockKeys.migrations})`.execute(trx);
      const row = await trx
        .selectFrom('schema_migrations')
        .select('version')
        .where('version', '=', migration.version)
        .executeTakeFirst();
      if (row) return false;
      await migration.up(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: Date.now() })
        .execute();
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

export async function schemaVersion(db: Kysely<DbSchema>): Promise<number> {
  const row = await db
    .selectFrom('schema_migrations')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}
