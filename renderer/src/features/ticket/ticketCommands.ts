/**
 * The ticket view's keyboard: every offered move and the composer as palette commands, with
 * shortcuts on physical keys (they work on a Russian layout too).
 */
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { WorkflowActionType } from '#shared/domain/workflow.ts';
import { useCommands, type Command } from '../../services/commands.ts';

/** The shortcut of each move that has one. */
export const actionShortcuts: Partial<Record<WorkflowActionType, string>> = {
  take: 'alt+t',
  assign: 'alt+g',
  logContact: 'alt+c',
  waitForClient: 'alt+w',
  clientAnswered: 'alt+w',
  changePriority: 'alt+p',
  requestEscalation: 'alt+e',
  approveEscalation: 'alt+a',
  developmentAnswered: 'alt+d',
  resolve: 'alt+s',
  confirmClosure: 'alt+x',
};

/** Opens the ticket's edit dialog (subject, description, contact). */
export const editShortcut = 'alt+i';

/** Moves offered as buttons (reply and note have the composer). */
export const barActions: readonly WorkflowActionType[] = [
  'take',
  'assign',
  'logContact',
  'waitForClient',
  'clientAnswered',
  'changePriority',
  'requestEscalation',
  'approveEscalation',
  'returnEscalation',
  'developmentAnswered',
  'resolve',
  'confirmClosure',
  'reopen',
];

export function useTicketCommands(
  available: readonly WorkflowActionType[],
  run: (type: WorkflowActionType) => void,
  focusComposer: (mode: 'reply' | 'note') => void,
  enabled: boolean,
  edit: (() => void) | null = null,
): void {
  const { t } = useTranslation();
  const group = t('ticket.commands.group');
  const commands: Command[] = [];
  if (enabled) {
    for (const type of barActions) {
      if (!available.includes(type)) continue;
      commands.push({
        id: `ticket.${type}`,
        label: t(`ticket.actions.${type}`),
        group,
        shortcut: actionShortcuts[type],
        run: () => run(type),
      });
    }
    if (available.includes('reply')) {
      commands.push({
        id: 'ticket.focusReply',
        label: t('ticket.commands.focusReply'),
        group,
        shortcut: 'alt+r',
        run: () => focusComposer('reply'),
      });
    }
    if (available.includes('note')) {
      commands.push({
        id: 'ticket.focusNote',
        label: t('ticket.commands.focusNote'),
        group,
        shortcut: 'alt+m',
        run: () => focusComposer('note'),
      });
    }
    if (edit) commands.push({ id: 'ticket.edit', label: t('ticket.edit.title'), group, shortcut: editShortcut, run: edit });
  }
  useCommands('ticket', commands);
  // Every shortcut here is an Alt chord, which types nothing on Windows and Linux: they work from
  // inside the composer too (write a reply, then Alt+S to resolve). While a dialog is open the
  // list is empty, so a chord never fires behind it.
  useHotkeys(
    commands.filter((c) => c.shortcut).map((c) => [c.shortcut!, () => c.run(), { preventDefault: true, usePhysicalKeys: true }]),
    [],
  );
}
