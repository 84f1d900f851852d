/**
 * What "our own renderer" means, for the IPC sender check, navigation and permissions: the built
 * out/renderer/index.html loaded from file://, or during `npm run dev` the electron-vite dev
 * server's origin. The dev server address comes from ELECTRON_RENDERER_URL, which a packaged app
 * ignores: an environment variable must not widen what a shipped app trusts.
 */
import { pathToFileURL } from 'node:url';

export interface RendererOrigin {
  /** http(s) origin of the dev server, or null in production. */
  devServerOrigin: string | null;
  /** The production entry, as a file:// URL without query or hash. */
  indexFileUrl: string;
}

export function rendererOrigin(options: {
  indexPath: string;
  devServerUrl: string | undefined;
  packaged: boolean;
}): RendererOrigin {
  let devServerOrigin: string | null = null;
  if (!options.packaged && options.devServerUrl) {
    const dev = new URL(options.devServerUrl);
    if (dev.protocol === 'http:' || dev.protocol === 'https:') devServerOrigin = dev.origin;
  }
  return { devServerOrigin, indexFileUrl: pathToFileURL(options.indexPath).href };
}

/** The URL to load in the main window. */
export function rendererEntryUrl(origin: RendererOrigin, devServerUrl: string | undefined): string {
  return origin.devServerOrigin && devServerUrl ? devServerUrl : origin.indexFileUrl;
}

export function isAppRendererUrl(url: string, origin: RendererOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (origin.devServerOrigin !== null) return parsed.origin === origin.devServerOrigin;
  if (parsed.protocol !== 'file:') return false;
  const expected = new URL(origin.indexFileUrl);
  // Windows drive letters may differ in case between the two spellings of the same file.
  const same =
    process.platform === 'win32'
      ? parsed.pathname.toLowerCase() === expected.pathname.toLowerCase()
      : parsed.pathname === expected.pathname;
  return same && parsed.host === expected.host;
}
