/** The legal moves of this ticket for this actor, as buttons with their shortcuts in the tooltip. */
import { Button, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkflowActionType } from '#shared/domain/workflow.ts';
import { shortcutLabel } from '../../services/commands.ts';
import { actionShortcuts, barActions } from './ticketCommands.ts';

/** The move that usually comes next is the filled button; the rest are quiet. */
const primary: ReadonlySet<WorkflowActionType> = new Set([
  'take',
  'approveEscalation',
  'resolve',
  'confirmClosure',
  'clientAnswered',
  'developmentAnswered',
]);
const danger: ReadonlySet<WorkflowActionType> = new Set(['reopen', 'returnEscalation']);

export function ActionsBar({
  available,
  busy,
  onAction,
}: {
  available: readonly WorkflowActionType[];
  busy: boolean;
  onAction(type: WorkflowActionType): void;
}) {
  const { t } = useTranslation();
  const shown = barActions.filter((a) => available.includes(a));
  if (shown.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="ticket-actions" aria-label={t('ticket.actions.title')} role="toolbar">
      {shown.map((type) => {
        const shortcut = actionShortcuts[type];
        const button = (
          <Button
            key={type}
            variant={primary.has(type) ? 'filled' : 'default'}
            color={danger.has(type) ? 'red' : undefined}
            disabled={busy}
            onClick={() => onAction(type)}
            data-testid={`action-${type}`}
          >
            {t(`ticket.actions.${type}`)}
          </Button>
        );
        return shortcut ? (
          <Tooltip key={type} label={shortcutLabel(shortcut)}>
            {button}
          </Tooltip>
        ) : (
          button
        );
      })}
    </Group>
  );
}
