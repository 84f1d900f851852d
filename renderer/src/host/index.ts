/**
 * The host the renderer runs in: the Electron preload's `window.desk`, or the web host.
 * Everything in the renderer reaches the desktop through this one object.
 */
import type { Host } from '#shared/host.ts';
import { createWebHost } from './web.ts';

declare global {
  interface Window {
    /** Set by electron/preload when the renderer runs in the desktop app. */
    desk?: Host;
  }
}

let current: Host | null = null;

export function getHost(): Host {
  current ??= window.desk ?? createWebHost();
  return current;
}

export { requestWebNotificationPermission } from './web.ts';
