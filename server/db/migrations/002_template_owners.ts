import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Reply scripts gain an owner (null: shared, edited by the head), an archived flag and a phone
 * variant. Stored scripts become shared, not archived, without a phone text: the same defaults
 * the desks' local migration gives them, so both sides hold the same document.
 */
export const templateOwners: Migration = {
  version: 2,
  name: 'template owners',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`
      update documents
      set data = jsonb_build_object('phoneBody', null, 'ownerId', null, 'archived', false) || data
      where collection = 'templates'`.execute(db);
  },
};
