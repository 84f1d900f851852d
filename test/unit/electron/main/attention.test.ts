import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeBrowserWindow, FakeTray, resetFakeElectron } from './fakeElectron.ts';

vi.mock('electron', () => import('./fakeElectron.ts').then((m) => m.electronModule));

const { Attention } = await import('../../../../electron/main/attention.ts');
const { DeskTray } = await import('../../../../electron/main/tray.ts');

const icons = { normal: { name: 'normal' }, alert: { name: 'alert' } };
const overlay = { name: 'overlay' };

function setUp(locale: 'ru' | 'en' = 'ru') {
  const window = new FakeBrowserWindow({});
  const deskTray = new DeskTray(icons as never, locale, { open: vi.fn(), quit: vi.fn() });
  const tray = FakeTray.instances[0]!;
  const attention = new Attention({
    tray: deskTray,
    window: () => window as never,
    overlayIcon: overlay as never,
    locale: () => locale,
  });
  return { window, tray, attention, deskTray };
}

beforeEach(() => resetFakeElectron());

describe('attention for uncontacted emergencies', () => {
  it.each([
    [1, '1 экстренное обращение без контакта'],
    [2, '2 экстренных обращения без контакта'],
    [4, '4 экстренных обращения без контакта'],
    [5, '5 экстренных обращений без контакта'],
    [11, '11 экстренных обращений без контакта'],
    [21, '21 экстренное обращение без контакта'],
  ])('%i: the tray tooltip says "%s"', (count, words) => {
    const { tray, attention } = setUp();
    attention.set(count);
    expect(tray.tooltip).toBe(`PASS24 Support Desk\n${words}`);
  });

  it('in English too', () => {
    const { tray, attention } = setUp('en');
    attention.set(1);
    expect(tray.tooltip).toBe('PASS24 Support Desk\n1 emergency ticket without contact');
    attention.set(3);
    expect(tray.tooltip).toBe('PASS24 Support Desk\n3 emergency tickets without contact');
  });

  it('switches the tray icon to its alert variant and back, and sets the badge', () => {
    const { tray, attention } = setUp();
    expect(tray.image).toBe(icons.normal);
    attention.set(2);
    expect(tray.image).toBe(icons.alert);
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(2);
    attention.set(0);
    expect(tray.image).toBe(icons.normal);
    expect(tray.tooltip).toBe('PASS24 Support Desk');
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(0);
  });

  it('flashes the taskbar while the count is above zero and the window is not focused', () => {
    const { window, attention } = setUp();
    attention.set(1);
    expect(window.flashFrame).toHaveBeenLastCalledWith(true);
    attention.windowFocusChanged(true);
    expect(window.flashFrame).toHaveBeenLastCalledWith(false);
    attention.windowFocusChanged(false);
    expect(window.flashFrame).toHaveBeenLastCalledWith(true);
    attention.set(0);
    expect(window.flashFrame).toHaveBeenLastCalledWith(false);
  });

  it('does not flash a focused window', () => {
    const { window, attention } = setUp();
    window.focus();
    attention.set(3);
    expect(window.flashFrame).toHaveBeenLastCalledWith(false);
  });

  it('puts an overlay badge on the Windows taskbar button', () => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { value: 'win32' });
    try {
      const { window, attention } = setUp();
      attention.set(2);
      expect(window.setOverlayIcon).toHaveBeenLastCalledWith(overlay, '2 экстренных обращения без контакта');
      attention.set(0);
      expect(window.setOverlayIcon).toHaveBeenLastCalledWith(null, '');
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
  });

  it('the tray menu follows the locale', () => {
    const { tray, deskTray } = setUp();
    expect(tray.menu?.items.map((i) => i.label).filter(Boolean)).toEqual(['Открыть', 'Выход']);
    deskTray.setLocale('en');
    expect(tray.menu?.items.map((i) => i.label).filter(Boolean)).toEqual(['Open', 'Quit']);
  });
});
