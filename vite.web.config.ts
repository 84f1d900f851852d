import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { rendererViteConfig } from './renderer/vite.shared.ts';

// The web twin: the same renderer, served to a browser; it uses the web host (renderer/src/host/web.ts).
export default defineConfig(({ mode }) => {
  const base = rendererViteConfig(mode);
  return {
    ...base,
    build: { ...base.build, outDir: resolve('dist-web'), emptyOutDir: true },
  };
});
