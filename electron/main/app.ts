/**
 * The main process's lifecycle: one instance, one window, a tray, the alarm scheduler, the Host
 * handlers, and the embedded central endpoint when none is configured. Each piece lives in its own
 * file; this one only connects them.
 */
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, ipcMain, nativeImage, nativeTheme, Notification, powerMonitor, session } from 'electron';
import type { FiredAlarm, UpdateStatus } from '../../shared/host.ts';
import { eventChannels } from '../common/ipcChannels.ts';
import type { EventChannel } from '../common/ipcChannels.ts';
import { AlarmLoop } from './alarms/alarmLoop.ts';
import { AlarmNotifier } from './alarms/alarmNotifier.ts';
import { Attention } from './attention.ts';
import { DeskStore, firedLogFileStore } from './deskStore.ts';
import { DesktopUpdates, type Updater } from './desktopUpdates.ts';
import { EmbeddedEndpointProcess } from './embeddedEndpoint.ts';
import { openExternalSafely } from './externalLinks.ts';
import { registerHostHandlers } from './ipcRouter.ts';
import { LaunchAtLogin } from './launchAtLogin.ts';
import type { HostBackend } from './ipcRouter.ts';
import { createMainWindow } from './mainWindow.ts';
import { embeddedEntryPath, preloadPath, rendererIndexPath, resourcePath } from './paths.ts';
import { rendererEntryUrl, rendererOrigin } from './rendererOrigin.ts';
import { guardAllWebContents, installPermissionHandlers } from './security.ts';
import { appUserModelId } from './appIdentity.ts';
import { claimSingleInstance } from './singleInstance.ts';
import { notificationsUnsupportedReason } from './texts.ts';
import { TokenVault } from './tokenVault.ts';
import { DeskTray } from './tray.ts';
import { showWindow } from './windowControl.ts';

/** What a running desk exposes to its tests. */
export interface RunningDesk {
  window: BrowserWindow;
  tray: DeskTray;
  alarms: AlarmLoop;
  notifier: AlarmNotifier;
  attention: Attention;
  store: DeskStore;
  backend: HostBackend;
  /** Resolves once the updater is set up (electron-updater is loaded only in a packaged app). */
  updates: Promise<DesktopUpdates>;
}

/** electron-updater, loaded only where it is used: it reads the packaged app's files at load. */
async function loadUpdater(): Promise<Updater> {
  const module = await import('electron-updater');
  const updater = (module.default ?? module).autoUpdater;
  return updater as unknown as Updater;
}

export interface StartDeskResult {
  /** False when another instance already runs (this one quits). */
  primary: boolean;
  /** Resolves once the window exists. */
  ready: Promise<RunningDesk> | null;
}

export function startDesk(): StartDeskResult {
  // A separate data folder, for running two agents side by side in development and for the
  // Playwright suite; it must be set before the single-instance lock, which is per data folder.
  const userDataOverride = process.env.PASS24_USER_DATA_DIR;
  if (userDataOverride) app.setPath('userData', userDataOverride);

  let window: BrowserWindow | null = null;
  if (!claimSingleInstance(() => showWindow(window))) return { primary: false, ready: null };
  if (process.platform === 'win32') app.setAppUserModelId(appUserModelId);
  guardAllWebContents();

  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });

  const ready = app.whenReady().then(() => {
    const desk = onReady(() => quitting);
    window = desk.window;
    return desk;
  });
  return { primary: true, ready };
}

function onReady(isQuitting: () => boolean): RunningDesk {
  const log = (message: string): void => console.log(message);
  // electron-store would pick userData itself; passing it keeps the folder explicit (and honours the override above).
  const dataDir = app.getPath('userData');
  const store = new DeskStore({ cwd: dataDir });
  // electron-store registers an unchecked ipcMain listener that tells any renderer the data folder;
  // nothing of ours uses it (stores live in the main process only), so it goes.
  ipcMain.removeAllListeners('electron-store-get-data');
  const tokens = new TokenVault(store);
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  const origin = rendererOrigin({ indexPath: rendererIndexPath, devServerUrl, packaged: app.isPackaged });
  installPermissionHandlers(session.defaultSession, origin);

  const icon = (name: string) => nativeImage.createFromPath(resourcePath('icons', name));
  const window = createMainWindow({
    store,
    preload: preloadPath,
    entryUrl: rendererEntryUrl(origin, devServerUrl),
    icon: resourcePath('icons', 'icon.png'),
    dark: store.getSettings().theme === 'dark' || (store.getSettings().theme === 'auto' && nativeTheme.shouldUseDarkColors),
    isQuitting,
  });
  const send = (channel: EventChannel, payload?: unknown): void => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  };
  const locale = () => store.getSettings().locale;

  const tray = new DeskTray({ normal: icon('tray.png'), alert: icon('tray-alert.png') }, locale(), {
    open: () => showWindow(window),
    quit: () => app.quit(),
  });
  const attention = new Attention({ tray, window: () => window, overlayIcon: icon('overlay-alert.png'), locale });
  window.on('focus', () => attention.windowFocusChanged(true));
  window.on('blur', () => attention.windowFocusChanged(false));

  const notifier = new AlarmNotifier({
    showWindow: () => showWindow(window),
    openTicket: (ticketId) => send(eventChannels.openTicket, ticketId),
    reportFired: (fired: FiredAlarm) => send(eventChannels.alarmFired, fired),
    locale,
    soundEnabled: () => store.getSettings().alarms.sound,
    icon: resourcePath('icons', 'icon.png'),
    log,
  });
  const alarms = new AlarmLoop({
    store: firedLogFileStore({ cwd: dataDir }),
    onFire: (due, firedAt) => notifier.raise(due, firedAt),
    log,
  });
  alarms.start();

  // After sleep the wall clock jumped: fire what was missed (late) and let the renderer recompute.
  powerMonitor.on('resume', () => {
    alarms.check('resume');
    send(eventChannels.powerResume);
  });
  powerMonitor.on('unlock-screen', () => {
    alarms.check('unlock-screen');
    send(eventChannels.powerResume);
  });

  const embedded = new EmbeddedEndpointProcess({
    entry: embeddedEntryPath,
    dataDir: join(dataDir, 'central'),
    log,
  });
  if (store.getSettings().endpointUrl === '') {
    embedded.start().catch((error: unknown) => log(`embedded endpoint: ${String(error)}`));
  }

  const launchAtLogin = new LaunchAtLogin();
  const updatesOptions = {
    endpointUrl: () => store.getSettings().endpointUrl,
    onStatus: (status: UpdateStatus) => send(eventChannels.updateStatus, status),
    log,
  };
  // A development build has nothing to update to; a packaged one checks its endpoint's feed.
  let updates = new DesktopUpdates({ ...updatesOptions, updater: null });
  const updatesReady = (app.isPackaged ? loadUpdater() : Promise.resolve(null))
    .then((updater) => {
      if (updater) {
        updates = new DesktopUpdates({ ...updatesOptions, updater });
        updates.start();
      }
      return updates;
    })
    .catch((error: unknown) => {
      log(`updates: ${String(error)}`);
      return updates;
    });

  const backend: HostBackend = {
    appInfo: () => {
      const supported = Notification.isSupported();
      return {
        name: app.getName(),
        version: app.getVersion(),
        kind: 'electron',
        platform: process.platform,
        notificationsSupported: supported,
        notificationsUnsupportedReason: supported ? '' : notificationsUnsupportedReason(process.platform, locale()),
      };
    },
    getSettings: () => store.getSettings(),
    setSettings: (patch) => {
      const before = store.getSettings();
      const next = store.setSettings(patch);
      tray.setLocale(next.locale);
      // Switching between the embedded endpoint and a configured one starts or stops the process.
      if (before.endpointUrl === '' && next.endpointUrl !== '') void embedded.stop();
      if (before.endpointUrl !== '' && next.endpointUrl === '') {
        embedded.start().catch((error: unknown) => log(`embedded endpoint: ${String(error)}`));
      }
      return next;
    },
    getToken: () => tokens.get(),
    setToken: (token) => tokens.set(token),
    scheduleAlarms: (list) => {
      alarms.replace(list);
    },
    notify: (request) => {
      notifier.notify(request);
    },
    setAttention: (count) => attention.set(count),
    openExternal: (url) => openExternalSafely(url),
    embeddedEndpoint: async () => (store.getSettings().endpointUrl === '' ? embedded.start() : null),
    getLaunchAtLogin: () => launchAtLogin.get(),
    setLaunchAtLogin: (enabled) => launchAtLogin.set(enabled),
    updateStatus: () => updates.status(),
    checkForUpdates: () => updates.check(),
    installUpdateNow: () => updates.installNow(),
  };
  registerHostHandlers(backend, origin);

  // macOS: clicking the dock icon brings the window back from the tray.
  app.on('activate', () => showWindow(window));

  let endpointStopped = false;
  app.on('before-quit', (event) => {
    alarms.stop();
    updates.stop();
    if (endpointStopped || !embedded.running) return;
    // Quit once the endpoint has closed its database.
    event.preventDefault();
    void embedded.stop().finally(() => {
      endpointStopped = true;
      app.quit();
    });
  });

  return { window, tray, alarms, notifier, attention, store, backend, updates: updatesReady };
}
