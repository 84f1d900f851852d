/**
 * The built desktop app, for real: the window opens with the Russian shell, the renderer is
 * isolated, and `window.desk` exposes exactly the Host functions (shared/host.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { electronBinary, missingBinaryMessage, repoRoot } from './electronBinary.ts';

const binary = electronBinary();

const hostMembers = [
  'appInfo',
  'embeddedEndpoint',
  'getSettings',
  'getToken',
  'kind',
  'notify',
  'onAlarmFired',
  'onOpenTicket',
  'onPowerResume',
  'openExternal',
  'scheduleAlarms',
  'setAttention',
  'setSettings',
  'setToken',
].sort();

test.describe('the desktop app', () => {
  test.skip(!binary, missingBinaryMessage);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'pass24-electron-e2e-'));
    const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
    delete env.ELECTRON_RENDERER_URL;
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    app = await electron.launch({
      executablePath: binary!,
      args: [repoRoot],
      cwd: repoRoot,
      // A fresh data folder: default settings (Russian), no token, its own single-instance lock.
      env: { ...env, PASS24_USER_DATA_DIR: userData },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('the window opens with the Russian shell', async () => {
    await expect(page.getByText('Очередь').first()).toBeVisible();
    expect(page.url()).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html/);
  });

  test('window.desk exposes only the Host functions', async () => {
    const members = await page.evaluate(() => {
      const desk = (window as unknown as { desk: Record<string, unknown> }).desk;
      return Object.keys(desk)
        .sort()
        .map((key) => [key, typeof desk[key]]);
    });
    expect(members.map(([key]) => key)).toEqual(hostMembers);
    for (const [key, type] of members) expect(type).toBe(key === 'kind' ? 'string' : 'function');
    await expect(page.evaluate(() => (window as unknown as { desk: { kind: string } }).desk.kind)).resolves.toBe('electron');
  });

  test('the renderer has no Node and no Electron internals', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
  });

  test('the Host answers through the preload', async () => {
    const settings = await page.evaluate(() =>
      (window as unknown as { desk: { getSettings(): Promise<{ locale: string }> } }).desk.getSettings(),
    );
    expect(settings.locale).toBe('ru');
    const refused = await page.evaluate(() =>
      (window as unknown as { desk: { openExternal(u: string): Promise<boolean> } }).desk.openExternal('file:///etc/passwd'),
    );
    expect(refused).toBe(false);
  });

  test('closing the window hides it to the tray; the app keeps running', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    const state = await app.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows()[0];
      return { exists: Boolean(window), visible: window?.isVisible() ?? false };
    });
    expect(state).toEqual({ exists: true, visible: false });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.show());
  });
});
