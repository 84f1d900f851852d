/**
 * Raises alarms as native notifications and reports each one to the renderer.
 *
 * - A Notification object is kept referenced until it is clicked, closed or fails: a notification
 *   that is garbage-collected loses its click handler (the click would do nothing).
 * - Emergencies: critical urgency, never time out. Their sound is the app's alert tone
 *   (resources/sounds/alert.wav), played by the renderer when it receives the FiredAlarm: the main
 *   process has no audio API. The native notification is silent then, so the tone is not doubled.
 * - A click restores, shows and focuses the window and opens the ticket.
 * - Where the system cannot show notifications, the renderer shows its in-app banner instead
 *   (FiredAlarm.shownNatively = false).
 */
import { Notification } from 'electron';
import type { NativeImage } from 'electron';
import type { DueAlarm } from '../../../shared/alarms/alarmScheduler.ts';
import type { FiredAlarm, Locale, NotifyRequest } from '../../../shared/host.ts';
import { mainTexts } from '../texts.ts';

export interface AlarmNotifierOptions {
  /** Restores, shows and focuses the main window. */
  showWindow(): void;
  openTicket(ticketId: string): void;
  /** Sends a fired alarm to the renderer (banner, sound). */
  reportFired(alarm: FiredAlarm): void;
  locale(): Locale;
  /** settings.alarms.sound: the app's alert tone plays with emergencies. */
  soundEnabled(): boolean;
  icon?: string | NativeImage;
  log?(message: string): void;
}

export class AlarmNotifier {
  readonly #options: AlarmNotifierOptions;
  /** Shown notifications, held until clicked or closed. */
  readonly #shown = new Map<number, Notification>();
  #nextId = 1;

  constructor(options: AlarmNotifierOptions) {
    this.#options = options;
  }

  get supported(): boolean {
    return Notification.isSupported();
  }

  /** How many notifications are held (shown and not yet clicked or closed). */
  get held(): number {
    return this.#shown.size;
  }

  /** Raises a scheduled alarm: natively when possible, and always reported to the renderer. */
  raise(due: DueAlarm, firedAt: number): FiredAlarm {
    const { alarm, late } = due;
    const shownNatively = this.#show({
      title: alarm.title,
      body: alarm.body,
      ticketId: alarm.ticketId,
      severity: alarm.severity,
      late,
    });
    const fired: FiredAlarm = { ...alarm, firedAt, late, shownNatively };
    this.#options.reportFired(fired);
    return fired;
  }

  /** Host.notify(): one notification now. Returns whether it was shown natively. */
  notify(request: NotifyRequest): boolean {
    return this.#show(request);
  }

  #show(request: NotifyRequest): boolean {
    if (!this.supported) return false;
    const critical = request.severity === 'critical';
    const title = request.late ? `${request.title} (${mainTexts(this.#options.locale()).late})` : request.title;
    try {
      const notification = new Notification({
        title,
        body: request.body,
        urgency: critical ? 'critical' : 'normal',
        timeoutType: critical ? 'never' : 'default',
        silent: critical && this.#options.soundEnabled(),
        ...(this.#options.icon ? { icon: this.#options.icon } : {}),
      });
      const id = this.#nextId++;
      this.#shown.set(id, notification);
      const release = (): void => {
        this.#shown.delete(id);
      };
      notification.on('click', () => {
        release();
        this.#options.showWindow();
        if (request.ticketId) this.#options.openTicket(request.ticketId);
      });
      notification.on('close', release);
      notification.on('failed', (_event, error) => {
        release();
        this.#options.log?.(`notification failed: ${error}`);
      });
      notification.show();
      return true;
    } catch (error) {
      this.#options.log?.(`notification could not be shown: ${String(error)}`);
      return false;
    }
  }
}
