/** Versioned migrations: recorded once, safe to run again and from two instances at once. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { openDatabase } from '../../server/db/openDatabase.ts';
import { createPostgresDatabase } from './support/testDatabase.ts';

describe('migrations', () => {
  it('numbers migrations 1, 2, 3... without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('applies each migration once, also when two instances start together on one PostgreSQL', async () => {
    const url = await createPostgresDatabase('migrate');
    const [a, b] = await Promise.all([openDatabase({ url }, { migrate: false }), openDatabase({ url }, { migrate: false })]);
    try {
      const applied = await Promise.all([migrate(a.db), migrate(b.db)]);
      expect(applied.flat().sort()).toEqual(migrations.map((m) => m.version));
      expect(await migrate(a.db)).toEqual([]);
      const rows = await a.db.selectFrom('schema_migrations').select(['version', 'name']).orderBy('version').execute();
      expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
      const tables = await sql<{
        t: string;
      }>`select table_name as t from information_schema.tables where table_schema = 'public' order by 1`.execute(a.db);
      expect(tables.rows.map((r) => r.t)).toEqual([
        'accounts',
        'api_keys',
        'attachments',
        'audit_log',
        'channel_cursors',
        'channel_leases',
        'channel_messages',
        'channels',
        'documents',
        'intake_refs',
        'kb_versions',
        'outbound_messages',
        'schema_migrations',
        'sessions',
        'ticket_counters',
      ]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('runs at open on PGlite and records the versions', async () => {
    const db = await openDatabase({ memory: true });
    try {
      const rows = await db.db.selectFrom('schema_migrations').select('version').execute();
      expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    } finally {
      await db.close();
    }
  });
});
