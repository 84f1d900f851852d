/** The app's root: theme and language, then the screen the workspace's phase calls for. */
import { Center, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { useEffect, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Host } from '#shared/host.ts';
import { i18n } from '../i18n/index.ts';
import { useSettingsStore } from '../state/settingsStore.ts';
import { useWorkspaceStore } from '../services/session/workspaceStore.ts';
import { HostContext } from '../services/hostContext.ts';
import { DbErrorScreen } from './DbErrorScreen.tsx';
import { Desk } from './Desk.tsx';
import { SignInScreen } from './SignInScreen.tsx';
import { cssVariablesResolver, deskTheme } from '../services/theme.ts';
import { useColorScheme } from '@mantine/hooks';
import { datesSettings } from '../services/datesLocale.ts';

export function App({ host }: { host: Host }) {
  const themeName = useSettingsStore((s) => s.settings.theme);
  const systemScheme = useColorScheme('light');
  const scheme = themeName === 'auto' ? systemScheme : themeName;
  const phase = useWorkspaceStore((s) => s.phase);
  // The App is outside the I18nextProvider it renders: it asks the instance directly, and follows its language.
  const { t, i18n: language } = useTranslation(undefined, { i18n });
  const close = t('common.close');
  const theme = useMemo(() => deskTheme({ close }), [close]);

  useEffect(() => {
    void useWorkspaceStore.getState().boot(host);
  }, [host]);

  return (
    <I18nextProvider i18n={i18n}>
      <HostContext.Provider value={host}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme={scheme}>
          <DatesProvider settings={datesSettings(language.language)}>
            <Notifications position="bottom-right" limit={4} />
            {phase === 'ready' ? (
              <Desk />
            ) : phase === 'signed_out' ? (
              <SignInScreen />
            ) : phase === 'db_error' ? (
              <DbErrorScreen />
            ) : (
              <Center h="100%" data-testid="booting">
                <Loader />
              </Center>
            )}
          </DatesProvider>
        </MantineProvider>
      </HostContext.Provider>
    </I18nextProvider>
  );
}
