/**
 * An in-memory stand-in for the `electron` module, for the main-process and preload tests
 * (the Electron binary cannot run here). It models only what our code touches, and behaves like
 * Electron where the tests depend on it: a prevented 'close' keeps the window, app.quit() emits
 * 'before-quit' (preventable) and closes the windows, a window's web contents is announced with
 * 'web-contents-created', ipcMain.handle handlers receive an event with a sender frame.
 *
 * Use: vi.mock('electron', () => import('./fakeElectron.ts').then((m) => m.electronModule));
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

/** An Electron-style event: listeners may prevent the default action. */
export function fakeEvent<T extends object>(extra?: T): T & { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    ...(extra ?? ({} as T)),
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

type PermissionRequestHandler = (
  contents: FakeWebContents,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type PermissionCheckHandler = (contents: FakeWebContents | null, permission: string, origin: string, details: object) => boolean;

export class FakeSession {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null) {
    this.checkHandler = handler;
  }
}

export class FakeWebContents extends EventEmitter {
  url = '';
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload?: unknown) {
    this.sent.push({ channel, payload });
  }
  getURL() {
    return this.url;
  }
  /** What a link click or location change would trigger; returns whether the navigation was refused. */
  tryNavigate(url: string): boolean {
    const event = fakeEvent({ url });
    this.emit('will-navigate', event, url);
    return event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds: { x: number; y: number; width: number; height: number };
  readonly flashFrame = vi.fn();
  readonly setOverlayIcon = vi.fn();

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.bounds = {
      x: Number(options.x ?? 0),
      y: Number(options.y ?? 0),
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600),
    };
    FakeBrowserWindow.instances.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  static getAllWindows() {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  loadURL(url: string) {
    this.webContents.url = url;
    return Promise.resolve();
  }
  show() {
    this.visible = true;
    this.minimized = false;
  }
  hide() {
    this.visible = false;
    this.focused = false;
  }
  focus() {
    this.focused = true;
    this.emit('focus');
  }
  blur() {
    this.focused = false;
    this.emit('blur');
  }
  minimize() {
    this.minimized = true;
  }
  restore() {
    this.minimized = false;
  }
  maximize() {
    this.maximized = true;
  }
  isVisible() {
    return this.visible;
  }
  isFocused() {
    return this.focused;
  }
  isMinimized() {
    return this.minimized;
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  getBounds() {
    return { ...this.bounds };
  }
  /** Like the user clicking the window's close button. Returns whether the window really closed. */
  close(): boolean {
    if (this.destroyed) return true;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
    return true;
  }
}

interface MenuItem {
  label?: string;
  type?: string;
  click?: () => void;
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  image: unknown;
  tooltip = '';
  menu: { items: MenuItem[] } | null = null;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.instances.push(this);
  }
  setImage(image: unknown) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: { items: MenuItem[] }) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
  /** Clicks the context-menu item with this label. */
  clickMenu(label: string) {
    const item = this.menu?.items.find((i) => i.label === label);
    if (!item?.click) throw new Error(`no tray menu item ${label}`);
    item.click();
  }
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  readonly options: Record<string, unknown>;
  shown = false;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeNotification.instances.push(this);
  }
  show() {
    this.shown = true;
  }
  close() {
    this.emit('close', fakeEvent({ reason: 'userCanceled' }));
  }
  click() {
    this.emit('click', fakeEvent());
  }
}

export class FakeUtilityProcess extends EventEmitter {
  static instances: FakeUtilityProcess[] = [];
  readonly posted: unknown[] = [];
  killed = false;
  readonly modulePath: string;
  readonly args: string[];
  readonly forkOptions: Record<string, unknown>;
  constructor(modulePath: string, args: string[], options: Record<string, unknown>) {
    super();
    this.modulePath = modulePath;
    this.args = args;
    this.forkOptions = options;
    FakeUtilityProcess.instances.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    this.emit('exit', 9);
    return true;
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

class FakeApp extends EventEmitter {
  userData = mkdtempSync(join(tmpdir(), 'pass24-electron-test-'));
  singleInstanceLock = true;
  quitCalls = 0;
  /** True once a quit went all the way through. */
  exited = false;
  isPackaged = false;
  readonly setAppUserModelId = vi.fn();
  readonly setBadgeCount = vi.fn(() => true);
  /** The system's login items (Windows, macOS). */
  openAtLogin = false;
  getLoginItemSettings() {
    return { openAtLogin: this.openAtLogin, openAsHidden: false, wasOpenedAtLogin: false };
  }
  setLoginItemSettings(settings: { openAtLogin?: boolean }) {
    if (settings.openAtLogin !== undefined) this.openAtLogin = settings.openAtLogin;
  }
  reset() {
    this.openAtLogin = false;
    this.removeAllListeners();
    this.userData = mkdtempSync(join(tmpdir(), 'pass24-electron-test-'));
    this.singleInstanceLock = true;
    this.quitCalls = 0;
    this.exited = false;
    this.isPackaged = false;
    this.setAppUserModelId.mockClear();
    this.setBadgeCount.mockClear();
  }
  requestSingleInstanceLock() {
    return this.singleInstanceLock;
  }
  whenReady() {
    return Promise.resolve();
  }
  getPath(name: string) {
    if (name === 'userData') return this.userData;
    return join(this.userData, name);
  }
  setPath(name: string, value: string) {
    if (name === 'userData') this.userData = value;
  }
  getAppPath() {
    return process.cwd();
  }
  getName() {
    return 'pass24-support-desk';
  }
  getVersion() {
    return '0.1.0';
  }
  quit() {
    this.quitCalls += 1;
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const window of FakeBrowserWindow.getAllWindows()) {
      if (!window.close()) return;
    }
    this.exited = true;
    this.emit('will-quit', fakeEvent());
    this.emit('quit');
  }
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
  on: vi.fn(),
  removeAllListeners: vi.fn(),
  /** Calls a handler as a renderer frame at `frameUrl` would (parent: null means a top frame). */
  async invoke(channel: string, frame: { url: string; parent?: unknown } | null, ...args: unknown[]) {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const senderFrame = frame ? { url: frame.url, parent: frame.parent ?? null } : null;
    return handler({ senderFrame, sender: null }, ...args);
  },
};

const rendererEmitter = new EventEmitter();
export const ipcRenderer = {
  invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined),
  on: (channel: string, listener: (...args: unknown[]) => void) => {
    rendererEmitter.on(channel, listener);
    return ipcRenderer;
  },
  removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
    rendererEmitter.removeListener(channel, listener);
    return ipcRenderer;
  },
  /** Delivers a main -> renderer message, as webContents.send would. */
  deliver(channel: string, payload?: unknown) {
    rendererEmitter.emit(channel, { sender: null }, payload);
  },
  listenerCount(channel: string) {
    return rendererEmitter.listenerCount(channel);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const nativeImage = {
  createFromPath: (path: string) => ({ path, isEmpty: () => false }),
};

export const Menu = {
  buildFromTemplate: (items: MenuItem[]) => ({ items }),
  setApplicationMenu: vi.fn(),
};

const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
export const screen = {
  getPrimaryDisplay: () => display,
  getAllDisplays: () => [display],
};

export const session = { defaultSession: new FakeSession() };

export const powerMonitor = new EventEmitter();

export const nativeTheme = { shouldUseDarkColors: false };

/** Reversible and visibly not plaintext; `available` and `backend` model the OS keychain. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isAsyncEncryptionAvailable: async () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptStringAsync: async (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
  decryptStringAsync: async (data: Buffer) => {
    const text = data.toString();
    if (!text.startsWith('sealed:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: Buffer.from(text.slice('sealed:'.length), 'hex').toString(), shouldReEncrypt: false };
  },
};

export const utilityProcess = {
  fork: (modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) =>
    new FakeUtilityProcess(modulePath, args, options),
};

/**
 * electron-updater's autoUpdater (it sits on Electron's app and net, so it is faked with them):
 * checkForUpdates() announces what the feed at the set URL would answer, as the real one does,
 * and quitAndInstall() quits the app.
 */
export class FakeAutoUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  feed: { provider: string; url: string } | null = null;
  checks = 0;
  /** What the next check finds: a newer version, nothing, or a failure. */
  next: { kind: 'available'; version: string } | { kind: 'none' } | { kind: 'error'; message: string } = { kind: 'none' };
  readonly quitAndInstall = vi.fn(() => app.quit());
  setFeedURL(options: { provider: string; url: string }) {
    this.feed = options;
  }
  async checkForUpdates() {
    if (!this.feed) throw new Error('setFeedURL was not called');
    this.checks += 1;
    this.emit('checking-for-update');
    const next = this.next;
    if (next.kind === 'error') {
      const error = new Error(next.message);
      this.emit('error', error);
      throw error;
    }
    if (next.kind === 'none') {
      this.emit('update-not-available', { version: app.getVersion() });
      return { isUpdateAvailable: false };
    }
    this.emit('update-available', { version: next.version });
    if (this.autoDownload) queueMicrotask(() => this.emit('update-downloaded', { version: next.version }));
    return { isUpdateAvailable: true, updateInfo: { version: next.version } };
  }
}

export let autoUpdater = new FakeAutoUpdater();

/** The module as `vi.mock('electron-updater', ...)` returns it (CommonJS: the default export too). */
export const electronUpdaterModule = {
  get autoUpdater() {
    return autoUpdater;
  },
  default: {
    get autoUpdater() {
      return autoUpdater;
    },
  },
};

/** Back to a fresh app between tests. */
export function resetFakeElectron(): void {
  autoUpdater = new FakeAutoUpdater();
  app.reset();
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  FakeUtilityProcess.instances = [];
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners.mockClear();
  contextBridge.exposed.clear();
  rendererEmitter.removeAllListeners();
  powerMonitor.removeAllListeners();
  session.defaultSession = new FakeSession();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  shell.openExternal.mockClear();
  ipcRenderer.invoke.mockClear();
}

const api = {
  app,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu,
  nativeImage,
  screen,
  session,
  powerMonitor,
  nativeTheme,
  safeStorage,
  shell,
  ipcMain,
  ipcRenderer,
  contextBridge,
  utilityProcess,
};

/** The module as `vi.mock('electron', ...)` returns it: named exports and a default export. */
export const electronModule = { ...api, default: api };
