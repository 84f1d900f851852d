/**
 * The PGlite data folder (PostgreSQL has none: its files are the database server's): private
 * modes for the folder, PGlite's files and backups, and a lock that a restart takes over after a
 * SIGKILL, also as a container's PID 1 and when the dead owner's pid now belongs to another process.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../server/db/dataDirLock.ts';
import { openDatabase } from '../../server/db/openDatabase.ts';
import { writeBackup } from '../../server/ops/backup.ts';
import { openTestPglite } from './support/testDatabase.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pass24-folder-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every path under dir whose mode lets the group or others in. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    if ((statSync(path).mode & 0o077) !== 0) found.push(path);
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return found;
}

describe.runIf(process.platform !== 'win32')('the data folder on pglite', () => {
  it('is created 0700 with every PGlite file 0600, and an older folder is made private on open', async () => {
    const fresh = join(tempDir(), 'central');
    const database = await openDatabase({ dataDir: fresh });
    await database.db.selectFrom('accounts').select('id').execute();
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    await database.close();
    expect(openToOthers(fresh)).toEqual([]);

    chmodSync(fresh, 0o755);
    chmodSync(join(fresh, 'pgdata', 'PG_VERSION'), 0o644);
    const reopened = await openDatabase({ dataDir: fresh });
    expect(openToOthers(fresh)).toEqual([]);
    await reopened.close();
  });

  it('writes a backup 0600, also over an existing world-readable file', async () => {
    const dir = tempDir();
    const database = await openTestPglite();
    const file = join(dir, 'backup.jsonl');
    writeFileSync(file, 'old', { mode: 0o644 });
    chmodSync(file, 0o644);
    await writeBackup(database, file);
    await database.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a second opener while the owner lives', () => {
    const dir = tempDir();
    const child = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, 'server.lock'), JSON.stringify({ pid: child.pid, startTime: null }));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes the lock over at once after its owner was killed with SIGKILL', async () => {
    const dir = tempDir();
    const owner = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { lockDataDir } from './server/db/dataDirLock.ts'; lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`,
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await once(owner.stdout!, 'data');
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    owner.kill('SIGKILL');
    await once(owner, 'exit');
    const unlock = lockDataDir(dir);
    unlock();
  });

  it('takes the lock over as PID 1 restarted: the lock names its own pid', () => {
    const dir = tempDir();
    // The previous PID 1 was killed; the restarted endpoint is PID 1 again and finds its own pid.
    writeFileSync(join(dir, 'server.lock'), JSON.stringify({ pid: process.pid, startTime: 1 }));
    const unlock = lockDataDir(dir);
    unlock();
    writeFileSync(join(dir, 'server.lock'), String(process.pid));
    lockDataDir(dir)();
  });

  it.runIf(process.platform === 'linux')('takes the lock over when the dead owner’s pid now belongs to another process', () => {
    const dir = tempDir();
    const stranger = spawn('sleep', ['30']);
    try {
      // The same pid, a different start time: not the process that wrote the lock.
      writeFileSync(join(dir, 'server.lock'), JSON.stringify({ pid: stranger.pid, startTime: 1 }));
      lockDataDir(dir)();
    } finally {
      stranger.kill('SIGKILL');
    }
  });
});
