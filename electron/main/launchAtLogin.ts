/**
 * Starting the desk when the user signs in to the computer (Настройки → «Запускать при входе в
 * систему»). Windows and macOS keep it in the system's login items (app.setLoginItemSettings);
 * Linux desktops read an XDG autostart entry, which Electron does not write, so it is written here.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { app } from 'electron';

export interface LaunchAtLoginOptions {
  platform?: NodeJS.Platform;
  /** The folder of XDG autostart entries (default $XDG_CONFIG_HOME/autostart or ~/.config/autostart). */
  autostartDir?: string;
  /** What the entry starts: the AppImage when run from one, else the executable. */
  executable?: string;
}

export const autostartFileName = 'pass24-support-desk.desktop';

export class LaunchAtLogin {
  readonly #platform: NodeJS.Platform;
  readonly #entry: string;
  readonly #executable: string;

  constructor(options: LaunchAtLoginOptions = {}) {
    this.#platform = options.platform ?? process.platform;
    const dir = options.autostartDir ?? join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'autostart');
    this.#entry = join(dir, autostartFileName);
    this.#executable = options.executable ?? process.env.APPIMAGE ?? process.execPath;
  }

  /** Whether the desk starts at sign-in; null where this system offers no way. */
  get(): boolean | null {
    if (this.#platform === 'linux') return existsSync(this.#entry);
    if (this.#platform === 'win32' || this.#platform === 'darwin') return app.getLoginItemSettings().openAtLogin;
    return null;
  }

  set(enabled: boolean): boolean | null {
    if (this.#platform === 'linux') {
      if (enabled) {
        mkdirSync(dirname(this.#entry), { recursive: true });
        writeFileSync(this.#entry, desktopEntry(this.#executable));
      } else {
        rmSync(this.#entry, { force: true });
      }
      return this.get();
    }
    if (this.#platform === 'win32' || this.#platform === 'darwin') {
      app.setLoginItemSettings({ openAtLogin: enabled });
      return this.get();
    }
    return null;
  }
}

/** The autostart entry; a path with spaces is quoted as the Desktop Entry specification asks. */
export function desktopEntry(executable: string): string {
  const exec = /[\s"\\$`]/.test(executable) ? `"${executable.replace(/(["\\$`])/g, '\\$1')}"` : executable;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=PASS24 Support Desk',
    `Exec=${exec}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}
