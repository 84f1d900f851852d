/**
 * The workstation: navigation on the left, the section in the middle, the status bar at the
 * bottom; the command palette (Ctrl+K) and keyboard shortcuts everywhere.
 */
import { AppShell, Badge, Button, Group, Kbd, NavLink, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconBook2,
  IconChartBar,
  IconChecklist,
  IconInbox,
  IconMessage2,
  IconPlus,
  IconSearch,
  IconSettings,
  IconArchive,
  IconBuilding,
  IconShieldLock,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { AlarmBanners } from '../features/alarms/index.ts';
import { useConnectionStore } from '../state/connectionStore.ts';
import { navSections, useRouteStore, type Section } from '../state/routeStore.ts';
import { useWorkspaceStore } from '../services/session/workspaceStore.ts';
import { Banners } from './Banners.tsx';
import { CommandPalette, openPalette } from './CommandPalette.tsx';
import { shortcutLabel, useCommands } from '../services/commands.ts';
import { DeskEffects } from './DeskEffects.tsx';
import { SectionView } from './SectionView.tsx';
import { ShortcutsHelp, openShortcutsHelp } from './ShortcutsHelp.tsx';
import { StatusBar } from './StatusBar.tsx';
import { useDeskCommands } from './deskCommands.ts';
import { openIntake } from '../services/intakeBus.ts';

const icons: Record<Section, ComponentType<{ size?: number; stroke?: number }>> = {
  queue: IconInbox,
  kb: IconBook2,
  scripts: IconMessage2,
  reports: IconChartBar,
  settings: IconSettings,
  approvals: IconChecklist,
  problems: IconAlertTriangle,
  archive: IconArchive,
  clients: IconBuilding,
  admin: IconShieldLock,
};

export function Desk() {
  const { t } = useTranslation();
  const section = useRouteStore((s) => s.section);
  const go = useRouteStore((s) => s.go);
  const role = useWorkspaceStore((s) => s.session?.agent.role);
  const agentName = useWorkspaceStore((s) => s.session?.agent.name);
  const problems = useConnectionStore((s) => s.problems);
  const commands = useDeskCommands();
  useCommands('desk', commands);
  // The palette's own Spotlight handles mod+k (also inside inputs); the rest work outside text fields.
  const sectionKey = (c: (typeof commands)[number]) => c.shortcut?.startsWith('alt+digit') ?? false;
  useHotkeys(
    commands
      .filter((c) => c.shortcut && c.shortcut !== 'mod+k' && !sectionKey(c))
      .map((c) => [c.shortcut!, () => c.run(), { preventDefault: true, usePhysicalKeys: true }]),
  );
  // Alt+1..6 types nothing, so it leaves a search field too (the archive's has the focus on arrival).
  useHotkeys(
    commands.filter(sectionKey).map((c) => [c.shortcut!, () => c.run(), { preventDefault: true, usePhysicalKeys: true }]),
    [],
  );

  const sectionsShown: Section[] = [...navSections];
  if (role === 'head' || role === 'admin') sectionsShown.splice(1, 0, 'approvals');
  // The admin's console is hidden from everyone else (the endpoint refuses them too).
  if (role === 'admin') sectionsShown.push('admin');
  if (problems > 0) sectionsShown.push('problems');

  return (
    <AppShell header={{ height: 44 }} navbar={{ width: 208, breakpoint: 0 }} footer={{ height: 28 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <img src="./favicon.png" width={22} height={22} alt="" />
            <Text fw={700} size="sm">
              PASS24{' '}
              <Text span c="dimmed" inherit fw={500}>
                Support Desk
              </Text>
            </Text>
          </Group>
          <UnstyledButton onClick={openPalette} data-testid="palette-button">
            <Group
              gap={6}
              px="sm"
              py={4}
              style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6, minWidth: 320 }}
            >
              <IconSearch size={14} />
              <Text size="xs" c="dimmed" style={{ flex: 1 }}>
                {t('shell.palette.placeholder')}
              </Text>
              <Kbd size="xs">{shortcutLabel('mod+k')}</Kbd>
            </Group>
          </UnstyledButton>
          <Group gap="xs" wrap="nowrap">
            <Tooltip label={shortcutLabel('alt+n')}>
              <Button leftSection={<IconPlus size={14} />} onClick={openIntake} data-testid="new-ticket-button">
                {t('shell.newTicket')}
              </Button>
            </Tooltip>
            <Text size="xs" c="dimmed" data-testid="agent-name">
              {agentName}
            </Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p={6}>
        <nav aria-label={t('shell.nav.queue')}>
          {sectionsShown.map((s) => {
            const Icon = icons[s];
            const index = navSections.indexOf(s);
            return (
              <NavLink
                key={s}
                component="button"
                active={section === s}
                label={t(`shell.nav.${s}`)}
                leftSection={<Icon size={17} stroke={1.6} />}
                rightSection={
                  s === 'problems' ? (
                    <Badge size="xs" color="red">
                      {problems}
                    </Badge>
                  ) : index >= 0 ? (
                    <Text size="xs" c="dimmed">
                      {shortcutLabel(`alt+digit${index + 1}`)}
                    </Text>
                  ) : null
                }
                onClick={() => go(s)}
                data-testid={`nav-${s}`}
                aria-current={section === s ? 'page' : undefined}
                style={{ borderRadius: 6 }}
              />
            );
          })}
        </nav>
        <Button variant="subtle" size="compact-xs" mt="auto" onClick={openShortcutsHelp} color="gray">
          {t('shell.shortcuts.title')}{' '}
          <Kbd size="xs" ml={6}>
            ?
          </Kbd>
        </Button>
      </AppShell.Navbar>
      <AppShell.Main style={{ height: '100dvh', display: 'flex', flexDirection: 'column' }}>
        {/* The screen's name for a screen reader's heading list; the navigation shows it to the eye. */}
        <VisuallyHidden component="h1">{t(`shell.nav.${section}`)}</VisuallyHidden>
        <Banners />
        <AlarmBanners />
        <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <SectionView />
        </div>
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar />
      </AppShell.Footer>
      <CommandPalette />
      <ShortcutsHelp />
      <DeskEffects />
    </AppShell>
  );
}
