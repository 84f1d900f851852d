/**
 * `npm run bench:workingset`: the working set's figures (docs/sync.md, "Working set") with the
 * renderer's RxDB + SyncEngine in Debian's Chromium against a real central endpoint (PGlite,
 * child process), on the demo workspace:
 *
 *   1. an empty desk signs in and syncs the working set: sign-in to the tickets stored (the
 *      queue's data; the bench page has no UI), the whole working set stored, a local ticket
 *      save every half second meanwhile (p95; `--save-every MS`), and a bare IndexedDB put of the same documents;
 *   2. the local database's size after it (navigator.storage.estimate), and, in another
 *      profile, the size of a desk replicating the full history;
 *   3. the archive's search over every ticket, on PGlite and on PostgreSQL (the same seed), the
 *      query timed in-process (no HTTP), over Russian words, numbers and filters.
 *
 * Options: --scale N (demo seed scale, default 15), --searches N (per backend, 200),
 * --save-every MS (500), --seed-cache DIR, --no-full (skip the full-history desk), --no-postgres.
 * Figures only: a benchmark, not a timed test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { collectionNames, type CollectionName } from '#shared/protocol.ts';
import { parseArchiveQuery } from '#shared/search/archiveQuery.ts';
import { defaultClosedWindowDays } from '#shared/sync/workingSet.ts';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../../server/db/openDatabase.ts';
import { seedDemo } from '../../../server/seed/seedDemo.ts';
import { searchArchive } from '../../../server/tickets/archiveQueries.ts';
import { startPostgresCluster } from '../../support/postgresCluster.ts';
import type { FirstSyncResult, OpenOptions, RawInsertResult } from './page/benchApi.ts';
import { benchAccounts, prepareWorkspace } from './benchWorkspace.ts';
import { freePort, startCentralServer } from './centralServer.ts';
import { buildBenchPage, servePage } from './pageServer.ts';

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string', default: '15' },
    searches: { type: 'string', default: '200' },
    'seed-cache': { type: 'string' },
    'no-full': { type: 'boolean', default: false },
    'no-postgres': { type: 'boolean', default: false },
    'save-every': { type: 'string', default: '500' },
  },
});
const scale = Number(flags.scale);
const searchCount = Number(flags.searches);
const saveEveryMs = Number(flags['save-every']);
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m} (load ${loadavg()[0]!.toFixed(1)})`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms: number) => `${Math.round(ms)} ms`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en-US');
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
const loadSamples: number[] = [];
setInterval(() => loadSamples.push(loadavg()[0]!), 5_000).unref();

async function workstation(profileDir: string, pageUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
    headless: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (err) => log(`page error: ${err.message}`));
  await page.goto(pageUrl);
  await page.waitForFunction(() => typeof window.syncBench === 'object');
  return { context, page };
}

/** Syncs a fresh desk while saving a ticket every `saveEveryMs`; sign-in is timed with it. */
async function firstSync(
  page: Page,
  options: OpenOptions,
): Promise<{ signInMs: number; result: FirstSyncResult; saves: number[] }> {
  const started = performance.now();
  await page.evaluate((o) => window.syncBench.open(o), options);
  const signInMs = performance.now() - started;
  let result: FirstSyncResult | null = null;
  const syncing = page.evaluate(() => window.syncBench.sync()).then((r) => (result = r));
  const saves: number[] = [];
  const trace: string[] = [];
  while (!result) {
    await Promise.race([syncing, new Promise((r) => setTimeout(r, saveEveryMs))]);
    if (result) break;
    const at = performance.now() - started;
    const ms = await page.evaluate(() => window.syncBench.timedLocalSave());
    if (ms !== null) {
      saves.push(ms);
      trace.push(`${(at / 1000).toFixed(1)}s:${Math.round(ms)}`);
    }
  }
  // When each save began (seconds after sign-in) and what it took (ms): where in the sync the slow ones fall.
  log(`saves: ${trace.join(' ')}`);
  return { signInMs, result: result as FirstSyncResult, saves };
}

/** Queries a manager types: Russian words in other forms, numbers, a client's filter. */
function searchQueries(n: number, numbers: string[], clientIds: string[]): Array<Record<string, string>> {
  const words = [
    'шлагбаумы',
    'камера',
    'не открывается',
    'пропуск',
    'ключ',
    'домофон',
    'номер',
    'турникет',
    'приложение',
    'оплата',
  ];
  const out: Array<Record<string, string>> = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 4;
    if (kind === 0 && numbers.length) out.push({ q: numbers[i % numbers.length]! });
    else if (kind === 1 && clientIds.length) out.push({ clientId: clientIds[i % clientIds.length]! });
    else if (kind === 2) out.push({ q: words[i % words.length]!, status: 'closed' });
    else out.push({ q: words[i % words.length]! });
  }
  return out;
}

async function timeSearches(db: Database, queries: Array<Record<string, string>>): Promise<number[]> {
  const times: number[] = [];
  for (const q of queries.slice(0, 5)) {
    const parsed = parseArchiveQuery(q);
    if (parsed.ok) await searchArchive(db.db, parsed.query);
  }
  for (const q of queries) {
    const parsed = parseArchiveQuery(q);
    if (!parsed.ok) throw new Error(`bad bench query ${JSON.stringify(q)}: ${parsed.reason}`);
    const t = performance.now();
    await searchArchive(db.db, parsed.query);
    times.push(performance.now() - t);
  }
  return times;
}

const workDir = mkdtempSync(join(tmpdir(), 'pass24-wsbench-'));
const rows: string[][] = [['measure', 'result', 'target']];
try {
  log(`seeding the demo workspace at scale ${scale}`);
  const seeded = await prepareWorkspace(join(workDir, 'data'), workDir, scale, flags['seed-cache'] ?? null);
  log(`workspace: ${collectionNames.map((c) => `${c} ${count(seeded.counts[c])}`).join(', ')}`);

  // The archive on PGlite, in-process, before the endpoint opens the folder.
  const pglite = await openDatabase({ dataDir: join(workDir, 'data') });
  const sample = (
    await pglite.db.selectFrom('documents').select(['data']).where('collection', '=', 'tickets').limit(500).execute()
  ).map((r) => r.data as { number?: string | null; clientId?: string | null });
  const queries = searchQueries(
    searchCount,
    sample.flatMap((t) => (t.number ? [t.number] : [])),
    [...new Set(sample.flatMap((t) => (t.clientId ? [t.clientId] : [])))],
  );
  log(`archive search on PGlite: ${queries.length} queries`);
  const pgliteTimes = await timeSearches(pglite, queries);
  await pglite.close();

  let postgresTimes: number[] | null = null;
  if (!flags['no-postgres']) {
    const cluster = await startPostgresCluster({ durable: true });
    try {
      const { default: pg } = await import('pg');
      const c = new pg.Client(cluster.url);
      await c.connect();
      await c.query('create database wsbench');
      await c.end();
      const postgres = await openDatabase({ url: cluster.databaseUrl('wsbench') });
      log('seeding the same workspace into PostgreSQL');
      await seedDemo(postgres, { now: Date.now(), scale, passwords: {} });
      // Statistics as a running server's autovacuum would have them.
      await sql`analyze`.execute(postgres.db);
      log(`archive search on PostgreSQL: ${queries.length} queries`);
      postgresTimes = await timeSearches(postgres, queries);
      await postgres.close();
    } finally {
      cluster.stop();
    }
  }

  const server = await startCentralServer(join(workDir, 'data'), await freePort());
  await buildBenchPage(join(workDir, 'page'));
  const pageServer = await servePage(join(workDir, 'page'));
  try {
    log('A: sign-in and first sync of the working set on an empty desk');
    const firstLoad = loadSamples.length;
    const a = await workstation(join(workDir, 'profile-a'), pageServer.url);
    const ws = await firstSync(a.page, { baseUrl: server.url, ...benchAccounts.a, dbName: 'wsbench' });
    const load = loadSamples.slice(firstLoad);
    const wsBytes = await a.page.evaluate(() => window.syncBench.storageBytes());
    const docs = collectionNames.reduce((n, c) => n + ws.result.collections[c].docs, 0);
    log(`A: working set stored in ${seconds(ws.result.totalMs)} (${count(docs)} docs)`);
    // Each collection's end (s after the sync began) and its documents: which part the time goes to.
    log(
      `A: ${collectionNames.map((c) => `${c} ${(ws.result.collections[c].doneMs / 1000).toFixed(1)}s/${ws.result.collections[c].docs}`).join(', ')}`,
    );
    const raw: RawInsertResult = await a.page.evaluate(([c, days]) => window.syncBench.rawInsert(c, days), [
      [...collectionNames] as CollectionName[],
      defaultClosedWindowDays,
    ] as const);
    await a.page.evaluate(() => window.syncBench.close());
    await a.context.close();

    let fullBytes: number | null = null;
    let fullDocs = 0;
    if (!flags['no-full']) {
      log('F: a desk replicating the full history, for its size');
      const f = await workstation(join(workDir, 'profile-f'), pageServer.url);
      await f.page.evaluate((o) => window.syncBench.open(o), {
        baseUrl: server.url,
        ...benchAccounts.b,
        dbName: 'wsbench-full',
        workingSet: false,
      });
      const full: FirstSyncResult = await f.page.evaluate(() => window.syncBench.sync());
      fullBytes = await f.page.evaluate(() => window.syncBench.storageBytes());
      fullDocs = collectionNames.reduce((n, c) => n + full.collections[c].docs, 0);
      log(`F: full history stored in ${seconds(full.totalMs)} (${count(fullDocs)} docs)`);
      await f.page.evaluate(() => window.syncBench.close());
      await f.context.close();
    }

    const ticketsMs = ws.signInMs + ws.result.collections.tickets.doneMs;
    rows.push(
      [
        'sign-in to the open tickets stored (the queue complete) on an empty desk',
        seconds(ws.signInMs + ws.result.openTicketsMs),
        '<= 3 s',
      ],
      [
        `sign-in to every ticket of the working set stored (${count(ws.result.collections.tickets.docs)} tickets)`,
        seconds(ticketsMs),
        '',
      ],
      [`whole working set stored (${count(docs)} docs)`, seconds(ws.result.totalMs), '<= 20 s'],
      [`bare IndexedDB put of the same ${count(raw.docs)} docs`, seconds(raw.insertMs), ''],
      ['ratio working set stored / bare IndexedDB put', `${(ws.result.totalMs / raw.insertMs).toFixed(1)} x`, '<= 3x'],
      [`a ticket save during the first sync (${ws.saves.length} saves): p95`, millis(percentile(ws.saves, 95)), '<= 200 ms'],
      [
        `archive search over every ticket, PGlite (${queries.length} queries): p95 / p50`,
        `${millis(percentile(pgliteTimes, 95))} / ${millis(percentile(pgliteTimes, 50))}`,
        '<= 200 ms',
      ],
      ...(postgresTimes
        ? [
            [
              `archive search, PostgreSQL: p95 / p50`,
              `${millis(percentile(postgresTimes, 95))} / ${millis(percentile(postgresTimes, 50))}`,
              '<= 200 ms',
            ],
          ]
        : []),
      ['local database after the first sync (working set)', mb(wsBytes), 'report'],
      ...(fullBytes !== null
        ? [[`local database with the full history (${count(fullDocs)} docs)`, mb(fullBytes), 'report']]
        : []),
      [
        'machine load during the first sync (1-min average, mean)',
        (load.reduce((x, y) => x + y, 0) / Math.max(1, load.length)).toFixed(1),
        '',
      ],
    );
  } finally {
    await pageServer.close();
    await server.stop();
  }
  console.log(
    `\nWorkspace (demo seed, scale ${scale}): ${collectionNames.map((c) => `${c} ${count(seeded.counts[c])}`).join(', ')}\n`,
  );
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const r of rows.slice(1)) console.log(line(r));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
