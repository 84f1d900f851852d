/**
 * One script: its fields, the placeholders, and a live preview filled in for a chosen ticket.
 * Shared scripts are edited by the head of department; an agent sees them read-only and may make
 * a personal copy. Scripts are archived, never deleted.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Autocomplete,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconCopy, IconDeviceFloppy, IconRestore } from '@tabler/icons-react';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { channels, type Channel } from '#shared/vocabulary/enums.ts';
import type { ReplyTemplate } from '#shared/schema/index.ts';
import {
  canCreateShared,
  canEditScript,
  draftOf,
  type ScriptDraft,
  type ScriptDraftError,
  type ScriptUsage,
} from '#shared/templates/index.ts';
import { shortcutLabel } from '../../services/commands.ts';
import { ConflictVersions, type ConflictText } from '../../services/ConflictVersions.tsx';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { createScript, saveScript, setScriptArchived, type ScriptWrite } from '../../db/templateRepository.ts';
import { formatDateTime } from '../../i18n/index.ts';
import { PlaceholderList } from './PlaceholderList.tsx';
import { ScriptPreview, VariantBadge } from './ScriptPreview.tsx';
import { useRecentTickets } from './scriptQueries.ts';
import { useScriptsUi } from './scriptStore.ts';
import { useFilledScript } from './useFilledScript.ts';

export const saveShortcut = 'mod+s';

export function ScriptEditor({
  script,
  template,
  categories,
  usage,
  onSaved,
  onCopy,
}: {
  /** The stored script, or null for a new one. */
  script: ReplyTemplate | null;
  /** A new script's starting text (a personal copy). */
  template?: ScriptDraft | null;
  categories: string[];
  usage: ScriptUsage | null | undefined;
  onSaved(id: string): void;
  onCopy(draft: ScriptDraft): void;
}) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const actor = write.actor;
  const editable = script ? canEditScript(script, actor) : true;
  // Live: a conflict merged in by the sync while the editor is open shows at once.
  const conflict = script?.conflictDraft ?? null;
  const [draft, setDraft] = useState<ScriptDraft>(
    () =>
      (script ? draftOf(script) : null) ??
      template ?? {
        title: '',
        category: '',
        body: '',
        phoneBody: '',
        channels: [],
        tags: [],
        shared: canCreateShared(actor),
      },
  );
  const [error, setError] = useState<ScriptDraftError | 'saveFailed' | null>(null);
  const [busy, setBusy] = useState(false);
  const [variant, setVariant] = useState<'phone' | 'written'>('written');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const phoneRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<'body' | 'phoneBody'>('body');
  const set = <K extends keyof ScriptDraft>(k: K, v: ScriptDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const tickets = useRecentTickets(db);
  const { previewTicketId, setPreviewTicketId } = useScriptsUi();
  const previewTicket = tickets.find((x) => x.id === previewTicketId) ?? tickets[0] ?? null;
  const previewDoc = useMemo(
    () => ({ body: draft.body, phoneBody: draft.phoneBody.trim() ? draft.phoneBody : null }),
    [draft.body, draft.phoneBody],
  );
  const filled = useFilledScript(previewDoc, previewTicket, { variant });

  const run = async (write: () => Promise<ScriptWrite>) => {
    setBusy(true);
    try {
      const outcome = await write();
      if (!outcome.ok) {
        setError(outcome.error);
        return;
      }
      setError(null);
      notifications.show({ message: t('scripts.actions.saved'), color: 'teal', autoClose: 2000 });
      onSaved(outcome.script.id);
    } catch (err) {
      console.error('script write failed', err);
      setError('saveFailed');
    } finally {
      setBusy(false);
    }
  };
  const fallback = t('scripts.defaultCategory');
  const save = () =>
    void run(() =>
      script ? saveScript(db, script.id, draft, write, fallback, conflict !== null) : createScript(db, draft, write, fallback),
    );
  const archive = (archived: boolean) => script && void run(() => setScriptArchived(db, script.id, archived, write));

  const insertPlaceholder = (name: string) => {
    const field = lastField.current;
    const el = field === 'body' ? bodyRef.current : phoneRef.current;
    const text = `{{${name}}}`;
    const value = draft[field];
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    set(field, value.slice(0, start) + text + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + text.length, start + text.length);
    });
  };
  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (editable && (e.ctrlKey || e.metaKey) && e.code === 'KeyS') {
      e.preventDefault();
      save();
    }
  };

  return (
    <Group h="100%" gap={0} align="stretch" wrap="nowrap" data-testid="script-editor" data-editable={editable} onKeyDown={onKey}>
      <ScrollArea style={{ flex: 1, minWidth: 0 }} type="auto">
        <Stack gap="sm" p="md" maw={760}>
          <Group justify="space-between" wrap="nowrap">
            <Group gap={6}>
              <Badge variant={draft.shared ? 'light' : 'outline'} data-testid="script-scope">
                {t(draft.shared ? 'scripts.scope.shared' : 'scripts.scope.personal')}
              </Badge>
              {script?.archived && (
                <Badge color="gray" variant="light">
                  {t('scripts.archivedBadge')}
                </Badge>
              )}
              {script && usage !== undefined && (
                <Text size="xs" c="dimmed" data-testid="script-usage">
                  {usage === null
                    ? t('scripts.usageCounting')
                    : usage.count > 0
                      ? `${t('scripts.used', { count: usage.count })}, ${t('scripts.lastUsed', { date: formatDateTime(usage.lastUsedAt) })}`
                      : t('scripts.neverUsed')}
                </Text>
              )}
            </Group>
          </Group>
          {!editable && (
            <Alert color="gray" p="xs" data-testid="script-read-only">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">{t('scripts.readOnly')}</Text>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconCopy size={14} />}
                  onClick={() => onCopy({ ...draft, shared: false })}
                  data-testid="script-copy-personal"
                >
                  {t('scripts.actions.copyAsPersonal')}
                </Button>
              </Group>
            </Alert>
          )}
          <TextInput
            label={t('scripts.fields.title')}
            withAsterisk
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            readOnly={!editable}
            data-autofocus
            data-testid="script-title"
          />
          <Group grow align="flex-start">
            <Autocomplete
              size="xs"
              label={t('scripts.fields.category')}
              data={categories}
              value={draft.category}
              onChange={(v) => set('category', v)}
              readOnly={!editable}
              placeholder={fallback}
              data-testid="script-category"
            />
            {!script && canCreateShared(actor) ? (
              <Stack gap={2}>
                <Text size="xs" fw={500}>
                  {t('scripts.fields.scope')}
                </Text>
                <SegmentedControl
                  size="xs"
                  value={draft.shared ? 'shared' : 'personal'}
                  onChange={(v) => set('shared', v === 'shared')}
                  data={[
                    { value: 'shared', label: t('scripts.scope.shared') },
                    { value: 'personal', label: t('scripts.scope.personal') },
                  ]}
                  data-testid="script-scope-choice"
                />
              </Stack>
            ) : (
              <Text size="xs" c="dimmed" pt={22}>
                {t(draft.shared ? 'scripts.scopeHint.shared' : 'scripts.scopeHint.personal')}
              </Text>
            )}
          </Group>
          {conflict && script && editable && (
            <ConflictVersions
              title={t('scripts.conflict.title')}
              hint={t('scripts.conflict.hint')}
              whoId={conflict.editedBy}
              texts={conflictTexts(script, conflict, {
                body: { label: t('scripts.fields.body'), onTake: (text) => set('body', text) },
                phoneBody: { label: t('scripts.fields.phoneBody'), onTake: (text) => set('phoneBody', text) },
              })}
              testId="script-conflict"
            />
          )}
          {conflict && !editable && (
            <Alert color="yellow" p="xs" data-testid="script-conflict-note">
              {t('scripts.conflict.readOnly')}
            </Alert>
          )}
          <Textarea
            ref={bodyRef}
            label={t('scripts.fields.body')}
            withAsterisk
            autosize
            minRows={6}
            maxRows={18}
            value={draft.body}
            onChange={(e) => set('body', e.currentTarget.value)}
            onFocus={() => {
              lastField.current = 'body';
              setVariant('written');
            }}
            readOnly={!editable}
            data-testid="script-body"
          />
          <Textarea
            ref={phoneRef}
            label={t('scripts.fields.phoneBody')}
            description={t('scripts.fields.phoneBodyHint')}
            autosize
            minRows={2}
            maxRows={12}
            value={draft.phoneBody}
            onChange={(e) => set('phoneBody', e.currentTarget.value)}
            onFocus={() => {
              lastField.current = 'phoneBody';
              setVariant('phone');
            }}
            readOnly={!editable}
            data-testid="script-phone-body"
          />
          <MultiSelect
            size="xs"
            label={t('scripts.fields.channels')}
            description={t('scripts.fields.channelsHint')}
            data={channels.map((c) => ({ value: c, label: t(`common.channel.${c}`) }))}
            value={draft.channels}
            onChange={(v) => set('channels', v as Channel[])}
            readOnly={!editable}
            data-testid="script-channels"
          />
          <TagsInput
            size="xs"
            label={t('scripts.fields.tags')}
            description={t('scripts.fields.tagsHint')}
            value={draft.tags}
            onChange={(v) => set('tags', v)}
            readOnly={!editable}
            data-testid="script-tags"
          />
          {error && (
            <Alert color="red" p="xs" data-testid="script-error">
              {t(`scripts.errors.${error}`)}
            </Alert>
          )}
          {editable && (
            <Group justify="space-between">
              <Button onClick={save} loading={busy} leftSection={<IconDeviceFloppy size={14} />} data-testid="script-save">
                {t('scripts.actions.save')} ({shortcutLabel(saveShortcut)})
              </Button>
              {script && (
                <Button
                  variant="subtle"
                  color={script.archived ? undefined : 'red'}
                  leftSection={script.archived ? <IconRestore size={14} /> : <IconArchive size={14} />}
                  onClick={() => archive(!script.archived)}
                  disabled={busy}
                  data-testid="script-archive"
                >
                  {t(script.archived ? 'scripts.actions.restore' : 'scripts.actions.archive')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </ScrollArea>
      <ScrollArea w={420} miw={340} type="auto" style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}>
        <Stack gap="sm" p="md">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            {t('scripts.preview.title')}
          </Text>
          <Select
            size="xs"
            label={t('scripts.preview.ticket')}
            placeholder={t('scripts.preview.ticketPlaceholder')}
            searchable
            data={tickets.map((x) => ({ value: x.id, label: `${x.number ?? '—'} · ${x.subject}` }))}
            value={previewTicket?.id ?? null}
            onChange={(v) => setPreviewTicketId(v)}
            data-testid="script-preview-ticket"
          />
          {filled ? (
            <Stack gap={4}>
              <VariantBadge variant={filled.variant} />
              <ScriptPreview filled={filled} testId="script-editor-preview" />
            </Stack>
          ) : (
            <Paper withBorder p="sm">
              <Text size="sm" c="dimmed">
                {t('scripts.preview.noTicket')}
              </Text>
            </Paper>
          )}
          <PlaceholderList onPick={insertPlaceholder} disabled={!editable} />
        </Stack>
      </ScrollArea>
    </Group>
  );
}

type Conflict = NonNullable<ReplyTemplate['conflictDraft']>;

/** The texts that differ between the stored script and the conflict draft, each with its take. */
function conflictTexts(
  script: ReplyTemplate,
  conflict: Conflict,
  fields: Record<'body' | 'phoneBody', { label: string; onTake(text: string): void }>,
): ConflictText[] {
  return (['body', 'phoneBody'] as const)
    .map((key) => ({
      ...fields[key],
      current: script[key] ?? '',
      other: conflict[key] ?? '',
      testId: `script-conflict-${key}`,
    }))
    .filter((x) => x.current !== x.other);
}
