/**
 * Drawing the manager's eye while emergencies wait for first contact: the tray (alert icon and a
 * count in its tooltip), the dock / launcher badge, a Windows taskbar overlay, and the taskbar
 * flashing while the window is not focused.
 */
import { app } from 'electron';
import type { BrowserWindow, NativeImage } from 'electron';
import type { Locale } from '../../shared/host.ts';
import type { DeskTray } from './tray.ts';
import { mainTexts } from './texts.ts';

export interface AttentionOptions {
  tray: DeskTray;
  window(): BrowserWindow | null;
  /** Small badge for the Windows taskbar button, where setBadgeCount does nothing. */
  overlayIcon: NativeImage;
  locale(): Locale;
}

export class Attention {
  readonly #options: AttentionOptions;
  #count = 0;

  constructor(options: AttentionOptions) {
    this.#options = options;
  }

  get count(): number {
    return this.#count;
  }

  set(count: number): void {
    this.#count = count;
    this.#options.tray.setAttention(count);
    app.setBadgeCount(count);
    const window = this.#live();
    if (!window) return;
    if (process.platform === 'win32') {
      window.setOverlayIcon(
        count > 0 ? this.#options.overlayIcon : null,
        count > 0 ? mainTexts(this.#options.locale()).uncontactedEmergencies(count) : '',
      );
    }
    window.flashFrame(count > 0 && !window.isFocused());
  }

  /** Wired to the window's focus and blur events. */
  windowFocusChanged(focused: boolean): void {
    const window = this.#live();
    if (window) window.flashFrame(!focused && this.#count > 0);
  }

  #live(): BrowserWindow | null {
    const window = this.#options.window();
    return window && !window.isDestroyed() ? window : null;
  }
}
