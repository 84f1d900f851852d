import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppRendererUrl, rendererEntryUrl, rendererOrigin } from '../../../../electron/main/rendererOrigin.ts';

const indexPath = '/opt/pass24/out/renderer/index.html';
const appUrl = pathToFileURL(indexPath).href;
const production = rendererOrigin({ indexPath, devServerUrl: undefined, packaged: false });
const dev = rendererOrigin({ indexPath, devServerUrl: 'http://127.0.0.1:5173/', packaged: false });

describe('isAppRendererUrl', () => {
  it.each([
    [appUrl, true],
    [`${appUrl}#/tickets/42`, true],
    [`${appUrl}?x=1`, true],
    ['file:///opt/pass24/out/renderer/other.html', false],
    ['file:///tmp/index.html', false],
    ['file://evil-host/opt/pass24/out/renderer/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['https://evil.example/', false],
    ['not a url', false],
    ['', false],
  ])('production: %s -> %s', (url, trusted) => {
    expect(isAppRendererUrl(url, production)).toBe(trusted);
  });

  it.each([
    ['http://127.0.0.1:5173/', true],
    ['http://127.0.0.1:5173/src/main.tsx', true],
    ['http://127.0.0.1:5174/', false],
    ['http://localhost:5173/', false],
    [appUrl, false],
  ])('dev server: %s -> %s', (url, trusted) => {
    expect(isAppRendererUrl(url, dev)).toBe(trusted);
  });

  it('a packaged app trusts only its files, whatever ELECTRON_RENDERER_URL says', () => {
    const packaged = rendererOrigin({ indexPath, devServerUrl: 'http://127.0.0.1:5173/', packaged: true });
    expect(isAppRendererUrl('http://127.0.0.1:5173/', packaged)).toBe(false);
    expect(rendererEntryUrl(packaged, 'http://127.0.0.1:5173/')).toBe(appUrl);
  });

  it('a dev server URL that is not http(s) is ignored', () => {
    expect(rendererOrigin({ indexPath, devServerUrl: 'file:///tmp/', packaged: false }).devServerOrigin).toBeNull();
  });
});
