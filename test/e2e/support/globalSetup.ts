/**
 * Builds the web twin once for the whole e2e run: production mode (the real CSP applies) with the
 * test hooks compiled in (DESK_TEST_HOOKS=1).
 */
import { spawnSync } from 'node:child_process';
import { repoRoot } from './paths.ts';

export default function globalSetup(): void {
  const res = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, DESK_TEST_HOOKS: '1' },
    },
  );
  if (res.status !== 0) throw new Error(`vite build of the web twin failed (exit ${res.status})`);
}
