/**
 * What the main process keeps on disk with electron-store: the user's settings, the window bounds
 * and the auth token's ciphertext (config.json in the app's data folder), and the fired-alarm log
 * (alarms.json, apart because it is written on every alarm).
 */
import Store from 'electron-store';
import type { FiredLogStore } from './alarms/alarmLoop.ts';
import { parseFiredLog } from '../../shared/alarms/parseAlarmSpecs.ts';
import type { FiredLog } from '../../shared/alarms/alarmScheduler.ts';
import { defaultAlarmThresholds, defaultSettings } from '../../shared/host.ts';
import type { Settings, WindowBounds } from '../../shared/host.ts';

interface DeskStoreShape {
  settings: Settings;
  windowBounds: WindowBounds | null;
  /** safeStorage ciphertext of the token, base64; never the token itself. */
  tokenCiphertext: string | null;
  [key: string]: unknown;
}

export class DeskStore {
  readonly #store: Store<DeskStoreShape>;

  /** `cwd` overrides the app's data folder (tests); by default electron-store uses userData. */
  constructor(options: { cwd?: string } = {}) {
    this.#store = new Store<DeskStoreShape>({
      name: 'config',
      defaults: { settings: defaultSettings, windowBounds: null, tokenCiphertext: null },
      // A config file that does not parse is replaced by the defaults rather than stopping the app.
      clearInvalidConfig: true,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
  }

  /** The stored settings over the defaults, so settings added in a later version get their default. */
  getSettings(): Settings {
    const stored = this.#store.get('settings') as Partial<Settings> | undefined;
    return {
      ...defaultSettings,
      ...stored,
      alarms: { ...defaultAlarmThresholds, ...stored?.alarms },
    };
  }

  /** Merges an already checked patch (hostArguments.parseSettingsPatch) and returns the result. */
  setSettings(patch: Partial<Settings>): Settings {
    const next = { ...this.getSettings(), ...patch };
    this.#store.set('settings', next);
    return next;
  }

  getWindowBounds(): WindowBounds | null {
    return this.#store.get('windowBounds') ?? null;
  }

  setWindowBounds(bounds: WindowBounds): void {
    this.#store.set('windowBounds', bounds);
  }

  getTokenCiphertext(): string | null {
    return this.#store.get('tokenCiphertext') ?? null;
  }

  setTokenCiphertext(ciphertext: string | null): void {
    this.#store.set('tokenCiphertext', ciphertext);
  }

  get path(): string {
    return this.#store.path;
  }
}

/** The fired-alarm log in its own file. */
export function firedLogFileStore(options: { cwd?: string } = {}): FiredLogStore {
  const store = new Store<{ fired: FiredLog }>({
    name: 'alarms',
    defaults: { fired: {} },
    clearInvalidConfig: true,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  return {
    load: () => parseFiredLog(store.get('fired')),
    save: (log) => store.set('fired', log),
  };
}
