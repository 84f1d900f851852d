/**
 * The preload: runs sandboxed (no Node built-ins; built as CommonJS, electron-vite bundles the
 * imports below) and exposes the Host contract as `window.desk`, one named function per operation.
 * The renderer never sees ipcRenderer, and nothing here forwards an arbitrary channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { FiredAlarm, Host, Unsubscribe, UpdateStatus } from '../../shared/host.ts';
import { eventChannels, invokeChannels } from '../common/ipcChannels.ts';
import type { EventChannel } from '../common/ipcChannels.ts';

/** Subscribes to one main -> renderer event; the callback gets the payload only, never the IPC event. */
function subscribe<T>(channel: EventChannel, callback: (payload: T) => void): Unsubscribe {
  const listener = (_event: IpcRendererEvent, payload: T): void => callback(payload);
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

const host = {
  kind: 'electron',
  appInfo: () => ipcRenderer.invoke(invokeChannels.appInfo),
  getSettings: () => ipcRenderer.invoke(invokeChannels.getSettings),
  setSettings: (patch) => ipcRenderer.invoke(invokeChannels.setSettings, patch),
  getToken: () => ipcRenderer.invoke(invokeChannels.getToken),
  setToken: (token) => ipcRenderer.invoke(invokeChannels.setToken, token),
  scheduleAlarms: (alarms) => ipcRenderer.invoke(invokeChannels.scheduleAlarms, alarms),
  notify: (request) => ipcRenderer.invoke(invokeChannels.notify, request),
  setAttention: (count) => ipcRenderer.invoke(invokeChannels.setAttention, count),
  onOpenTicket: (callback) => subscribe<string>(eventChannels.openTicket, callback),
  onPowerResume: (callback) => subscribe<void>(eventChannels.powerResume, () => callback()),
  onAlarmFired: (callback) => subscribe<FiredAlarm>(eventChannels.alarmFired, callback),
  openExternal: (url) => ipcRenderer.invoke(invokeChannels.openExternal, url),
  embeddedEndpoint: () => ipcRenderer.invoke(invokeChannels.embeddedEndpoint),
  getLaunchAtLogin: () => ipcRenderer.invoke(invokeChannels.getLaunchAtLogin),
  setLaunchAtLogin: (enabled) => ipcRenderer.invoke(invokeChannels.setLaunchAtLogin, enabled),
  updateStatus: () => ipcRenderer.invoke(invokeChannels.updateStatus),
  checkForUpdates: () => ipcRenderer.invoke(invokeChannels.checkForUpdates),
  installUpdateNow: () => ipcRenderer.invoke(invokeChannels.installUpdateNow),
  onUpdateStatus: (callback) => subscribe<UpdateStatus>(eventChannels.updateStatus, callback),
} satisfies Host;

contextBridge.exposeInMainWorld('desk', host);
