/**
 * The security baseline: a renderer that cannot reach Node, cannot navigate away
 * from the app, cannot open windows, and gets no permission but notifications. The production
 * Content-Security-Policy is injected into index.html by the renderer build (renderer/vite.shared.ts).
 */
import { app } from 'electron';
import type { Session, WebContents, WebPreferences } from 'electron';
import { openExternalSafely } from './externalLinks.ts';
import { isAppRendererUrl } from './rendererOrigin.ts';
import type { RendererOrigin } from './rendererOrigin.ts';

export function hardenedWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A middle click would ask for a new window; none is ever opened (guardNavigation), and this
    // keeps the click from reaching the page at all.
    disableBlinkFeatures: 'Auxclick',
    // Alarms must sound and sync must go on while the window is hidden in the tray.
    backgroundThrottling: false,
    autoplayPolicy: 'no-user-gesture-required',
  };
}

/**
 * Refuses navigation and new windows in a web contents. A link to an allowed external URL (a
 * client's site, mailto:, tel:) opens in the system's handler instead.
 */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    void openExternalSafely(event.url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url);
    return { action: 'deny' };
  });
}

/** Applies guardNavigation to every web contents the app ever creates. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
}

/** Permission requests are refused except notifications asked by our own renderer. */
export function installPermissionHandlers(session: Session, origin: RendererOrigin): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = details.requestingUrl || contents.getURL();
    callback(permission === 'notifications' && isAppRendererUrl(url, origin));
  });
  session.setPermissionCheckHandler((contents, permission) => {
    return permission === 'notifications' && contents !== null && isAppRendererUrl(contents.getURL(), origin);
  });
}
