/**
 * `npm run bench:kpi`: the KPI report of a quarter over the demo workspace at --scale 15 (about
 * 50,000 tickets), on PostgreSQL (a throwaway cluster) and PGlite (a data folder, as embedded):
 *   1. GET /api/reports/kpi for the last full quarter, signed in as the head (<= 2 s), in-process,
 *      and the size of its JSON; then the first page of the tickets behind one number
 *      (GET /api/reports/kpi/tickets, computed once, then from the minute's cache);
 *   2. the desk's computation (shared/kpi with the team's lists, as its worker runs it) over a
 *      working set holding the whole workspace (<= 200 ms).
 * Options: --scale N (default 15), --only postgres|pglite, --runs N (default 5).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { defaultSlaSetup } from '../../../shared/domain/ticketDeadlines.ts';
import {
  computeKpiReport,
  kpiEventKinds,
  presetPeriod,
  type KpiEvent,
  type KpiReport,
  type KpiTicket,
} from '../../../shared/kpi/index.ts';
import { buildServer } from '../../../server/app.ts';
import { createAccount } from '../../../server/auth/accounts.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { openDatabase, type Database, type DatabaseTarget } from '../../../server/db/openDatabase.ts';
import { seedDemo } from '../../../server/seed/seedDemo.ts';
import { startPostgresCluster } from '../../support/postgresCluster.ts';
import { defaultClosedWindowDays, inWorkingSet, type ScopedTicket } from '../../../shared/sync/workingSet.ts';

const { values: flags } = parseArgs({
  options: { scale: { type: 'string' }, only: { type: 'string' }, runs: { type: 'string' } },
});
const scale = Number(flags.scale ?? 15);
const runs = Number(flags.runs ?? 5);
const now = Date.now();
const timeZone = defaultSlaSetup().calendar.timeZone;

/** The last full calendar quarter before today. */
function lastQuarter(): { from: string; to: string } {
  const current = presetPeriod('quarter', timeZone, now);
  return presetPeriod('quarter', timeZone, Date.parse(`${current.from}T12:00:00Z`) - 3 * 86_400_000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

interface Figures {
  backend: string;
  tickets: number;
  events: number;
  seedSeconds: number;
  endpointMs: number[];
  jsonBytes: number;
  listMs: number[];
  deskMs: number[];
  deskTickets: number;
  workingSetMs: number[];
  workingSetTickets: number;
  report: KpiReport;
}

async function allDocuments<T>(database: Database, collection: string): Promise<T[]> {
  const rows = await database.db
    .selectFrom('documents')
    .select('data')
    .where('collection', '=', collection)
    .where('deleted', '=', false)
    .execute();
  return rows.map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as T);
}

async function runBackend(backend: string, target: DatabaseTarget): Promise<Figures> {
  const database = await openDatabase(target);
  try {
    const s0 = performance.now();
    const seeded = await seedDemo(database, { now, scale });
    const seedSeconds = (performance.now() - s0) / 1000;
    const head = await createAccount(database.db, {
      login: 'bench-head',
      name: 'Руководитель',
      role: 'head',
      password: 'bench-password',
    });
    const { token } = await createSession(database.db, head.id, 3_600_000, Date.now());
    const app = await buildServer({ database, logger: false });
    const q = lastQuarter();
    const endpointMs: number[] = [];
    let report: KpiReport | null = null;
    let jsonBytes = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: `/api/reports/kpi?from=${q.from}&to=${q.to}`,
        headers: { authorization: `Bearer ${token}` },
      });
      endpointMs.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`report failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      jsonBytes = res.rawPayload.length;
      report = res.json<KpiReport>();
    }
    // The tickets behind the standard SLA at the report's instant: the first request computes the
    // period with every list, the next ones (paging) read the minute's cache.
    const listMs: number[] = [];
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      const res = await app.inject({
        method: 'GET',
        url: `/api/reports/kpi/tickets?from=${q.from}&to=${q.to}&figure=sla.standard.total&asOf=${report!.asOf}&offset=${i * 100}`,
        headers: { authorization: `Bearer ${token}` },
      });
      listMs.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
    await app.close();

    // The desk's working set: every ticket of the workspace and the events the KPIs read.
    const tickets = await allDocuments<KpiTicket>(database, 'tickets');
    const kinds = new Set<string>(kpiEventKinds);
    const events = (await allDocuments<KpiEvent>(database, 'events')).filter((e) => kinds.has(e.kind));
    const deskMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      computeKpiReport({ tickets, events, setup: defaultSlaSetup(), from: q.from, to: q.to, now: Date.now(), lists: 'team' });
      deskMs.push(performance.now() - t0);
    }
    // The working set a desk holds by design (open tickets and those closed within the default
    // window, with their events): the same computation over what the desk really has.
    const held = tickets.filter((t) => inWorkingSet(t as unknown as ScopedTicket, now, defaultClosedWindowDays));
    const heldIds = new Set(held.map((t) => t.id));
    const heldEvents = events.filter((e) => heldIds.has(e.ticketId));
    const workingSetMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      computeKpiReport({
        tickets: held,
        events: heldEvents,
        setup: defaultSlaSetup(),
        from: q.from,
        to: q.to,
        now: Date.now(),
        lists: 'team',
      });
      workingSetMs.push(performance.now() - t0);
    }
    return {
      backend,
      tickets: seeded.counts.tickets,
      events: seeded.counts.events,
      seedSeconds,
      endpointMs,
      jsonBytes,
      listMs,
      deskMs,
      deskTickets: tickets.length,
      workingSetMs,
      workingSetTickets: held.length,
      report: report!,
    };
  } finally {
    await database.close();
  }
}

console.log(
  `${availableParallelism()} cores; load average (1 / 5 / 15 min) at start: ${load()}; scale ${scale}; quarter ${JSON.stringify(lastQuarter())}`,
);
const tmp = mkdtempSync(join(tmpdir(), 'pass24-kpi-bench-'));
const cluster = flags.only === 'pglite' ? null : await startPostgresCluster({ durable: true });
const all: Figures[] = [];
try {
  if (cluster) {
    const c = new pg.Client(cluster.url);
    await c.connect();
    await c.query('create database kpi_bench');
    await c.end();
    console.log(`PostgreSQL: seeding and measuring… (load ${load()})`);
    all.push(await runBackend('PostgreSQL', { url: cluster.databaseUrl('kpi_bench') }));
  }
  if (flags.only !== 'postgres') {
    console.log(`PGlite: seeding and measuring… (load ${load()})`);
    all.push(await runBackend('PGlite', { dataDir: join(tmp, 'pglite') }));
  }
} finally {
  cluster?.stop();
  rmSync(tmp, { recursive: true, force: true });
}

const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms (first ${xs[0]!.toFixed(0)}, min ${Math.min(...xs).toFixed(0)})`;
for (const f of all) {
  const r = f.report;
  console.log('');
  console.log(
    `${f.backend}: ${f.tickets.toLocaleString('en')} tickets, ${f.events.toLocaleString('en')} events, seeded in ${f.seedSeconds.toFixed(1)} s`,
  );
  console.log(
    `  endpoint, quarter ${r.period.from} .. ${r.period.to}, median of ${runs}: ${ms(f.endpointMs)}  ${median(f.endpointMs) <= 2000 ? '✓' : '✗'} (target <= 2 s)`,
  );
  console.log(`  the report's JSON: ${(f.jsonBytes / 1e6).toFixed(2)} MB`);
  console.log(
    `  tickets behind sla.standard.total, first page: ${f.listMs[0]!.toFixed(0)} ms; the next page (cached): ${f.listMs[1]!.toFixed(0)} ms`,
  );
  console.log(
    `  desk computation over ${f.deskTickets.toLocaleString('en')} tickets, median of ${runs}: ${ms(f.deskMs)}  ${median(f.deskMs) <= 200 ? '✓' : '✗'} (target <= 200 ms)`,
  );
  console.log(
    `  desk computation over its working set (${f.workingSetTickets.toLocaleString('en')} tickets: open, and closed within ${defaultClosedWindowDays} days), median of ${runs}: ${ms(f.workingSetMs)}  ${median(f.workingSetMs) <= 200 ? '✓' : '✗'} (target <= 200 ms)`,
  );
  console.log(
    `  the quarter: ${r.volume.total} tickets, SLA ${(['emergency', 'standard', 'consultation'] as const).map((p) => `${p} ${r.sla[p].met}/${r.sla[p].total}`).join(', ')}`,
  );
}
console.log(`\nload average at the end: ${load()}`);
