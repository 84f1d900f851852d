/**
 * Launch at login and desktop updates, through the main process's Host handlers with the electron
 * module (and electron-updater, which sits on it) faked: login items on Windows and macOS, an XDG
 * autostart entry on Linux; the update feed of the configured endpoint, checked at start and daily,
 * downloaded in the background and installed only on quit or when the user asks.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '../../../../shared/host.ts';
import { app, FakeBrowserWindow, FakeUtilityProcess, ipcMain, resetFakeElectron } from './fakeElectron.ts';

vi.mock('electron', () => import('./fakeElectron.ts').then((m) => m.electronModule));
vi.mock('electron-updater', () => import('./fakeElectron.ts').then((m) => m.electronUpdaterModule));

const { startDesk } = await import('../../../../electron/main/app.ts');
const { rendererIndexPath } = await import('../../../../electron/main/paths.ts');
const { invokeChannels, eventChannels } = await import('../../../../electron/common/ipcChannels.ts');
const { LaunchAtLogin, autostartFileName, desktopEntry } = await import('../../../../electron/main/launchAtLogin.ts');
const { DesktopUpdates, dailyMs } = await import('../../../../electron/main/desktopUpdates.ts');
const fake = await import('./fakeElectron.ts');

const appFrame = { url: pathToFileURL(rendererIndexPath).href };
const invoke = (channel: string, ...args: unknown[]) => ipcMain.invoke(channel, appFrame, ...args);

async function start() {
  const { ready } = startDesk();
  const desk = await ready!;
  return { desk, window: FakeBrowserWindow.instances[0]! };
}

let configHome: string;
beforeEach(() => {
  resetFakeElectron();
  configHome = mkdtempSync(join(tmpdir(), 'pass24-xdg-'));
  vi.stubEnv('XDG_CONFIG_HOME', configHome);
  vi.stubEnv('APPIMAGE', '/opt/PASS24 Support Desk/desk.AppImage');
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  // The embedded endpoint's process obeys the stop request, so a quit goes all the way.
  for (const child of FakeUtilityProcess.instances) child.emit('exit', 0);
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('launch at login', () => {
  it.each(['win32', 'darwin'] as const)('on %s is the system login item', (platform) => {
    const login = new LaunchAtLogin({ platform });
    expect(login.get()).toBe(false);
    expect(login.set(true)).toBe(true);
    expect(app.openAtLogin).toBe(true);
    expect(login.set(false)).toBe(false);
    expect(app.openAtLogin).toBe(false);
  });

  it('on Linux is an XDG autostart entry that starts the AppImage, its path quoted', () => {
    const dir = join(configHome, 'autostart');
    const login = new LaunchAtLogin({ platform: 'linux', autostartDir: dir, executable: '/opt/PASS24 Desk/desk' });
    expect(login.get()).toBe(false);
    expect(login.set(true)).toBe(true);
    const entry = readFileSync(join(dir, autostartFileName), 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/opt/PASS24 Desk/desk"');
    expect(login.set(false)).toBe(false);
    expect(existsSync(join(dir, autostartFileName))).toBe(false);
  });

  it('quotes what the shell would read otherwise and leaves a plain path alone', () => {
    expect(desktopEntry('/usr/bin/pass24-desk')).toContain('Exec=/usr/bin/pass24-desk\n');
    expect(desktopEntry('/home/a"b/$x')).toContain('Exec="/home/a\\"b/\\$x"');
  });

  it('is a setting of the desk through the Host: read, turned on and off; anything but true or false is refused', async () => {
    await start();
    const expected = process.platform === 'linux' || process.platform === 'win32' || process.platform === 'darwin';
    expect(await invoke(invokeChannels.getLaunchAtLogin)).toBe(expected ? false : null);
    expect(await invoke(invokeChannels.setLaunchAtLogin, true)).toBe(expected ? true : null);
    expect(await invoke(invokeChannels.getLaunchAtLogin)).toBe(expected ? true : null);
    if (process.platform === 'linux') {
      expect(readFileSync(join(configHome, 'autostart', autostartFileName), 'utf8')).toContain(
        'Exec="/opt/PASS24 Support Desk/desk.AppImage"',
      );
    }
    await expect(invoke(invokeChannels.setLaunchAtLogin, 'yes')).rejects.toThrow(TypeError);
    expect(await invoke(invokeChannels.setLaunchAtLogin, false)).toBe(expected ? false : null);
  });
});

describe('updates', () => {
  const sentStatuses = (window: FakeBrowserWindow) =>
    window.webContents.sent.filter((m) => m.channel === eventChannels.updateStatus).map((m) => m.payload as UpdateStatus);

  it('a development build has none: electron-updater is never loaded', async () => {
    const { desk } = await start();
    await desk.updates;
    await invoke(invokeChannels.setSettings, { endpointUrl: 'https://desk.pass24.example' });
    expect(await invoke(invokeChannels.checkForUpdates)).toMatchObject({ state: 'unsupported' });
    expect(fake.autoUpdater.feed).toBeNull();
  });

  it('with the embedded endpoint there is no feed to check', async () => {
    app.isPackaged = true;
    const { desk } = await start();
    await desk.updates;
    expect(await invoke(invokeChannels.updateStatus)).toMatchObject({ state: 'unsupported' });
    expect(fake.autoUpdater.checks).toBe(0);
  });

  it("checks the endpoint's /updates/ feed, downloads a new version and installs it only when asked", async () => {
    app.isPackaged = true;
    const { desk, window } = await start();
    await desk.updates;
    await invoke(invokeChannels.setSettings, { endpointUrl: 'https://desk.pass24.example/' });
    fake.autoUpdater.next = { kind: 'available', version: '0.2.0' };

    const checked = (await invoke(invokeChannels.checkForUpdates)) as UpdateStatus;
    expect(fake.autoUpdater.feed).toEqual({ provider: 'generic', url: 'https://desk.pass24.example/updates/' });
    expect(checked.version).toBe('0.2.0');
    await vi.waitFor(() => expect(sentStatuses(window).at(-1)).toMatchObject({ state: 'ready', version: '0.2.0' }));
    expect(sentStatuses(window).map((s) => s.state)).toEqual(['checking', 'downloading', 'ready']);
    expect(await invoke(invokeChannels.updateStatus)).toMatchObject({ state: 'ready', version: '0.2.0' });

    // Downloaded in the background, installed when the desk quits; never a restart by itself.
    expect(fake.autoUpdater.autoDownload).toBe(true);
    expect(fake.autoUpdater.autoInstallOnAppQuit).toBe(true);
    expect(fake.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
    await invoke(invokeChannels.checkForUpdates);
    expect(fake.autoUpdater.checks).toBe(1);

    await invoke(invokeChannels.installUpdateNow);
    expect(fake.autoUpdater.quitAndInstall).toHaveBeenCalledWith(false, true);
  });

  it('says when this is the newest version, and why a check failed', async () => {
    app.isPackaged = true;
    const { desk } = await start();
    await desk.updates;
    await invoke(invokeChannels.setSettings, { endpointUrl: 'https://desk.pass24.example' });
    expect(await invoke(invokeChannels.checkForUpdates)).toMatchObject({ state: 'current', checkedAt: expect.any(Number) });
    fake.autoUpdater.next = { kind: 'error', message: 'net::ERR_CONNECTION_REFUSED' };
    expect(await invoke(invokeChannels.checkForUpdates)).toMatchObject({
      state: 'error',
      error: 'net::ERR_CONNECTION_REFUSED',
    });
    expect(fake.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
    await invoke(invokeChannels.installUpdateNow);
    expect(fake.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('checks at start and then once a day', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const updates = new DesktopUpdates({
      updater: fake.autoUpdater,
      endpointUrl: () => 'https://desk.pass24.example',
      onStatus: () => {},
      log: () => {},
    });
    updates.start();
    expect(fake.autoUpdater.checks).toBe(1);
    vi.advanceTimersByTime(dailyMs - 1);
    expect(fake.autoUpdater.checks).toBe(1);
    vi.advanceTimersByTime(1);
    expect(fake.autoUpdater.checks).toBe(2);
    updates.stop();
    vi.advanceTimersByTime(dailyMs);
    expect(fake.autoUpdater.checks).toBe(2);
  });
});
