import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

/**
 * The Content-Security-Policy of production builds. No 'unsafe-eval' anywhere; inline styles are
 * allowed because the component library sets style attributes. connect-src allows any http(s)
 * endpoint because the central endpoint's address is a user setting.
 */
export const productionCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  'connect-src http: https:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/** index.html as production builds write it: the policy as the first element of the head. */
export function withProductionCsp(html: string): string {
  return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${productionCsp}" />`);
}

function cspPlugin(mode: string): Plugin {
  return {
    name: 'pass24-csp',
    transformIndexHtml(html) {
      return mode === 'production' ? withProductionCsp(html) : html;
    },
  };
}

/**
 * Test builds (the e2e suite's web twin, the benchmarks) set DESK_TEST_HOOKS=1 to compile in the
 * test hooks (renderer/src/app/testHooks.ts); every other build leaves them out as dead code.
 */
export const testHooksRequested = (env: NodeJS.ProcessEnv = process.env): boolean => env.DESK_TEST_HOOKS === '1';

/** Fails a build meant to ship if the test hooks made it into a chunk. */
export function noTestHooksPlugin(): Plugin {
  return {
    name: 'pass24-no-test-hooks',
    generateBundle(_options, bundle) {
      for (const [name, output] of Object.entries(bundle)) {
        if (output.type === 'chunk' && output.code.includes('__deskTest')) {
          this.error(`${name} carries the test hooks (__deskTest): a build that ships must not.`);
        }
      }
    },
  };
}

/** Vite settings shared by the Electron renderer build and the web twin build. */
export function rendererViteConfig(mode: string): UserConfig {
  const testHooks = testHooksRequested();
  return {
    root: resolve('renderer'),
    base: './',
    publicDir: resolve('resources/public'),
    plugins: [react(), cspPlugin(mode), ...(testHooks ? [] : [noTestHooksPlugin()])],
    define: { __DESK_TEST_HOOKS__: JSON.stringify(testHooks) },
    build: { target: 'es2023', sourcemap: true, chunkSizeWarningLimit: 2000 },
    server: { host: '127.0.0.1' },
  };
}
