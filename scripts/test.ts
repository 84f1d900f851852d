/**
 * `npm test`: everything CI runs, in order, stopping at the first failure.
 * Type check, lint, the Electron security review, unit tests (the SLA suite again under three foreign time zones),
 * server tests (PGlite and a throwaway PostgreSQL), e2e in Debian's Chromium.
 */
import { spawnSync } from 'node:child_process';

interface Step {
  name: string;
  cmd: string[];
  env?: Record<string, string>;
}

const steps: Step[] = [
  { name: 'type check', cmd: ['npm', 'run', '-s', 'typecheck'] },
  { name: 'lint', cmd: ['npm', 'run', '-s', 'lint'] },
  { name: 'Electron security review', cmd: ['npm', 'run', '-s', 'security:electron'] },
  { name: 'unit', cmd: ['npx', 'vitest', 'run', '--project', 'unit'], env: { TZ: 'Europe/Moscow' } },
  ...['UTC', 'America/New_York', 'Asia/Vladivostok'].map((tz) => ({
    name: `SLA suite under TZ=${tz}`,
    cmd: ['npx', 'vitest', 'run', '--project', 'unit', 'test/unit/shared/sla'],
    env: { TZ: tz },
  })),
  { name: 'server (PGlite and PostgreSQL)', cmd: ['npx', 'vitest', 'run', '--project', 'server'] },
  { name: 'e2e (Chromium)', cmd: ['npx', 'playwright', 'test'] },
];

const only = process.argv.slice(2);
const started = Date.now();
for (const step of steps) {
  if (only.length > 0 && !only.some((o) => step.name.startsWith(o))) continue;
  const t0 = Date.now();
  console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
  const [bin, ...args] = step.cmd;
  const res = spawnSync(bin!, args, {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist', ...step.env },
  });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (res.status !== 0) {
    console.error(`\n✗ ${step.name} failed (exit ${res.status ?? res.signal}) after ${secs} s`);
    process.exit(res.status ?? 1);
  }
  console.log(`✓ ${step.name} (${secs} s)`);
}
console.log(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
