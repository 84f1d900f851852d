/** The central endpoint as a child process (`node server/cli.ts start`), as in production: its own event loop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, waitForHealth } from '../../support/serverProcess.ts';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');

export { freePort };

export interface CentralServer {
  url: string;
  stop(): Promise<void>;
}

export async function startCentralServer(dataDir: string, port: number): Promise<CentralServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['server/cli.ts', 'start', '--data', dataDir, '--port', String(port), '--log-level', 'warn'],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, 120_000);
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
