/**
 * The «Скрипты» section: the company's reply scripts by category with search, usage (which are
 * used, which never), and the editor with a live preview. Keyboard: '/' to search, ↑ ↓ to move,
 * Enter to open, Alt+Shift+N for a new script, Ctrl+S to save, Esc to close. The open script is
 * the route's item (#/scripts/<id>, #/scripts/new).
 */
import { Button, Center, Group, Kbd, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyTemplate } from '#shared/schema/index.ts';
import { isVisibleTo, searchScripts, type ScriptDraft } from '#shared/templates/index.ts';
import { shortcutLabel, useCommands, type Command } from '../../services/commands.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { ScriptEditor } from './ScriptEditor.tsx';
import { ScriptList } from './ScriptList.tsx';
import { useScriptIndex, useScriptUsage, useScripts } from './scriptQueries.ts';
import { scriptViews, useScriptsUi, type ScriptView } from './scriptStore.ts';

export const newScriptShortcut = 'alt+shift+n';
const newItem = 'new';

function onPage(action: () => void) {
  return (e: Event) => {
    const target = e.target as Element | null;
    if (target !== document.body && !target?.closest('[data-testid="scripts-list"]')) return;
    e.preventDefault();
    action();
  };
}

export function ScriptsSection() {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const viewerId = write.actor.id;
  const { scripts, loaded } = useScripts(db);
  const index = useScriptIndex(db, scripts, loaded);
  const usage = useScriptUsage(db);
  const { query, view, cursor, setQuery, setView, setCursor } = useScriptsUi();
  const openId = useRouteStore((s) => (s.section === 'scripts' ? s.itemId : null));
  const search = useRef<HTMLInputElement>(null);
  const [copyOf, setCopyOf] = useState<ScriptDraft | null>(null);

  const results = useMemo(() => {
    void scripts; // the index follows `scripts`
    const found = searchScripts(index, query, { viewerId, includeArchived: view === 'archived' }) as ReplyTemplate[];
    return found.filter((s) => {
      switch (view) {
        case 'shared':
          return s.ownerId === null;
        case 'mine':
          return s.ownerId === viewerId;
        case 'unused':
          return usage !== null && !usage.has(s.id);
        case 'archived':
          return s.archived;
        default:
          return true;
      }
    });
  }, [index, scripts, query, viewerId, view, usage]);
  const categories = useMemo(
    () => [...new Set(scripts.map((s) => s.category))].sort((a, b) => a.localeCompare(b, 'ru')),
    [scripts],
  );
  const open = openId && openId !== newItem ? (scripts.find((s) => s.id === openId && isVisibleTo(s, viewerId)) ?? null) : null;
  const at = Math.min(cursor, Math.max(0, results.length - 1));

  const openAt = (i: number) => {
    const s = results[i];
    if (!s) return;
    setCursor(i);
    useRouteStore.getState().go('scripts', s.id);
  };
  const move = (delta: number) => setCursor(Math.max(0, Math.min(results.length - 1, at + delta)));
  const focusSearch = () => search.current?.focus();
  const next = () => move(1);
  const previous = () => move(-1);
  const openCursor = () => openAt(at);
  const closeScript = () => useRouteStore.getState().closeItem();
  const create = (from: ScriptDraft | null = null) => {
    setCopyOf(from);
    useRouteStore.getState().go('scripts', newItem);
  };
  const group = t('scripts.title');
  const commands: Command[] = [
    { id: 'scripts.search', label: t('scripts.command.search'), group, shortcut: 'slash', run: focusSearch },
    { id: 'scripts.next', label: t('scripts.command.next'), group, shortcut: 'arrowdown', run: next },
    { id: 'scripts.previous', label: t('scripts.command.previous'), group, shortcut: 'arrowup', run: previous },
    { id: 'scripts.open', label: t('scripts.command.open'), group, shortcut: 'enter', run: openCursor },
    { id: 'scripts.new', label: t('scripts.command.new'), group, shortcut: newScriptShortcut, run: () => create() },
    { id: 'scripts.close', label: t('scripts.command.close'), group, shortcut: 'escape', run: closeScript },
  ];
  useCommands('scripts', commands);
  const physical = { preventDefault: true, usePhysicalKeys: true };
  useHotkeys([
    ['slash', focusSearch, physical],
    ['arrowdown', next, physical],
    ['arrowup', previous, physical],
    [newScriptShortcut, () => create(), physical],
    ['enter', onPage(openCursor), { usePhysicalKeys: true }],
    ['escape', onPage(closeScript), { usePhysicalKeys: true }],
  ]);

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      openAt(at);
    } else if (e.key === 'Escape' && query) {
      e.stopPropagation();
      setQuery('');
    }
  };

  const countText = query.trim()
    ? t('scripts.found', { count: results.length })
    : t('scripts.scripts', { count: results.length });
  const editorKey = openId === newItem ? `new:${copyOf?.title ?? ''}` : (open?.id ?? '');
  return (
    <Group h="100%" gap={0} align="stretch" wrap="nowrap" data-testid="section-scripts">
      <Stack gap={0} w={400} miw={320} style={{ borderRight: '1px solid var(--mantine-color-default-border)' }}>
        <Stack gap={6} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Group gap={6} wrap="nowrap">
            <TextInput
              ref={search}
              style={{ flex: 1 }}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={onSearchKey}
              placeholder={t('scripts.searchPlaceholder')}
              leftSection={<IconSearch size={15} />}
              rightSection={<Kbd size="xs">{shortcutLabel('slash')}</Kbd>}
              aria-label={t('scripts.command.search')}
              data-testid="scripts-search"
            />
            <Button
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => create()}
              title={shortcutLabel(newScriptShortcut)}
              data-testid="scripts-new"
            >
              {t('scripts.actions.new')}
            </Button>
          </Group>
          <Group gap={6} justify="space-between" wrap="nowrap">
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(v) => setView(v as ScriptView)}
              data={scriptViews.map((v) => ({ value: v, label: t(`scripts.view.${v}`) }))}
              data-testid="scripts-view"
            />
            <Text size="xs" c="dimmed" data-testid="scripts-count" data-count={results.length}>
              {countText}
            </Text>
          </Group>
        </Stack>
        {!loaded ? (
          <Text size="sm" c="dimmed" p="md">
            {t('common.loading')}
          </Text>
        ) : scripts.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {t('scripts.empty')}
          </Text>
        ) : results.length === 0 ? (
          <Text size="sm" c="dimmed" p="md" data-testid="scripts-nothing">
            {t('scripts.nothingFound')}
          </Text>
        ) : (
          <ScriptList scripts={results} usage={usage} cursor={at} openId={open?.id ?? null} onOpen={openAt} />
        )}
      </Stack>
      <div style={{ flex: 1, minWidth: 0 }}>
        {openId === newItem || open ? (
          <ScriptEditor
            key={editorKey}
            script={open}
            template={openId === newItem ? copyOf : null}
            categories={categories}
            usage={open ? (usage === null ? null : (usage.get(open.id) ?? { count: 0, lastUsedAt: 0 })) : undefined}
            onSaved={(id) => {
              setCopyOf(null);
              useRouteStore.getState().go('scripts', id);
            }}
            onCopy={(draft) => create({ ...draft, title: draft.title, shared: false })}
          />
        ) : (
          <Center h="100%">
            <Text size="sm" c="dimmed">
              {openId && loaded ? t('scripts.notFound') : t('scripts.choose')}
            </Text>
          </Center>
        )}
      </div>
    </Group>
  );
}
