/**
 * A small static server for the built web twin (dist-web): serves the files, falls back to
 * index.html, and answers `desk-embedded.json` with the embedded endpoint's address and demo
 * credentials when there is one (renderer/src/host/web.ts reads it). Loopback only.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

export interface WebServerOptions {
  root: string;
  host?: string;
  port?: number;
  /** What `desk-embedded.json` answers; null: 404 (the app shows its sign-in form). */
  embedded?: () => { url: string; login: string; password: string } | null;
}

export interface RunningWebServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const root = resolve(options.root);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/desk-embedded.json') {
      const body = options.embedded?.() ?? null;
      res.writeHead(body ? 200 : 404, { 'content-type': types['.json']!, 'cache-control': 'no-store' });
      res.end(JSON.stringify(body ?? { error: 'no embedded endpoint' }));
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) {
      // The build is being written (or was never made): say so instead of failing the process.
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '2' })
        .end('Веб-версия собирается, обновите страницу через несколько секунд.');
      return;
    }
    res.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
    });
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolveStart({
        url: `http://${options.host ?? '127.0.0.1'}:${port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
