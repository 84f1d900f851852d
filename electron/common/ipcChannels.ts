/**
 * IPC channel names, shared by the main process and the preload. One channel per Host function
 * (shared/host.ts): the preload exposes named functions, never a generic send(channel, ...).
 */
export const invokeChannels = {
  appInfo: 'desk:app-info',
  getSettings: 'desk:get-settings',
  setSettings: 'desk:set-settings',
  getToken: 'desk:get-token',
  setToken: 'desk:set-token',
  scheduleAlarms: 'desk:schedule-alarms',
  notify: 'desk:notify',
  setAttention: 'desk:set-attention',
  openExternal: 'desk:open-external',
  embeddedEndpoint: 'desk:embedded-endpoint',
  getLaunchAtLogin: 'desk:get-launch-at-login',
  setLaunchAtLogin: 'desk:set-launch-at-login',
  updateStatus: 'desk:update-status',
  checkForUpdates: 'desk:check-for-updates',
  installUpdateNow: 'desk:install-update-now',
} as const;

/** Main -> renderer events. */
export const eventChannels = {
  openTicket: 'desk:open-ticket',
  powerResume: 'desk:power-resume',
  alarmFired: 'desk:alarm-fired',
  updateStatus: 'desk:update-status-changed',
} as const;

export type InvokeChannel = (typeof invokeChannels)[keyof typeof invokeChannels];
export type EventChannel = (typeof eventChannels)[keyof typeof eventChannels];
