/**
 * Stored articles gain a category, symptoms and the head's return comment with the defaults the
 * desks' local migration gives them, stay valid for the new schema, and become their own first
 * version in the history.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { openDatabase } from '../../server/db/openDatabase.ts';
import { listKbVersions } from '../../server/replication/kbVersions.ts';
import { documentValidator } from '../../server/validation/documentValidator.ts';

describe('migration 9: KB fields and versions', () => {
  it('gives stored articles the new fields empty, keeps the feed still, and starts each history with the stored state', async () => {
    const db = await openDatabase({ memory: true }, { migrate: false });
    try {
      const before = migrations.findIndex((m) => m.name === 'kb fields and versions');
      await migrate(db.db, migrations.slice(0, before));
      const old = {
        id: 'kb-1',
        title: 'Камера не распознаёт номер',
        body: 'Почистите объектив.',
        product: 'pass24_auto',
        tags: ['камера'],
        status: 'published',
        createdAt: 1,
        createdBy: 'head-1',
        editedAt: 2,
        editedBy: 'head-1',
        sourceTicketId: null,
        conflictDraft: null,
        summary: null,
        updatedAt: 5,
        _deleted: false,
      };
      await sql`insert into documents (collection, id, data, updated_at, deleted) values ('kb', 'kb-1', ${JSON.stringify(old)}::jsonb, 5, false)`.execute(
        db.db,
      );
      expect(await migrate(db.db)).toEqual(migrations.slice(before).map((m) => m.version));

      const row = await sql<{ data: Record<string, unknown>; updated_at: number }>`
        select data, updated_at from documents where id = 'kb-1'`.execute(db.db);
      const migrated = row.rows[0]!;
      expect(migrated.data).toEqual({ ...old, category: null, symptoms: [], returned: null });
      expect(migrated.updated_at).toBe(5);
      expect(documentValidator().check('kb', { ...migrated.data, updatedAt: 0 })).toEqual({ ok: true });
      expect(await listKbVersions(db.db, 'kb-1')).toEqual([{ updatedAt: 5, signedBy: 'head-1', article: migrated.data }]);
    } finally {
      await db.close();
    }
  });
});
