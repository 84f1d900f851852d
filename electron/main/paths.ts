/**
 * Where the built pieces live. electron-vite writes main to out/main, the preload to out/preload and
 * the renderer to out/renderer; this module is bundled into out/main/index.js, so paths are
 * relative to that folder.
 */
import { join } from 'node:path';
import { app } from 'electron';

const here = import.meta.dirname;

export const preloadPath = join(here, '../preload/index.cjs');
export const rendererIndexPath = join(here, '../renderer/index.html');
/** The utility-process entry that runs the embedded central endpoint (electron/utility). */
export const embeddedEntryPath = join(here, 'embedded.js');

/** A file under resources/ (icons, sounds), next to package.json in the app folder. */
export function resourcePath(...parts: string[]): string {
  return join(app.getAppPath(), 'resources', ...parts);
}
