/**
 * Finds the Electron executable that `npm install` downloaded, without requiring the `electron`
 * package (its index.js starts a download when the binary is missing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export function electronBinary(): string | null {
  const packageDir = join(repoRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(dist, executable);
  return existsSync(binary) ? binary : null;
}

export const missingBinaryMessage =
  'Electron binary not installed (node_modules/electron/dist). On a machine with internet run ' +
  '`node node_modules/electron/install.js`, then `npm run test:electron`.';
