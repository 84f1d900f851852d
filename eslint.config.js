// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The house has four environments (docs/architecture.md): shared/ (pure), renderer/ (DOM),
 * electron/ (main + preload), server/ (Node). Imports point one way; these rules say so in the
 * editor, and .dependency-cruiser.cjs checks the whole graph (floors, features, cycles) in lint.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
/** Exact-name bans (a pattern such as 'domain' would also match our own shared/domain folder). */
const noNodeBuiltins = (/** @type {string} */ message) => nodeBuiltins.map((name) => ({ name, message }));

const importRule = (
  /** @type {Array<{group: string[], message: string}>} */ patterns,
  paths = /** @type {Array<{name: string, message: string}>} */ ([]),
) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'dist-web/',
      '.data/',
      '.tools/',
      'test-results/',
      'playwright-report/',
      '.stryker-tmp/',
      'reports/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...importRule(
        [
          {
            group: ['**/renderer/**', '**/electron/**', '**/server/**'],
            message: 'shared/ is pure: it may not import renderer/, electron/ or server/.',
          },
          { group: ['electron', 'electron/*'], message: 'shared/ may not import Electron.' },
        ],
        [
          ...noNodeBuiltins('shared/ may not import Node built-ins: pass what you need in.'),
          { name: 'electron', message: 'shared/ may not import Electron.' },
        ],
      ),
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'shared/ has no DOM.' },
        { name: 'document', message: 'shared/ has no DOM.' },
        { name: 'localStorage', message: 'shared/ has no DOM.' },
        { name: 'process', message: 'shared/ has no Node.' },
        { name: 'require', message: 'shared/ has no Node.' },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...importRule(
        [
          {
            group: ['**/electron/**', '**/server/**'],
            message: 'renderer/ may not import electron/ or server/: go through the Host (shared/host.ts) or HTTP.',
          },
          {
            group: ['electron', 'electron/*', 'electron-store'],
            message: 'renderer/ may not import Electron: use the Host (shared/host.ts).',
          },
        ],
        noNodeBuiltins('renderer/ runs in a browser: no Node built-ins.'),
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: importRule([
      {
        group: ['**/renderer/**', '**/server/**'],
        message: 'electron/ may not import renderer/ or server/ (the embedded endpoint is started as a separate process).',
      },
    ]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: importRule(
      [{ group: ['**/renderer/**', '**/server/**'], message: 'electron/ may not import renderer/ or server/.' }],
      noNodeBuiltins('The preload runs sandboxed: no Node built-ins.'),
    ),
  },
  {
    // electron/utility runs the embedded central endpoint in its own process (utilityProcess.fork),
    // never inside the main process: it is the one place in electron/ that may import server/.
    files: ['electron/utility/**/*.ts'],
    rules: importRule([{ group: ['**/renderer/**'], message: 'electron/utility may not import renderer/.' }]),
  },
  {
    files: ['server/**/*.ts'],
    rules: importRule([
      { group: ['**/renderer/**', '**/electron/**'], message: 'server/ may not import renderer/ or electron/.' },
      { group: ['electron', 'electron/*'], message: 'server/ may not import Electron.' },
    ]),
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
