/**
 * Stored client cards gain an INN (none) and a CRM link (none), valid for the new schema; the
 * channels may be a CRM portal and the queue may carry CRM comments.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/db/migrate.ts';
import { migrations } from '../../server/db/migrations/index.ts';
import { openDatabase } from '../../server/db/openDatabase.ts';
import { documentValidator } from '../../server/validation/documentValidator.ts';

describe('migration 12: bitrix24', () => {
  it('gives every stored card no INN and no CRM link, leaves other collections alone, and admits the CRM rows', async () => {
    const db = await openDatabase({ memory: true }, { migrate: false });
    try {
      const upTo = migrations.findIndex((m) => m.name === 'bitrix24');
      await migrate(db.db, migrations.slice(0, upTo));
      const card = {
        id: 'c-1',
        kind: 'organization',
        name: 'УК «Север»',
        parentId: null,
        siteType: null,
        city: 'Казань',
        address: '',
        contacts: [],
        products: [],
        notes: 'ИНН 1655000000',
        editedAt: 1,
        editedBy: 'agent-1',
        updatedAt: 5,
      };
      await sql`insert into documents (collection, id, data, updated_at, deleted) values ('clients', 'c-1', ${JSON.stringify(card)}::jsonb, 5, false)`.execute(
        db.db,
      );
      await sql`insert into documents (collection, id, data, updated_at, deleted) values ('kb', 'kb-1', '{"id":"kb-1"}'::jsonb, 5, false)`.execute(
        db.db,
      );
      await migrate(db.db, migrations.slice(0, upTo + 1));
      const rows = await sql<{ id: string; data: Record<string, unknown>; updated_at: number }>`
        select id, data, updated_at from documents order by id`.execute(db.db);
      const byId = new Map(rows.rows.map((r) => [r.id, r]));
      expect(byId.get('c-1')!.data).toEqual({ ...card, inn: '', crm: null });
      expect(byId.get('c-1')!.updated_at).toBe(5);
      expect(byId.get('kb-1')!.data).toEqual({ id: 'kb-1' });
      expect(documentValidator().check('clients', { ...byId.get('c-1')!.data, _deleted: false })).toEqual({ ok: true });

      await sql`insert into channels (id, kind, name, address, settings, secret, enabled, created_at)
        values ('ch-1', 'bitrix24', 'CRM', 'bitrix24:crm.example', '{}'::jsonb, '{}', true, 1)`.execute(db.db);
      await sql`insert into outbound_messages (id, channel_id, ticket_id, kind, to_address, subject, body, from_name,
          message_id, in_reply_to, references_list, state, attempts, next_attempt_at, last_error, created_at)
        values ('crm:e-1', 'ch-1', 't-1', 'crm', '17', 'Тема', 'Комментарий', 'PASS24', 'crm:e-1', '', '', 'queued', 0, 1, '', 1)`.execute(
        db.db,
      );
      expect(await sql`select id from outbound_messages`.execute(db.db)).toMatchObject({ rows: [{ id: 'crm:e-1' }] });
    } finally {
      await db.close();
    }
  });
});
