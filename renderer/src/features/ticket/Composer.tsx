/**
 * Writing on the ticket: a public reply to the client (counts as first contact) or an internal note
 * (never seen by the client, never counts). The two are visibly different, so nobody sends a note
 * to a client by mistake.
 */
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconLock, IconSend } from '@tabler/icons-react';
import type { RefObject } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from '../../services/commands.ts';
import { useApplyAction } from './useApplyAction.ts';

export type ComposerMode = 'reply' | 'note';

export interface ComposerProps {
  ticketId: string;
  mode: ComposerMode;
  onModeChange(mode: ComposerMode): void;
  canReply: boolean;
  canNote: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  /** Text to add to the reply (a knowledge-base solution); a new `seq` adds it once. */
  insertion?: { text: string; seq: number } | null;
}

export function Composer({ ticketId, mode, onModeChange, canReply, canNote, inputRef, insertion }: ComposerProps) {
  const { t } = useTranslation();
  const { busy, error, apply, clearError } = useApplyAction(ticketId);
  // One draft per mode: switching to a note does not lose a half-written reply.
  const [drafts, setDrafts] = useState<Record<ComposerMode, string>>({ reply: '', note: '' });
  // An insertion lands in the reply draft once, during render (no effect, no extra paint).
  const [inserted, setInserted] = useState(0);
  if (insertion && insertion.seq !== inserted) {
    setInserted(insertion.seq);
    setDrafts((d) => ({ ...d, reply: d.reply.trim() ? `${d.reply.trimEnd()}\n\n${insertion.text}` : insertion.text }));
  }
  const effective: ComposerMode = mode === 'reply' && !canReply ? 'note' : mode;
  if (!canNote && !canReply) return null;
  const text = drafts[effective];

  const send = async () => {
    const ok = await apply(effective === 'reply' ? { type: 'reply', body: text } : { type: 'note', body: text });
    if (ok) setDrafts((d) => ({ ...d, [effective]: '' }));
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
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void send();
            }
          }}
          aria-label={t(isReply ? 'ticket.composer.reply' : 'ticket.composer.note')}
          data-testid="composer-text"
        />
        {error && (
          <Alert color="red" p="xs" data-testid="composer-error">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('ticket.composer.sendHint')}
          </Text>
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
      </Stack>
    </Paper>
  );
}
