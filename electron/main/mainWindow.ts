/**
 * The one window. Closing it hides it to the tray (alarms keep working); only Выход, the OS
 * shutting down or app.quit() really close it. Its place and size are remembered.
 */
import { BrowserWindow, screen } from 'electron';
import type { DeskStore } from './deskStore.ts';
import { hardenedWebPreferences } from './security.ts';
import { appTitle } from './texts.ts';
import { minimumWindowSize, restoreBounds } from './windowBounds.ts';

export interface MainWindowOptions {
  store: DeskStore;
  preload: string;
  /** The renderer's URL: file:// in production, the dev server during `npm run dev`. */
  entryUrl: string;
  icon?: string;
  /** The user's theme is dark: paint the window dark before the renderer draws (no white flash). */
  dark?: boolean;
  /** True once the app is quitting: then a close really closes. */
  isQuitting(): boolean;
}

const saveDelayMs = 500;

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay().workArea;
  const bounds = restoreBounds(
    options.store.getWindowBounds(),
    screen.getAllDisplays().map((d) => d.workArea),
    primary,
  );
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    title: appTitle,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: options.dark ? '#1a1b1e' : '#ffffff',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: hardenedWebPreferences(options.preload),
  });

  window.once('ready-to-show', () => {
    if (bounds.maximized) window.maximize();
    window.show();
  });

  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const saveBounds = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (window.isDestroyed() || window.isMinimized()) return;
    options.store.setWindowBounds({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const saveSoon = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(saveBounds, saveDelayMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);

  window.on('close', (event) => {
    saveBounds();
    if (options.isQuitting()) return;
    event.preventDefault();
    window.hide();
  });

  void window.loadURL(options.entryUrl);
  return window;
}
