/**
 * Databases for the server suite: every suite runs against both backends, an in-memory PGlite
 * and a fresh database in the suite's throwaway PostgreSQL cluster (test/server/globalSetup.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../../server/db/openDatabase.ts';

export const backends = ['pglite', 'postgres'] as const;
export type Backend = (typeof backends)[number];

/** Creates an empty PostgreSQL database in the suite's cluster and returns its URL. */
export async function createPostgresDatabase(prefix = 'test'): Promise<string> {
  const base = inject('postgresUrl');
  if (!base) throw new Error('postgresUrl not provided: the server project must run test/server/globalSetup.ts');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client(base);
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

let template: Blob | undefined;

/**
 * An in-memory PGlite started from the suite's migrated data folder (test/server/globalSetup.ts);
 * openDatabase still runs the migrations, finding none pending.
 */
export function openTestPglite(): Promise<Database> {
  template ??= new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openDatabase({ memory: true, from: template });
}

export async function openTestDatabase(backend: Backend): Promise<Database> {
  if (backend === 'pglite') return openTestPglite();
  return openDatabase({ url: await createPostgresDatabase() });
}

/** Number of stored documents (all collections), to show a refused request changed nothing. */
export async function documentCount(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
