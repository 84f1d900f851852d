/**
 * A throwaway PostgreSQL cluster in a temp folder, for the server tests and the server benchmark:
 * `initdb` + `pg_ctl start` on a free loopback port, the unix socket in the temp folder too.
 * PostgreSQL refuses to run as root, so as root the binaries run as the `postgres` user (runuser,
 * or su) on a folder handed over to it. Throws with the server log when anything fails: the
 * PostgreSQL suite must fail loudly, never be skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  /** URL of the `postgres` database (superuser `postgres`, trust auth on loopback). */
  url: string;
  port: number;
  dir: string;
  /** URL of a database with the same credentials. */
  databaseUrl(name: string): string;
  stop(): void;
}

export interface ClusterOptions {
  /** fsync and synchronous commit (default off: tests kill server processes, not PostgreSQL). */
  durable?: boolean;
}

function findBinDir(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) {
    const real = execFileSync('readlink', ['-f', onPath], { encoding: 'utf8' }).trim();
    return join(real, '..');
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL binaries not found (initdb on PATH or /usr/lib/postgresql/*/bin): install postgresql to run the server suite.',
    );
  }
  return join(root, versions[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function runPg(bin: string, args: string[], what: string, logFile?: string): void {
  const command = isRoot()
    ? existsSync('/usr/sbin/runuser') || existsSync('/sbin/runuser')
      ? ['runuser', '-u', 'postgres', '--', bin, ...args]
      : ['su', 'postgres', '-s', '/bin/sh', '-c', [bin, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')]
    : [bin, ...args];
  const res = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', timeout: 120_000 });
  if (res.status !== 0) {
    const log = logFile && existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '';
    throw new Error(`PostgreSQL ${what} failed (exit ${res.status ?? res.signal}): ${res.stderr || res.stdout}\n${log}`);
  }
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const binDir = findBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'pass24-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const durable = options.durable ?? false;
  try {
    runPg(
      join(binDir, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      'initdb',
    );
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c max_connections=300',
      '-c shared_buffers=128MB',
      `-c fsync=${durable ? 'on' : 'off'}`,
      `-c synchronous_commit=${durable ? 'on' : 'off'}`,
      '-c full_page_writes=off',
    ].join(' ');
    runPg(join(binDir, 'pg_ctl'), ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', settings], 'start', logFile);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      runPg(join(binDir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w'], 'stop');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A crashed runner must not leave a server behind.
  process.on('exit', stop);
  const databaseUrl = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
  return { url: databaseUrl('postgres'), port, dir, databaseUrl, stop };
}
