/**
 * The desktop app's security review (`npm run security:electron`, a step of `npm test`):
 * electronegativity scans the Electron main, preload and utility sources and the renderer as it
 * ships (its sources, and index.html with the production Content-Security-Policy), and the run
 * fails on any finding not listed with its reason in electronegativity.accepted.json, and on any
 * listed finding that is no longer reported. docs/testing.md says how to read and extend the list.
 *
 * Usage: node scripts/electronSecurity.ts [--root <dir>] [--accepted <file>]
 * (--root scans another tree laid out like the repository; the tests use it.)
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { withProductionCsp } from '../renderer/vite.shared.ts';
import { judgeFindings, parseAcceptedFindings } from './electronSecurity/findings.ts';
import type { Finding } from './electronSecurity/findings.ts';

const repoRoot = resolve(import.meta.dirname, '..');

/**
 * electronegativity 1.10.3 asks the network for translations with got 11. Offline under Node 24 the
 * failed lookup is followed by a second error from the closed socket, got settles its promise with
 * that one while a retry of the first is still scheduled, and when the retry fires p-cancelable
 * throws from a timer and kills the process. The review must not depend on the network anyway, so
 * inside electronegativity `got` answers "offline" at once (scripts/electronSecurity/offlineGot.cjs).
 */
const offlineGot = new URL('./electronSecurity/offlineGot.cjs', import.meta.url).href;
if (typeof nodeModule.registerHooks !== 'function') {
  console.error(`The security review needs Node 22.15 or later (module.registerHooks); this is ${process.version}.`);
  process.exit(1);
}
nodeModule.registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'got' && context.parentURL?.includes('/node_modules/@doyensec/electronegativity/')) {
      return { url: offlineGot, format: 'commonjs', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});

/**
 * Not run: it compares the Electron version with GitHub's release notes, so its answer changes with
 * the day rather than with the code (and needs the network). Electron upgrades are a dependency
 * decision, not a finding in our sources.
 */
const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];

const { values: args } = parseArgs({
  options: { root: { type: 'string' }, accepted: { type: 'string' } },
});
const sourceRoot = resolve(args.root ?? repoRoot);
const acceptedFile = resolve(args.accepted ?? join(repoRoot, 'electronegativity.accepted.json'));

/** The version the app ships with: the installed electron package, which the lock file pins. */
async function electronVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8'));
  return (pkg as { version: string }).version;
}

/** The tree electronegativity scans, laid out as in the repository so findings name real paths. */
async function prepareScanTree(): Promise<string> {
  const tree = await mkdtemp(join(tmpdir(), 'desk-electronegativity-'));
  await cp(join(sourceRoot, 'electron'), join(tree, 'electron'), { recursive: true });
  await cp(join(sourceRoot, 'renderer', 'src'), join(tree, 'renderer', 'src'), { recursive: true });
  const html = await readFile(join(sourceRoot, 'renderer', 'index.html'), 'utf8');
  await writeFile(join(tree, 'renderer', 'index.html'), withProductionCsp(html));
  return tree;
}

async function scan(tree: string): Promise<Finding[]> {
  const { default: run } = await import('@doyensec/electronegativity');
  const result = await run({
    input: tree,
    electronVersionOverride: await electronVersion(),
    isRelative: true,
    customScan: [],
    excludeFromScan: excludedChecks.map((c) => c.toLowerCase()),
    parserPlugins: [],
  });
  const broken = result.errors.filter((e) => !e.tolerable);
  if (broken.length > 0) {
    throw new Error(`electronegativity could not parse:\n${broken.map((e) => `  ${e.file}: ${e.message}`).join('\n')}`);
  }
  const lines = new Map<string, string[]>();
  const lineOf = async (file: string, line: number): Promise<string> => {
    if (file === 'N/A' || line < 1) return '';
    if (!lines.has(file)) lines.set(file, (await readFile(join(tree, file), 'utf8')).split('\n'));
    return lines.get(file)![line - 1]?.trim() ?? '';
  };
  return Promise.all(
    result.issues.map(async (issue) => {
      const file = issue.file.split(sep).join('/');
      return {
        check: issue.id,
        file,
        line: issue.location.line,
        code: await lineOf(file, issue.location.line),
        severity: issue.severity.name,
        description: issue.description,
      };
    }),
  );
}

const where = (f: { file: string; line?: number }) => (f.line ? `${f.file}:${f.line}` : f.file);

const tree = await prepareScanTree();
let findings: Finding[];
try {
  findings = await scan(tree);
} finally {
  await rm(tree, { recursive: true, force: true });
}
const verdict = judgeFindings(findings, parseAcceptedFindings(await readFile(acceptedFile, 'utf8')));

console.log(`electronegativity: ${findings.length} findings, ${verdict.accepted.length} accepted with a reason`);
for (const f of verdict.fresh) {
  console.error(`✗ new finding ${f.check} (${f.severity}) at ${where(f)}\n    ${f.code || f.description}`);
}
for (const entry of verdict.stale) {
  console.error(`✗ ${entry.check} in ${entry.file} is listed as accepted but no longer reported: remove it from the list`);
}
if (verdict.fresh.length > 0 || verdict.stale.length > 0) {
  console.error(
    `\nFix the code, or, if the finding is a false positive or a risk taken on purpose, list it with its reason in ${acceptedFile}.`,
  );
  process.exit(1);
}
