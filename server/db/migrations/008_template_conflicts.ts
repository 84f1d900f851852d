import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Reply scripts gain a conflict draft (the texts that lost a conflict, kept for the editor to
 * merge by hand). Stored scripts have none: the same default the desks' local migration gives.
 */
export const templateConflicts: Migration = {
  version: 8,
  name: 'template conflicts',
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the typed schema exists.
  async up(db: Kysely<any>): Promise<void> {
    await sql`
      update documents
      set data = jsonb_build_object('conflictDraft', null) || data
      where collection = 'templates'`.execute(db);
  },
};
