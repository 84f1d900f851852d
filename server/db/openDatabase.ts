/**
 * Opens the central database: PGlite in a data folder (the embedded default) or PostgreSQL at a
 * URL, behind one Kysely interface, and runs the pending migrations. Also gives the change feed a
 * LISTEN channel: a dedicated client on PostgreSQL, PGlite's own listen() (one process anyway).
 */
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DbSchema } from './dbSchema.ts';
import { lockDataDir } from './dataDirLock.ts';
import { migrate } from './migrate.ts';
import { makePrivate, privateUmask } from './privateFiles.ts';
import { Mutex } from './mutex.ts';
import { PgliteDialect } from './pgliteDialect.ts';
import { PostgresListener, type NotificationHandler } from './postgresListener.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * Where the data lives: a PGlite folder, a PostgreSQL URL, or an in-memory PGlite (tests), which
 * may start from a dumped data folder (PGlite's dumpDataDir) instead of an empty cluster.
 */
export type DatabaseTarget = { dataDir: string } | { url: string } | { memory: true; from?: Blob };

export interface OpenDatabaseOptions {
  /** Run pending migrations (default true). */
  migrate?: boolean;
  /** PostgreSQL pool size (default 16). */
  poolSize?: number;
}

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Kysely<DbSchema>;
  /** The data folder (PGlite) or null. */
  readonly dataDir: string | null;
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<Database> {
  const database = 'url' in target ? openPostgres(target.url, options) : await openPglite(target);
  if (options.migrate !== false) {
    try {
      await migrate(database.db);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

function openPostgres(url: string, options: OpenDatabaseOptions): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 16 });
  // An idle client losing its connection (server restart) must not crash the process; the pool
  // replaces it on the next checkout.
  pool.on('error', () => {});
  const db = new Kysely<DbSchema>({ dialect: new PostgresDialect({ pool }) });
  const listener = new PostgresListener(url);
  let closed = false;
  return {
    kind: 'postgres',
    db,
    dataDir: null,
    listen: (channel, handler) => listener.listen(channel, handler),
    async close() {
      if (closed) return;
      closed = true;
      await listener.close();
      await db.destroy();
    },
  };
}

async function openPglite(target: { dataDir: string } | { memory: true; from?: Blob }): Promise<Database> {
  const dataDir = 'dataDir' in target ? target.dataDir : null;
  if (dataDir) privateUmask();
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = dataDir
      ? new PGlite(join(dataDir, 'pgdata'))
      : new PGlite('from' in target && target.from ? { loadDataDir: target.from } : {});
    await pglite.waitReady;
    if (dataDir) makePrivate(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const mutex = new Mutex();
  const db = new Kysely<DbSchema>({ dialect: new PgliteDialect(pglite, mutex) });
  let closed = false;
  // PGlite is a standalone backend: no autovacuum, so the planner never gets statistics unless
  // asked. A minute after opening (a seed or restore has usually written by then) and every ten
  // minutes after, ANALYZE runs between two statements, as autovacuum would on PostgreSQL.
  const analyze = () => {
    if (closed) return;
    mutex.run(() => pglite.exec('analyze')).catch(() => undefined);
  };
  const firstAnalyze = setTimeout(analyze, 60_000);
  const everyAnalyze = setInterval(analyze, 10 * 60_000);
  firstAnalyze.unref();
  everyAnalyze.unref();
  return {
    kind: 'pglite',
    db,
    dataDir,
    async listen(channel, handler) {
      // LISTEN runs on the one session: take the mutex so it never lands inside someone's transaction.
      const unlisten = await mutex.run(() => pglite.listen(channel, (payload) => handler(payload)));
      return () => mutex.run(() => unlisten());
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(firstAnalyze);
      clearInterval(everyAnalyze);
      await db.destroy();
      // Wait for the statement in flight, then close (PGlite flushes its folder on close).
      await mutex.run(() => pglite.close());
      if (dataDir) makePrivate(dataDir);
      unlock();
    },
  };
}
