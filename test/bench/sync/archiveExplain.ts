/**
 * The archive search's query plans on a seeded demo workspace: EXPLAIN ANALYZE of each kind of
 * query the bench measures (a number, a client, words, words among closed tickets), and the
 * median time of each over a few runs, on PGlite and on PostgreSQL.
 *
 *   nice -n 10 node test/bench/sync/archiveExplain.ts --scale 2 [--data DIR] [--no-postgres] [--plans]
 *
 * `--data DIR` keeps the seeded PGlite folder between runs (seeded when empty).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { parseArchiveQuery } from '#shared/search/archiveQuery.ts';
import { openDatabase, type Database } from '../../../server/db/openDatabase.ts';
import { seedDemo } from '../../../server/seed/seedDemo.ts';
import { archiveSearchSql, inArchiveTransaction } from '../../../server/tickets/archiveQueries.ts';
import { startPostgresCluster } from '../../support/postgresCluster.ts';

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string', default: '2' },
    data: { type: 'string' },
    'no-postgres': { type: 'boolean', default: false },
    plans: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
});
const scale = Number(flags.scale);
const runs = Number(flags.runs);

async function kinds(db: Database): Promise<Array<[string, Record<string, string>]>> {
  const sample = (
    await db.db.selectFrom('documents').select(['data']).where('collection', '=', 'tickets').limit(200).execute()
  ).map((r) => r.data as { number: string; clientId: string | null });
  const withClient = sample.find((t) => t.clientId)!;
  return [
    ['number', { q: sample[17]!.number }],
    ['client', { clientId: withClient.clientId! }],
    ['word', { q: 'шлагбаумы' }],
    ['two words', { q: 'не открывается' }],
    ['word, closed', { q: 'камера', status: 'closed' }],
    ['rare word', { q: 'турникет' }],
  ];
}

async function report(label: string, db: Database): Promise<void> {
  const counts = await sql<{ collection: string; n: number }>`
    select collection, count(*)::int as n from documents group by collection order by collection`.execute(db.db);
  console.log(`\n== ${label}: ${counts.rows.map((r) => `${r.collection} ${r.n}`).join(', ')}`);
  for (const [name, params] of await kinds(db)) {
    const parsed = parseArchiveQuery(params);
    if (!parsed.ok) throw new Error(parsed.reason);
    // With the settings the endpoint runs it under.
    const run = () => inArchiveTransaction(db.db, (trx) => archiveSearchSql(parsed.query).execute(trx));
    await run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(14)} median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms  ${JSON.stringify(params)}`,
    );
    if (flags.plans) {
      const plan = await inArchiveTransaction(db.db, (trx) =>
        sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off) ${archiveSearchSql(parsed.query)}`.execute(trx),
      );
      console.log(plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n'));
    }
  }
}

const work = mkdtempSync(join(tmpdir(), 'archive-explain-'));
const dataDir = flags.data ?? join(work, 'data');
try {
  const pglite = await openDatabase({ dataDir });
  if (
    (await pglite.db.selectFrom('documents').select('id').where('collection', '=', 'tickets').limit(1).execute()).length === 0
  ) {
    console.log(`seeding PGlite at scale ${scale}`);
    await seedDemo(pglite, { now: Date.now(), scale, passwords: {} });
  }
  await report('PGlite', pglite);
  await pglite.close();
  if (!flags['no-postgres']) {
    const cluster = await startPostgresCluster({ durable: true });
    try {
      const { default: pg } = await import('pg');
      const c = new pg.Client(cluster.url);
      await c.connect();
      await c.query('create database explain');
      await c.end();
      const postgres = await openDatabase({ url: cluster.databaseUrl('explain') });
      console.log(`seeding PostgreSQL at scale ${scale}`);
      await seedDemo(postgres, { now: Date.now(), scale, passwords: {} });
      await sql`analyze`.execute(postgres.db);
      await report('PostgreSQL', postgres);
      await postgres.close();
    } finally {
      cluster.stop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
