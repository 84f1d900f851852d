import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../../shared/host.ts';

vi.mock('electron', () => import('./fakeElectron.ts').then((m) => m.electronModule));

const { DeskStore, firedLogFileStore } = await import('../../../../electron/main/deskStore.ts');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pass24-store-'));
});

describe('DeskStore (electron-store)', () => {
  it('starts from the default settings and keeps a merged patch across instances', () => {
    const store = new DeskStore({ cwd: dir });
    expect(store.getSettings()).toEqual(defaultSettings);
    store.setSettings({ locale: 'en', alarms: { ...defaultSettings.alarms, sound: false } });
    const reopened = new DeskStore({ cwd: dir });
    expect(reopened.getSettings()).toMatchObject({
      locale: 'en',
      theme: 'light',
      alarms: { sound: false, emergencyContactWarnBefore: 5 },
    });
  });

  it('remembers the window bounds', () => {
    new DeskStore({ cwd: dir }).setWindowBounds({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
    expect(new DeskStore({ cwd: dir }).getWindowBounds()).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
  });

  it('keeps the fired-alarm log in its own file across restarts', () => {
    firedLogFileStore({ cwd: dir }).save({ 't1:arrival:arrived': { ticketId: 't1', firedAt: 5 } });
    expect(firedLogFileStore({ cwd: dir }).load()).toEqual({ 't1:arrival:arrived': { ticketId: 't1', firedAt: 5 } });
  });
});
