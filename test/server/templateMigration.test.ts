/**
 * Stored reply scripts gain an owner, an archived flag and a phone variant (shared, in use,
 * written only), then a conflict draft (none).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { openDatabase } from '../../server/db/openDatabase.ts';
import { documentValidator } from '../../server/validation/documentValidator.ts';

describe('migration 2: template owners', () => {
  it('makes a stored script shared, not archived, without a phone text, and valid for the new schema; a script that has the fields keeps them', async () => {
    const db = await openDatabase({ memory: true }, { migrate: false });
    try {
      await migrate(db.db, migrations.slice(0, 1));
      const old = {
        id: 'tpl-1',
        title: 'Напоминание',
        category: 'Ожидание клиента',
        body: 'Здравствуйте!',
        channels: [],
        tags: [],
        editedAt: 1,
        editedBy: 'head-1',
        updatedAt: 5,
      };
      const mine = { ...old, id: 'tpl-2', ownerId: 'agent-1', archived: true, phoneBody: 'Вслух' };
      for (const doc of [old, mine]) {
        await sql`insert into documents (collection, id, data, updated_at, deleted) values ('templates', ${doc.id}, ${JSON.stringify(doc)}::jsonb, 5, false)`.execute(
          db.db,
        );
      }
      await sql`insert into documents (collection, id, data, updated_at, deleted) values ('kb', 'kb-1', '{"id":"kb-1"}'::jsonb, 5, false)`.execute(
        db.db,
      );

      expect(await migrate(db.db, migrations.slice(0, 2))).toEqual([2]);
      const rows = await sql<{
        id: string;
        data: Record<string, unknown>;
        updated_at: number;
      }>`select id, data, updated_at from documents order by id`.execute(db.db);
      const byId = new Map(rows.rows.map((r) => [r.id, r]));
      expect(byId.get('tpl-1')!.data).toEqual({ ...old, ownerId: null, archived: false, phoneBody: null });
      expect(byId.get('tpl-2')!.data).toEqual(mine);
      expect(byId.get('kb-1')!.data).toEqual({ id: 'kb-1' });
      // The change feed does not move: desks give their local copies the same defaults.
      expect(byId.get('tpl-1')!.updated_at).toBe(5);
    } finally {
      await db.close();
    }
  });
});

describe('migration 6: template conflicts', () => {
  it('gives every stored script no conflict draft, keeps a draft a script has, and leaves other collections alone', async () => {
    const db = await openDatabase({ memory: true }, { migrate: false });
    try {
      const upTo = migrations.findIndex((m) => m.name === 'template conflicts');
      await migrate(db.db, migrations.slice(0, upTo));
      const old = {
        id: 'tpl-1',
        title: 'Напоминание',
        category: 'Ожидание клиента',
        body: 'Здравствуйте!',
        phoneBody: null,
        channels: [],
        tags: [],
        ownerId: null,
        archived: false,
        editedAt: 1,
        editedBy: 'head-1',
        updatedAt: 5,
      };
      const drafted = {
        ...old,
        id: 'tpl-2',
        conflictDraft: { body: 'Другой', phoneBody: null, editedAt: 1, editedBy: 'head-2' },
      };
      for (const doc of [old, drafted]) {
        await sql`insert into documents (collection, id, data, updated_at, deleted) values ('templates', ${doc.id}, ${JSON.stringify(doc)}::jsonb, 5, false)`.execute(
          db.db,
        );
      }
      await sql`insert into documents (collection, id, data, updated_at, deleted) values ('kb', 'kb-1', '{"id":"kb-1"}'::jsonb, 5, false)`.execute(
        db.db,
      );
      await migrate(db.db);
      const rows = await sql<{ id: string; data: Record<string, unknown>; updated_at: number }>`
        select id, data, updated_at from documents order by id`.execute(db.db);
      const byId = new Map(rows.rows.map((r) => [r.id, r]));
      expect(byId.get('tpl-1')!.data).toEqual({ ...old, conflictDraft: null });
      expect(byId.get('tpl-2')!.data).toEqual(drafted);
      expect(byId.get('kb-1')!.data).toEqual({ id: 'kb-1' });
      expect(byId.get('tpl-1')!.updated_at).toBe(5);
      for (const id of ['tpl-1', 'tpl-2']) {
        expect(documentValidator().check('templates', { ...byId.get(id)!.data, _deleted: false })).toEqual({ ok: true });
      }
    } finally {
      await db.close();
    }
  });
});
