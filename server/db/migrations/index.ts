/**
 * The schema migrations, in order. Listed statically (not read from the folder) so a bundled
 * build (electron-vite's out/main/embedded.js) carries them. Append only; never edit an applied one.
 */
import type { Kysely } from 'kysely';
import { initial } from './001_initial.ts';

export interface Migration {
  version: number;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was, not DbSchema.
  up(db: Kysely<any>): Promise<void>;
}

export const migrations: readonly Migration[] = [initial];
