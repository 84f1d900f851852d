/**
 * `npm test`: everything CI runs, in order, stopping at the first failure.
 * Type check, lint, the Electron security review, unit tests (the SLA suite again under three foreign time zones),
 * server tests (PGlite and a throwaway PostgreSQL), e2e in Debian's Chromium.
 * Steps of one stage run side by side (each is single-threaded or short); their output is printed whole as each ends.
 */
import { spawn } from 'node:child_process';

interface Step {
  name: string;
  cmd: string[];
  env?: Record<string, string>;
}

const stages: Step[][] = [
  [
    { name: 'type check', cmd: ['npm', 'run', '-s', 'typecheck'] },
    { name: 'lint', cmd: ['npm', 'run', '-s', 'lint'] },
    { name: 'Electron security review', cmd: ['npm', 'run', '-s', 'security:electron'] },
  ],
  [{ name: 'unit', cmd: ['npx', 'vitest', 'run', '--project', 'unit'], env: { TZ: 'Europe/Moscow' } }],
  ['UTC', 'America/New_York', 'Asia/Vladivostok'].map((tz) => ({
    name: `SLA suite under TZ=${tz}`,
    cmd: ['npx', 'vitest', 'run', '--project', 'unit', 'test/unit/shared/sla'],
    env: { TZ: tz },
  })),
  [
    {
      name: 'server (PGlite and PostgreSQL)',
      cmd: ['npx', 'vitest', 'run', '--project', 'server', '--project', 'server-channels'],
    },
  ],
  [{ name: 'e2e (Chromium)', cmd: ['npx', 'playwright', 'test'] }],
];

interface Outcome {
  step: Step;
  code: number;
  secs: string;
}

/** Runs a step; a step alone in its stage prints as it goes, one of several prints when it ends. */
function run(step: Step, alone: boolean): Promise<Outcome> {
  const t0 = Date.now();
  const [bin, ...args] = step.cmd;
  if (alone) console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
  const child = spawn(bin!, args, {
    stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist', ...step.env },
  });
  const output: Buffer[] = [];
  child.stdout?.on('data', (b: Buffer) => output.push(b));
  child.stderr?.on('data', (b: Buffer) => output.push(b));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      if (!alone) {
        console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
        process.stdout.write(Buffer.concat(output));
      }
      resolve({ step, code: code ?? (signal ? 1 : 0), secs });
    });
  });
}

const only = process.argv.slice(2);
const started = Date.now();
for (const stage of stages) {
  const steps = stage.filter((s) => only.length === 0 || only.some((o) => s.name.startsWith(o)));
  if (steps.length === 0) continue;
  const outcomes = await Promise.all(steps.map((s) => run(s, steps.length === 1)));
  for (const { step, code, secs } of outcomes) {
    if (code === 0) console.log(`✓ ${step.name} (${secs} s)`);
    else console.error(`\n✗ ${step.name} failed (exit ${code}) after ${secs} s`);
  }
  const failed = outcomes.find((o) => o.code !== 0);
  if (failed) process.exit(failed.code);
}
console.log(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
