/**
 * Starts one throwaway PostgreSQL cluster for the whole server suite; each test file creates its
 * own database in it. No PostgreSQL, no suite: startPostgresCluster throws and the run fails.
 * Also migrates one in-memory PGlite and dumps its data folder: a test's PGlite starts from that
 * dump (openTestDatabase) rather than paying PGlite's initdb and every migration again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { TestProject } from 'vitest/node';
import type { DbSchema } from '../../server/db/dbSchema.ts';
import { migrate } from '../../server/db/migrate.ts';
import { Mutex } from '../../server/db/mutex.ts';
import { PgliteDialect } from '../../server/db/pgliteDialect.ts';
import { startPostgresCluster } from '../support/postgresCluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** A tar of a migrated PGlite data folder. */
    pgliteTemplate: string;
  }
}

async function dumpMigratedPglite(file: string): Promise<void> {
  const pglite = new PGlite();
  const db = new Kysely<DbSchema>({ dialect: new PgliteDialect(pglite, new Mutex()) });
  try {
    await migrate(db);
    const dump = await pglite.dumpDataDir('none');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.destroy();
    await pglite.close();
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'pass24-pglite-template-'));
  const template = join(dir, 'migrated.tar');
  const [cluster] = await Promise.all([startPostgresCluster(), dumpMigratedPglite(template)]);
  project.provide('postgresUrl', cluster.url);
  project.provide('pgliteTemplate', template);
  return () => {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
