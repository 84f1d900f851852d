/** The desk's own commands: navigation, new ticket, palette, theme, language, sync, sign-out. */
import { useTranslation } from 'react-i18next';
import { changeLocale } from '../i18n/index.ts';
import { useSettingsStore } from '../state/settingsStore.ts';
import { navSections, useRouteStore } from '../state/routeStore.ts';
import { useWorkspaceStore } from '../services/session/workspaceStore.ts';
import type { Command } from '../services/commands.ts';
import { openPalette } from './CommandPalette.tsx';
import { useHost } from '../services/hostContext.ts';
import { openIntake } from '../services/intakeBus.ts';
import { openShortcutsHelp } from './ShortcutsHelp.tsx';
import { openSignOut } from '../features/settings/index.ts';

export function useDeskCommands(): Command[] {
  const { t } = useTranslation();
  const host = useHost();
  const role = useWorkspaceStore((s) => s.session?.agent.role);
  const go = useRouteStore.getState().go;
  const nav: Command[] = navSections.map((section, i) => ({
    id: `nav.${section}`,
    label: t(`shell.nav.${section}`),
    group: t('shell.palette.groupNavigate'),
    shortcut: `alt+digit${i + 1}`,
    run: () => go(section),
  }));
  if (role === 'head' || role === 'admin') {
    nav.push({
      id: 'nav.approvals',
      label: t('shell.nav.approvals'),
      group: t('shell.palette.groupNavigate'),
      run: () => go('approvals'),
    });
  }
  if (role === 'admin') {
    nav.push({ id: 'nav.admin', label: t('shell.nav.admin'), group: t('shell.palette.groupNavigate'), run: () => go('admin') });
  }
  nav.push({
    id: 'nav.problems',
    label: t('shell.nav.problems'),
    group: t('shell.palette.groupNavigate'),
    run: () => go('problems'),
  });
  const actions = t('shell.palette.groupActions');
  return [
    ...nav,
    { id: 'desk.newTicket', label: t('shell.newTicket'), group: actions, shortcut: 'alt+n', run: openIntake },
    { id: 'desk.palette', label: t('shell.shortcuts.palette'), group: actions, shortcut: 'mod+k', run: openPalette },
    { id: 'desk.help', label: t('shell.shortcuts.help'), group: actions, shortcut: 'shift+slash', run: openShortcutsHelp },
    {
      id: 'desk.theme',
      label: t('shell.palette.toggleTheme'),
      group: actions,
      run: () => {
        const current = useSettingsStore.getState().settings.theme;
        void useSettingsStore.getState().update(host, { theme: current === 'dark' ? 'light' : 'dark' });
      },
    },
    {
      id: 'desk.language',
      label: t('shell.palette.switchLanguage'),
      group: actions,
      keywords: ['language', 'язык', 'english', 'русский'],
      run: () => {
        const next = useSettingsStore.getState().settings.locale === 'en' ? 'ru' : 'en';
        void useSettingsStore
          .getState()
          .update(host, { locale: next })
          .then(() => changeLocale(next));
      },
    },
    {
      id: 'desk.sync',
      label: t('shell.palette.syncNow'),
      group: actions,
      run: () => useWorkspaceStore.getState().workspace?.sync.reconnectNow(),
    },
    { id: 'desk.signOut', label: t('shell.palette.signOut'), group: actions, run: openSignOut },
  ];
}
