/**
 * The data folder holds password hashes (in the tables and the WAL): it is the account's alone.
 * Folders 0700, files 0600. New files get it from the process's umask (set by `privateUmask`
 * before PGlite opens its folder); files made before (an older version, another umask) are
 * corrected by `makePrivate` on every open and close.
 */
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files and folders this process creates from now on are private to its account. */
export function privateUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    // Worker threads cannot set the umask: makePrivate still corrects the modes.
  }
}

/** Every folder under `dir` (itself included) 0700, every file 0600. */
export function makePrivate(dir: string): void {
  if (process.platform === 'win32') return; // modes mean nothing there; the profile folder is private
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) makePrivate(path);
    else if (entry.isFile() && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  }
}
