/**
 * The one-way imports (docs/architecture.md) are enforced by lint, not by hope: each case lints a
 * few lines as if they lived at `file`, through the project's own eslint.config.js, and checks
 * which rule fires with which message (or that nothing fires at all for an allowed import).
 */
import { join } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: join(repoRoot, 'eslint.config.js') });
  // Loading the config and the TypeScript parser takes a few seconds once; not inside a case.
  await eslint.lintText('export {};\n', { filePath: join(repoRoot, 'shared/warmUp.ts') });
}, 30_000);

async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, file), warnIgnored: true });
  return result!.messages;
}

interface Refused {
  what: string;
  file: string;
  code: string;
  rule: 'no-restricted-imports' | 'no-restricted-globals';
  /** The explanation the config gives for this boundary (ESLint prefixes it with what it refused). */
  message: RegExp;
}

const rendererMessage = /renderer\/ may not import electron\/ or server\//;
const rendererElectron = /renderer\/ may not import Electron/;
const sharedPure = /shared\/ is pure: it may not import renderer\/, electron\/ or server\//;

const refused: Refused[] = [
  {
    what: 'renderer -> electron/main',
    file: 'renderer/src/probe.ts',
    code: "import { startApp } from '../../electron/main/app.ts';\nstartApp();\n",
    rule: 'no-restricted-imports',
    message: rendererMessage,
  },
  {
    what: 'renderer -> server/',
    file: 'renderer/src/features/probe.ts',
    code: "import { buildServer } from '../../../server/app.ts';\nvoid buildServer;\n",
    rule: 'no-restricted-imports',
    message: rendererMessage,
  },
  {
    what: 'renderer -> the electron module',
    file: 'renderer/src/features/queue/probe.ts',
    code: "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n",
    rule: 'no-restricted-imports',
    message: rendererElectron,
  },
  {
    what: 'renderer -> node:fs',
    file: 'renderer/src/db/probe.ts',
    code: "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n",
    rule: 'no-restricted-imports',
    message: /renderer\/ runs in a browser: no Node built-ins/,
  },
  {
    what: 'shared -> renderer/',
    file: 'shared/domain/probe.ts',
    code: "import { App } from '../../renderer/src/App.tsx';\nvoid App;\n",
    rule: 'no-restricted-imports',
    message: sharedPure,
  },
  {
    what: 'shared -> electron/',
    file: 'shared/sla/probe.ts',
    code: "import { startApp } from '../../electron/main/app.ts';\nvoid startApp;\n",
    rule: 'no-restricted-imports',
    message: sharedPure,
  },
  {
    what: 'shared -> server/',
    file: 'shared/probe.ts',
    code: "import { buildServer } from '../server/app.ts';\nvoid buildServer;\n",
    rule: 'no-restricted-imports',
    message: sharedPure,
  },
  {
    what: 'shared -> node:path',
    file: 'shared/domain/probe.ts',
    code: "import { join } from 'node:path';\nvoid join;\n",
    rule: 'no-restricted-imports',
    message: /shared\/ may not import Node built-ins/,
  },
  {
    what: 'shared -> the electron module',
    file: 'shared/host.probe.ts',
    code: "import { app } from 'electron';\nvoid app;\n",
    rule: 'no-restricted-imports',
    message: /shared\/ may not import Electron/,
  },
  {
    what: 'shared uses window',
    file: 'shared/domain/probe.ts',
    code: 'export const width = window.innerWidth;\n',
    rule: 'no-restricted-globals',
    message: /Unexpected use of 'window'\. shared\/ has no DOM\./,
  },
  {
    what: 'shared uses document',
    file: 'shared/templates/probe.ts',
    code: 'export const title = document.title;\n',
    rule: 'no-restricted-globals',
    message: /Unexpected use of 'document'\. shared\/ has no DOM\./,
  },
  {
    what: 'shared uses process',
    file: 'shared/sla/probe.ts',
    code: 'export const zone = process.env.TZ;\n',
    rule: 'no-restricted-globals',
    message: /Unexpected use of 'process'\. shared\/ has no Node\./,
  },
  {
    what: 'server -> the electron module',
    file: 'server/replication/probe.ts',
    code: "import { app } from 'electron';\nvoid app;\n",
    rule: 'no-restricted-imports',
    message: /server\/ may not import Electron/,
  },
];

describe('the one-way import rules (eslint.config.js)', () => {
  it.each(refused)('refuses $what', async ({ file, code, rule, message }) => {
    const messages = await lint(file, code);
    const hits = messages.filter((m) => m.ruleId === rule && message.test(m.message));
    expect(hits, `messages were: ${JSON.stringify(messages.map((m) => [m.ruleId, m.message]))}`).not.toHaveLength(0);
    expect(hits.every((m) => m.severity === 2)).toBe(true);
  });

  const allowed = [
    {
      what: 'renderer -> shared via #shared',
      file: 'renderer/src/features/queue/probe.ts',
      code: "import { roles } from '#shared/vocabulary/enums.ts';\nexport const roleCount = roles.length;\n",
    },
    {
      what: 'server -> shared via #shared',
      file: 'server/replication/probe.ts',
      code: "import { collectionNames } from '#shared/protocol.ts';\nexport const collections = collectionNames.length;\n",
    },
    {
      what: 'server -> shared by a relative path',
      file: 'server/replication/probe.ts',
      code: "import { roles } from '../../shared/vocabulary/enums.ts';\nexport const roleCount = roles.length;\n",
    },
    {
      what: 'server -> Node built-ins',
      file: 'server/replication/probe.ts',
      code: "import { join } from 'node:path';\nexport const here = join('a', 'b');\n",
    },
  ];

  it.each(allowed)('allows $what', async ({ file, code }) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
