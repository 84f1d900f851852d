/**
 * Builds the app (main, preload, renderer) before the Electron suite, when there is an Electron
 * binary to run it with. Set PASS24_SKIP_BUILD=1 to test an existing out/ folder.
 */
import { spawnSync } from 'node:child_process';
import { electronBinary, missingBinaryMessage, repoRoot } from './electronBinary.ts';

export default function globalSetup(): void {
  if (!electronBinary()) {
    console.warn(`\n${missingBinaryMessage}\nThe Electron suite will be skipped.\n`);
    return;
  }
  if (process.env.PASS24_SKIP_BUILD === '1') return;
  const result = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${result.status ?? result.signal})`);
}
