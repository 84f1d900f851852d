/**
 * Writing on the ticket: a public reply to the client or an internal note (never seen by the
 * client). The two are visibly different, so nobody sends a note to a client by mistake. A reply
 * says where it goes (the address, or the client's Telegram chat); with no address it reaches
 * nobody, so a call log is offered.
 * A reply meets first contact only when the endpoint has handed it to the mail server. A reply
 * script comes in with «/» at the start of a line or Alt+K: picked, filled in from the ticket and
 * inserted at the caret; the reply records which script it used.
 */
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconLock, IconMessage2, IconPhone, IconSend } from '@tabler/icons-react';
import type { RefObject } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket, TicketEvent } from '#shared/schema/index.ts';
import { shortcutLabel, useCommands } from '../../services/commands.ts';
import { ScriptPicker, ScriptSuggestion, useSuggestedScript } from '../scripts/index.ts';
import type { ReplyRoute } from './replyRoute.ts';
import { useApplyAction } from './useApplyAction.ts';

export type ComposerMode = 'reply' | 'note';

/** Opens the script picker at the caret. */
export const scriptShortcut = 'alt+k';

export interface ComposerProps {
  ticket: Ticket;
  events: readonly TicketEvent[];
  /** The article the resolution links, for {{article.title}}. */
  article?: { title: string; link?: string | null } | null;
  mode: ComposerMode;
  onModeChange(mode: ComposerMode): void;
  canReply: boolean;
  canNote: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** Where a reply goes: the client's Telegram chat, or the address it is mailed to ('' when the contact has none). */
  route: ReplyRoute;
  /** Opens the call log (offered when there is no address); null when not allowed. */
  onLogContact: (() => void) | null;
  /** Text to add to the reply (a knowledge-base solution); a new `seq` adds it once. */
  insertion?: { text: string; seq: number } | null;
}

interface PickerState {
  start: number;
  end: number;
  /** Opened by typing «/»: closing without a script types the slash after all. */
  bySlash: boolean;
  suggestedId: string | null;
}

export function Composer({
  ticket,
  events,
  article,
  mode,
  onModeChange,
  canReply,
  canNote,
  inputRef,
  route,
  onLogContact,
  insertion,
}: ComposerProps) {
  const { t } = useTranslation();
  const { busy, error, apply, clearError } = useApplyAction(ticket.id);
  // One draft per mode: switching to a note does not lose a half-written reply.
  const [drafts, setDrafts] = useState<Record<ComposerMode, string>>({ reply: '', note: '' });
  const [scriptIds, setScriptIds] = useState<Record<ComposerMode, string | null>>({ reply: null, note: null });
  const [picker, setPicker] = useState<PickerState | null>(null);
  // An insertion lands in the reply draft once, during render (no effect, no extra paint).
  const [inserted, setInserted] = useState(0);
  if (insertion && insertion.seq !== inserted) {
    setInserted(insertion.seq);
    setDrafts((d) => ({ ...d, reply: d.reply.trim() ? `${d.reply.trimEnd()}\n\n${insertion.text}` : insertion.text }));
  }
  const effective: ComposerMode = mode === 'reply' && !canReply ? 'note' : mode;
  const suggestion = useSuggestedScript(ticket, events);
  const text = drafts[effective];

  const openPicker = (bySlash: boolean, suggestedId: string | null = null) => {
    const el = inputRef.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    setPicker({ start, end, bySlash, suggestedId: suggestedId ?? suggestion?.script.id ?? null });
  };
  const putText = (insert: string, at: PickerState) => {
    const next = text.slice(0, at.start) + insert + text.slice(at.end);
    setDrafts((d) => ({ ...d, [effective]: next }));
    const caret = at.start + insert.length;
    // After the picker has closed and the new value has rendered.
    requestAnimationFrame(() => {
      const el = inputRef.current;
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };
  const closePicker = () => {
    if (picker?.bySlash) putText('/', picker);
    setPicker(null);
  };
  const insertScript = (insert: string, templateId: string) => {
    if (!picker) return;
    putText(insert, picker);
    setScriptIds((s) => ({ ...s, [effective]: templateId }));
    setPicker(null);
  };

  const available = canReply || canNote;
  const group = t('ticket.commands.group');
  useCommands(
    'composer',
    available
      ? [{ id: 'ticket.script', label: t('scripts.picker.title'), group, shortcut: scriptShortcut, run: () => openPicker(false) }]
      : [],
  );
  useHotkeys(
    available && !picker ? [[scriptShortcut, () => openPicker(false), { preventDefault: true, usePhysicalKeys: true }]] : [],
    [],
    true,
  );

  if (!available) return null;

  const send = async () => {
    const templateId = scriptIds[effective];
    const ok = await apply(
      effective === 'reply' ? { type: 'reply', body: text, ...(templateId ? { templateId } : {}) } : { type: 'note', body: text },
    );
    if (ok) {
      setDrafts((d) => ({ ...d, [effective]: '' }));
      setScriptIds((s) => ({ ...s, [effective]: null }));
    }
  };
  const isReply = effective === 'reply';

  return (
    <Paper
      withBorder
      p="sm"
      data-testid="composer"
      data-mode={effective}
      style={isReply ? undefined : { background: 'var(--mantine-color-yellow-light)' }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <SegmentedControl
            value={effective}
            onChange={(v) => {
              clearError();
              onModeChange(v as ComposerMode);
            }}
            data={[
              { value: 'reply', label: `${t('ticket.composer.reply')} (${shortcutLabel('alt+r')})`, disabled: !canReply },
              { value: 'note', label: `${t('ticket.composer.note')} (${shortcutLabel('alt+m')})` },
            ]}
            data-testid="composer-mode"
          />
          {!canReply && (
            <Text size="xs" c="dimmed">
              {t('ticket.composer.replyUnavailable')}
            </Text>
          )}
        </Group>
        {isReply && suggestion && (
          <ScriptSuggestion
            suggestion={suggestion}
            shortcut={scriptShortcut}
            onOpen={() => openPicker(false, suggestion.script.id)}
          />
        )}
        <Textarea
          ref={inputRef}
          autosize
          minRows={3}
          maxRows={12}
          placeholder={t(isReply ? 'ticket.composer.replyPlaceholder' : 'ticket.composer.notePlaceholder')}
          value={text}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setDrafts((d) => ({ ...d, [effective]: value }));
            if (value === '') setScriptIds((s) => ({ ...s, [effective]: null }));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void send();
              return;
            }
            const el = e.currentTarget;
            const atLineStart =
              el.selectionStart === el.selectionEnd && (el.selectionStart === 0 || text[el.selectionStart - 1] === '\n');
            if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && atLineStart) {
              e.preventDefault();
              openPicker(true);
            }
          }}
          aria-label={t(isReply ? 'ticket.composer.reply' : 'ticket.composer.note')}
          data-testid="composer-text"
        />
        {isReply &&
          (route.kind === 'telegram' ? (
            <Text size="xs" c="dimmed" data-testid="composer-recipient">
              {t('ticket.composer.recipientTelegram', { chat: route.chat })}
            </Text>
          ) : route.address ? (
            <Text size="xs" c="dimmed" data-testid="composer-recipient">
              {t('ticket.composer.recipient', { address: route.address })}
            </Text>
          ) : (
            <Group gap={6} data-testid="composer-no-recipient">
              <Text size="xs" c="orange">
                {t('ticket.composer.noRecipient')}
              </Text>
              {onLogContact && (
                <Button size="compact-xs" variant="light" leftSection={<IconPhone size={12} />} onClick={onLogContact}>
                  {t('ticket.composer.logCall')}
                </Button>
              )}
            </Group>
          ))}
        {error && (
          <Alert color="red" p="xs" data-testid="composer-error">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('ticket.composer.sendHint')} · {t('scripts.picker.openHint', { shortcut: shortcutLabel(scriptShortcut) })}
          </Text>
          <Group gap={6}>
            <Tooltip label={t('scripts.picker.openHint', { shortcut: shortcutLabel(scriptShortcut) })}>
              <Button
                variant="default"
                leftSection={<IconMessage2 size={14} />}
                onClick={() => openPicker(false)}
                data-testid="composer-script"
              >
                {t('scripts.picker.open')}
              </Button>
            </Tooltip>
            <Button
              onClick={() => void send()}
              loading={busy}
              color={isReply ? undefined : 'yellow'}
              variant={isReply ? 'filled' : 'light'}
              leftSection={isReply ? <IconSend size={14} /> : <IconLock size={14} />}
              data-testid="composer-send"
            >
              {t(isReply ? 'ticket.composer.send' : 'ticket.composer.addNote')}
            </Button>
          </Group>
        </Group>
      </Stack>
      <ScriptPicker
        opened={picker !== null}
        onClose={closePicker}
        ticket={ticket}
        article={article}
        suggestedId={picker?.suggestedId ?? null}
        onInsert={insertScript}
      />
    </Paper>
  );
}
