/**
 * Repeated first syncs of the demo workspace (server/seed, scale 1 by default: ~3,500 tickets,
 * ~44,000 timeline entries), each into a fresh Chromium profile, to tell whether every
 * collection's initial replication completes, how long it takes, and how long a local save takes
 * meanwhile. A run that has not finished after --limit seconds is reported as stalled, with the
 * local counts and RxDB's replication internals.
 *
 *   node test/bench/sync/firstSyncRuns.ts [--runs 6] [--scale 1] [--limit 240] [--seed-cache DIR]
 *     [--no-defer]       start the timeline with the other collections (as before commit 4838824)
 *     [--probe]          reads and saves timed inside the page every 2 s, logged as they happen
 *     [--profile FILE]   a CPU profile of the first run's page (Chrome DevTools format) and its
 *                        heaviest functions by self time
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { collectionNames, type CollectionName } from '#shared/protocol.ts';
import type { FirstSyncResult, OpenOptions } from './page/benchApi.ts';
import { benchAccounts, prepareWorkspace } from './benchWorkspace.ts';
import { freePort, startCentralServer } from './centralServer.ts';
import { buildBenchPage, servePage } from './pageServer.ts';

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '6' },
    scale: { type: 'string', default: '1' },
    limit: { type: 'string', default: '240' },
    'seed-cache': { type: 'string' },
    profile: { type: 'string' },
    probe: { type: 'boolean', default: false },
    'no-defer': { type: 'boolean', default: false },
  },
});
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m} (load ${loadavg()[0]!.toFixed(1)})`);
const median = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]! : NaN);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time per function (from the samples), the heaviest 25. */
function printHeaviest(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  for (const [i, id] of (profile.samples ?? []).entries()) {
    const dt = profile.timeDeltas?.[i] ?? 0;
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + dt);
    total += dt;
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`CPU profile: ${(total / 1e6).toFixed(1)} s sampled`);
  for (const [name, us] of top)
    console.log(`  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
}

const workDir = mkdtempSync(join(tmpdir(), 'pass24-firstsync-'));
try {
  const seeded = await prepareWorkspace(join(workDir, 'data'), workDir, Number(flags.scale), flags['seed-cache'] ?? null);
  log(`workspace: ${collectionNames.map((c) => `${c} ${seeded.counts[c]}`).join(', ')}`);
  const server = await startCentralServer(join(workDir, 'data'), await freePort());
  await buildBenchPage(join(workDir, 'page'), { minify: !flags.profile });
  const pageServer = await servePage(join(workDir, 'page'));
  const summary: string[] = [];
  try {
    for (let run = 1; run <= Number(flags.runs); run++) {
      const context = await chromium.launchPersistentContext(join(workDir, `profile-${run}`), {
        executablePath: '/usr/bin/chromium',
        args: chromiumArgs,
        headless: true,
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (err) => log(`page error: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.text().startsWith('[bench] ')) log(`run ${run}: ${msg.text().slice(8)}`);
      });
      await page.goto(pageServer.url);
      await page.waitForFunction(() => typeof window.syncBench === 'object');
      const options: OpenOptions = { baseUrl: server.url, ...benchAccounts.a, dbName: 'firstsync', noDefer: flags['no-defer'] };
      await page.evaluate((o) => window.syncBench.open(o), options);
      const cdp = flags.profile && run === 1 ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
        await cdp.send('Profiler.start');
      }
      const loadAtStart = loadavg()[0]!;
      if (flags.probe) await page.evaluate(() => window.syncBench.startProbe(2_000));
      let finished: FirstSyncResult | null = null;
      const syncing = page.evaluate(() => window.syncBench.sync()).then((r) => (finished = r));
      const saves: number[] = [];
      /** The same saves timed from here: the page's main thread may be busy before the save starts. */
      const roundTrips: number[] = [];
      const deadline = Date.now() + Number(flags.limit) * 1000;
      while (!finished && Date.now() < deadline) {
        await Promise.race([syncing, new Promise((r) => setTimeout(r, 3_000))]);
        if (finished || flags.probe) continue;
        const asked = performance.now();
        const ms = await page.evaluate(() => window.syncBench.timedLocalSave());
        if (ms !== null) {
          saves.push(ms);
          roundTrips.push(performance.now() - asked);
        }
      }
      const saveText = saves.length
        ? `local saves during the sync: ${saves.length}, median ${Math.round(median(saves))} ms, max ${Math.round(Math.max(...saves))} ms in the page; asked -> answered median ${Math.round(median(roundTrips))} ms, max ${Math.round(Math.max(...roundTrips))} ms`
        : 'no local save during the sync';
      if (finished) {
        const r: FirstSyncResult = finished;
        const per = collectionNames
          .map((c: CollectionName) => `${c} ${(r.collections[c].doneMs / 1000).toFixed(1)} s (${r.collections[c].docs})`)
          .join(', ');
        const line = `run ${run}: complete in ${(r.totalMs / 1000).toFixed(1)} s (load ${loadAtStart.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)}); ${per}; ${saveText}`;
        log(line);
        summary.push(line);
      } else {
        const counts = await page.evaluate(() => window.syncBench.counts());
        const debug = await page.evaluate(() => window.syncBench.replicationDebug());
        const line = `run ${run}: STALLED after ${flags.limit} s (load ${loadAtStart.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)}); local ${JSON.stringify(counts)}; ${saveText}`;
        log(line);
        log(`run ${run}: replication internals ${JSON.stringify(debug)}`);
        summary.push(line);
      }
      if (flags.probe) await page.evaluate(() => window.syncBench.stopProbe());
      if (cdp && flags.profile) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(flags.profile, JSON.stringify(profile));
        printHeaviest(profile);
      }
      await page.evaluate(() => window.syncBench.close()).catch(() => undefined);
      await context.close();
      rmSync(join(workDir, `profile-${run}`), { recursive: true, force: true });
    }
  } finally {
    await pageServer.close();
    await server.stop();
  }
  console.log(`\n${summary.join('\n')}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
