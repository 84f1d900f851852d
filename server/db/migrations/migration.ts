import type { Kysely } from 'kysely';

/** One step of the schema; the list in index.ts runs them in order. */
export interface Migration {
  version: number;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was, not DbSchema.
  up(db: Kysely<any>): Promise<void>;
}
