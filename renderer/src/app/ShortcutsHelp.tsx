/** "?": every shortcut the screen offers, from the command registry. */
import { Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { allCommands, shortcutLabel, useCommandStore } from '../services/commands.ts';

const useHelp = create<{ open: boolean }>(() => ({ open: false }));

export function openShortcutsHelp(): void {
  useHelp.setState({ open: true });
}

export function ShortcutsHelp() {
  const { t } = useTranslation();
  const open = useHelp((s) => s.open);
  const owners = useCommandStore((s) => s.owners);
  const withKeys = allCommands(owners).filter((c) => c.shortcut);
  return (
    <Modal opened={open} onClose={() => useHelp.setState({ open: false })} title={t('shell.shortcuts.title')} size="md">
      <Table striped withRowBorders={false} data-testid="shortcuts-help">
        <Table.Tbody>
          {withKeys.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.label}</Table.Td>
              <Table.Td ta="right">
                <Kbd size="xs">{shortcutLabel(c.shortcut!)}</Kbd>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
