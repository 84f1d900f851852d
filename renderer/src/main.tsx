/** The renderer's entry: the host, the user's settings and language, then the app. */
import '@mantine/core/styles.layer.css';
import '@mantine/spotlight/styles.layer.css';
import '@mantine/notifications/styles.layer.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { installTestHooks } from './app/testHooks.ts';
import { getHost } from './host/index.ts';
import { initI18n } from './i18n/index.ts';
import { useSettingsStore } from './state/settingsStore.ts';

// Only test builds carry the hooks; in every other build this is dead code and leaves the bundle.
if (__DESK_TEST_HOOKS__) installTestHooks();
const host = getHost();
const settings = await useSettingsStore.getState().load(host);
await initI18n(settings.locale);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App host={host} />
  </StrictMode>,
);
