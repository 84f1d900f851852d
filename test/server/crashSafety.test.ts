/**
 * A server process killed with SIGKILL in the middle of push batches: every acknowledged
 * document survives, no batch is half stored, and ticket numbers stay gap-free.
 * The server runs as a real child process (`node server/cli.ts`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ticket } from '#shared/schema/index.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { createSession } from '../../server/auth/sessions.ts';
import { openDatabase, type DatabaseTarget } from '../../server/db/openDatabase.ts';
import { createPostgresDatabase } from './support/testDatabase.ts';
import { fresh, ticketDoc } from './support/documents.ts';

const repoRoot = join(import.meta.dirname, '..', '..');

/** Starts `node server/cli.ts` and resolves with its URL from the "ready" log line. */
function startServerProcess(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['server/cli.ts', '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 30_000);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'central endpoint ready' && entry.url) {
          clearTimeout(timer);
          resolve({ child, url: entry.url });
        }
      } catch {
        // not a log line
      }
    });
  });
}

const targets: Array<
  [string, () => Promise<{ target: DatabaseTarget; args: string[]; env: Record<string, string>; cleanup: () => void }>]
> = [
  [
    'postgres',
    async () => {
      const url = await createPostgresDatabase('crash');
      return { target: { url }, args: [], env: { DATABASE_URL: url }, cleanup: () => {} };
    },
  ],
  [
    'pglite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pass24-crash-'));
      return {
        target: { dataDir: dir },
        args: ['--data', dir],
        env: { DATABASE_URL: '' },
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
];

describe.each(targets)('SIGKILL during pushes (%s)', (_name, prepare) => {
  const cleanups: Array<() => void> = [];
  afterAll(() => cleanups.forEach((c) => c()));

  it('keeps every acknowledged document, stores no half batch and leaves no number gap', async () => {
    const { target, args, env, cleanup } = await prepare();
    cleanups.push(cleanup);
    // Accounts first (migrations run on open), then hand the folder/database to the child.
    const setup = await openDatabase(target);
    const agent = await createAccount(setup.db, {
      login: 'crash-agent',
      name: 'Агент',
      role: 'agent',
      password: 'пароль-агента',
      id: 'agent', // the author the ticket fixtures name
    });
    const { token } = await createSession(setup.db, agent.id, 3_600_000, Date.now());
    await setup.close();

    const { child, url } = await startServerProcess(args, env);
    const batches = new Map<number, string[]>();
    const acknowledged = new Set<number>();
    /** Batches sent and not yet answered. */
    const inFlight = new Set<number>();
    let next = 0;
    let killed = false;
    const pusher = async () => {
      while (!killed) {
        const n = next++;
        const docs = Array.from({ length: 50 }, (_, i) =>
          ticketDoc({ id: `crash-${n}-${i}`, createdAt: Date.UTC(2026, 0, 1) + n * 100 + i }),
        );
        batches.set(
          n,
          docs.map((d) => d.id),
        );
        inFlight.add(n);
        try {
          const res = await fetch(`${url}/api/replication/tickets/push`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(docs.map(fresh)),
          });
          const body = (await res.json()) as { conflicts: Array<{ number?: unknown }>; rejected: unknown[] };
          // Stored: nothing refused, and every new ticket back with its number.
          const numbered = body.conflicts.filter((d) => typeof d.number === 'string').length;
          if (
            res.status === 200 &&
            body.rejected.length === 0 &&
            numbered === docs.length &&
            body.conflicts.length === docs.length
          )
            acknowledged.add(n);
        } catch {
          return; // the server died under us
        } finally {
          inFlight.delete(n);
        }
      }
    };
    const pushing = Promise.all([pusher(), pusher(), pusher(), pusher()]);
    // Kill while batches are in flight: checked and killed in one turn of the event loop, so no
    // answer can be taken in between (the pushers never pause, so one is nearly always in flight).
    while (acknowledged.size < 12 || inFlight.size === 0) await new Promise((r) => setTimeout(r, 1));
    child.kill('SIGKILL');
    killed = true;
    await new Promise((r) => child.once('exit', r));
    await pushing;

    const after = await openDatabase(target);
    try {
      const rows = await after.db.selectFrom('documents').select(['id', 'data']).where('collection', '=', 'tickets').execute();
      const stored = new Map(rows.map((r) => [r.id, r.data as Ticket]));
      let partial = 0;
      for (const [n, ids] of batches) {
        const present = ids.filter((id) => stored.has(id)).length;
        if (acknowledged.has(n)) expect(present, `acknowledged batch ${n}`).toBe(ids.length);
        else if (present !== 0 && present !== ids.length) partial++;
      }
      expect(partial).toBe(0);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.size * 50);
      const numbers = [...stored.values()].map((t) => Number(t.number!.slice(5))).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
      const counter = await after.db.selectFrom('ticket_counters').selectAll().where('year', '=', 2026).executeTakeFirst();
      expect(counter?.last_number).toBe(numbers.length);
    } finally {
      await after.close();
    }
  });
});
