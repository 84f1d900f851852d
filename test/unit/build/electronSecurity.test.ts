/**
 * The Electron security review (scripts/electronSecurity.ts, a step of npm test) passes on the
 * app as it is, with every accepted finding listed with its reason, and fails on what it exists to
 * catch: a new finding (a window with Node in its renderer), an accepted finding that is no longer
 * reported, and an accepted finding without a reason. The review runs as a real process, under the
 * Node that runs the tests, on copies of the app's sources.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeFindings, parseAcceptedFindings } from '../../../scripts/electronSecurity/findings.ts';
import type { Finding } from '../../../scripts/electronSecurity/findings.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const acceptedFile = join(repoRoot, 'electronegativity.accepted.json');

interface Outcome {
  code: number;
  output: string;
}

async function review(root: string, accepted = acceptedFile): Promise<Outcome> {
  return promisify(execFile)(
    process.execPath,
    [join(repoRoot, 'scripts', 'electronSecurity.ts'), '--root', root, '--accepted', accepted],
    { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
  );
}

async function copyOfTheApp(into: string): Promise<string> {
  const root = await mkdtemp(join(into, 'app-'));
  await cp(join(repoRoot, 'electron'), join(root, 'electron'), { recursive: true });
  await cp(join(repoRoot, 'renderer', 'src'), join(root, 'renderer', 'src'), { recursive: true });
  await cp(join(repoRoot, 'renderer', 'index.html'), join(root, 'renderer', 'index.html'));
  return root;
}

const probeWindow = `import { BrowserWindow } from 'electron';

export function openProbe(): BrowserWindow {
  return new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
}
`;

let work: string;
let asItIs: Outcome;
let withNodeInTheRenderer: Outcome;
let withAStaleEntry: Outcome;
let withoutAReason: Outcome;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'desk-security-review-'));
  const clean = await copyOfTheApp(work);
  const violated = await copyOfTheApp(work);
  await writeFile(join(violated, 'electron', 'main', 'probeWindow.ts'), probeWindow);

  const list = JSON.parse(await readFile(acceptedFile, 'utf8')) as { accepted: Record<string, string>[] };
  const stale = join(work, 'stale.json');
  await writeFile(
    stale,
    JSON.stringify({
      accepted: [
        ...list.accepted,
        { check: 'DANGEROUS_FUNCTIONS_JS_CHECK', file: 'electron/main/gone.ts', code: 'eval(x);', reason: 'was here once' },
      ],
    }),
  );
  const reasonless = join(work, 'reasonless.json');
  await writeFile(
    reasonless,
    JSON.stringify({ accepted: list.accepted.map((entry, i) => (i === 0 ? { ...entry, reason: ' ' } : entry)) }),
  );

  [asItIs, withNodeInTheRenderer, withAStaleEntry, withoutAReason] = await Promise.all([
    review(clean),
    review(violated),
    review(clean, stale),
    review(clean, reasonless),
  ]);
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the Electron security review (npm test)', () => {
  it('passes on the app as it is: every finding is accepted with its reason', () => {
    expect(asItIs.output).toMatch(/electronegativity: (\d+) findings, \1 accepted with a reason/);
    expect(asItIs.code).toBe(0);
  });

  it('fails on a new finding and names it: a window whose renderer reaches Node', () => {
    expect(withNodeInTheRenderer.code).toBe(1);
    expect(withNodeInTheRenderer.output).toMatch(
      /new finding NODE_INTEGRATION_JS_CHECK \(\w+\) at electron\/main\/probeWindow\.ts:4/,
    );
    expect(withNodeInTheRenderer.output).toMatch(
      /new finding CONTEXT_ISOLATION_JS_CHECK \(\w+\) at electron\/main\/probeWindow\.ts:4/,
    );
  });

  it('fails when an accepted finding is no longer reported, so the list does not outlive the code', () => {
    expect(withAStaleEntry.code).toBe(1);
    expect(withAStaleEntry.output).toContain(
      'DANGEROUS_FUNCTIONS_JS_CHECK in electron/main/gone.ts is listed as accepted but no longer reported',
    );
  });

  it('refuses an accepted finding without a reason', () => {
    expect(withoutAReason.code).not.toBe(0);
    expect(withoutAReason.output).toContain(
      'accepted finding 1 (CONTEXT_ISOLATION_JS_CHECK in electron/main/mainWindow.ts) gives no reason',
    );
  });
});

describe('judging findings against the accepted list', () => {
  const finding = (over: Partial<Finding> = {}): Finding => ({
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/externalLinks.ts',
    line: 10,
    code: 'await shell.openExternal(url.trim());',
    severity: 'MEDIUM',
    description: '',
    ...over,
  });
  const entry = {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/externalLinks.ts',
    code: 'await shell.openExternal(url.trim());',
    reason: 'checked',
  };

  it('accepts a listed finding wherever its line has moved to', () => {
    expect(judgeFindings([finding({ line: 42 })], [entry])).toEqual({ accepted: [finding({ line: 42 })], fresh: [], stale: [] });
  });

  it('treats a changed flagged line as new, and its old entry as stale', () => {
    const changed = finding({ code: 'await shell.openExternal(url);' });
    expect(judgeFindings([changed], [entry])).toEqual({ accepted: [], fresh: [changed], stale: [entry] });
  });

  it('treats the same check in another file as new', () => {
    const elsewhere = finding({ file: 'electron/main/tray.ts' });
    expect(judgeFindings([finding(), elsewhere], [entry]).fresh).toEqual([elsewhere]);
  });

  it('matches a finding about the whole app (no line) by check and file', () => {
    const global = finding({ check: 'CSP_GLOBAL_CHECK', file: 'N/A', line: 0, code: '' });
    expect(judgeFindings([global], [{ check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'r' }]).fresh).toEqual([]);
  });

  it('reads the list, refusing an entry without check, file or reason', () => {
    expect(parseAcceptedFindings(JSON.stringify({ accepted: [entry] }))).toEqual([entry]);
    expect(() => parseAcceptedFindings('{}')).toThrow(/"accepted" list/);
    expect(() => parseAcceptedFindings(JSON.stringify({ accepted: [{ ...entry, reason: '' }] }))).toThrow(/gives no reason/);
    expect(() => parseAcceptedFindings(JSON.stringify({ accepted: [{ reason: 'r', file: 'f' }] }))).toThrow(
      /"check" and "file" are required/,
    );
  });
});
