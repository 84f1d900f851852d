/**
 * The main-process side of the Host contract: one ipcMain handler per Host function. Every handler
 * first checks who is calling (the top frame of our own renderer, nothing else: not an iframe,
 * not a page the window was somehow navigated to) and parses its arguments before use.
 */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { parseAlarmSpecs } from '../../shared/alarms/parseAlarmSpecs.ts';
import type { AlarmSpec, AppInfo, EmbeddedEndpoint, NotifyRequest, Settings, UpdateStatus } from '../../shared/host.ts';
import { invokeChannels } from '../common/ipcChannels.ts';
import type { InvokeChannel } from '../common/ipcChannels.ts';
import { parseAttentionCount, parseFlag, parseNotifyRequest, parseSettingsPatch, parseToken } from './hostArguments.ts';
import { isAppRendererUrl } from './rendererOrigin.ts';
import type { RendererOrigin } from './rendererOrigin.ts';

/** What the main process does for each Host function, with arguments already checked. */
export interface HostBackend {
  appInfo(): AppInfo;
  getSettings(): Settings;
  setSettings(patch: Partial<Settings>): Settings;
  getToken(): Promise<string | null>;
  setToken(token: string | null): Promise<void>;
  scheduleAlarms(alarms: AlarmSpec[]): void;
  notify(request: NotifyRequest): void;
  setAttention(count: number): void;
  openExternal(url: unknown): Promise<boolean>;
  embeddedEndpoint(): Promise<EmbeddedEndpoint | null>;
  getLaunchAtLogin(): boolean | null;
  setLaunchAtLogin(enabled: boolean): boolean | null;
  updateStatus(): UpdateStatus;
  checkForUpdates(): Promise<UpdateStatus>;
  installUpdateNow(): void;
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, origin: RendererOrigin): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppRendererUrl(frame.url, origin);
}

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`${channel}: refused, the call does not come from the app's own window`);
    this.name = 'UntrustedSenderError';
  }
}

/** Registers every Host handler; returns a function that removes them. */
export function registerHostHandlers(backend: HostBackend, origin: RendererOrigin): () => void {
  const channels: InvokeChannel[] = [];
  const handle = (channel: InvokeChannel, handler: (...args: unknown[]) => unknown): void => {
    channels.push(channel);
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, origin)) {
        console.warn(`IPC ${channel} refused from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        throw new UntrustedSenderError(channel);
      }
      return handler(...args);
    });
  };

  handle(invokeChannels.appInfo, () => backend.appInfo());
  handle(invokeChannels.getSettings, () => backend.getSettings());
  handle(invokeChannels.setSettings, (patch) => backend.setSettings(parseSettingsPatch(patch, backend.getSettings())));
  handle(invokeChannels.getToken, () => backend.getToken());
  handle(invokeChannels.setToken, (token) => backend.setToken(parseToken(token)));
  handle(invokeChannels.scheduleAlarms, (alarms) => backend.scheduleAlarms(parseAlarmSpecs(alarms)));
  handle(invokeChannels.notify, (request) => backend.notify(parseNotifyRequest(request)));
  handle(invokeChannels.setAttention, (count) => backend.setAttention(parseAttentionCount(count)));
  handle(invokeChannels.openExternal, (url) => backend.openExternal(url));
  handle(invokeChannels.embeddedEndpoint, () => backend.embeddedEndpoint());
  handle(invokeChannels.getLaunchAtLogin, () => backend.getLaunchAtLogin());
  handle(invokeChannels.setLaunchAtLogin, (enabled) => backend.setLaunchAtLogin(parseFlag(enabled, 'enabled')));
  handle(invokeChannels.updateStatus, () => backend.updateStatus());
  handle(invokeChannels.checkForUpdates, () => backend.checkForUpdates());
  handle(invokeChannels.installUpdateNow, () => backend.installUpdateNow());

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
