/**
 * The composer's script picker: search by title, category and text (the KB's Russian search),
 * the highlighted script previewed filled in for this ticket, its prompts asked inline, Enter
 * inserts at the caret. The variant fits the channel (read aloud on a call, written elsewhere),
 * and the text can be copied for a messenger the desk does not connect.
 */
import { Badge, Button, Group, Kbd, Modal, NavLink, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconSearch, IconTextPlus } from '@tabler/icons-react';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyTemplate, Ticket } from '#shared/schema/index.ts';
import type { Channel } from '#shared/vocabulary/enums.ts';
import { searchScripts } from '#shared/templates/index.ts';
import { shortcutLabel } from '../../services/commands.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { ScriptPreview, VariantBadge } from './ScriptPreview.tsx';
import { useScriptIndex, useScripts } from './scriptQueries.ts';
import { useFilledScript, type FillOptions } from './useFilledScript.ts';

export interface ScriptPickerProps {
  opened: boolean;
  onClose(): void;
  ticket: Ticket;
  article?: FillOptions['article'];
  /** The script the situation calls for: first while nothing is typed. */
  suggestedId?: string | null;
  onInsert(text: string, templateId: string): void;
  /** The channel to fit, when not the ticket's: a call logged on an e-mail ticket wants the phone text. */
  channel?: Channel;
}

const copyShortcut = 'mod+shift+c';

export function ScriptPicker(props: ScriptPickerProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('scripts.picker.title')}
      size="80rem"
      data-testid="script-picker"
    >
      {props.opened && <PickerBody {...props} />}
    </Modal>
  );
}

function PickerBody({
  ticket,
  article,
  suggestedId,
  onInsert,
  channel: forChannel,
}: Omit<ScriptPickerProps, 'opened' | 'onClose'>) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const { scripts, loaded } = useScripts(db);
  const index = useScriptIndex(db, scripts, loaded);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [variant, setVariant] = useState<'phone' | 'written' | undefined>(undefined);
  const promptRefs = useRef<Array<HTMLInputElement | null>>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const channel = forChannel ?? ticket.channel;

  const results = useMemo(() => {
    void scripts; // the index follows `scripts`
    const found = searchScripts(index, query, { viewerId: write.actor.id, channel }) as ReplyTemplate[];
    if (query.trim() || !suggestedId) return found;
    const suggested = found.find((s) => s.id === suggestedId);
    return suggested ? [suggested, ...found.filter((s) => s !== suggested)] : found;
  }, [index, scripts, query, write.actor.id, channel, suggestedId]);
  const at = Math.min(cursor, Math.max(0, results.length - 1));
  const current = results[at] ?? null;
  const filled = useFilledScript(current, ticket, { answers, variant, article, channel });

  const choose = (i: number) => {
    setCursor(i);
    setAnswers({});
    setVariant(undefined);
  };
  const move = (delta: number) => choose(Math.max(0, Math.min(results.length - 1, at + delta)));
  const insert = () => {
    if (!current || !filled) return;
    onInsert(filled.text, current.id);
  };
  /** Enter: to the next unanswered question after `from`, or insert when none is left. */
  const advance = (from: number) => {
    const prompts = filled?.prompts ?? [];
    for (let i = from + 1; i < prompts.length; i++) {
      if (!answers[prompts[i]!.name]?.trim()) {
        promptRefs.current[i]?.focus();
        return;
      }
    }
    insert();
  };
  const copy = async () => {
    if (!filled) return;
    try {
      await navigator.clipboard.writeText(filled.text);
      notifications.show({ message: t('scripts.picker.copied'), color: 'teal', autoClose: 2000 });
    } catch (err) {
      console.error('clipboard write failed', err);
      notifications.show({ message: t('scripts.picker.copyFailed'), color: 'red' });
    }
  };
  const commonKeys = (e: KeyboardEvent<HTMLElement>) => {
    if (e.code === 'KeyC' && (e.ctrlKey || e.metaKey) && e.shiftKey) {
      e.preventDefault();
      void copy();
      return true;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      insert();
      return true;
    }
    return false;
  };
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (commonKeys(e)) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      advance(-1);
    }
  };

  const hasSuggestion = Boolean(suggestedId && !query.trim() && results[0]?.id === suggestedId);
  return (
    <Group align="stretch" gap="md" wrap="nowrap" h={480}>
      <Stack gap={6} w={340} miw={280}>
        <TextInput
          ref={searchRef}
          data-autofocus
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            choose(0);
          }}
          onKeyDown={onSearchKey}
          placeholder={t('scripts.picker.search')}
          aria-label={t('scripts.picker.search')}
          leftSection={<IconSearch size={15} />}
          data-testid="script-picker-search"
        />
        <ScrollArea style={{ flex: 1 }} type="auto">
          <Stack gap={0} data-testid="script-picker-results" role="listbox" aria-label={t('scripts.title')}>
            {results.length === 0 && (
              <Text size="sm" c="dimmed" p="xs">
                {t('scripts.picker.nothing')}
              </Text>
            )}
            {results.map((s, i) => (
              <NavLink
                key={s.id}
                component="button"
                active={i === at}
                onClick={() => {
                  choose(i);
                  searchRef.current?.focus();
                }}
                label={s.title}
                description={s.category}
                rightSection={
                  i === 0 && hasSuggestion ? (
                    <Badge size="xs" color="teal" variant="light">
                      {t('scripts.picker.suggested')}
                    </Badge>
                  ) : s.ownerId ? (
                    <Badge size="xs" variant="outline">
                      {t('scripts.scope.personal')}
                    </Badge>
                  ) : null
                }
                py={4}
                role="option"
                aria-selected={i === at}
                data-testid="script-picker-result"
                data-script-id={s.id}
              />
            ))}
          </Stack>
        </ScrollArea>
      </Stack>
      <Stack gap={8} style={{ flex: 1, minWidth: 0 }}>
        {current && filled ? (
          <>
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600} truncate data-testid="script-picker-title">
                {current.title}
              </Text>
              <Group gap={6} wrap="nowrap">
                <VariantBadge variant={filled.variant} />
                {filled.hasPhoneVariant && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setVariant(filled.variant === 'phone' ? 'written' : 'phone')}
                    data-testid="script-switch-variant"
                  >
                    {t('scripts.picker.switchVariant')}
                  </Button>
                )}
              </Group>
            </Group>
            {filled.prompts.length > 0 && (
              <Stack gap={4} data-testid="script-prompts">
                <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                  {t('scripts.picker.prompts')}
                </Text>
                {filled.prompts.map((p, i) => (
                  <TextInput
                    key={p.name}
                    ref={(el) => {
                      promptRefs.current[i] = el;
                    }}
                    size="xs"
                    label={p.label}
                    value={answers[p.name] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setAnswers((a) => ({ ...a, [p.name]: value }));
                    }}
                    onKeyDown={(e) => {
                      if (commonKeys(e)) return;
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        advance(i);
                      }
                    }}
                    data-testid="script-prompt"
                    data-prompt={p.name}
                  />
                ))}
              </Stack>
            )}
            <ScrollArea style={{ flex: 1 }} type="auto">
              <ScriptPreview filled={filled} />
            </ScrollArea>
            <Group justify="space-between" wrap="nowrap">
              <Text size="xs" c="dimmed">
                {t('scripts.picker.keys', { copy: shortcutLabel(copyShortcut) })}
              </Text>
              <Group gap={6} wrap="nowrap">
                <Button
                  variant="default"
                  leftSection={<IconCopy size={14} />}
                  onClick={() => void copy()}
                  data-testid="script-copy"
                >
                  {t('scripts.picker.copy')}{' '}
                  <Kbd size="xs" ml={6}>
                    {shortcutLabel(copyShortcut)}
                  </Kbd>
                </Button>
                <Button leftSection={<IconTextPlus size={14} />} onClick={insert} data-testid="script-insert">
                  {t('scripts.picker.insert')}{' '}
                  <Kbd size="xs" ml={6}>
                    Enter
                  </Kbd>
                </Button>
              </Group>
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('scripts.picker.nothing')}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
