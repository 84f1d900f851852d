/** The result list: virtualised, so thousands of articles scroll as smoothly as ten. */
import { Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '#shared/schema/index.ts';
import { Highlighted } from './Highlighted.tsx';
import { KbStatusBadge } from './KbStatusBadge.tsx';
import { plainSummary } from './plainSummary.ts';

const rowHeight = 56;

interface Props {
  articles: readonly KbArticle[];
  /** Per article, the index terms its search hit matched (highlighted in the row). */
  terms?: ReadonlyMap<string, readonly string[]>;
  cursor: number;
  openId: string | null;
  onOpen(index: number): void;
}

export function KbArticleList({ articles, terms, cursor, openId, onOpen }: Props) {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  // The virtualiser's functions are not memo-safe; it is used as the library documents.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: articles.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });

  useEffect(() => {
    if (cursor >= 0 && cursor < articles.length) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, articles.length, virtualizer]);

  return (
    <ScrollArea viewportRef={viewport} style={{ flex: 1, minHeight: 0 }} data-testid="kb-list" type="auto">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const a = articles[item.index]!;
          const isCursor = item.index === cursor;
          const isOpen = a.id === openId;
          return (
            <UnstyledButton
              key={a.id}
              onClick={() => onOpen(item.index)}
              data-testid="kb-row"
              data-article-id={a.id}
              data-cursor={isCursor || undefined}
              aria-current={isOpen ? 'true' : undefined}
              tabIndex={-1}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: rowHeight,
                transform: `translateY(${item.start}px)`,
                padding: '6px 10px',
                borderBottom: '1px solid var(--mantine-color-default-border)',
                borderLeft: `3px solid ${isCursor ? 'var(--mantine-primary-color-filled)' : 'transparent'}`,
                background: isOpen ? 'var(--mantine-primary-color-light)' : undefined,
              }}
            >
              <Stack gap={2}>
                <Group gap={6} wrap="nowrap" justify="space-between">
                  <Text size="sm" fw={500} truncate="end">
                    <Highlighted text={a.title} terms={terms?.get(a.id) ?? []} />
                  </Text>
                  {a.status !== 'published' && <KbStatusBadge status={a.status} size="xs" />}
                </Group>
                <Text size="xs" c="dimmed" truncate="end">
                  {a.product ? t(`common.product.${a.product}`) : t('kb.commonArticle')}
                  {' · '}
                  <Highlighted text={plainSummary(a.summary ?? a.body)} terms={terms?.get(a.id) ?? []} snippet />
                </Text>
              </Stack>
            </UnstyledButton>
          );
        })}
      </div>
    </ScrollArea>
  );
}
