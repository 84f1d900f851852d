/**
 * A build that ships carries no test hooks: renderer/vite.shared.ts compiles them in only when
 * DESK_TEST_HOOKS=1, and every other build runs a check that fails on a chunk still naming them.
 */
import { describe, expect, it } from 'vitest';
import { noTestHooksPlugin, rendererViteConfig, testHooksRequested } from '../../../renderer/vite.shared.ts';

type GenerateBundle = (this: { error(message: string): never }, options: unknown, bundle: Record<string, unknown>) => void;

function checkBundle(bundle: Record<string, unknown>): void {
  const hook = noTestHooksPlugin().generateBundle as GenerateBundle;
  hook.call(
    {
      error(message: string): never {
        throw new Error(message);
      },
    },
    {},
    bundle,
  );
}

const chunk = (code: string) => ({ type: 'chunk', code });

describe('test hooks in builds', () => {
  it('are requested only by DESK_TEST_HOOKS=1', () => {
    expect(testHooksRequested({ DESK_TEST_HOOKS: '1' })).toBe(true);
    expect(testHooksRequested({})).toBe(false);
    expect(testHooksRequested({ DESK_TEST_HOOKS: '0' })).toBe(false);
  });

  it('fail a shipped build whose chunk names __deskTest', () => {
    expect(() => checkBundle({ 'assets/index.js': chunk('Object.defineProperty(window,"__deskTest",{})') })).toThrow(
      /assets\/index\.js carries the test hooks/,
    );
  });

  it('let a shipped build without them through', () => {
    expect(() =>
      checkBundle({ 'assets/index.js': chunk('console.log(1)'), 'index.html': { type: 'asset', source: '' } }),
    ).not.toThrow();
  });

  it('are compiled out of the renderer unless asked for, and the check runs', () => {
    const previous = process.env.DESK_TEST_HOOKS;
    try {
      delete process.env.DESK_TEST_HOOKS;
      const shipped = rendererViteConfig('production');
      expect(shipped.define).toEqual({ __DESK_TEST_HOOKS__: 'false' });
      expect(shipped.plugins?.flat().map((p) => (p && 'name' in p ? p.name : null))).toContain('pass24-no-test-hooks');

      process.env.DESK_TEST_HOOKS = '1';
      const test = rendererViteConfig('production');
      expect(test.define).toEqual({ __DESK_TEST_HOOKS__: 'true' });
      expect(test.plugins?.flat().map((p) => (p && 'name' in p ? p.name : null))).not.toContain('pass24-no-test-hooks');
    } finally {
      if (previous === undefined) delete process.env.DESK_TEST_HOOKS;
      else process.env.DESK_TEST_HOOKS = previous;
    }
  });
});
