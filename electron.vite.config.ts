import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererViteConfig } from './renderer/vite.shared.ts';

// Main: ESM. Preload: CommonJS with every dependency bundled, so it runs in a sandboxed renderer.
export default defineConfig(({ mode }) => ({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // The embedded central endpoint, started with utilityProcess.fork (electron/main/embeddedEndpoint.ts).
          embedded: resolve('electron/utility/embeddedEndpoint.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererViteConfig(mode),
    build: {
      ...rendererViteConfig(mode).build,
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
  },
}));
