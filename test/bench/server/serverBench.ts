/**
 * `npm run bench:server`: the central endpoint under load (targets below), on a throwaway
 * PostgreSQL cluster (fsync on) with PGlite figures beside. The server runs as its own process
 * (`node server/cli.ts`); this process plays the workstations.
 *   1. 20 concurrent clients push batches of 100 new tickets: documents/s (>= 2,000) and push
 *      latency p99 (<= 150 ms), both flat out and at a steady 2,000 documents/s.
 *   2. A full pull of the 50,000 tickets pushed flat out, pages of 1,000 (<= 5 s).
 *   3. Live stream fan-out to 100 subscribers: push-to-delivery p95 (<= 200 ms).
 *   4. Seeding the demo workspace at --scale 15 (~50,000 tickets): well under a minute.
 * Options: --only postgres|pglite, --quick (fewer documents).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTicketDocument } from '../../../shared/domain/ticketFactory.ts';
import { createAccount } from '../../../server/auth/accounts.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { openDatabase, type DatabaseTarget } from '../../../server/db/openDatabase.ts';
import { seedDemo } from '../../../server/seed/seedDemo.ts';
import { startPostgresCluster } from '../../support/postgresCluster.ts';
import { percentile, startServerProcess, subscribe } from './benchSupport.ts';

const { values: flags } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean' } } });
const clients = 20;
const batchSize = 100;
const batchesPerClient = flags.quick ? 5 : 25; // 20 x 25 x 100 = 50,000 tickets
const subscribers = 100;
const fanOutRounds = flags.quick ? 10 : 30;

interface Figures {
  backend: string;
  pushDocsPerSec: number;
  pushP50: number;
  pushP99: number;
  steadyP50: number;
  steadyP99: number;
  pulled: number;
  pullSeconds: number;
  fanOutP50: number;
  fanOutP95: number;
  seedSeconds: number;
  seedTickets: number;
}

let seq = 0;
function ticket(createdAt: number) {
  const t = createTicketDocument(
    {
      subject: 'Шлагбаум не открывается по номеру',
      description: 'С утра камера на въезде не распознаёт номера жителей, охрана открывает вручную. Просим срочно проверить.',
      type: 'incident',
      priority: 'standard',
      channel: 'phone',
      product: 'pass24_auto',
      organizationName: 'УК «Уютный дом»',
      siteName: 'ЖК «Северный парк»',
      contact: { name: 'Сергей Иванов', phone: '+7 (915) 123-45-67' },
    },
    { id: `bench-${process.pid}-${++seq}`, now: createdAt, authorId: 'a-demo' },
  );
  return { assumedMasterState: null, newDocumentState: { ...t, _deleted: false } };
}

async function push(url: string, token: string, rows: unknown[]): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api/replication/tickets/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(rows),
  });
  const body = (await res.json()) as { conflicts: Array<{ number?: unknown }>; rejected: unknown[] };
  // New tickets come back as stored, with their numbers; anything else is a failure.
  const stored = body.conflicts.length === rows.length && body.conflicts.every((d) => typeof d.number === 'string');
  if (res.status !== 200 || !stored || body.rejected.length)
    throw new Error(`push failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return performance.now() - t0;
}

async function runBackend(
  backend: 'postgres' | 'pglite',
  target: DatabaseTarget,
  args: string[],
  env: Record<string, string>,
  seedTarget: () => Promise<DatabaseTarget>,
): Promise<Figures> {
  // Accounts and tokens first (PGlite: the folder is free again before the server opens it).
  const setup = await openDatabase(target);
  const tokens: string[] = [];
  for (let i = 0; i < clients; i++) {
    const agent = await createAccount(setup.db, {
      login: `bench${i}`,
      name: `Нагрузка ${i}`,
      role: 'agent',
      password: 'bench-password',
    });
    tokens.push((await createSession(setup.db, agent.id, 3_600_000, Date.now())).token);
  }
  await setup.close();
  const server = await startServerProcess(args, env);
  const url = server.url;
  const createdAt = Date.UTC(2026, 5, 1);
  try {
    // Warm-up (JIT, connections).
    await push(
      url,
      tokens[0]!,
      Array.from({ length: batchSize }, () => ticket(createdAt)),
    );

    // 1a. Flat out: every client pushes its next batch as soon as the last one is acknowledged.
    const latencies: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      tokens.map(async (token) => {
        for (let b = 0; b < batchesPerClient; b++)
          latencies.push(
            await push(
              url,
              token,
              Array.from({ length: batchSize }, () => ticket(createdAt)),
            ),
          );
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const pushed = clients * batchesPerClient * batchSize;

    // 2. Full pull of the tickets pushed so far (the 50,000 of 1a and the warm-up batch), pages of
    //    1,000, parsed as a workstation would. Before 1b, so it reads the 50,000 of the target.
    const p0 = performance.now();
    let checkpoint: { id: string; updatedAt: number } | null = null;
    let pulled = 0;
    for (;;) {
      const q = new URLSearchParams({ limit: '1000' });
      if (checkpoint) {
        q.set('id', checkpoint.id);
        q.set('updatedAt', String(checkpoint.updatedAt));
      }
      const res = await fetch(`${url}/api/replication/tickets/pull?${q.toString()}`, {
        headers: { authorization: `Bearer ${tokens[0]}` },
      });
      if (!res.ok) throw new Error(`pull failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
      const page = (await res.json()) as { documents: unknown[]; checkpoint: { id: string; updatedAt: number } | null };
      pulled += page.documents.length;
      checkpoint = page.checkpoint;
      if (page.documents.length < 1000) break;
    }
    const pullSeconds = (performance.now() - p0) / 1000;

    // 1b. Steady 2,000 documents/s: each client pushes a batch every second, staggered.
    const steady: number[] = [];
    const steadySeconds = flags.quick ? 3 : 8;
    await Promise.all(
      tokens.map(async (token, i) => {
        await new Promise((r) => setTimeout(r, (1000 / clients) * i));
        for (let s = 0; s < steadySeconds; s++) {
          const started = performance.now();
          steady.push(
            await push(
              url,
              token,
              Array.from({ length: batchSize }, () => ticket(createdAt)),
            ),
          );
          await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - started))));
        }
      }),
    );

    // 3. Fan-out: 100 subscribers; one new ticket per round; push start to delivery at each subscriber.
    const arrivals = new Map<string, number[]>();
    const closers = await Promise.all(
      Array.from({ length: subscribers }, (_, i) =>
        subscribe(`${url}/api/replication/tickets/pull/stream`, tokens[i % clients]!, (id, at) => {
          const list = arrivals.get(id) ?? [];
          list.push(at);
          arrivals.set(id, list);
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 500));
    const delays: number[] = [];
    for (let round = 0; round < fanOutRounds; round++) {
      const row = ticket(createdAt);
      const id = row.newDocumentState.id;
      const sent = performance.now();
      await push(url, tokens[round % clients]!, [row]);
      const deadline = performance.now() + 5_000;
      while ((arrivals.get(id)?.length ?? 0) < subscribers && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 2));
      const got = arrivals.get(id) ?? [];
      for (const at of got) delays.push(at - sent);
      for (let missing = got.length; missing < subscribers; missing++) delays.push(5_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    closers.forEach((close) => close());

    await server.stop();

    // 4. Seed the demo workspace at scale 15 into a fresh database.
    const seedDb = await openDatabase(await seedTarget());
    const s0 = performance.now();
    const seeded = await seedDemo(seedDb, { now: Date.now(), scale: flags.quick ? 2 : 15 });
    const seedSeconds = (performance.now() - s0) / 1000;
    await seedDb.close();

    return {
      backend,
      pushDocsPerSec: pushed / seconds,
      pushP50: percentile(latencies, 50),
      pushP99: percentile(latencies, 99),
      steadyP50: percentile(steady, 50),
      steadyP99: percentile(steady, 99),
      pulled,
      pullSeconds,
      fanOutP50: percentile(delays, 50),
      fanOutP95: percentile(delays, 95),
      seedSeconds,
      seedTickets: seeded.counts.tickets,
    };
  } finally {
    await server.stop();
  }
}

function report(all: Figures[]): void {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const rows: Array<[string, string, (f: Figures) => string]> = [
    [
      'push, 20 clients x 100 tickets, flat out',
      '>= 2,000 docs/s',
      (f) => `${mark(f.pushDocsPerSec >= 2000)} ${Math.round(f.pushDocsPerSec).toLocaleString('en')} docs/s`,
    ],
    ['  push latency p50 / p99 (flat out)', '', (f) => `${ms(f.pushP50)} / ${ms(f.pushP99)}`],
    [
      '  push latency p50 / p99 at 2,000 docs/s',
      'p99 <= 150 ms',
      (f) => `${mark(f.steadyP99 <= 150)} ${ms(f.steadyP50)} / ${ms(f.steadyP99)}`,
    ],
    [
      'full pull (pages of 1,000)',
      '50,000 in <= 5 s',
      (f) =>
        `${mark(f.pullSeconds <= 5 * (f.pulled / 50_000))} ${f.pulled.toLocaleString('en')} in ${f.pullSeconds.toFixed(2)} s`,
    ],
    [
      'stream fan-out, 100 subscribers p50 / p95',
      'p95 <= 200 ms',
      (f) => `${mark(f.fanOutP95 <= 200)} ${ms(f.fanOutP50)} / ${ms(f.fanOutP95)}`,
    ],
    [
      'demo seed',
      'well under 60 s',
      (f) => `${mark(f.seedSeconds < 60)} ${f.seedTickets.toLocaleString('en')} tickets in ${f.seedSeconds.toFixed(1)} s`,
    ],
  ];
  const header = ['measure', 'target', ...all.map((f) => f.backend)];
  const table = [header, ...rows.map(([name, target, fn]) => [name, target, ...all.map(fn)])];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  console.log('');
  for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}

// Other work on the machine moves these figures a lot: say how busy it was.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
console.log(`${availableParallelism()} cores; load average (1 / 5 / 15 min) at start: ${load()}`);
const results: Figures[] = [];
const cluster = flags.only === 'pglite' ? null : await startPostgresCluster({ durable: true });
const tmp = mkdtempSync(join(tmpdir(), 'pass24-bench-'));
try {
  if (cluster) {
    const { default: pg } = await import('pg');
    const createDb = async (name: string) => {
      const c = new pg.Client(cluster.url);
      await c.connect();
      await c.query(`create database ${name}`);
      await c.end();
      return cluster.databaseUrl(name);
    };
    const url = await createDb('bench');
    console.log(`PostgreSQL: running… (load ${load()})`);
    results.push(
      await runBackend('postgres', { url }, [], { DATABASE_URL: url }, async () => ({ url: await createDb('bench_seed') })),
    );
  }
  if (flags.only !== 'postgres') {
    const dir = join(tmp, 'pglite');
    console.log(`PGlite: running… (load ${load()})`);
    results.push(
      await runBackend('pglite', { dataDir: dir }, ['--data', dir], { DATABASE_URL: '' }, async () => ({
        dataDir: join(tmp, 'pglite-seed'),
      })),
    );
  }
  report(results);
  console.log(`\nload average (1 / 5 / 15 min) at end: ${load()}`);
} finally {
  cluster?.stop();
  rmSync(tmp, { recursive: true, force: true });
}
