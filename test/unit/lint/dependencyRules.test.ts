/**
 * The import graph's rules (.dependency-cruiser.cjs, run by npm run lint) refuse what they say:
 * a small tree of probe files, laid out like the repository, is cruised with the project's own
 * config, and each forbidden import must come back as a violation of its rule, each allowed one
 * as none.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const depcruise = join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');

/** The probe tree: path -> source. Targets exist so every import resolves. */
const tree: Record<string, string> = {
  'renderer/src/app/Desk.tsx': 'export const Desk = 1;\n',
  'renderer/src/services/commands.ts': 'export const commands = 1;\n',
  'renderer/src/features/queue/index.ts': "export { QueueTable } from './QueueTable.tsx';\n",
  'renderer/src/features/queue/QueueTable.tsx': 'export const QueueTable = 1;\n',
  'renderer/src/features/ticket/index.ts': "export { useApplyAction } from './useApplyAction.ts';\n",
  'renderer/src/features/ticket/useApplyAction.ts': 'export const useApplyAction = 1;\n',
  'server/app.ts': 'export const buildServer = 1;\n',

  // Refused.
  'renderer/src/features/queue/importsShell.ts': "import { Desk } from '../../app/Desk.tsx';\nexport const x = Desk;\n",
  'renderer/src/features/approvals/reachesInside.ts':
    "import { useApplyAction } from '../ticket/useApplyAction.ts';\nexport const x = useApplyAction;\n",
  'renderer/src/services/importsFeature.ts':
    "import { QueueTable } from '../features/queue/index.ts';\nexport const x = QueueTable;\n",
  'renderer/src/sync/importsShell.ts': "import { Desk } from '../app/Desk.tsx';\nexport const x = Desk;\n",
  'renderer/src/app/reachesInside.ts':
    "import { QueueTable } from '../features/queue/QueueTable.tsx';\nexport const x = QueueTable;\n",
  'renderer/src/importsServer.ts': "import { buildServer } from '../../server/app.ts';\nexport const x = buildServer;\n",
  'renderer/src/db/importsNode.ts': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  'shared/domain/importsNode.ts': "import { join } from 'node:path';\nexport const x = join;\n",
  'electron/preload/importsNode.ts': "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
  'electron/main/importsServer.ts': "import { buildServer } from '../../server/app.ts';\nexport const x = buildServer;\n",
  'server/db/cycleA.ts': "import type { B } from './cycleB.ts';\nexport interface A {\n  b?: B;\n}\n",
  'server/db/cycleB.ts': "import type { A } from './cycleA.ts';\nexport interface B {\n  a?: A;\n}\n",
  'shared/sla/usesDomain.ts': "import { rule } from '../domain/rule.ts';\nexport const x = rule;\n",
  'shared/domain/rule.ts': 'export const rule = 1;\n',
  'shared/domain/usesSla.ts': "import { x } from '../sla/usesDomain.ts';\nexport const y = x;\n",

  // Allowed.
  'renderer/src/features/approvals/throughIndex.ts':
    "import { useApplyAction } from '../ticket/index.ts';\nexport const x = useApplyAction;\n",
  'renderer/src/features/kb/usesServices.ts':
    "import { commands } from '../../services/commands.ts';\nexport const x = commands;\n",
  'renderer/src/app/composes.ts': "import { QueueTable } from '../features/queue/index.ts';\nexport const x = QueueTable;\n",
  'server/replication/usesNode.ts': "import { join } from 'node:path';\nexport const x = join;\n",
};

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

let root: string;
let violations: Violation[];
let exitCode: number;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'desk-depcruise-'));
  for (const [path, source] of Object.entries(tree)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), source);
  }
  const cruise = (outputType: string) =>
    promisify(execFile)(
      process.execPath,
      [
        depcruise,
        '--config',
        join(repoRoot, '.dependency-cruiser.cjs'),
        '--output-type',
        outputType,
        'renderer',
        'server',
        'shared',
        'electron',
      ],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    ).then(
      ({ stdout }) => ({ stdout, code: 0 }),
      (error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }),
    );
  // The json report names each violation; the err report is what npm run lint prints, and its
  // exit code (the number of errors) is what fails the lint.
  const [json, err] = await Promise.all([cruise('json'), cruise('err')]);
  violations = (JSON.parse(json.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  exitCode = err.code;
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const refused = [
  { what: 'a feature importing the shell', from: 'renderer/src/features/queue/importsShell.ts', rule: 'features-not-shell' },
  {
    what: 'a feature reaching inside another past its index.ts',
    from: 'renderer/src/features/approvals/reachesInside.ts',
    rule: 'feature-through-index',
  },
  { what: 'services importing a feature', from: 'renderer/src/services/importsFeature.ts', rule: 'floors-not-up' },
  { what: 'sync importing the shell', from: 'renderer/src/sync/importsShell.ts', rule: 'floors-not-up' },
  {
    what: 'the shell reaching inside a feature',
    from: 'renderer/src/app/reachesInside.ts',
    rule: 'shell-through-index',
  },
  { what: 'renderer -> server/', from: 'renderer/src/importsServer.ts', rule: 'renderer-no-electron-server' },
  { what: 'renderer -> node:fs', from: 'renderer/src/db/importsNode.ts', rule: 'renderer-no-node' },
  { what: 'shared -> node:path', from: 'shared/domain/importsNode.ts', rule: 'shared-no-node' },
  { what: 'preload -> node:fs', from: 'electron/preload/importsNode.ts', rule: 'preload-no-node' },
  { what: 'electron/main -> server/', from: 'electron/main/importsServer.ts', rule: 'electron-no-renderer-server' },
  { what: 'a cycle of type-only imports', from: 'server/db/cycleA.ts', rule: 'no-circular' },
  { what: 'a cycle between folders', from: 'shared/domain', rule: 'no-circular-folders' },
];

describe('the import graph rules (.dependency-cruiser.cjs)', () => {
  it('fails the run when a rule is broken', () => {
    expect(exitCode).toBeGreaterThan(0);
  });

  it.each(refused)('refuses $what', ({ from, rule }) => {
    const hits = violations.filter((v) => v.from === from && v.rule.name === rule);
    expect(hits, `violations were: ${JSON.stringify(violations.map((v) => [v.rule.name, v.from, v.to]))}`).not.toHaveLength(0);
  });

  it.each([
    'renderer/src/features/approvals/throughIndex.ts',
    'renderer/src/features/kb/usesServices.ts',
    'renderer/src/app/composes.ts',
    'server/replication/usesNode.ts',
  ])('allows %s', (from) => {
    expect(violations.filter((v) => v.from === from)).toEqual([]);
  });
});
