/**
 * Alarms of the web host: the same loop as the desktop's main process (shared/alarms/alarmLoop.ts)
 * on the browser's clock, with the fired log in localStorage (a reload does not fire again) and
 * Web Notifications in place of Electron's. A page in a background tab keeps its timers (throttled
 * to about once a minute at worst), and a check runs whenever the page becomes visible again.
 */
import { AlarmLoop, type AlarmClock, type FiredLogStore } from '#shared/alarms/alarmLoop.ts';
import type { DueAlarm, FiredLog } from '#shared/alarms/alarmScheduler.ts';
import { parseFiredLog } from '#shared/alarms/parseAlarmSpecs.ts';
import type { FiredAlarm, NotifyRequest } from '#shared/host.ts';

const firedLogKey = 'pass24desk.alarms.fired.v1';

const browserClock: AlarmClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  setInterval: (fn, ms) => window.setInterval(fn, ms),
  clearInterval: (handle) => window.clearInterval(handle as number),
};

export function localStorageFiredLog(storage: Storage = localStorage): FiredLogStore {
  return {
    load: (): FiredLog => {
      try {
        return parseFiredLog(JSON.parse(storage.getItem(firedLogKey) ?? '{}'));
      } catch {
        return {};
      }
    },
    save: (log) => storage.setItem(firedLogKey, JSON.stringify(log)),
  };
}

export function webNotificationsSupported(): boolean {
  return typeof Notification !== 'undefined';
}

export interface WebAlarmsOptions {
  /** A notification was clicked: focus the page and open the ticket. */
  openTicket(ticketId: string): void;
  reportFired(alarm: FiredAlarm): void;
  lateSuffix(): string;
  /** settings.alarms.sound: the page plays the app's alert tone with emergencies. */
  soundEnabled(): boolean;
}

export class WebAlarms {
  readonly loop: AlarmLoop;
  readonly #options: WebAlarmsOptions;
  /** Shown notifications, referenced until clicked or closed (as on the desktop). */
  readonly #shown = new Set<Notification>();

  constructor(options: WebAlarmsOptions, clock: AlarmClock = browserClock, store: FiredLogStore = localStorageFiredLog()) {
    this.#options = options;
    this.loop = new AlarmLoop({
      clock,
      store,
      onFire: (due, firedAt) => this.#raise(due, firedAt),
      log: (message) => console.info(message),
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.loop.check('visible');
    });
    this.loop.start();
  }

  #raise(due: DueAlarm, firedAt: number): void {
    const { alarm, late } = due;
    const shownNatively = this.show({
      title: alarm.title,
      body: alarm.body,
      ticketId: alarm.ticketId,
      severity: alarm.severity,
      late,
    });
    this.#options.reportFired({ ...alarm, firedAt, late, shownNatively });
  }

  /** Shows one Web Notification; false when the browser cannot or may not. */
  show(request: NotifyRequest): boolean {
    if (!webNotificationsSupported() || Notification.permission !== 'granted') return false;
    try {
      const title = request.late ? `${request.title} (${this.#options.lateSuffix()})` : request.title;
      const notification = new Notification(title, {
        body: request.body,
        tag: request.ticketId ? `pass24:${request.ticketId}:${request.title}` : undefined,
        requireInteraction: request.severity === 'critical',
        // The page plays the app's own alert tone for emergencies (when sound is on), not the system's.
        silent: request.severity === 'critical' && this.#options.soundEnabled(),
      });
      this.#shown.add(notification);
      notification.onclick = () => {
        this.#shown.delete(notification);
        window.focus();
        notification.close();
        if (request.ticketId) this.#options.openTicket(request.ticketId);
      };
      notification.onclose = () => this.#shown.delete(notification);
      notification.onerror = () => this.#shown.delete(notification);
      return true;
    } catch (error) {
      console.warn('notification could not be shown', error);
      return false;
    }
  }
}
