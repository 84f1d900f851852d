/**
 * One process per PGlite data folder: PGlite does not lock its files, and two processes writing
 * the same folder would corrupt it. A lock file names its owner: the pid and, where the system
 * tells (Linux /proc), the process's start time. A lock whose owner is gone is taken over, and
 * "gone" is tested properly: a pid that is our own (a container's PID 1 restarted after a SIGKILL
 * finds its own pid in the lock), a pid reused by a process that started at another time, and a
 * killed process not yet reaped (a zombie) all count as gone.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Folders this process holds: a second open from the same process is refused too. */
const held = new Set<string>();

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(`Папка данных ${dir} уже открыта другим процессом (pid ${pid}). Остановите его или укажите другую папку (--data).`);
    this.name = 'DataDirLockedError';
  }
}

export interface LockOwner {
  pid: number;
  /** Start time of the process in clock ticks since boot (Linux), or null where unknown. */
  startTime: number | null;
}

/** A process's state and start time from /proc (Linux), or null elsewhere or when it is gone. */
function procStat(pid: number): { state: string; startTime: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields count from its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', startTime: Number(fields[19]) };
  } catch {
    return null;
  }
}

export function currentOwner(): LockOwner {
  return { pid: process.pid, startTime: procStat(process.pid)?.startTime ?? null };
}

/** Is the process the lock names still the one that wrote it? */
export function ownerAlive(owner: LockOwner): boolean {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0 || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(owner.pid);
  if (stat === null) return owner.startTime === null; // no /proc: the pid's liveness is all we know
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return owner.startTime === null || stat.startTime === owner.startTime;
}

function readOwner(file: string): LockOwner {
  const text = readFileSync(file, 'utf8').trim();
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed === 'object' && parsed !== null) return { pid: Number(parsed.pid), startTime: parsed.startTime ?? null };
  } catch {
    // An older lock file: the pid alone.
  }
  return { pid: Number(text), startTime: null };
}

export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = resolve(dir);
  if (held.has(key)) throw new DataDirLockedError(dir, process.pid);
  const file = join(dir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(currentOwner()), { flag: 'wx', mode: 0o600 });
      held.add(key);
      return () => {
        held.delete(key);
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (ownerAlive(owner)) throw new DataDirLockedError(dir, owner.pid);
      unlinkSync(file);
    }
  }
  throw new Error(`could not lock ${dir}`);
}
