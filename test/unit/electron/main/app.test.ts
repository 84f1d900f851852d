/**
 * The main process as a whole, with the electron module faked: lifecycle, window, tray, the Host
 * handlers, power events and the embedded endpoint.
 */
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  app,
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  FakeUtilityProcess,
  ipcMain,
  powerMonitor,
  resetFakeElectron,
} from './fakeElectron.ts';

vi.mock('electron', () => import('./fakeElectron.ts').then((m) => m.electronModule));

const { startDesk } = await import('../../../../electron/main/app.ts');
const { preloadPath, rendererIndexPath, embeddedEntryPath } = await import('../../../../electron/main/paths.ts');
const { invokeChannels, eventChannels } = await import('../../../../electron/common/ipcChannels.ts');

const appFrame = { url: pathToFileURL(rendererIndexPath).href };

async function start() {
  const { primary, ready } = startDesk();
  expect(primary).toBe(true);
  const desk = await ready!;
  const window = FakeBrowserWindow.instances[0]!;
  const tray = FakeTray.instances[0]!;
  return { desk, window, tray };
}

/** Выход in the tray; the embedded endpoint's process (when running) obeys the stop request. */
async function quitFromTray(tray: FakeTray) {
  tray.clickMenu('Выход');
  for (const child of FakeUtilityProcess.instances) {
    if (child.posted.some((m) => (m as { type: string }).type === 'stop')) child.emit('exit', 0);
  }
  await vi.waitFor(() => expect(app.exited).toBe(true));
}

beforeEach(() => {
  resetFakeElectron();
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.PASS24_USER_DATA_DIR;
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the window', () => {
  it('is hardened: context isolation, sandbox, no Node, web security, our preload', async () => {
    const { window } = await start();
    expect(window.options.webPreferences).toMatchObject({
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window.webContents.getURL()).toBe(appFrame.url);
  });

  it('loads the dev server during `npm run dev`, but a packaged app ignores ELECTRON_RENDERER_URL', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://127.0.0.1:5173/';
    const dev = await start();
    expect(dev.window.webContents.getURL()).toBe('http://127.0.0.1:5173/');

    resetFakeElectron();
    app.isPackaged = true;
    const packaged = await start();
    expect(packaged.window.webContents.getURL()).toBe(appFrame.url);
  });

  it('closing it hides it to the tray instead of quitting; the tray brings it back', async () => {
    const { window, tray } = await start();
    window.emit('ready-to-show');
    expect(window.isVisible()).toBe(true);

    expect(window.close()).toBe(false);
    expect(window.isDestroyed()).toBe(false);
    expect(window.isVisible()).toBe(false);
    expect(app.exited).toBe(false);

    tray.clickMenu('Открыть');
    expect(window.isVisible()).toBe(true);
    expect(window.isFocused()).toBe(true);
    window.close();
    tray.emit('click');
    expect(window.isVisible()).toBe(true);
  });

  it('Выход in the tray menu really quits: the window closes and the app exits', async () => {
    const { window, tray } = await start();
    await quitFromTray(tray);
    expect(window.isDestroyed()).toBe(true);
  });

  it('remembers its bounds when closed and opens there next time', async () => {
    const first = await start();
    first.window.bounds = { x: 100, y: 120, width: 1400, height: 900 };
    await quitFromTray(first.tray);

    const userData = app.userData;
    resetFakeElectron();
    app.userData = userData;
    const second = await start();
    expect(second.window.options).toMatchObject({ x: 100, y: 120, width: 1400, height: 900 });
  });

  it('the tray speaks English when the locale is en', async () => {
    const { tray } = await start();
    await ipcMain.invoke(invokeChannels.setSettings, appFrame, { locale: 'en' });
    expect(tray.menu?.items.map((i) => i.label).filter(Boolean)).toEqual(['Open', 'Quit']);
  });
});

describe('single instance', () => {
  it('a second launch brings the first window to the front', async () => {
    const { window } = await start();
    window.hide();
    window.minimize();
    app.emit('second-instance', {}, ['pass24'], '/');
    expect(window.isMinimized()).toBe(false);
    expect(window.isVisible()).toBe(true);
    expect(window.isFocused()).toBe(true);
  });

  it('the second process quits without opening a window', () => {
    app.singleInstanceLock = false;
    const { primary, ready } = startDesk();
    expect(primary).toBe(false);
    expect(ready).toBeNull();
    expect(app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.instances).toEqual([]);
  });
});

describe('Windows integration', () => {
  it('sets the AppUserModelID on Windows (notifications need it)', async () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      startDesk();
      expect(app.setAppUserModelId).toHaveBeenCalledWith('online.pass24.supportdesk');
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });
});

describe('Host handlers over IPC', () => {
  it("answer the app's own window", async () => {
    await start();
    const settings = await ipcMain.invoke(invokeChannels.getSettings, appFrame);
    expect(settings).toMatchObject({ locale: 'ru', endpointUrl: '' });
    const info = await ipcMain.invoke(invokeChannels.appInfo, appFrame);
    expect(info).toMatchObject({ kind: 'electron', notificationsSupported: true, notificationsUnsupportedReason: '' });
  });

  it("leave no unchecked listener behind (electron-store's renderer helper is removed)", async () => {
    await start();
    expect(ipcMain.removeAllListeners).toHaveBeenCalledWith('electron-store-get-data');
  });

  it('refuse a call from any other frame', async () => {
    await start();
    await expect(ipcMain.invoke(invokeChannels.getToken, { url: 'https://evil.example/' })).rejects.toThrow(/refused/);
    await expect(ipcMain.invoke(invokeChannels.getToken, { url: 'file:///tmp/other.html' })).rejects.toThrow(/refused/);
    await expect(ipcMain.invoke(invokeChannels.getToken, { url: appFrame.url, parent: {} })).rejects.toThrow(/refused/);
    await expect(ipcMain.invoke(invokeChannels.getToken, null)).rejects.toThrow(/refused/);
  });

  it("explain why notifications are missing when the system has none, in the user's language", async () => {
    FakeNotification.supported = false;
    await start();
    const ru = (await ipcMain.invoke(invokeChannels.appInfo, appFrame)) as { notificationsUnsupportedReason: string };
    expect(ru.notificationsUnsupportedReason).toMatch(/баннером в окне приложения/);
    await ipcMain.invoke(invokeChannels.setSettings, appFrame, { locale: 'en' });
    const en = (await ipcMain.invoke(invokeChannels.appInfo, appFrame)) as { notificationsUnsupportedReason: string };
    expect(en.notificationsUnsupportedReason).toMatch(/banner inside the app window/);
  });

  it('setAttention counts uncontacted emergencies in the tray tooltip and the badge', async () => {
    const { tray } = await start();
    await ipcMain.invoke(invokeChannels.setAttention, appFrame, 2);
    expect(tray.tooltip).toBe('PASS24 Support Desk\n2 экстренных обращения без контакта');
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(2);
    await expect(ipcMain.invoke(invokeChannels.setAttention, appFrame, -1)).rejects.toThrow(TypeError);
  });
});

describe('alarms end to end', () => {
  it('a scheduled emergency raises a critical notification; clicking it shows the window and opens the ticket', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const now = Date.UTC(2026, 10, 23, 7, 0, 0);
    vi.setSystemTime(now);
    const { window } = await start();
    window.hide();
    await ipcMain.invoke(invokeChannels.scheduleAlarms, appFrame, [
      {
        ticketId: 't-42',
        ticketNumber: '42',
        metric: 'arrival',
        stage: 'arrived',
        at: now + 3_000,
        severity: 'critical',
        title: 'Экстренное обращение №42',
        body: 'ЖК «Северный» — Шлагбаум не открывается',
      },
    ]);
    expect(FakeNotification.instances).toHaveLength(0);
    vi.advanceTimersByTime(3_000);

    const [notification] = FakeNotification.instances;
    expect(notification?.shown).toBe(true);
    expect(notification?.options).toMatchObject({ title: 'Экстренное обращение №42', urgency: 'critical', timeoutType: 'never' });
    const fired = window.webContents.sent.find((m) => m.channel === eventChannels.alarmFired);
    expect(fired?.payload).toMatchObject({ ticketId: 't-42', late: false, shownNatively: true, firedAt: now + 3_000 });

    notification!.click();
    expect(window.isVisible()).toBe(true);
    expect(window.isFocused()).toBe(true);
    expect(window.webContents.sent).toContainEqual({ channel: eventChannels.openTicket, payload: 't-42' });
  });

  it('on resume it fires what was missed during sleep, marked late, and tells the renderer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const now = Date.UTC(2026, 10, 23, 7, 0, 0);
    vi.setSystemTime(now);
    const { window } = await start();
    await ipcMain.invoke(invokeChannels.scheduleAlarms, appFrame, [
      {
        ticketId: 't-7',
        ticketNumber: '7',
        metric: 'firstContact',
        stage: 'breached',
        at: now + 60_000,
        severity: 'critical',
        title: '№7: срок первого контакта истёк',
        body: '',
      },
    ]);
    vi.setSystemTime(now + 3_600_000); // slept for an hour: no timer ran
    powerMonitor.emit('resume');
    expect(FakeNotification.instances[0]?.options.title).toBe('№7: срок первого контакта истёк (с опозданием)');
    expect(window.webContents.sent.map((m) => m.channel)).toEqual([eventChannels.alarmFired, eventChannels.powerResume]);
    expect(window.webContents.sent[0]?.payload).toMatchObject({ late: true });
  });
});

describe('the embedded central endpoint', () => {
  it('starts in a utility process with its data in userData/central when no endpoint is configured', async () => {
    await start();
    const child = FakeUtilityProcess.instances[0]!;
    expect(child.modulePath).toBe(embeddedEntryPath);
    expect(child.args).toContain(`--data-dir=${app.userData}/central`);

    const answer = ipcMain.invoke(invokeChannels.embeddedEndpoint, appFrame);
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:40123', login: 'demo', password: 'secret' });
    await expect(answer).resolves.toEqual({ url: 'http://127.0.0.1:40123', login: 'demo', password: 'secret' });
  });

  it('is not started, and embeddedEndpoint() is null, when the user configured an endpoint', async () => {
    const first = await start();
    await ipcMain.invoke(invokeChannels.setSettings, appFrame, { endpointUrl: 'https://desk.pass24.example' });
    await quitFromTray(first.tray);

    const userData = app.userData;
    resetFakeElectron();
    app.userData = userData;
    await start();
    expect(FakeUtilityProcess.instances).toEqual([]);
    await expect(ipcMain.invoke(invokeChannels.embeddedEndpoint, appFrame)).resolves.toBeNull();
  });

  it('stops when the user configures an endpoint, and starts again when the setting is cleared', async () => {
    await start();
    const first = FakeUtilityProcess.instances[0]!;
    first.emit('message', { type: 'ready', url: 'http://127.0.0.1:40123', login: 'demo', password: 'secret' });
    await ipcMain.invoke(invokeChannels.setSettings, appFrame, { endpointUrl: 'https://desk.pass24.example' });
    expect(first.posted).toEqual([{ type: 'stop' }]);
    first.emit('exit', 0);
    await ipcMain.invoke(invokeChannels.setSettings, appFrame, { endpointUrl: '' });
    expect(FakeUtilityProcess.instances).toHaveLength(2);
    expect(FakeUtilityProcess.instances[1]!.args).toContain('--port=40123');
  });

  it('quitting waits until the endpoint has closed its database', async () => {
    const { tray } = await start();
    const child = FakeUtilityProcess.instances[0]!;
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:40123', login: 'demo', password: 'secret' });
    tray.clickMenu('Выход');
    expect(child.posted).toEqual([{ type: 'stop' }]);
    expect(app.exited).toBe(false);
    child.emit('exit', 0);
    await vi.waitFor(() => expect(app.exited).toBe(true));
  });
});
