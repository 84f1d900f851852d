/**
 * `npm run start:web`: the web twin. Builds the renderer for a browser (unless --no-build), starts
 * the embedded central endpoint (PGlite in .data/web-central, demo workspace on first run) unless
 * --endpoint is given, serves the app on loopback and prints its URL.
 *   --port 5180        the app's port
 *   --data DIR         the embedded endpoint's data folder
 *   --endpoint URL     use this central endpoint instead (the app asks to sign in)
 *   --no-build         serve the existing dist-web
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbedded } from '../server/embedded.ts';
import { startWebServer } from './webServer.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    data: { type: 'string', default: join(root, '.data', 'web-central') },
    endpoint: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

if (!values['no-build']) {
  console.log('Сборка веб-версии (vite build)…');
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let embedded: Awaited<ReturnType<typeof startEmbedded>> | null = null;
if (!values.endpoint) {
  mkdirSync(values.data, { recursive: true });
  console.log(`Запуск встроенного сервера (PGlite, ${values.data}); первый запуск создаёт демо-данные…`);
  embedded = await startEmbedded({ dataDir: values.data });
  console.log(`Центральный сервер: ${embedded.url} (вход: ${embedded.login})`);
}

const web = await startWebServer({
  root: join(root, 'dist-web'),
  port: Number(values.port),
  embedded: () => (embedded ? { url: embedded.url, login: embedded.login, password: embedded.password } : null),
});
console.log(`\nPASS24 Support Desk (веб-версия): ${web.url}\n`);
if (values.endpoint) console.log(`Сервер для входа: ${values.endpoint}`);

const stop = async () => {
  await web.close();
  await embedded?.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
