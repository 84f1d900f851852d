import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../../shared/host.ts';
import { contextBridge, ipcRenderer, resetFakeElectron } from '../main/fakeElectron.ts';

vi.mock('electron', () => import('../main/fakeElectron.ts').then((m) => m.electronModule));

const { invokeChannels, eventChannels } = await import('../../../../electron/common/ipcChannels.ts');

let desk: Host;
beforeAll(async () => {
  resetFakeElectron();
  await import('../../../../electron/preload/index.ts');
  desk = contextBridge.exposed.get('desk') as Host;
});

const hostFunctions = [
  'appInfo',
  'checkForUpdates',
  'embeddedEndpoint',
  'getLaunchAtLogin',
  'installUpdateNow',
  'onUpdateStatus',
  'setLaunchAtLogin',
  'updateStatus',
  'getSettings',
  'getToken',
  'notify',
  'onAlarmFired',
  'onOpenTicket',
  'onPowerResume',
  'openExternal',
  'scheduleAlarms',
  'setAttention',
  'setSettings',
  'setToken',
];

describe('the preload', () => {
  it('exposes window.desk with exactly the Host functions, and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['desk']);
    expect(Object.keys(desk).sort()).toEqual(['kind', ...hostFunctions].sort());
    expect(desk.kind).toBe('electron');
    for (const name of hostFunctions) expect(typeof (desk as unknown as Record<string, unknown>)[name]).toBe('function');
    expect(desk).not.toHaveProperty('send');
    expect(desk).not.toHaveProperty('invoke');
  });

  it.each<[keyof Host, unknown[], string]>([
    ['appInfo', [], invokeChannels.appInfo],
    ['getSettings', [], invokeChannels.getSettings],
    ['setSettings', [{ locale: 'en' }], invokeChannels.setSettings],
    ['getToken', [], invokeChannels.getToken],
    ['setToken', ['t'], invokeChannels.setToken],
    ['scheduleAlarms', [[]], invokeChannels.scheduleAlarms],
    ['notify', [{ title: 't', body: 'b', severity: 'normal' }], invokeChannels.notify],
    ['setAttention', [2], invokeChannels.setAttention],
    ['openExternal', ['https://pass24.online'], invokeChannels.openExternal],
    ['embeddedEndpoint', [], invokeChannels.embeddedEndpoint],
    ['getLaunchAtLogin', [], invokeChannels.getLaunchAtLogin],
    ['setLaunchAtLogin', [true], invokeChannels.setLaunchAtLogin],
    ['updateStatus', [], invokeChannels.updateStatus],
    ['checkForUpdates', [], invokeChannels.checkForUpdates],
    ['installUpdateNow', [], invokeChannels.installUpdateNow],
  ])('%s goes to its own channel', async (name, args, channel) => {
    ipcRenderer.invoke.mockClear();
    await (desk[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(channel, ...args);
  });

  it('events hand over the payload only, and unsubscribe', () => {
    const opened: string[] = [];
    const unsubscribe = desk.onOpenTicket((id) => opened.push(id));
    ipcRenderer.deliver(eventChannels.openTicket, 't-42');
    unsubscribe();
    ipcRenderer.deliver(eventChannels.openTicket, 't-43');
    expect(opened).toEqual(['t-42']);
    expect(ipcRenderer.listenerCount(eventChannels.openTicket)).toBe(0);

    let resumed = 0;
    const stop = desk.onPowerResume(() => {
      resumed += 1;
    });
    ipcRenderer.deliver(eventChannels.powerResume);
    stop();
    ipcRenderer.deliver(eventChannels.powerResume);
    expect(resumed).toBe(1);

    const statuses: unknown[] = [];
    const offStatus = desk.onUpdateStatus((s) => statuses.push(s));
    ipcRenderer.deliver(eventChannels.updateStatus, { state: 'ready', version: '0.2.0' });
    offStatus();
    ipcRenderer.deliver(eventChannels.updateStatus, { state: 'current' });
    expect(statuses).toEqual([{ state: 'ready', version: '0.2.0' }]);

    const fired: unknown[] = [];
    const off = desk.onAlarmFired((a) => fired.push(a));
    ipcRenderer.deliver(eventChannels.alarmFired, { ticketId: 't-1' });
    off();
    expect(fired).toEqual([{ ticketId: 't-1' }]);
  });
});
