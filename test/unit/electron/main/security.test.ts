import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeBrowserWindow, FakeSession, FakeWebContents, fakeEvent, resetFakeElectron, shell } from './fakeElectron.ts';

vi.mock('electron', () => import('./fakeElectron.ts').then((m) => m.electronModule));

const { guardAllWebContents, guardNavigation, hardenedWebPreferences, installPermissionHandlers } =
  await import('../../../../electron/main/security.ts');
const { rendererOrigin } = await import('../../../../electron/main/rendererOrigin.ts');

const indexPath = '/opt/pass24/out/renderer/index.html';
const production = rendererOrigin({ indexPath, devServerUrl: undefined, packaged: true });
const appUrl = pathToFileURL(indexPath).href;

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('hardenedWebPreferences', () => {
  it('isolates the renderer from Node and keeps web security on', () => {
    expect(hardenedWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('turns middle clicks (auxclick) off: they would only ask for a window the app never opens', () => {
    expect(hardenedWebPreferences('/p').disableBlinkFeatures).toBe('Auxclick');
  });

  it('keeps the hidden window working: no background throttling, sound without a click', () => {
    expect(hardenedWebPreferences('/p')).toMatchObject({
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
    });
  });
});

describe('navigation', () => {
  const contents = () => {
    const wc = new FakeWebContents();
    guardNavigation(wc as never);
    return wc;
  };

  it.each(['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', `${appUrl}#/queue`])(
    'refuses to navigate to %s',
    (url) => {
      expect(contents().tryNavigate(url)).toBe(true);
    },
  );

  it('opens an allowed external link in the system browser instead of inside the app', async () => {
    contents().tryNavigate('https://pass24.online/help');
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledWith('https://pass24.online/help'));
  });

  it('never hands file: or javascript: to the system', async () => {
    const wc = contents();
    wc.tryNavigate('file:///etc/passwd');
    wc.tryNavigate('javascript:alert(1)');
    // An allowed link after them: once it reaches the system, the two before it have been handled.
    wc.tryNavigate('https://pass24.online/help');
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalled());
    expect(vi.mocked(shell.openExternal).mock.calls).toEqual([['https://pass24.online/help']]);
  });

  it('denies window.open, sending allowed links to the system and nothing else', async () => {
    const wc = contents();
    expect(wc.windowOpenHandler?.({ url: 'mailto:support@pass24.online' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler?.({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler?.({ url: 'about:blank' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalledTimes(1));
    expect(shell.openExternal).toHaveBeenCalledWith('mailto:support@pass24.online');
  });

  it('refuses to attach a <webview>', () => {
    const wc = contents();
    const event = fakeEvent();
    wc.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('guards every web contents the app creates', () => {
    guardAllWebContents();
    const window = new FakeBrowserWindow({});
    expect(window.webContents.tryNavigate('https://evil.example/')).toBe(true);
    expect(window.webContents.windowOpenHandler).not.toBeNull();
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });
});

describe('permissions', () => {
  function session() {
    const ses = new FakeSession();
    installPermissionHandlers(ses as never, production);
    return ses;
  }
  function request(ses: FakeSession, permission: string, url: string): boolean {
    const wc = new FakeWebContents();
    wc.url = url;
    let granted: boolean | null = null;
    ses.requestHandler!(
      wc,
      permission,
      (g) => {
        granted = g;
      },
      { requestingUrl: url },
    );
    if (granted === null) throw new Error('the handler did not answer');
    return granted;
  }

  it.each([
    ['notifications', appUrl, true],
    ['notifications', 'https://evil.example/', false],
    ['media', appUrl, false],
    ['geolocation', appUrl, false],
    ['clipboard-read', appUrl, false],
    ['openExternal', appUrl, false],
  ])('request %s from %s: %s', (permission, url, granted) => {
    expect(request(session(), permission, url)).toBe(granted);
  });

  it('permission checks follow the same rule', () => {
    const ses = session();
    const wc = new FakeWebContents();
    wc.url = appUrl;
    expect(ses.checkHandler!(wc, 'notifications', 'file:///', {})).toBe(true);
    expect(ses.checkHandler!(wc, 'media', 'file:///', {})).toBe(false);
    expect(ses.checkHandler!(null, 'notifications', 'https://evil.example', {})).toBe(false);
  });
});
