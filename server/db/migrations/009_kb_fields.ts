import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Articles gain a category, the symptoms clients describe and the head's return comment (the
 * defaults the desks' local migration gives them, so both sides hold the same document), and
 * every stored state of an article is kept as a version: who stored it and when, for the
 * article's history. The articles already stored become their own first version.
 */
export const kbFields: Migration = {
  version: 9,
  name: 'kb fields and versions',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`
      update documents
      set data = jsonb_build_object('category', null, 'symptoms', '[]'::jsonb, 'returned', null) || data
      where collection = 'kb'`.execute(db);
    await sql`
      create table kb_versions (
        article_id text collate "C" not null,
        updated_at double precision not null,
        signed_by text not null,
        data jsonb not null,
        primary key (article_id, updated_at)
      )`.execute(db);
    await sql`
      insert into kb_versions (article_id, updated_at, signed_by, data)
      select id, updated_at, coalesce(data->>'editedBy', ''), data from documents where collection = 'kb'`.execute(db);
  },
};
