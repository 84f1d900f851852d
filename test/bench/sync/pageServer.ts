/** Builds the bench page (page/) with Vite's JS API and serves the folder on 127.0.0.1. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';

const pageRoot = join(import.meta.dirname, 'page');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** A production build, as the app ships (no RxDB dev-mode); unminified for a readable CPU profile. */
export async function buildBenchPage(outDir: string, options: { minify?: boolean } = {}): Promise<void> {
  await build({
    configFile: false,
    root: pageRoot,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2023', sourcemap: false, minify: options.minify ?? true },
  });
}

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

export function servePage(dir: string): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
