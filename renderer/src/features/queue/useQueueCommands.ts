/**
 * The queue's keyboard: ↑/↓ or J/K move the selection, Enter opens the selected ticket, '/'
 * focuses the quick filter, Esc closes the open ticket; palette commands for the views and for
 * opening the tickets of the current view by number. Registered with useCommands so the palette
 * and the shortcuts help list them.
 */
import { useHotkeys } from '@mantine/hooks';
import type { MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { queueViewIds } from '#shared/domain/queueOrder.ts';
import type { Ticket } from '#shared/schema/ticketSchema.ts';
import { useCommands, type Command } from '../../services/commands.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { queueFilterInput, useQueueStore } from './queueStore.ts';
import type { QueueTableApi } from './QueueTable.tsx';

/** How many tickets of the current view the palette can open by number. */
const paletteTickets = 100;

function isTyping(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  return el instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(el.type);
}

/** Row keys act only when the manager is not typing, and not on a control of another pane (the ticket's buttons). */
function focusAllowsRowKeys(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  return !isTyping(active) && active.closest('[data-queue-pane]') !== null;
}

function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"]') !== null;
}

export interface QueueKeys {
  commands: Command[];
  move(step: 1 | -1): void;
  openSelected(): void;
}

export function useQueueCommands(rows: readonly Ticket[], tableApi: MutableRefObject<QueueTableApi | null>): QueueKeys {
  const { t } = useTranslation();
  const itemId = useRouteStore((s) => s.itemId);
  const group = t('queue.commands.group');

  const move = (step: 1 | -1) => {
    if (rows.length === 0) return;
    const { selectedId, select } = useQueueStore.getState();
    const current = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);
    const next = current < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, current + step));
    select(rows[next]!.id);
    tableApi.current?.scrollToIndex(next);
  };
  const openSelected = (): void => {
    const { selectedId } = useQueueStore.getState();
    const target = rows.find((r) => r.id === selectedId) ?? rows[0];
    if (!target) return;
    useQueueStore.getState().select(target.id);
    useRouteStore.getState().openTicket(target.id);
  };
  const focusFilter = () => {
    queueFilterInput.current?.focus();
    queueFilterInput.current?.select();
  };

  const commands: Command[] = [
    { id: 'queue.next', label: t('queue.commands.next'), group, shortcut: 'j', keywords: ['↓'], run: () => move(1) },
    { id: 'queue.previous', label: t('queue.commands.previous'), group, shortcut: 'k', keywords: ['↑'], run: () => move(-1) },
    { id: 'queue.open', label: t('queue.commands.open'), group, shortcut: 'enter', run: openSelected },
    { id: 'queue.filter', label: t('queue.commands.filter'), group, shortcut: 'slash', run: focusFilter },
  ];
  if (itemId) {
    commands.push({
      id: 'queue.close',
      label: t('queue.commands.close'),
      group,
      shortcut: 'escape',
      run: () => useRouteStore.getState().closeItem(),
    });
  }
  for (const view of queueViewIds) {
    commands.push({
      id: `queue.view.${view}`,
      label: t('queue.commands.view', { view: t(`queue.views.${view}`) }),
      group,
      run: () => useQueueStore.getState().setView(view),
    });
  }
  for (const ticket of rows.slice(0, paletteTickets)) {
    if (ticket.number === null) continue;
    commands.push({
      id: `queue.ticket.${ticket.id}`,
      label: `${t('queue.commands.openNumber', { number: ticket.number })} · ${ticket.subject}`,
      group: t('shell.palette.groupTickets'),
      keywords: [ticket.number, ticket.number.replace(/^\d{4}-0*/, ''), ticket.organizationName],
      run: () => {
        useQueueStore.getState().select(ticket.id);
        useRouteStore.getState().openTicket(ticket.id);
      },
    });
  }
  useCommands('queue', commands);

  const rowKey = (run: () => void) => (event: KeyboardEvent) => {
    if (!focusAllowsRowKeys() || dialogOpen()) return;
    event.preventDefault();
    run();
  };
  useHotkeys(
    [
      ['j', rowKey(() => move(1)), { preventDefault: false, usePhysicalKeys: true }],
      ['k', rowKey(() => move(-1)), { preventDefault: false, usePhysicalKeys: true }],
      ['arrowdown', rowKey(() => move(1)), { preventDefault: false, usePhysicalKeys: true }],
      ['arrowup', rowKey(() => move(-1)), { preventDefault: false, usePhysicalKeys: true }],
      ['enter', rowKey(openSelected), { preventDefault: false, usePhysicalKeys: true }],
      [
        'slash',
        (e) => {
          if (!dialogOpen() && !isTyping(document.activeElement)) {
            e.preventDefault();
            focusFilter();
          }
        },
        { preventDefault: false, usePhysicalKeys: true },
      ],
      [
        'escape',
        () => {
          if (itemId && !dialogOpen() && !isTyping(document.activeElement)) useRouteStore.getState().closeItem();
        },
        { preventDefault: false, usePhysicalKeys: true },
      ],
    ],
    // Decided per key above (a focused view switch is an input, yet J/K must work there).
    [],
  );
  return { commands, move, openSelected };
}
