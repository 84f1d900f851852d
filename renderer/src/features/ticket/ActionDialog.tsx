/**
 * The dialog of a workflow move that needs input. The domain decides whether the input is enough
 * (shared/domain/workflow.ts): a refusal shows its message and the form keeps what was typed.
 */
import { Alert, Button, Group, Modal, Rating, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { priorities, type Priority } from '#shared/vocabulary/enums.ts';
import type { ContactMode, WorkflowAction, WorkflowActionType } from '#shared/domain/workflow.ts';
import type { Ticket } from '#shared/schema/index.ts';
import { CallScript, type ChosenCallScript } from '../scripts/index.ts';
import { KbPicker } from './KbPicker.tsx';
import { useActiveAgents } from './useAgents.ts';
import { useApplyAction } from './useApplyAction.ts';

/** Moves that open a dialog; the rest apply at once. */
export const dialogActions = [
  'assign',
  'logContact',
  'waitForClient',
  'changePriority',
  'requestEscalation',
  'approveEscalation',
  'returnEscalation',
  'developmentAnswered',
  'resolve',
  'confirmClosure',
  'reopen',
] as const satisfies readonly WorkflowActionType[];
export type DialogAction = (typeof dialogActions)[number];

export function isDialogAction(type: WorkflowActionType): type is DialogAction {
  return (dialogActions as readonly string[]).includes(type);
}

interface Fields {
  mode: ContactMode;
  text: string;
  extra: string;
  priority: Priority;
  kbArticleId: string;
  csat: number;
  assigneeId: string;
  /** The script the call followed (logged with it). */
  script: ChosenCallScript | null;
}

function actionOf(type: DialogAction, f: Fields): WorkflowAction {
  switch (type) {
    case 'assign':
      return { type, assigneeId: f.assigneeId };
    case 'logContact':
      return { type, mode: f.mode, note: f.text, ...(f.script ? { templateId: f.script.templateId } : {}) };
    case 'waitForClient':
      return { type, note: f.text };
    case 'changePriority':
      return { type, priority: f.priority, reason: f.text };
    case 'requestEscalation':
      return { type, reason: f.text };
    case 'approveEscalation':
      return { type, devTaskRef: f.extra, comment: f.text };
    case 'returnEscalation':
      return { type, comment: f.text };
    case 'developmentAnswered':
      return { type, note: f.text };
    case 'resolve':
      return { type, summary: f.text, kbArticleId: f.kbArticleId };
    case 'confirmClosure':
      return { type, note: f.text, csat: f.csat > 0 ? { score: f.csat, comment: f.extra } : null };
    case 'reopen':
      return { type, reason: f.text };
  }
}

/** The label of the main text field of each dialog (assigning has none). */
const textLabel: Record<Exclude<DialogAction, 'assign'>, string> = {
  logContact: 'ticket.dialogs.logContact.note',
  waitForClient: 'ticket.dialogs.waitForClient.note',
  changePriority: 'ticket.dialogs.changePriority.reason',
  requestEscalation: 'ticket.dialogs.requestEscalation.reason',
  approveEscalation: 'ticket.dialogs.approveEscalation.comment',
  returnEscalation: 'ticket.dialogs.returnEscalation.comment',
  developmentAnswered: 'ticket.dialogs.developmentAnswered.note',
  resolve: 'ticket.dialogs.resolve.summary',
  confirmClosure: 'ticket.dialogs.confirmClosure.note',
  reopen: 'ticket.dialogs.reopen.reason',
};

const required: ReadonlySet<DialogAction> = new Set([
  'requestEscalation',
  'returnEscalation',
  'developmentAnswered',
  'resolve',
  'reopen',
]);

const hints: Partial<Record<DialogAction, string>> = {
  assign: 'ticket.dialogs.assign.hint',
  logContact: 'ticket.dialogs.logContact.hint',
  waitForClient: 'ticket.dialogs.waitForClient.hint',
  changePriority: 'ticket.dialogs.changePriority.hint',
  requestEscalation: 'ticket.dialogs.requestEscalation.hint',
};

export function ActionDialog({
  ticket,
  type,
  onClose,
  linkedKbId = '',
}: {
  ticket: Ticket;
  type: DialogAction | null;
  onClose(): void;
  /** The article linked while diagnosing: the resolution offers it (to improve) before a new draft. */
  linkedKbId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={type !== null}
      onClose={onClose}
      title={type ? t(`ticket.dialogs.${type}.title`) : ''}
      size="lg"
      data-testid="action-dialog"
    >
      {type && <ActionForm key={type} ticket={ticket} type={type} onDone={onClose} linkedKbId={linkedKbId} />}
    </Modal>
  );
}

function ActionForm({
  ticket,
  type,
  onDone,
  linkedKbId,
}: {
  ticket: Ticket;
  type: DialogAction;
  onDone(): void;
  linkedKbId: string;
}) {
  const { t } = useTranslation();
  const { busy, error, apply } = useApplyAction(ticket.id);
  const [f, setF] = useState<Fields>({
    mode: 'call',
    text: '',
    extra: '',
    priority: priorities.find((p) => p !== ticket.priority) ?? ticket.priority,
    kbArticleId: linkedKbId,
    csat: 0,
    assigneeId: '',
    script: null,
  });
  const agents = useActiveAgents();
  const others = agents.filter((a) => a.id !== ticket.assigneeId);
  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => setF((prev) => ({ ...prev, [k]: v }));

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (await apply(actionOf(type, f))) onDone();
  };
  const hint = hints[type];

  return (
    <form onSubmit={(e) => void submit(e)} data-testid={`dialog-${type}`}>
      <Stack gap="sm">
        {hint && (
          <Text size="xs" c="dimmed">
            {t(hint)}
          </Text>
        )}
        {type === 'logContact' && (
          <SegmentedControl
            value={f.mode}
            onChange={(v) => set('mode', v as ContactMode)}
            data={[
              { value: 'call', label: t('ticket.dialogs.logContact.call') },
              { value: 'message', label: t('ticket.dialogs.logContact.message') },
            ]}
            data-testid="contact-mode"
            style={{ alignSelf: 'flex-start' }}
          />
        )}
        {type === 'logContact' && (
          <CallScript ticket={ticket} mode={f.mode} value={f.script} onChange={(v) => set('script', v)} />
        )}
        {type === 'changePriority' && (
          <SegmentedControl
            value={f.priority}
            onChange={(v) => set('priority', v as Priority)}
            data={priorities.map((p) => ({ value: p, label: t(`common.priority.${p}`) }))}
            data-testid="priority-choice"
            style={{ alignSelf: 'flex-start' }}
          />
        )}
        {type === 'assign' && (
          <Select
            label={t('ticket.dialogs.assign.agent')}
            placeholder={t('ticket.dialogs.assign.placeholder')}
            nothingFoundMessage={t('ticket.dialogs.assign.nobody')}
            withAsterisk
            searchable
            data={others.map((a) => ({ value: a.id, label: a.name }))}
            value={f.assigneeId || null}
            onChange={(v) => set('assigneeId', v ?? '')}
            data-autofocus
            comboboxProps={{ withinPortal: true }}
            data-testid="assign-agent"
          />
        )}
        {type === 'approveEscalation' && (
          <TextInput
            label={t('ticket.dialogs.approveEscalation.devTask')}
            placeholder={t('ticket.dialogs.approveEscalation.devTaskPlaceholder')}
            withAsterisk
            value={f.extra}
            onChange={(e) => set('extra', e.currentTarget.value)}
            data-autofocus
            data-testid="dialog-dev-task"
          />
        )}
        {type !== 'assign' && (
          <Textarea
            label={t(textLabel[type])}
            withAsterisk={required.has(type)}
            autosize
            minRows={3}
            maxRows={10}
            value={f.text}
            onChange={(e) => set('text', e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
            }}
            data-autofocus={type !== 'approveEscalation' ? true : undefined}
            data-testid="dialog-text"
          />
        )}
        {type === 'resolve' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('ticket.dialogs.resolve.article')}{' '}
              <Text span c="red">
                *
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              {t('ticket.dialogs.resolve.articleHint')}
            </Text>
            <KbPicker ticket={ticket} summary={f.text} value={f.kbArticleId} onChange={(id) => set('kbArticleId', id)} />
          </Stack>
        )}
        {type === 'confirmClosure' && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('ticket.dialogs.confirmClosure.csat')}
            </Text>
            <Group gap="sm">
              <Rating value={f.csat} onChange={(v) => set('csat', v)} size="lg" data-testid="csat-rating" />
              {f.csat > 0 && (
                <Button variant="subtle" color="gray" onClick={() => set('csat', 0)}>
                  {t('ticket.dialogs.confirmClosure.clearCsat')}
                </Button>
              )}
            </Group>
            {f.csat > 0 && (
              <Textarea
                label={t('ticket.dialogs.confirmClosure.csatComment')}
                autosize
                minRows={2}
                value={f.extra}
                onChange={(e) => set('extra', e.currentTarget.value)}
                data-testid="csat-comment"
              />
            )}
          </Stack>
        )}
        {error && (
          <Alert color="red" p="xs" data-testid="dialog-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="dialog-submit">
            {t(`ticket.actions.${type}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
