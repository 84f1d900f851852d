/**
 * The emergency alert tone (resources/sounds/alert.wav). The renderer plays it on both hosts: the
 * Electron main process has no audio API, and the web host's notifications are silent for
 * emergencies so the tone is not doubled. A browser may refuse to play before the user has
 * interacted with the page; the banner still shows then.
 */
import alertUrl from '../../../../resources/sounds/alert.wav?url';

let audio: HTMLAudioElement | null = null;

export function playAlertTone(): void {
  try {
    audio ??= new Audio(alertUrl);
    audio.currentTime = 0;
    void audio.play().catch((error: unknown) => console.info('alert tone not played', error));
  } catch (error) {
    console.info('alert tone not played', error);
  }
}
