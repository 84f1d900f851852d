/**
 * Desktop updates with electron-updater from the central endpoint's generic feed
 * (`npm run server -- start --updates DIR` serves electron-builder's artefacts at /updates/).
 * Checked at start and once a day; a new version downloads in the background and is installed
 * when the desk next quits; a restart now happens only when the user asks (never mid-shift).
 */
import type { UpdateStatus } from '../../shared/host.ts';

/** The part of electron-updater's AppUpdater used here. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(
    event: 'update-available' | 'update-not-available' | 'update-downloaded',
    listener: (info: { version: string }) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export const dailyMs = 24 * 60 * 60_000;

/** The feed of an endpoint: its /updates/ folder. */
export function updatesFeedUrl(endpointUrl: string): string {
  return `${endpointUrl.trim().replace(/\/+$/, '')}/updates/`;
}

export interface DesktopUpdatesOptions {
  /** The updater, or null where updates are off (a development build). */
  updater: Updater | null;
  /** The configured central endpoint ('' for the embedded one: nothing to update from). */
  endpointUrl: () => string;
  onStatus: (status: UpdateStatus) => void;
  log: (message: string) => void;
  now?: () => number;
}

export class DesktopUpdates {
  readonly #options: DesktopUpdatesOptions;
  #status: UpdateStatus = { state: 'idle', version: null, error: null, checkedAt: null };
  #timer: ReturnType<typeof setInterval> | null = null;
  #feed = '';

  constructor(options: DesktopUpdatesOptions) {
    this.#options = options;
    const updater = options.updater;
    if (!updater) return;
    updater.autoDownload = true;
    // Installed when the desk quits: the next start is the new version, and nobody is interrupted.
    updater.autoInstallOnAppQuit = true;
    updater.on('checking-for-update', () => this.#set({ state: 'checking', error: null }));
    updater.on('update-not-available', () => this.#set({ state: 'current', version: null, checkedAt: this.#now() }));
    updater.on('update-available', (info) => this.#set({ state: 'downloading', version: info.version, checkedAt: this.#now() }));
    updater.on('update-downloaded', (info) => this.#set({ state: 'ready', version: info.version }));
    updater.on('error', (error) => {
      this.#options.log(`updates: ${error.message}`);
      // A download already done stays ready: the failure was of a later check.
      if (this.#status.state !== 'ready') this.#set({ state: 'error', error: error.message, checkedAt: this.#now() });
    });
  }

  status(): UpdateStatus {
    return this.#supported() ? this.#status : { state: 'unsupported', version: null, error: null, checkedAt: null };
  }

  /** Checks now and then every day. */
  start(): void {
    if (!this.#options.updater) return;
    void this.check();
    this.#timer = setInterval(() => void this.check(), dailyMs);
    this.#timer.unref?.();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async check(): Promise<UpdateStatus> {
    const updater = this.#options.updater;
    if (!updater || !this.#supported()) return this.status();
    // Once downloaded there is nothing more to fetch until the restart.
    if (this.#status.state === 'ready') return this.status();
    const feed = updatesFeedUrl(this.#options.endpointUrl());
    if (feed !== this.#feed) {
      updater.setFeedURL({ provider: 'generic', url: feed });
      this.#feed = feed;
    }
    try {
      await updater.checkForUpdates();
    } catch (error) {
      // The 'error' event has already said why; a rejected check must not escape a timer.
      const state: UpdateStatus['state'] = this.status().state;
      if (state !== 'error' && state !== 'ready') {
        this.#set({ state: 'error', error: (error as Error).message, checkedAt: this.#now() });
      }
    }
    return this.status();
  }

  /** Restarts into the downloaded version: only when the user asked for it. */
  installNow(): void {
    if (this.#status.state === 'ready') this.#options.updater?.quitAndInstall(false, true);
  }

  #supported(): boolean {
    return this.#options.updater !== null && this.#options.endpointUrl().trim() !== '';
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #set(patch: Partial<UpdateStatus>): void {
    this.#status = { ...this.#status, ...patch };
    this.#options.onStatus(this.status());
  }
}
