/** Ctrl+K: every registered command, and tickets by number or subject (features add those). */
import { Kbd, MantineThemeProvider } from '@mantine/core';
import { Spotlight, spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { allCommands, shortcutLabel, useCommandStore } from '../services/commands.ts';

export function openPalette(): void {
  spotlight.open();
}

export function CommandPalette() {
  const { t } = useTranslation();
  const owners = useCommandStore((s) => s.owners);
  const actions = useMemo<SpotlightActionGroupData[]>(() => {
    const groups = new Map<string, SpotlightActionGroupData>();
    for (const c of allCommands(owners)) {
      const group = groups.get(c.group) ?? { group: c.group, actions: [] };
      group.actions.push({
        id: c.id,
        label: c.label,
        keywords: c.keywords,
        onClick: () => c.run(),
        rightSection: c.shortcut ? <Kbd size="xs">{shortcutLabel(c.shortcut)}</Kbd> : undefined,
        'data-testid': `cmd-${c.id}`,
      } as SpotlightActionGroupData['actions'][number]);
      groups.set(c.group, group);
    }
    return [...groups.values()];
  }, [owners]);

  // Spotlight's dialog has no title: its name comes through the theme of the modal it is built on.
  const named = useMemo(
    () => ({ components: { ModalContent: { defaultProps: { 'aria-label': t('shell.shortcuts.palette') } } } }),
    [t],
  );
  return (
    <MantineThemeProvider theme={named} inherit>
      <Spotlight
        actions={actions}
        shortcut="mod + K"
        nothingFound={t('shell.palette.nothingFound')}
        highlightQuery
        limit={40}
        scrollable
        maxHeight={420}
        searchProps={{
          leftSection: <IconSearch size={16} />,
          placeholder: t('shell.palette.placeholder'),
          // @ts-expect-error data attributes pass through to the input
          'data-testid': 'palette-input',
        }}
      />
    </MantineThemeProvider>
  );
}
