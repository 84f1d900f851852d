/**
 * The ticket's knowledge-base suggestions: the best articles for its subject and description,
 * refreshed as they are edited. Keyboard: Alt+B opens the next suggestion beside the ticket,
 * Alt+L links the open one (or the first) to the ticket, Alt+V puts its solution into the reply.
 */
import { Badge, Button, Drawer, Group, Kbd, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconBook2 } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '#shared/vocabulary/enums.ts';
import type { KbArticle } from '#shared/schema/index.ts';
import { shortcutLabel, useCommands, type Command } from '../../services/commands.ts';
import { useWorkspace } from '../../services/session/workspaceContext.ts';
import { Highlighted } from './Highlighted.tsx';
import { KbArticleReader } from './KbArticleReader.tsx';
import { useKbArticles, useKbSearch } from './kbQueries.ts';
import { solutionForReply, suggestionQuery, suggestionsOf, type SolutionTicket } from './kbSuggest.ts';

const keys = { open: 'alt+b', link: 'alt+l', insert: 'alt+v' } as const;

interface Props {
  subject: string;
  description: string;
  product: Product | null;
  /** The ticket the solution is filled in for (its placeholders take the ticket's values). */
  ticket: SolutionTicket;
  /** Articles already linked to the ticket. */
  linkedIds: ReadonlySet<string>;
  /** Null when the ticket takes no more links (closed). */
  onLink: ((articleId: string) => void) | null;
  /** Null when no reply can be written now. */
  onInsert: ((text: string) => void) | null;
}

export function KbSuggestions({ subject, description, product, ticket, linkedIds, onLink, onInsert }: Props) {
  const { t } = useTranslation();
  const { db, write } = useWorkspace();
  const solution = (article: KbArticle) =>
    solutionForReply(article, { ticket, agentName: write.actor.name, now: write.now(), sla: write.sla });
  const { articles } = useKbArticles(db);
  const hits = useKbSearch(db, articles, suggestionQuery({ subject, description }), { product, publishedOnly: true });
  const suggestions = useMemo(() => suggestionsOf(hits ?? [], new Map(articles.map((a) => [a.id, a]))), [hits, articles]);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = suggestions.find((s) => s.article.id === openId)?.article ?? null;
  const target = open ?? suggestions[0]?.article ?? null;

  const openNext = () => {
    if (suggestions.length === 0) return;
    const at = suggestions.findIndex((s) => s.article.id === openId);
    setOpenId(suggestions[(at + 1) % suggestions.length]!.article.id);
  };
  const link = () => {
    if (target && onLink && !linkedIds.has(target.id)) onLink(target.id);
  };
  const insert = () => {
    if (target && onInsert) {
      onInsert(solution(target));
      setOpenId(null);
    }
  };

  const group = t('kb.suggest.title');
  const commands: Command[] = [];
  if (suggestions.length > 0) {
    commands.push({ id: 'kb.suggest.open', label: t('kb.suggest.open'), group, shortcut: keys.open, run: openNext });
    if (onLink) commands.push({ id: 'kb.suggest.link', label: t('kb.suggest.link'), group, shortcut: keys.link, run: link });
    if (onInsert) {
      commands.push({ id: 'kb.suggest.insert', label: t('kb.suggest.insert'), group, shortcut: keys.insert, run: insert });
    }
  }
  useCommands('kb.suggest', commands);
  useHotkeys(
    commands.map((c) => [c.shortcut!, () => c.run(), { preventDefault: true, usePhysicalKeys: true }]),
    [],
  );

  const actions = (id: string) => (
    <Group gap={6}>
      {onLink && (
        <Button
          size="xs"
          variant="light"
          disabled={linkedIds.has(id)}
          onClick={() => onLink(id)}
          data-testid="kb-suggest-link"
          rightSection={target?.id === id ? <Kbd size="xs">{shortcutLabel(keys.link)}</Kbd> : null}
        >
          {linkedIds.has(id) ? t('kb.suggest.linked') : t('kb.suggest.link')}
        </Button>
      )}
      {onInsert && (
        <Button
          size="xs"
          variant="subtle"
          onClick={() => {
            const a = suggestions.find((s) => s.article.id === id)?.article;
            if (a) {
              onInsert(solution(a));
              setOpenId(null);
            }
          }}
          data-testid="kb-suggest-insert"
          rightSection={target?.id === id ? <Kbd size="xs">{shortcutLabel(keys.insert)}</Kbd> : null}
        >
          {t('kb.suggest.insert')}
        </Button>
      )}
    </Group>
  );

  return (
    <Paper withBorder p="sm" data-testid="kb-suggestions" data-count={suggestions.length}>
      <Group gap={6} wrap="nowrap">
        <IconBook2 size={14} />
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {t('kb.suggest.title')}
        </Text>
      </Group>
      {suggestions.length > 0 && (
        <Text size="xs" c="dimmed" mb={4}>
          {t('kb.suggest.keys', {
            open: shortcutLabel(keys.open),
            link: shortcutLabel(keys.link),
            insert: shortcutLabel(keys.insert),
          })}
        </Text>
      )}
      {suggestions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('kb.suggest.none')}
        </Text>
      ) : (
        <Stack gap={4}>
          {suggestions.map(({ article, terms }) => (
            <Group
              key={article.id}
              justify="space-between"
              wrap="nowrap"
              gap="xs"
              data-testid="kb-suggestion"
              data-article-id={article.id}
            >
              <UnstyledButton
                onClick={() => setOpenId(article.id)}
                style={{ minWidth: 0, flex: 1 }}
                data-testid="kb-suggestion-open"
              >
                <Text size="sm" fw={500} lineClamp={2}>
                  <Highlighted text={article.title} terms={terms} />
                </Text>
              </UnstyledButton>
              {linkedIds.has(article.id) && (
                <Badge size="xs" variant="light" color="green">
                  {t('kb.suggest.linked')}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <Drawer
        opened={open !== null}
        onClose={() => setOpenId(null)}
        position="right"
        size={620}
        title={t('kb.suggest.title')}
        data-testid="kb-suggest-drawer"
      >
        {open && (
          <Stack gap="xs" h="calc(100vh - 90px)">
            {actions(open.id)}
            <div style={{ flex: 1, minHeight: 0 }}>
              <KbArticleReader article={open} />
            </div>
          </Stack>
        )}
      </Drawer>
    </Paper>
  );
}
