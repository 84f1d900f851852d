/**
 * The Host contract for a plain browser (the web twin, `npm run start:web`, and the e2e tests):
 * settings and token in localStorage, alarms through the shared alarm loop and Web Notifications,
 * links in a new tab. `npm run start:web` serves `desk-embedded.json` beside the page when it runs
 * the embedded central endpoint, so the web twin signs in to it as the desktop app does.
 */
import {
  defaultAlarmThresholds,
  defaultSettings,
  isAllowedExternalUrl,
  type AppInfo,
  type EmbeddedEndpoint,
  type FiredAlarm,
  type Host,
  type Settings,
  type Unsubscribe,
  unsupportedUpdates,
} from '#shared/host.ts';
import { WebAlarms, webNotificationsSupported } from './webAlarms.ts';

const settingsKey = 'pass24desk.settings.v1';
const tokenKey = 'pass24desk.token.v1';

type Listener<T> = (value: T) => void;

class Emitter<T> {
  readonly #listeners = new Set<Listener<T>>();
  on(listener: Listener<T>): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  emit(value: T): void {
    for (const l of [...this.#listeners]) l(value);
  }
}

function readSettings(storage: Storage): Settings {
  try {
    const stored = JSON.parse(storage.getItem(settingsKey) ?? '{}') as Partial<Settings>;
    return { ...defaultSettings, ...stored, alarms: { ...defaultAlarmThresholds, ...stored.alarms } };
  } catch {
    return { ...defaultSettings };
  }
}

/** A wall-clock jump this large between two ticks of a 5 s timer means the machine slept. */
const sleepJumpMs = 30_000;

export function createWebHost(storage: Storage = localStorage): Host {
  const openTicket = new Emitter<string>();
  const powerResume = new Emitter<void>();
  const alarmFired = new Emitter<FiredAlarm>();
  let settings = readSettings(storage);
  const alarms = new WebAlarms({
    openTicket: (id) => openTicket.emit(id),
    reportFired: (alarm) => alarmFired.emit(alarm),
    lateSuffix: () => (settings.locale === 'en' ? 'late' : 'с опозданием'),
    soundEnabled: () => settings.alarms.sound,
  });

  // Browsers have no resume event: a jump of the wall clock between timer ticks tells of a sleep.
  let lastTick = Date.now();
  window.setInterval(() => {
    const now = Date.now();
    if (now - lastTick > sleepJumpMs) {
      alarms.loop.check('resume');
      powerResume.emit();
    }
    lastTick = now;
  }, 5_000);

  const host = {
    kind: 'web',
    async appInfo(): Promise<AppInfo> {
      const supported = webNotificationsSupported();
      return {
        name: 'PASS24 Support Desk',
        version: import.meta.env.VITE_APP_VERSION ?? '0.1.0',
        kind: 'web',
        platform: navigator.platform || 'web',
        // Only a granted permission shows notifications; until then the in-window banner does.
        notificationsSupported: supported && Notification.permission === 'granted',
        notificationsUnsupportedReason: !supported
          ? 'browser'
          : Notification.permission === 'granted'
            ? ''
            : Notification.permission,
      };
    },
    async getSettings() {
      return settings;
    },
    async setSettings(patch) {
      settings = { ...settings, ...patch, alarms: { ...settings.alarms, ...patch.alarms } };
      storage.setItem(settingsKey, JSON.stringify(settings));
      return settings;
    },
    async getToken() {
      return storage.getItem(tokenKey);
    },
    async setToken(token) {
      if (token) storage.setItem(tokenKey, token);
      else storage.removeItem(tokenKey);
    },
    async scheduleAlarms(list) {
      alarms.loop.replace(list);
    },
    async notify(request) {
      alarms.show(request);
    },
    async setAttention(count) {
      const base = document.title.replace(/^\(\d+\) /, '');
      document.title = count > 0 ? `(${count}) ${base}` : base;
    },
    onOpenTicket: (cb) => openTicket.on(cb),
    onPowerResume: (cb) => powerResume.on(() => cb()),
    onAlarmFired: (cb) => alarmFired.on(cb),
    async openExternal(url) {
      if (!isAllowedExternalUrl(url)) return false;
      const scheme = url.trim().slice(0, 6).toLowerCase();
      if (scheme.startsWith('http')) window.open(url, '_blank', 'noopener,noreferrer');
      else window.location.href = url;
      return true;
    },
    async embeddedEndpoint(): Promise<EmbeddedEndpoint | null> {
      if (settings.endpointUrl) return null;
      try {
        const res = await fetch('./desk-embedded.json', { cache: 'no-store' });
        if (!res.ok) return null;
        const body = (await res.json()) as Partial<EmbeddedEndpoint>;
        return typeof body.url === 'string' && typeof body.login === 'string' && typeof body.password === 'string'
          ? { url: body.url, login: body.login, password: body.password }
          : null;
      } catch {
        return null;
      }
    },
    // A browser tab neither starts with the computer nor updates itself: the page is the newest served.
    getLaunchAtLogin: async () => null,
    setLaunchAtLogin: async () => null,
    updateStatus: async () => unsupportedUpdates,
    checkForUpdates: async () => unsupportedUpdates,
    installUpdateNow: async () => {},
    onUpdateStatus: () => () => {},
  } satisfies Host;
  return host;
}

/** Asks for notification permission (after sign-in, as the web host's alarms need it). */
export async function requestWebNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (!webNotificationsSupported()) return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}
