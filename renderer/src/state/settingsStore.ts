/** The host's settings, mirrored for React. Writes go through the host and come back here. */
import { create } from 'zustand';
import { defaultSettings, type Host, type Settings } from '#shared/host.ts';

interface SettingsStore {
  settings: Settings;
  load(host: Host): Promise<Settings>;
  update(host: Host, patch: Partial<Settings>): Promise<Settings>;
}

export const useSettingsStore = create<SettingsStore>((set) => ({
  settings: defaultSettings,
  async load(host) {
    const settings = await host.getSettings();
    set({ settings });
    return settings;
  },
  async update(host, patch) {
    const settings = await host.setSettings(patch);
    set({ settings });
    return settings;
  },
}));
