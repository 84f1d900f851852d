/**
 * The tray icon: the app lives here while its window is closed, so alarms keep working.
 * Menu: Открыть, Выход. While emergencies wait for first contact, the icon turns to its alert
 * variant and the tooltip counts them.
 */
import { Menu, Tray } from 'electron';
import type { NativeImage } from 'electron';
import type { Locale } from '../../shared/host.ts';
import { mainTexts } from './texts.ts';

export interface TrayIcons {
  normal: NativeImage;
  alert: NativeImage;
}

export interface TrayActions {
  open(): void;
  quit(): void;
}

export class DeskTray {
  readonly #tray: Tray;
  readonly #icons: TrayIcons;
  readonly #actions: TrayActions;
  #locale: Locale;
  #count = 0;

  constructor(icons: TrayIcons, locale: Locale, actions: TrayActions) {
    this.#icons = icons;
    this.#actions = actions;
    this.#locale = locale;
    this.#tray = new Tray(icons.normal);
    // Windows and most Linux trays: a click opens the window (macOS shows the menu instead).
    this.#tray.on('click', () => actions.open());
    this.#render();
  }

  setLocale(locale: Locale): void {
    if (locale === this.#locale) return;
    this.#locale = locale;
    this.#render();
  }

  setAttention(count: number): void {
    if (count === this.#count) return;
    this.#count = count;
    this.#render();
  }

  destroy(): void {
    this.#tray.destroy();
  }

  #render(): void {
    const texts = mainTexts(this.#locale);
    this.#tray.setImage(this.#count > 0 ? this.#icons.alert : this.#icons.normal);
    this.#tray.setToolTip(texts.trayTooltip(this.#count));
    this.#tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: texts.open, click: () => this.#actions.open() },
        { type: 'separator' },
        { label: texts.quit, click: () => this.#actions.quit() },
      ]),
    );
  }
}
