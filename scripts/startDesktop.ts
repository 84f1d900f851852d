/**
 * `npm start` (after `electron-vite build`): launches the desktop app. The npm package `electron`
 * resolves to the binary's path; on a machine with internet it fetches the binary on first use.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
let electronPath: string;
try {
  electronPath = (await import('electron')).default as unknown as string;
} catch (error) {
  console.error('Не удалось найти Electron: выполните npm install (нужен доступ к интернету для загрузки Electron).');
  console.error(String(error));
  process.exit(1);
}
const child = spawn(electronPath, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
