/**
 * The knowledge base: instant search over every article (Russian word forms, typos), a product
 * filter, the result list and the reader. Keyboard: '/' to search, ↑ ↓ to move, Enter to open,
 * Esc to close the article. The open article is the route's item (#/kb/<id>).
 */
import { Button, Center, Group, Select, Stack, Text, TextInput, Kbd } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { products, type Product } from '#shared/vocabulary/enums.ts';
import type { KbArticle } from '#shared/schema/index.ts';
import { shortcutLabel, useCommands, type Command } from '../../services/commands.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { useRouteStore } from '../../state/routeStore.ts';
import { KbArticleList } from './KbArticleList.tsx';
import { KbArticleReader } from './KbArticleReader.tsx';
import { KbEditor } from './KbEditor.tsx';
import { KbHistory } from './KbHistory.tsx';
import { useKbArticles, useKbSearch } from './kbQueries.ts';
import { useKbUi } from './kbStore.ts';

function onPage(action: () => void) {
  return (e: Event) => {
    const target = e.target as Element | null;
    if (target !== document.body && !target?.closest('[data-testid="kb-list"]')) return;
    e.preventDefault();
    action();
  };
}

export function KbSection() {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const { articles, loaded } = useKbArticles(db);
  const { query, product, cursor, editing, setQuery, setProduct, setCursor, setEditing } = useKbUi();
  const hits = useKbSearch(db, articles, query, { product });
  const openId = useRouteStore((s) => (s.section === 'kb' ? s.itemId : null));
  const search = useRef<HTMLInputElement>(null);
  const [history, setHistory] = useState(false);
  const categories = useMemo(
    () =>
      [...new Set(articles.map((a) => a.category).filter((c): c is string => Boolean(c)))].sort((a, b) =>
        a.localeCompare(b, 'ru'),
      ),
    [articles],
  );

  const { results, terms } = useMemo(() => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const found = hits ?? [];
    return {
      results: found.map((hit) => byId.get(hit.id)).filter((a): a is KbArticle => a !== undefined),
      terms: new Map(found.map((h) => [h.id, h.terms])),
    };
  }, [hits, articles]);
  const open = openId ? (articles.find((a) => a.id === openId) ?? null) : null;
  const at = Math.min(cursor, Math.max(0, results.length - 1));

  const openAt = (i: number) => {
    const a = results[i];
    if (!a) return;
    setCursor(i);
    useRouteStore.getState().go('kb', a.id);
  };
  const move = (delta: number) => setCursor(Math.max(0, Math.min(results.length - 1, at + delta)));

  const focusSearch = () => search.current?.focus();
  const next = () => move(1);
  const previous = () => move(-1);
  const openCursor = () => openAt(at);
  const closeArticle = () => useRouteStore.getState().closeItem();
  const newArticle = () => setEditing('new');
  const editOpen = () => {
    if (open) setEditing(open.id);
  };
  const showHistory = () => {
    if (open) setHistory(true);
  };
  const doneEditing = (id: string | null) => {
    setEditing(null);
    if (id) useRouteStore.getState().go('kb', id);
  };
  const group = t('kb.title');
  const commands: Command[] = [
    { id: 'kb.search', label: t('kb.command.search'), group, shortcut: 'slash', run: focusSearch },
    { id: 'kb.next', label: t('kb.command.next'), group, shortcut: 'arrowdown', run: next },
    { id: 'kb.previous', label: t('kb.command.previous'), group, shortcut: 'arrowup', run: previous },
    { id: 'kb.open', label: t('kb.command.open'), group, shortcut: 'enter', run: openCursor },
    { id: 'kb.close', label: t('kb.command.close'), group, shortcut: 'escape', run: closeArticle },
    { id: 'kb.new', label: t('kb.command.new'), group, shortcut: 'alt+shift+n', run: newArticle },
    ...(open
      ? [
          { id: 'kb.edit', label: t('kb.command.edit'), group, shortcut: 'alt+i', run: editOpen },
          { id: 'kb.history', label: t('kb.command.history'), group, shortcut: 'alt+h', run: showHistory },
        ]
      : []),
  ];
  useCommands('kb', commands);
  const physical = { preventDefault: true, usePhysicalKeys: true };
  useHotkeys([
    ['slash', focusSearch, physical],
    ['arrowdown', next, physical],
    ['arrowup', previous, physical],
    // Enter and Esc belong to a focused button or dialog; here they act only on the page itself.
    ['enter', onPage(openCursor), { usePhysicalKeys: true }],
    ['escape', onPage(closeArticle), { usePhysicalKeys: true }],
    ['alt+shift+n', newArticle, physical],
    ['alt+i', editOpen, physical],
    ['alt+h', showHistory, physical],
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

  const countText =
    query.trim() || product ? t('kb.found', { count: results.length }) : t('kb.articles', { count: results.length });
  return (
    <Group h="100%" gap={0} align="stretch" wrap="nowrap" data-testid="section-kb">
      <Stack gap={0} w={400} miw={320} style={{ borderRight: '1px solid var(--mantine-color-default-border)' }}>
        <Stack gap={6} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <TextInput
            ref={search}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={onSearchKey}
            placeholder={t('kb.searchPlaceholder')}
            leftSection={<IconSearch size={15} />}
            rightSection={<Kbd size="xs">{shortcutLabel('slash')}</Kbd>}
            aria-label={t('kb.command.search')}
            data-testid="kb-search"
          />
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={newArticle}
              data-testid="kb-new"
              title={shortcutLabel('alt+shift+n')}
            >
              {t('kb.actions.new')}
            </Button>
            <Select
              size="xs"
              w={150}
              data={products.map((p) => ({ value: p, label: t(`common.product.${p}`) }))}
              value={product}
              onChange={(v) => setProduct((v as Product | null) ?? null)}
              placeholder={t('kb.allProducts')}
              clearable
              clearButtonProps={{ 'aria-label': t('kb.allProducts') }}
              data-testid="kb-product"
            />
            <Text size="xs" c="dimmed" data-testid="kb-count" data-count={results.length}>
              {countText}
            </Text>
          </Group>
        </Stack>
        {!loaded || (hits === null && articles.length > 0) ? (
          <Text size="sm" c="dimmed" p="md">
            {t('common.loading')}
          </Text>
        ) : articles.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            {t('kb.empty')}
          </Text>
        ) : results.length === 0 ? (
          <Text size="sm" c="dimmed" p="md" data-testid="kb-nothing">
            {t('kb.nothingFound')}
          </Text>
        ) : (
          <KbArticleList articles={results} terms={terms} cursor={at} openId={openId} onOpen={openAt} />
        )}
      </Stack>
      <div style={{ flex: 1, minWidth: 0 }}>
        {editing ? (
          <KbEditor
            key={editing}
            article={editing === 'new' ? null : (articles.find((a) => a.id === editing) ?? null)}
            categories={categories}
            onDone={doneEditing}
          />
        ) : open ? (
          <>
            <KbArticleReader article={open} onEdit={editOpen} onHistory={showHistory} />
            {history && <KbHistory article={open} onClose={() => setHistory(false)} />}
          </>
        ) : (
          <Center h="100%">
            <Text size="sm" c="dimmed">
              {openId && loaded ? t('kb.notFound') : t('kb.chooseArticle')}
            </Text>
          </Center>
        )}
      </div>
    </Group>
  );
}
