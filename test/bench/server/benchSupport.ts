/** Helpers of the server benchmark: a server child process, percentiles, SSE subscribers. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, waitForHealth } from '../../support/serverProcess.ts';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** `node server/cli.ts` in its own process (its own event loop, as in production), info-level logs discarded. */
export async function startServerProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['server/cli.ts', '--port', String(port), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, 60_000, 'server');
  return {
    url,
    child,
    // Idempotent: a second call (the caller's finally) must not wait for an exit that already happened.
    stop: async () => {
      if (running()) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A live pull stream that reports each document id with the instant it arrived. */
export async function subscribe(url: string, token: string, onDocument: (id: string, at: number) => void): Promise<() => void> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const at = performance.now();
          for (const line of block.split('\n')) {
            if (!line.startsWith('data:')) continue;
            const msg = JSON.parse(line.slice(5)) as { documents: Array<{ id: string }> };
            for (const d of msg.documents) onDocument(d.id, at);
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  return () => controller.abort();
}
